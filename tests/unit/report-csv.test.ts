import { fileName } from '@/domain/fileNames'
import { describe, expect, it } from 'vitest'
import { buildReport } from '@/domain/report/model'
import { actionsCsv, answersCsv, csvDate, indicatorsCsv, toCsv, type CsvText } from '@/report/csv'
import { frenchNumber, parseCsv } from '../fixtures/csv'
import {
  action,
  answer,
  assessmentOf,
  fullAnswers,
  indicator,
  level,
  organisation,
  realGuide,
  exerciseOf,
} from '../fixtures/reportData'

const text: CsvText = {
  column: (key, params) => (params ? `${key} ${Object.values(params).join(' ')}` : key),
  answerState: (s) => `state:${s}`,
  levelLabel: (l) => `niveau ${l}`,
  unit: (u) => `unit:${u}`,
  status: (s) => `status:${s}`,
  priority: (p) => `priority:${p}`,
  comparator: (c) => `comparator:${c}`,
  actionTitle: (a) => a.title || `from:${a.question}`,
  yes: 'oui',
  no: 'non',
}

const retained = ['gov', 'employment']
function report() {
  const answers = fullAnswers('y2', retained)
  answers.set(
    'gov.rules.explicit',
    answer('gov.rules.explicit', level(2), {
      assessmentId: 'y2',
      note: 'Ligne 1\r\nLigne 2 ; « guillemets " doubles »',
      evidence: ['PV d’AG', 'Statuts'],
    }),
  )
  answers.set(
    'gov.rules.respect',
    answer('gov.rules.respect', level(1), { assessmentId: 'y2', note: '=HYPERLINK("http://x")' }),
  )
  return buildReport({
    guide: realGuide,
    organisation,
    previous: null,
    exercise: exerciseOf(assessmentOf('y2', 2025, retained), answers, {
      indicators: new Map([
        ['employment.ind.pay-ratio', indicator('y2', 'employment.ind.pay-ratio', 2.75)],
        ['custom.budget', indicator('y2', 'custom.budget', 1234.56, 'Plan de développement des compétences')],
        ['gov.ind.elected-leaders', indicator('y2', 'gov.ind.elected-leaders', true)],
      ]),
    }),
    actions: [
      action('a1', {
        title: 'Publier l’index égalité',
        themeId: 'employment',
        dueDate: '2026-03-01',
        owner: 'Directrice',
      }),
      action('a2', { title: 'Charte éthique' }),
    ],
    customIndicators: [
      {
        id: 'custom.budget',
        organisationId: 'org',
        label: 'Budget formation',
        themeId: 'employment',
        unit: 'euros',
        createdAt: '2025-01-01T00:00:00.000Z',
      },
    ],
    highlightsPerTheme: 3,
  })
}

describe('CSV for French spreadsheets', () => {
  it('writes a BOM, « ; », CRLF, and quotes fields with separators, quotes or line breaks', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['x;y', 'il a dit "oui"'],
        [1.5, null],
      ],
    )
    expect(csv).toBe('\uFEFFa;b\r\n"x;y";"il a dit ""oui"""\r\n1,5;\r\n')
    expect(parseCsv(csv)).toEqual([
      ['a', 'b'],
      ['x;y', 'il a dit "oui"'],
      ['1,5', ''],
    ])
  })

  it('exports every answer with its note and evidence, and reads back to the same data', () => {
    const model = report()
    const rows = parseCsv(answersCsv(model, text))
    const [header, ...body] = rows
    expect(header[0]).toBe('themeNumber')
    const annex = model.annex.flatMap((t) => t.questions.map((q) => ({ q, theme: t.theme })))
    expect(body).toHaveLength(annex.length)
    body.forEach((row, i) => {
      const { q, theme } = annex[i]
      expect(row).toHaveLength(header.length)
      expect(row.slice(0, 6)).toEqual([
        String(theme.number),
        theme.shortLabel,
        q.domaine,
        q.id,
        q.text,
        `state:${q.state}`,
      ])
      expect(row[6] === '' ? null : Number(row[6])).toBe(q.level)
      expect(row[10].split(' | ').filter(Boolean)).toEqual(q.evidence)
      if (!q.note.startsWith('=')) expect(row[9]).toBe(q.note)
    })
    const formula = body.find((r) => r[3] === 'gov.rules.respect')!
    expect(formula[9]).toBe(`'=HYPERLINK("http://x")`)
    expect(body.find((r) => r[3] === 'gov.rules.explicit')![9]).toBe('Ligne 1\r\nLigne 2 ; « guillemets " doubles »')
  })

  it('exports indicators with a decimal comma and yes/no, and reads back to the same values', () => {
    const rows = parseCsv(indicatorsCsv(report(), text))
    expect(rows[0]).toContain('valueOf 2025')
    const byId = new Map(rows.slice(1).map((r) => [r[2], r]))
    expect(byId.get('custom.budget')![5]).toBe('1234,56')
    expect(frenchNumber(byId.get('custom.budget')![5])).toBe(1234.56)
    expect(byId.get('custom.budget')![9]).toBe('Plan de développement des compétences')
    expect(frenchNumber(byId.get('employment.ind.pay-ratio')![5])).toBe(2.75)
    expect(byId.get('gov.ind.elected-leaders')![5]).toBe('oui')
    expect(rows.slice(1)).toHaveLength(3)
  })

  it('exports the actions with French dates', () => {
    const rows = parseCsv(actionsCsv(report(), text))
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual([
      [
        'Publier l’index égalité',
        'Politique salariale et exemplarité sociale',
        'status:todo',
        'Directrice',
        '01/03/2026',
      ],
      ['Charte éthique', '', 'status:todo', '', ''],
    ])
    expect(csvDate('2026-06-12T08:00:00.000Z')).toBe('12/06/2026')
  })

  it('names every file the same way: what it is, whose, when, without accents or spaces', () => {
    const org = (text: string) => ({ text, fallback: 'organisation' })
    expect(fileName(['reponses', org('Les Ateliers de l’Œuvre Commune'), 2025], 'csv')).toBe(
      'cap-ess-reponses-les-ateliers-de-l-oeuvre-commune-2025.csv',
    )
    expect(fileName(['rapport-ag', org('«»'), 2025], 'pdf')).toBe('cap-ess-rapport-ag-organisation-2025.pdf')
    expect(fileName(['sauvegarde', org('Tout'), '2026-12-07'], 'json')).toBe('cap-ess-sauvegarde-tout-2026-12-07.json')
  })
})
