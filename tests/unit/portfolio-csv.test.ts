import { describe, expect, it } from 'vitest'
import { portfolioCsv, type PortfolioExercise } from '@/report/portfolioCsv'
import { parseCsv } from '../fixtures/csv'

const text = {
  column: (key: string, p?: Record<string, string | number>) => (p ? `${key} ${p.number}` : key),
  stage: (s: string) => `stage:${s}`,
  yes: 'oui',
  no: 'non',
}
const themes = [
  { id: 'gov', number: 1, shortLabel: 'Gouvernance' },
  { id: 'ethics', number: 8, shortLabel: 'Éthique' },
]
const exercise = (extra: Partial<PortfolioExercise>): PortfolioExercise => ({
  organisation: 'Asso « Les Mûres » ; Nantes',
  legalForm: 'Association',
  region: 'Pays de la Loire',
  tags: ['DLA', 'insertion'],
  archived: false,
  year: 2025,
  stage: 'presented',
  global: { score: 62.5, coverage: 80, answered: 16, applicable: 20 },
  themes: new Map([
    ['gov', 70],
    ['ethics', null],
  ]),
  presentedAt: '2026-06-12',
  ...extra,
})

describe('the portfolio’s spreadsheet', () => {
  it('has one row per organisation and exercise, in French Excel format, read back as written', () => {
    const csv = portfolioCsv(
      [
        exercise({}),
        exercise({
          year: 2026,
          stage: 'in-progress',
          themes: new Map([['gov', 40]]),
          presentedAt: null,
          organisation: '=HYPERLINK()',
        }),
      ],
      themes,
      text,
    )
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const [header, first, second] = parseCsv(csv)
    expect(header).toEqual([
      'organisation',
      'legalForm',
      'region',
      'tags',
      'archived',
      'year',
      'stage',
      'globalScore',
      'coverage',
      'answered',
      'applicable',
      'presentedAt',
      'themeScore 1',
      'themeScore 8',
    ])
    expect(first).toEqual([
      'Asso « Les Mûres » ; Nantes',
      'Association',
      'Pays de la Loire',
      'DLA, insertion',
      'non',
      '2025',
      'stage:presented',
      '62,5',
      '80',
      '16',
      '20',
      '12/06/2026',
      '70',
      '',
    ])
    expect(second[0]).toBe("'=HYPERLINK()")
    expect(second.slice(-2)).toEqual(['40', ''])
  })
})
