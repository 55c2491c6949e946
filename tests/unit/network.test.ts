import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Answer } from '@/domain/answer'
import type { Assessment } from '@/domain/assessment'
import { filterCatalogue, mergeSheets, NO_FILTER, type CatalogueSheet } from '@/domain/catalogue'
import { readEnvelope } from '@/domain/files/envelope'
import { parseSheetsFile, shareSheet, sheetsFile } from '@/domain/files/practiceSheets'
import { buildSummary, parseSummaryFile, summaryFile, summaryId, type Summary } from '@/domain/files/summary'
import { indexGuide } from '@/domain/guide/guideIndex'
import { checkNetworkGuide } from '@/domain/guide/networkGuide'
import type { Organisation } from '@/domain/organisation'
import type { PracticeSheet } from '@/domain/practiceSheet'
import {
  complementAllowed,
  levelFigure,
  mergeSummaries,
  MIN_GROUP,
  regionalPicture,
  scoreFigure,
  suppressComplement,
} from '@/domain/regionalPicture'
import { scoreAssessment } from '@/domain/scoring'
import { sizeBandOf } from '@/domain/sizeBand'
import { takeSnapshot } from '@/domain/snapshot'
import { miniGuide } from '../fixtures/factories'

const T = '2026-03-01T10:00:00.000Z'
const sha256 = async (data: Uint8Array<ArrayBuffer>) => {
  const digest = createHash('sha256').update(data).digest()
  return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength) as ArrayBuffer
}
const guide = indexGuide(
  miniGuide({
    gov: {
      rules: [{ id: 'gov.a' }, { id: 'gov.b' }],
      power: [{ id: 'gov.c' }, { id: 'gov.fact', kind: 'reflection' }],
    },
    env: { waste: [{ id: 'env.a' }] },
  }),
)
const SECRET_NAME = 'Les Jardins Secrets de Quimper'
const SECRET_NOTE = 'Notre trésorière, Mme Le Goff, démissionne en juin'
const organisation: Organisation = {
  id: 'org-1',
  name: SECRET_NAME,
  legalForm: 'scic',
  employees: 23,
  volunteers: 4,
  members: 120,
  region: '53',
  siren: '732829320',
  createdAt: T,
  updatedAt: T,
}
const answer = (questionId: string, response: Answer['response'], note = ''): Answer => ({
  assessmentId: 'a-1',
  questionId,
  response,
  note,
  evidence: ['PV du CA du 12 mars'],
  applicabilityOverride: null,
  carriedOver: false,
  updatedAt: T,
})
const answers = [
  answer('gov.a', { kind: 'level', level: 3 }, SECRET_NOTE),
  answer('gov.b', { kind: 'na', reason: 'Pas de CA chez nous (raison privée)' }),
  answer('gov.c', { kind: 'unknown' }),
  answer('env.a', { kind: 'level', level: 1 }, 'Tri en place'),
]
function completed(): Assessment {
  const scores = scoreAssessment(guide, ['gov', 'env'], organisation, new Map(answers.map((a) => [a.questionId, a])))
  return {
    id: 'a-1',
    organisationId: 'org-1',
    year: 2025,
    guideId: 'mini',
    guideVersion: 1,
    status: 'completed',
    retainedThemeIds: ['gov', 'env'],
    participants: 'Claire Martin, Paul Durand',
    previousAssessmentId: null,
    completedAt: T,
    snapshot: takeSnapshot(scores, { guideId: 'mini', guideVersion: 1 }, T, organisation),
    presentedAt: '2026-06-12',
    agRecord: { approach: 'Approche confidentielle', questionsRaised: '', objectivesAdopted: '' },
    createdAt: T,
    updatedAt: T,
  }
}

describe('anonymised summary', () => {
  it('holds profile bands, scores and levels, and no name or free text without opt-in', async () => {
    const id = await summaryId('a-1', sha256)
    const summary = buildSummary({
      id,
      assessment: completed(),
      organisation,
      answers,
      guide,
      optIn: { name: false, notes: false },
    })
    expect(summary).toMatchObject({
      year: 2025,
      legalForm: 'scic',
      sizeBand: '10-49',
      region: '53',
      guideId: 'mini',
      guideVersion: 1,
    })
    expect(summary.levels).toEqual({ 'gov.a': 3, 'gov.b': 'na', 'gov.c': 'unknown', 'env.a': 1 })
    expect(summary.global.score).toBeCloseTo((3 / 4 + 1 / 4) / 2)
    expect(summary.optIn).toBeUndefined()
    // A fixed export time: the clock's own « :23 » (at 21:23, say) is not the headcount this looks for.
    const text = JSON.stringify(summaryFile([summary], '1.0.0', new Date('2026-06-15T10:41:05.000Z')))
    for (const secret of [
      SECRET_NAME,
      'Jardins',
      SECRET_NOTE,
      'Tri en place',
      'raison privée',
      'PV du CA',
      'Claire',
      'Approche',
      '732829320',
      'org-1',
      'a-1',
      '"23"',
      ':23',
    ]) {
      expect(text, secret).not.toContain(secret)
    }
    // Nothing the schema does not name can slip in: the file is read back as it is written.
    expect(parseSummaryFile(text).ok).toBe(true)
  })

  it('adds the name and the notes only when the organisation opts in', async () => {
    const id = await summaryId('a-1', sha256)
    const withName = buildSummary({
      id,
      assessment: completed(),
      organisation,
      answers,
      guide,
      optIn: { name: true, notes: false },
    })
    expect(withName.optIn).toEqual({ name: SECRET_NAME })
    const withNotes = buildSummary({
      id,
      assessment: completed(),
      organisation,
      answers,
      guide,
      optIn: { name: false, notes: true },
    })
    expect(withNotes.optIn).toEqual({ notes: { 'gov.a': SECRET_NOTE, 'env.a': 'Tri en place' } })
    expect(JSON.stringify(withNotes)).not.toContain(SECRET_NAME)
  })

  it('has the same id for the same exercise every time, another for another, and never the assessment id', async () => {
    const a = await summaryId('a-1', sha256)
    expect(await summaryId('a-1', sha256)).toBe(a)
    expect(await summaryId('a-2', sha256)).not.toBe(a)
    expect(a).toMatch(/^[0-9a-f]{32}$/)
  })

  it('is refused for a draft', () => {
    expect(() =>
      buildSummary({
        id: 'x'.repeat(32),
        assessment: { ...completed(), status: 'draft', snapshot: null },
        organisation,
        answers,
        guide,
        optIn: { name: false, notes: false },
      }),
    ).toThrow()
  })

  it('gives size bands on the INSEE thresholds', () => {
    expect([0, 1, 9, 10, 49, 50, 249, 250, 5000].map(sizeBandOf)).toEqual([
      '0',
      '1-9',
      '1-9',
      '10-49',
      '10-49',
      '50-249',
      '50-249',
      '250+',
      '250+',
    ])
  })
})

function fakeSummary(i: number, over: Partial<Summary> = {}): Summary {
  const score = (i % 5) / 4
  return {
    id: i.toString(16).padStart(32, '0'),
    year: 2025,
    guideId: 'mini',
    guideVersion: 1,
    scoringVersion: 1,
    legalForm: i % 2 ? 'association' : 'scop',
    sizeBand: '1-9',
    region: '53',
    global: { score, answered: 3, applicable: 4, coverage: 0.75 },
    themes: [
      { themeId: 'gov', score, answered: 3, applicable: 3, coverage: 1 },
      { themeId: 'env', score: null, answered: 0, applicable: 1, coverage: 0 },
    ],
    levels: { 'gov.a': i % 5, 'gov.b': 'na' },
    ...over,
  }
}
const frame = {
  themeIds: ['gov', 'env'],
  questions: [
    { id: 'gov.a', themeId: 'gov' },
    { id: 'gov.b', themeId: 'gov' },
    { id: 'env.a', themeId: 'env' },
  ],
}
const all = { guideId: 'mini', guideVersion: 1, year: 2025, legalForm: null, sizeBand: null, region: null }

describe('regional picture', () => {
  it('computes mean, median and coverage over the organisations that have a score', () => {
    const f = scoreFigure(
      [0, 0.25, 0.5, 0.75, 1, null].map((score) => ({ score, coverage: score === null ? null : 0.5 })),
    )
    expect(f).toEqual({ n: 5, hidden: false, mean: 0.5, median: 0.5, coverage: 0.5 })
    expect(scoreFigure([0, 0.5, 0.5, 1, 1, 1].map((score) => ({ score, coverage: 1 }))).median).toBe(0.75)
  })

  it('shows no figure for a group of fewer than five organisations, but says how many there are', () => {
    expect(MIN_GROUP).toBe(5)
    const four = [0, 1, 2, 3].map((i) => fakeSummary(i))
    expect(scoreFigure(four.map((s) => s.global))).toEqual({
      n: 4,
      hidden: true,
      mean: null,
      median: null,
      coverage: null,
    })
    expect(levelFigure(four, 'gov.a', 'gov')).toEqual({ n: 4, hidden: true, levels: [], na: 0, unknown: 0, none: 0 })
    const picture = regionalPicture([...four, fakeSummary(4)], all, 'legalForm', frame)
    // 5 organisations: 2 associations, 3 scop: both groups too small.
    expect(picture.total).toBe(5)
    expect(picture.groups.map((g) => [g.key, g.n, g.hidden, g.global.hidden])).toEqual([
      ['association', 2, true, true],
      ['scop', 3, true, true],
    ])
    expect(
      picture.groups.every((g) => g.global.mean === null && [...g.themes.values()].every((t) => t.mean === null)),
    ).toBe(true)
  })

  it('counts the levels of each question among the organisations that retained its theme', () => {
    const ten = Array.from({ length: 10 }, (_, i) => fakeSummary(i))
    const withoutEnv = fakeSummary(10, {
      themes: [{ themeId: 'gov', score: 0, answered: 1, applicable: 1, coverage: 1 }],
      levels: {},
    })
    const picture = regionalPicture([...ten, withoutEnv], all, 'all', frame)
    const group = picture.groups[0]!
    expect(group.n).toBe(11)
    expect(group.questions.get('gov.a')).toEqual({
      n: 11,
      hidden: false,
      levels: [2, 2, 2, 2, 2],
      na: 0,
      unknown: 0,
      none: 1,
    })
    expect(group.questions.get('gov.b')).toMatchObject({ n: 11, na: 10, none: 1 })
    // env: retained by ten, but no one has a score there.
    expect(group.questions.get('env.a')).toMatchObject({ n: 10, none: 10 })
    expect(group.themes.get('env')).toMatchObject({ n: 0, hidden: true })
    expect(group.themes.get('gov')!.mean).toBeCloseTo((2 * (0 + 0.25 + 0.5 + 0.75 + 1) + 0) / 11)
  })

  it('compares only like with like: another guide or version stays out', () => {
    const mixed = [
      ...Array.from({ length: 5 }, (_, i) => fakeSummary(i)),
      fakeSummary(5, { guideVersion: 2 }),
      fakeSummary(6, { guideId: 'cress-bzh' }),
    ]
    expect(regionalPicture(mixed, all, 'all', frame).total).toBe(5)
  })

  it('hides a shown group too when the hidden ones could be worked out from the whole', () => {
    const hide = (f: { n: number; hidden: boolean }) => ({ ...f, hidden: true })
    // 6 + 5 shown, 1 hidden: the whole (12) minus the shown ones would give the one. The 5 goes too.
    expect(
      suppressComplement(
        [
          { n: 6, hidden: false },
          { n: 5, hidden: false },
          { n: 1, hidden: true },
        ],
        hide,
      ).map((f) => f.hidden),
    ).toEqual([false, true, true])
    // Hidden groups already holding five or more: nothing more to hide.
    expect(
      suppressComplement(
        [
          { n: 9, hidden: false },
          { n: 3, hidden: true },
          { n: 2, hidden: true },
        ],
        hide,
      ).map((f) => f.hidden),
    ).toEqual([false, true, true])
    // Nothing hidden: nothing to protect.
    expect(
      suppressComplement(
        [
          { n: 9, hidden: false },
          { n: 7, hidden: false },
        ],
        hide,
      ).map((f) => f.hidden),
    ).toEqual([false, false])
    // A split where every other group must go.
    expect(
      suppressComplement(
        [
          { n: 5, hidden: false },
          { n: 1, hidden: true },
        ],
        hide,
      ).map((f) => f.hidden),
    ).toEqual([true, true])
  })

  it('applies it to the picture: one coop among six associations and five coops-to-be hides the smallest shown group', () => {
    const assoc = Array.from({ length: 6 }, (_, i) => fakeSummary(i * 2 + 1))
    const scop = Array.from({ length: 5 }, (_, i) => fakeSummary(i * 2 + 100, { legalForm: 'scop' }))
    const mutuelle = fakeSummary(999, { legalForm: 'mutuelle' })
    const picture = regionalPicture([...assoc, ...scop, mutuelle], all, 'legalForm', frame)
    const byKey = new Map(picture.groups.map((g) => [g.key, g]))
    expect(byKey.get('association')!.global.hidden).toBe(false)
    expect(byKey.get('scop')!.global).toMatchObject({ n: 5, hidden: true, mean: null })
    expect(byKey.get('mutuelle')!.global).toMatchObject({ n: 1, hidden: true, mean: null })
    expect(byKey.get('scop')!.questions.get('gov.a')).toMatchObject({ hidden: true, levels: [] })
  })

  it('withholds a filtered picture when the organisations left out are one to four', () => {
    const assoc = Array.from({ length: 6 }, (_, i) => fakeSummary(i * 2 + 1))
    const scop = Array.from({ length: 2 }, (_, i) => fakeSummary(i * 2 + 100, { legalForm: 'scop' }))
    const set = [...assoc, ...scop]
    expect(complementAllowed(set, { ...all, legalForm: 'association' })).toBe(false)
    const withheld = regionalPicture(set, { ...all, legalForm: 'association' }, 'all', frame)
    expect(withheld).toMatchObject({ total: 6, withheld: true, groups: [] })
    // Five or more left out: the filtered picture shows.
    const more = [...set, ...Array.from({ length: 3 }, (_, i) => fakeSummary(i * 2 + 200, { legalForm: 'scop' }))]
    expect(regionalPicture(more, { ...all, legalForm: 'association' }, 'all', frame).withheld).toBe(false)
    // Two filters: removing either must leave out 0 or at least five.
    expect(complementAllowed(more, { ...all, legalForm: 'association', region: '53' })).toBe(true)
  })

  it('looks at one exercise at a time, so an organisation counts once, unless split by year', () => {
    const twoYears = [
      ...Array.from({ length: 3 }, (_, i) => fakeSummary(i)),
      ...Array.from({ length: 3 }, (_, i) => fakeSummary(i + 50, { year: 2024 })),
    ]
    expect(regionalPicture(twoYears, { ...all, year: null }, 'all', frame)).toMatchObject({
      needsYear: true,
      groups: [],
    })
    const byYear = regionalPicture(twoYears, { ...all, year: null }, 'year', frame)
    expect(byYear.groups.map((g) => [g.key, g.n, g.global.hidden])).toEqual([
      ['2024', 3, true],
      ['2025', 3, true],
    ])
  })

  it('never counts a summary imported again', () => {
    const first = mergeSummaries(new Set(), [fakeSummary(1), fakeSummary(2)])
    expect([first.added, first.again]).toEqual([2, 0])
    const again = mergeSummaries(new Set([fakeSummary(1).id, fakeSummary(2).id]), [fakeSummary(1), fakeSummary(3)])
    expect([again.added, again.again]).toEqual([1, 1])
    const stored = new Map<string, Summary>()
    for (const s of [...first.toStore, ...again.toStore]) stored.set(s.id, s)
    expect(stored.size).toBe(3)
  })
})

describe('summary file', () => {
  it('refuses another kind of file by its name, a broken one with located problems, and duplicates', () => {
    expect(parseSummaryFile(JSON.stringify({ format: 'cap-ess', formatVersion: 2 }))).toEqual({
      ok: false,
      problems: [{ path: '', key: 'files.problem.otherKind', params: { found: 'backup', expected: 'summary' } }],
    })
    expect(parseSummaryFile('{')).toMatchObject({ ok: false, problems: [{ key: 'import.problem.notJson' }] })
    const good = summaryFile([fakeSummary(1)], '1.0.0')
    const broken = { ...good, summaries: [{ ...fakeSummary(1), levels: { 'gov.a': 7 } }] }
    const refused = parseSummaryFile(JSON.stringify(broken))
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.problems[0]!.path).toBe('summaries[0].levels.gov.a')
    const sneaky = { ...good, summaries: [{ ...fakeSummary(1), name: SECRET_NAME }] }
    expect(parseSummaryFile(JSON.stringify(sneaky))).toMatchObject({
      ok: false,
      problems: [{ key: 'import.problem.unknownKeys' }],
    })
    const twice = summaryFile([fakeSummary(1), fakeSummary(1)], '1.0.0')
    expect(parseSummaryFile(JSON.stringify(twice))).toMatchObject({
      ok: false,
      problems: [{ path: 'summaries[1].id', key: 'import.problem.duplicate' }],
    })
    expect(
      readEnvelope(JSON.stringify({ format: 'cap-ess-summary', formatVersion: 9 }), 'cap-ess-summary', 1, 1000),
    ).toMatchObject({ ok: false, problems: [{ key: 'import.problem.newerVersion' }] })
  })
  it('refuses figures Cap ESS would never compute: more answers than questions, a coverage that is not their ratio', () => {
    const one = fakeSummary(1)
    const boast = {
      ...one,
      global: { ...one.global, answered: 500, applicable: 3, coverage: 1 },
    }
    expect(parseSummaryFile(JSON.stringify(summaryFile([boast], '1.0.0')))).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([
        expect.objectContaining({
          path: 'summaries[0].global.answered',
          key: 'import.problem.answeredOverApplicable',
          params: { answered: 500, applicable: 3 },
        }),
      ]),
    })
    const theme = one.themes[0]
    const fudged = { ...one, themes: [{ ...theme, coverage: 0.5 }, ...one.themes.slice(1)] }
    expect(parseSummaryFile(JSON.stringify(summaryFile([fudged], '1.0.0')))).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([
        expect.objectContaining({ path: 'summaries[0].themes[0].coverage', key: 'import.problem.coverage' }),
      ]),
    })
    const applicable = one.global.applicable + 1
    const apart = { ...one, global: { ...one.global, applicable, coverage: one.global.answered / applicable } }
    expect(parseSummaryFile(JSON.stringify(summaryFile([apart], '1.0.0')))).toMatchObject({
      ok: false,
      problems: [expect.objectContaining({ path: 'summaries[0].global', key: 'import.problem.themesSum' })],
    })
    expect(parseSummaryFile(JSON.stringify(summaryFile([one], '1.0.0'))).ok).toBe(true)
  })
})

const sheet = (over: Partial<PracticeSheet> = {}): PracticeSheet => ({
  id: 'sheet-1',
  organisationId: 'org-1',
  title: 'Des salarié·es au conseil d’administration',
  themeId: 'gov',
  domaineId: 'gov.power',
  questionIds: ['gov.c', 'unknown.question'],
  description: 'Deux sièges réservés, élus par les salarié·es.',
  since: '2019',
  involved: 'CA, CSE',
  results: 'Taux de participation 80 %',
  advice: 'Former les élus',
  contact: '',
  shareable: true,
  guideId: 'mini',
  guideVersion: 1,
  createdAt: T,
  updatedAt: T,
  ...over,
})

describe('practice sheets and the catalogue', () => {
  it('leave with the guide’s words and the organisation in bands, and read back', () => {
    const shared = shareSheet(sheet(), organisation, guide)
    expect(shared).toMatchObject({
      theme: { number: 1, label: 'gov' },
      domaine: 'Domaine power',
      questionIds: ['gov.c'],
      organisation: { name: SECRET_NAME, sizeBand: '10-49' },
    })
    expect(JSON.stringify(shared)).not.toContain('732829320')
    const parsed = parseSheetsFile(JSON.stringify(sheetsFile([shared], '1.0.0')))
    expect(parsed.ok).toBe(true)
  })

  it('refuses a sheet whose organisation’s name is only invisible characters, as the form does', () => {
    const shared = shareSheet(sheet(), organisation, guide)
    const ghost = { ...shared, organisation: { ...shared.organisation, name: '\u200b\u200b\u2060' } }
    expect(parseSheetsFile(JSON.stringify(sheetsFile([ghost], '1.0.0')))).toMatchObject({
      ok: false,
      problems: [{ path: 'sheets[0].organisation.name' }],
    })
  })

  it('refuses a sheet without a title, located', () => {
    const shared = { ...shareSheet(sheet(), organisation, guide), title: '   ' }
    expect(parseSheetsFile(JSON.stringify(sheetsFile([shared], '1.0.0')))).toMatchObject({
      ok: false,
      problems: [{ path: 'sheets[0].title' }],
    })
  })

  it('keeps a sheet imported twice once, in its latest version', () => {
    const v1 = shareSheet(sheet(), organisation, guide)
    const v2 = { ...v1, title: 'Nouveau titre', updatedAt: '2026-04-01T00:00:00.000Z' }
    expect(mergeSheets(new Map(), [v1], T)).toMatchObject({ added: 1, updated: 0, unchanged: 0 })
    expect(mergeSheets(new Map([[v1.id, v1]]), [v1], T)).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 0 + 1,
      toStore: [],
    })
    expect(mergeSheets(new Map([[v1.id, v1]]), [v2], T)).toMatchObject({
      updated: 1,
      toStore: [{ title: 'Nouveau titre' }],
    })
    expect(mergeSheets(new Map([[v2.id, v2]]), [v1], T)).toMatchObject({ unchanged: 1, toStore: [] })
  })

  it('filters by theme, legal form, region and size, and searches every word, accents ignored', () => {
    const base = shareSheet(sheet(), organisation, guide)
    const sheets: CatalogueSheet[] = [
      { ...base, importedAt: T },
      {
        ...base,
        id: 's2',
        title: 'Tri des déchets',
        theme: { number: 2, label: 'env' },
        domaine: 'Domaine waste',
        organisation: { ...base.organisation, legalForm: 'association', region: '11', sizeBand: '0' },
        importedAt: T,
      },
    ]
    expect(filterCatalogue(sheets, { ...NO_FILTER, query: 'DECHETS' }).map((s) => s.id)).toEqual(['s2'])
    expect(filterCatalogue(sheets, { ...NO_FILTER, query: 'salarie conseil' }).map((s) => s.id)).toEqual(['sheet-1'])
    expect(filterCatalogue(sheets, { ...NO_FILTER, legalForm: 'association' }).map((s) => s.id)).toEqual(['s2'])
    expect(
      filterCatalogue(sheets, { ...NO_FILTER, region: '53', sizeBand: '10-49', theme: '1. gov' }).map((s) => s.id),
    ).toEqual(['sheet-1'])
    expect(filterCatalogue(sheets, { ...NO_FILTER, domaine: 'Domaine waste' }).map((s) => s.id)).toEqual(['s2'])
  })
})

describe('a network’s own guide', () => {
  const national = JSON.parse(readFileSync('guide-data/guide.csess-2016.v2.json', 'utf8'))
  it('is accepted when it follows the schema under its own id', () => {
    const mine = {
      ...national,
      id: 'cress-bzh-2026',
      version: 1,
      shortTitle: 'Guide CRESS Bretagne',
      migration: undefined,
    }
    const checked = checkNetworkGuide('cress.json', JSON.stringify(mine))
    expect(checked.ok).toBe(true)
  })
  it('is refused with messages located in the file', () => {
    const broken = structuredClone(national)
    broken.id = 'cress-bzh-2026'
    delete broken.migration
    broken.themes[2].domaines[0].id = broken.themes[0].domaines[0].id
    broken.themes[1].domaines[0].questions[0].text = ''
    const checked = checkNetworkGuide('cress.json', JSON.stringify(broken))
    expect(checked.ok).toBe(false)
    if (!checked.ok)
      expect(checked.problems).toEqual([
        expect.stringMatching(/^cress\.json: themes\[1\]\.domaines\[0\]\.questions\[0\]\.text: /),
      ])
    const dup = structuredClone(broken)
    dup.themes[1].domaines[0].questions[0].text = 'Une question ?'
    const second = checkNetworkGuide('cress.json', JSON.stringify(dup))
    if (!second.ok) expect(second.problems[0]).toMatch(/^cress\.json: themes\[2\]\.domaines\[0\]\.id: /)
    expect(second.ok).toBe(false)
  })
  it('speaks French, bounds its texts as the forms do, and refuses an adoption date in the future', () => {
    const mine = { ...national, id: 'cress-bzh-2026', version: 1, migration: undefined }
    const problemsOf = (guide: unknown) => {
      const checked = checkNetworkGuide('cress.json', JSON.stringify(guide), new Date('2026-12-07T10:00:00Z'))
      return checked.ok ? [] : checked.problems
    }
    expect(problemsOf({ ...mine, colour: 'vert' })).toEqual(['cress.json: (racine): clé inconnue : « colour »'])
    const long = structuredClone(mine)
    long.themes[0].domaines[0].questions[0].text = 'Q'.repeat(9 * 1024 * 1024 - 1000)
    expect(problemsOf(long)).toEqual([
      'cress.json: themes[0].domaines[0].questions[0].text: texte trop long pour un titre (500 caractères au plus)',
    ])
    const typed = structuredClone(mine)
    typed.themes[0].number = 'un'
    expect(problemsOf(typed)).toEqual(['cress.json: themes[0].number: type attendu : un nombre'])
    expect(problemsOf({ ...mine, adoptedOn: '2099-12-31' })).toEqual([
      { path: 'adoptedOn', key: 'import.problem.future', params: { value: '2099-12-31' } },
    ])
    for (const problem of [...problemsOf({ ...mine, colour: 'vert' }), ...problemsOf(typed)])
      expect(String(problem)).not.toMatch(/Unrecognized|expected|Invalid|Too big/)
  })

  it('may not take the national guide’s id (in any version), nor be anything but a guide', () => {
    const same = checkNetworkGuide('g.json', JSON.stringify(national))
    expect(same).toMatchObject({
      ok: false,
      problems: [{ path: 'id', key: 'files.problem.reservedGuideId', params: { value: 'csess-2016' } }],
    })
    const nextVersion = checkNetworkGuide('g.json', JSON.stringify({ ...national, version: 3, migration: undefined }))
    expect(nextVersion).toMatchObject({ ok: false, problems: [{ key: 'files.problem.reservedGuideId' }] })
    // The envelope every file kind passes: the other Cap ESS file named, JSON and size said in the user's words.
    const scale = checkNetworkGuide('scale.json', readFileSync('guide-data/maturity-scale.json', 'utf8'))
    expect(scale).toMatchObject({
      ok: false,
      problems: [{ key: 'files.problem.otherKind', params: { found: 'scale', expected: 'guide' } }],
    })
    expect(checkNetworkGuide('x.json', '{ nope')).toMatchObject({
      ok: false,
      problems: [{ key: 'import.problem.notJson' }],
    })
    expect(checkNetworkGuide('x.json', JSON.stringify({ ...national, formatVersion: 2 }))).toMatchObject({
      ok: false,
      problems: [{ key: 'import.problem.newerVersion', params: { version: 2 } }],
    })
  })
})
