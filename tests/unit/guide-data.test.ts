import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { indexGuide } from '@/domain/guide/guideIndex'
import { GuideSchema, MaturityScaleSchema } from '@/domain/guide/schema'
import { parsedGuideFile, validateGuideFile, validateGuideFileText } from '@/domain/guide/validateGuideFile'
import { loadGuide } from '@/domain/guide/registry'
import { guideSource, loadScaleSource } from '@/domain/guide/sources'

const dir = resolve('guide-data')
const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
const read = (file: string) => JSON.parse(readFileSync(resolve(dir, file), 'utf8'))
const v1 = GuideSchema.parse(read('guide.csess-2016.v1.json'))
const guide = GuideSchema.parse(read('guide.csess-2016.v2.json'))

describe('guide-data/', () => {
  it.each(files)('%s is valid, with unique ids and resolving references', (file) => {
    expect(validateGuideFileText(`guide-data/${file}`, readFileSync(resolve(dir, file), 'utf8'))).toEqual([])
  })

  it('ships each file as its schema reads it (defaults filled): the app does not parse its own guides again', async () => {
    // The same import the app makes, through the build's transform (parseGuideData in vite.config.ts).
    for (const [source, file] of [
      [guideSource({ guideId: 'csess-2016', guideVersion: 1 })!.load(), 'guide.csess-2016.v1.json'],
      [guideSource({ guideId: 'csess-2016', guideVersion: 2 })!.load(), 'guide.csess-2016.v2.json'],
      [loadScaleSource(), 'maturity-scale.json'],
    ] as const) {
      const shipped = (await source).default
      expect(shipped, file).toEqual(parsedGuideFile(read(file)))
      // The guides have defaults to fill (weights, answer kinds); the scale has none.
      if (file.startsWith('guide.')) expect(shipped, file).not.toEqual(read(file))
    }
    expect(
      (await loadGuide({ guideId: 'csess-2016', guideVersion: 2 })).themes[0].domaines[0].questions[0],
    ).toMatchObject({ weight: 1, kind: 'maturity' })
  })

  it('holds the 8 themes of the CSESS 2016 guide with the law’s exact titles (set with a curly apostrophe in version 2)', () => {
    expect(v1.themes[7].officialTitle).toBe("L'éthique et la déontologie")
    expect(guide.themes.map((t) => t.id)).toEqual([
      'gov',
      'strategy',
      'territory',
      'employment',
      'users',
      'diversity',
      'environment',
      'ethics',
    ])
    expect(guide.themes[0].officialTitle).toBe('Les modalités effectives de gouvernance démocratique')
    expect(guide.themes[3].officialTitle).toBe(
      'La politique salariale et l’exemplarité sociale, la formation professionnelle, les négociations annuelles obligatoires, la santé et la sécurité au travail et la qualité des emplois',
    )
    expect(guide.themes[6].officialTitle).toBe('La dimension environnementale du développement durable')
    expect(guide.themes[7].officialTitle).toBe('L’éthique et la déontologie')
  })

  it('holds every question (78) and indicator (73, and 3 that hold facts in version 2) of the reference', () => {
    for (const version of [v1, guide])
      expect(version.themes.map((t) => t.domaines.reduce((n, d) => n + d.questions.length, 0))).toEqual([
        12, 9, 9, 12, 9, 10, 8, 9,
      ])
    expect(v1.themes.map((t) => t.indicators.length)).toEqual([9, 8, 8, 10, 10, 10, 9, 9])
    expect(guide.themes.map((t) => t.indicators.length)).toEqual([10, 9, 8, 10, 11, 10, 9, 9])
  })

  it('gives every question of version 2 an answer kind: facts are kept in an indicator of their theme, nothing else is scored', () => {
    const index = indexGuide(guide)
    const entries = [...index.questionById.values()]
    const byKind = (kind: string) => entries.filter((e) => e.question.kind === kind).map((e) => e.question.id)
    expect(byKind('reflection')).toEqual(['gov.participation.engagement'])
    expect(byKind('fact')).toContain('gov.elected.executive')
    expect(byKind('fact')).toContain('employment.conditions.training')
    for (const entry of entries.filter((e) => e.question.kind === 'fact'))
      expect(entry.theme.indicators.map((i) => i.id)).toContain(entry.question.indicatorId)
    // Every question no longer scored is listed in the migration from version 1: its answers keep their note only.
    expect(guide.migration).toEqual({
      fromVersion: 1,
      renamed: {},
      removed: [],
      notesOnly: [...byKind('reflection'), ...byKind('fact')].sort(
        (a, b) => entries.findIndex((e) => e.question.id === a) - entries.findIndex((e) => e.question.id === b),
      ),
    })
    // Version 1 stays as it was made: every question scored.
    expect([...indexGuide(v1).questionById.values()].every((e) => e.question.kind === 'maturity')).toBe(true)
  })

  it('tags every domaine, question and indicator with its provenance', () => {
    const tags = guide.themes.flatMap((t) => [
      ...t.domaines.map((d) => d.provenance),
      ...t.domaines.flatMap((d) => d.questions.map((q) => q.provenance)),
      ...t.indicators.map((i) => i.provenance),
    ])
    expect(new Set(tags)).toEqual(new Set(['official', 'official-incomplete', 'proposed']))
    expect(guide.themes[0].domaines[0].questions[0].provenance).toBe('official')
    expect(guide.themes[6].domaines[0].questions[0].provenance).toBe('proposed')
  })

  it('encodes the applicability rules of the reference', () => {
    const index = indexGuide(guide)
    expect(guide.themes.find((t) => t.id === 'employment')?.applicability).toEqual({ minEmployees: 1 })
    const rulesOf = (text: RegExp) =>
      [...index.questionById.values()].find((e) => text.test(e.question.text))?.question.applicability
    expect(rulesOf(/bénévoles\s\?$/)).toEqual({ requiresVolunteers: true })
    expect(rulesOf(/instances représentatives du personnel/)).toEqual({ minEmployees: 11 })
    expect(rulesOf(/taux de participation aux élections/i)).toEqual({
      excludedLegalForms: ['fondation', 'fonds-dotation'],
    })
  })

  it('keeps the maturity scale as data, five levels in French and English', () => {
    const scale = MaturityScaleSchema.parse(read('maturity-scale.json'))
    expect(scale.levels.map((l) => l.level)).toEqual([0, 1, 2, 3, 4])
    expect(scale.levels.every((l) => l.label.fr && l.label.en && l.description.fr && l.description.en)).toBe(true)
  })
})

describe('validateGuideFile', () => {
  const broken = () => structuredClone(read('guide.csess-2016.v1.json'))

  it('names the file and the path of a schema problem', () => {
    const json = broken()
    json.themes[2].domaines[0].questions[3].provenance = 'rumour'
    const [problem] = validateGuideFile('guide-data/broken.json', json)
    expect(problem).toMatch(/^guide-data\/broken\.json: themes\[2\]\.domaines\[0\]\.questions\[3\]\.provenance: /)
  })

  it('reports a duplicate id with both places', () => {
    const json = broken()
    json.themes[1].domaines[0].questions[0].id = json.themes[0].domaines[0].questions[0].id
    expect(validateGuideFile('guide-data/dup.json', json)).toEqual([
      expect.stringMatching(
        /^guide-data\/dup\.json: themes\[1\]\.domaines\[0\]\.questions\[0\]\.id: .*themes\[0\]\.domaines\[0\]\.questions\[0\]/,
      ),
    ])
  })

  it('reports a dangling reference', () => {
    const json = broken()
    json.themes[0].indicators[0].domaineId = 'gov.nowhere'
    json.documents[0].evidenceFor.push('nothing.here')
    const problems = validateGuideFile('guide-data/refs.json', json)
    expect(problems).toHaveLength(2)
    expect(problems[0]).toContain('themes[0].indicators[0].domaineId')
    expect(problems[1]).toMatch(/documents\[0\]\.evidenceFor\[\d+\]: « nothing\.here »/)
  })

  it('refuses a file that is not JSON or of an unknown format', () => {
    expect(validateGuideFileText('guide-data/x.json', '{ "themes": [')[0]).toMatch(
      /^guide-data\/x\.json: JSON invalide/,
    )
    expect(validateGuideFile('guide-data/y.json', { format: 'other' })[0]).toMatch(/^guide-data\/y\.json: format: /)
  })
})

describe.each([
  ['guide.csess-2016.v1.json', 'guide-reference.v1.md', 73],
  ['guide.csess-2016.v2.json', 'guide-reference.md', 76],
])('guide-data/%s against its source document (guide-data/sources/%s)', (file, source, indicatorCount) => {
  const guide = GuideSchema.parse(read(file))
  const reference = readFileSync(resolve('guide-data/sources', source), 'utf8')
  const tag = (raw: string) => (raw === 'official, list incomplete' ? 'official-incomplete' : raw)
  // Typography aside (no-break spaces, curly apostrophes in the data), the wording is the reference's.
  const normalise = (text: string) =>
    text
      .replace(/’/g, "'")
      .replace(/[\u00a0\u202f]/g, ' ')
      .trim()

  it('has every question, in order, with the reference’s wording and provenance', () => {
    const expected = [
      ...reference.matchAll(/^- Q\d+\.\d+ (.+?) \[(official|official, list incomplete|proposed)\]/gm),
    ].map((m) => [normalise(m[1]), tag(m[2])])
    const actual = guide.themes.flatMap((t) =>
      t.domaines.flatMap((d) => d.questions.map((q) => [normalise(q.text), q.provenance])),
    )
    expect(expected).toHaveLength(78)
    expect(actual).toEqual(expected)
  })

  it('has every indicator, in order, with the reference’s wording and provenance', () => {
    const expected = [
      ...reference.matchAll(
        /^\| I\d+\.\d+ \| (.+?) \| [^|]+ \| \[(official|official, list incomplete|proposed)\] \|/gm,
      ),
    ].map((m) => [normalise(m[1]), tag(m[2])])
    const actual = guide.themes.flatMap((t) => t.indicators.map((i) => [normalise(i.label), i.provenance]))
    expect(expected).toHaveLength(indicatorCount)
    expect(actual).toEqual(expected)
  })

  it('has every domaine with its provenance', () => {
    const expected = [
      ...reference.matchAll(/^- D\d+\.\d+ (.+?) \[(official|official, list incomplete|proposed)\]/gm),
    ].map((m) => tag(m[2]))
    expect(guide.themes.flatMap((t) => t.domaines.map((d) => d.provenance))).toEqual(expected)
  })
})
