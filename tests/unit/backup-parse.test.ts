import { describe, expect, it } from 'vitest'
import { BACKUP_MAX_BYTES } from '@/domain/backup/format'
import { ORGANISATIONS_MAX } from '@/domain/backup/limits'
import { parseBackup } from '@/domain/backup/parse'
import { catalog } from '../fixtures/backupData'

const NOW = '2026-11-27T10:00:00.000Z'
function validFile() {
  return {
    format: 'cap-ess',
    formatVersion: 2,
    exportedAt: NOW,
    appVersion: '0.1.0',
    scope: 'all',
    organisations: [
      {
        id: 'org-1',
        name: 'Asso',
        legalForm: 'association',
        employees: 2,
        volunteers: 5,
        members: 40,
        region: '11',
        siren: null,
        createdAt: NOW,
        updatedAt: NOW,
        customIndicators: [],
        actions: [],
        assessments: [
          {
            id: 'a-1',
            year: 2025,
            guideId: 'csess-2016',
            guideVersion: 1,
            status: 'draft',
            retainedThemeIds: ['gov'],
            participants: '',
            previousAssessmentId: null,
            completedAt: null,
            snapshot: null,
            presentedAt: null,
            createdAt: NOW,
            updatedAt: NOW,
            indicatorValues: [],
            objectives: [],
            answers: Array.from({ length: 3 }, (_, i) => ({
              questionId: ['gov.rules.explicit', 'gov.rules.respect', 'gov.participation.turnout'][i],
              response: { kind: 'level', level: 2 },
              note: '',
              evidence: [],
              applicabilityOverride: null,
              carriedOver: false,
              updatedAt: NOW,
            })),
          },
        ],
      },
    ],
  }
}
const parse = (value: unknown) => parseBackup(typeof value === 'string' ? value : JSON.stringify(value), catalog)
async function problems(value: unknown) {
  const result = await parse(value)
  if (result.ok) throw new Error('expected problems')
  return result.problems.map((p) => `${p.path}: ${p.key} ${JSON.stringify(p.params)}`)
}

describe('parseBackup', () => {
  it('accepts a valid file', async () => {
    const result = await parse(validFile())
    expect(result.ok).toBe(true)
  })

  it('says where a level is wrong, as people read it', async () => {
    const file = validFile()
    file.organisations[0].assessments[0].answers[2].response.level = 7
    expect(await problems(file)).toEqual([
      'organisations[0].assessments[0].answers[2].response.level: import.problem.level {"value":"7"}',
    ])
  })

  it('refuses a file that is not JSON, from another app, too large or from a newer version', async () => {
    expect(await problems('{"format": "cap-ess", ')).toEqual(['import.problem.notJson {}'].map((s) => `: ${s}`))
    expect(await problems({ format: 'other' })).toEqual([': import.problem.otherApp {}'])
    expect(await problems([1, 2])).toEqual([': import.problem.otherApp {}'])
    expect(await problems({ ...validFile(), formatVersion: 9 })).toEqual([
      ': import.problem.newerVersion {"version":9}',
    ])
    expect(await problems(' '.repeat(BACKUP_MAX_BYTES + 1))).toEqual([': files.problem.tooLarge {"max":100}'])
  })

  it('names unknown keys, wrong types and missing fields', async () => {
    const file = validFile() as Record<string, unknown> & ReturnType<typeof validFile>
    ;(file.organisations[0] as Record<string, unknown>).hacked = true
    ;(file.organisations[0] as Record<string, unknown>).employees = 'beaucoup'
    delete (file.organisations[0] as Record<string, unknown>).region
    expect(await problems(file)).toEqual([
      'organisations[0].employees: import.problem.type {"expected":"number","value":"beaucoup"}',
      'organisations[0].region: import.problem.missing {}',
      'organisations[0]: import.problem.unknownKeys {"keys":"hacked"}',
    ])
  })

  it('finds duplicate ids, duplicate years, dangling references and unknown questions', async () => {
    const file = validFile()
    const a = file.organisations[0].assessments[0]
    file.organisations[0].assessments.push({ ...a, year: 2025, previousAssessmentId: 'nowhere' as unknown as null })
    a.answers[1].questionId = 'gov.invented'
    expect(await problems(file)).toEqual([
      'organisations[0].assessments[0].answers[1].questionId: import.problem.unknownQuestion {"value":"gov.invented"}',
      'organisations[0].assessments[1].id: import.problem.duplicate {"value":"a-1"}',
      'organisations[0].assessments[1].year: import.problem.duplicateYear {"value":2025}',
      'organisations[0].assessments[1].previousAssessmentId: import.problem.dangling {"value":"nowhere"}',
      'organisations[0].assessments[1].answers[1].questionId: import.problem.unknownQuestion {"value":"gov.invented"}',
    ])
  })

  it('refuses an assessment made with a guide version this app does not know', async () => {
    const file = validFile()
    file.organisations[0].assessments[0].guideVersion = 7
    expect(await problems(file)).toEqual([
      'organisations[0].assessments[0].guideVersion: import.problem.unknownGuide {"value":"csess-2016 v7"}',
    ])
  })

  it('migrates a format 1 file (before the yearly cycle) to the current format', async () => {
    const file = validFile()
    const org = file.organisations[0] as Record<string, unknown>
    delete org.actions
    delete org.customIndicators
    const assessment = file.organisations[0].assessments[0] as Record<string, unknown>
    for (const key of [
      'previousAssessmentId',
      'completedAt',
      'snapshot',
      'presentedAt',
      'indicatorValues',
      'objectives',
    ])
      delete assessment[key]
    for (const answer of file.organisations[0].assessments[0].answers)
      delete (answer as Record<string, unknown>).carriedOver
    const result = await parse({ ...file, formatVersion: 1 })
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.migratedFrom).toBe(1)
      expect(result.file.organisations[0].assessments[0]).toMatchObject({
        snapshot: null,
        objectives: [],
        indicatorValues: [],
      })
      expect(result.file.organisations[0].assessments[0].answers.every((a) => a.carriedOver === false)).toBe(true)
      expect(result.file.organisations[0]).toMatchObject({ actions: [], customIndicators: [] })
    }
  })

  it('refuses more organisations than a device keeps, before reading each of them', async () => {
    const file = validFile()
    const one = file.organisations[0]!
    const count = ORGANISATIONS_MAX + 1
    file.organisations = Array.from({ length: count }, (_, i) => ({
      ...one,
      id: `org-${i}`,
      assessments: one.assessments.map((a) => ({ ...a, id: `a-${i}` })),
    }))
    const progress: number[] = []
    const result = await parseBackup(JSON.stringify(file), catalog, { onProgress: (done) => progress.push(done) })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.problems).toEqual([
        {
          path: 'organisations',
          key: 'import.problem.tooManyOrganisations',
          params: { count, max: ORGANISATIONS_MAX },
        },
      ])
    expect(progress).toEqual([])
  })

  it('reports progress organisation by organisation', async () => {
    const file = validFile()
    file.organisations = Array.from({ length: 25 }, (_, i) => ({
      ...file.organisations[0],
      id: `org-${i}`,
      assessments: [],
    }))
    const seen: number[] = []
    const result = await parseBackup(JSON.stringify(file), catalog, { onProgress: (done) => seen.push(done) })
    expect(result.ok).toBe(true)
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i + 1))
  })

  describe('accepts only what the app can show (each file below once imported, then broke a page)', () => {
    type File = ReturnType<typeof validFile>
    const assessment = (file: File) => file.organisations[0].assessments[0] as Record<string, unknown>
    const org = (file: File) => file.organisations[0] as Record<string, unknown>
    const action = (extra: Record<string, unknown>) => ({
      id: 'act-1',
      originAssessmentId: null,
      title: 'Réviser les statuts',
      description: '',
      themeId: 'gov',
      questionId: null,
      indicatorId: null,
      owner: '',
      dueDate: null,
      priority: 'normal',
      status: 'todo',
      doneAt: null,
      createdAt: NOW,
      updatedAt: NOW,
      ...extra,
    })
    const value = (indicatorId: string, v: unknown) => ({ indicatorId, value: v, note: '', updatedAt: NOW })
    const cases: [string, (file: File) => void, string, string][] = [
      [
        'an indicator value of 20 MB',
        (f) => (assessment(f).indicatorValues = [value('gov.ind.vote-turnout', 'x'.repeat(20_000_000))]),
        'organisations[0].assessments[0].indicatorValues[0].value',
        'import.problem.tooLong',
      ],
      [
        'an object as a percentage',
        (f) => (assessment(f).indicatorValues = [value('gov.ind.vote-turnout', { a: 1 })]),
        'organisations[0].assessments[0].indicatorValues[0].value',
        'import.problem.value',
      ],
      [
        'a percentage of 140',
        (f) => (assessment(f).indicatorValues = [value('gov.ind.vote-turnout', 140)]),
        'organisations[0].assessments[0].indicatorValues[0].value',
        'import.problem.value',
      ],
      [
        'a value of an indicator nobody knows',
        (f) => (assessment(f).indicatorValues = [value('gov.ind.nope', 3)]),
        'organisations[0].assessments[0].indicatorValues[0].indicatorId',
        'import.problem.unknownIndicator',
      ],
      [
        'a level target of 7',
        (f) =>
          (assessment(f).objectives = [
            {
              subjectKind: 'question',
              subjectId: 'gov.rules.explicit',
              comparator: 'at-least',
              oneYear: 7,
              threeYear: null,
              updatedAt: NOW,
            },
          ]),
        'organisations[0].assessments[0].objectives[0].oneYear',
        'import.problem.value',
      ],
      [
        'a guide id with an @',
        (f) => (assessment(f).guideId = 'csess-2016@1'),
        'organisations[0].assessments[0].guideId',
        'import.problem.format',
      ],
      [
        'an action on a theme the guide does not have',
        (f) => (org(f).actions = [action({ themeId: 'nope' })]),
        'organisations[0].actions[0].themeId',
        'import.problem.unknownTheme',
      ],
      [
        'an action on a question the guide does not have',
        (f) => (org(f).actions = [action({ questionId: 'gov.nope' })]),
        'organisations[0].actions[0].questionId',
        'import.problem.unknownQuestion',
      ],
      [
        'an action on a question of another theme',
        (f) => (org(f).actions = [action({ questionId: 'ethics.values.charter' })]),
        'organisations[0].actions[0].questionId',
        'import.problem.outsideTheme',
      ],
      [
        'an action on an indicator the guide does not have',
        (f) => (org(f).actions = [action({ indicatorId: 'gov.ind.nope' })]),
        'organisations[0].actions[0].indicatorId',
        'import.problem.unknownIndicator',
      ],
      [
        'an action titled with zero-width spaces',
        (f) => (org(f).actions = [action({ title: '\u200b\u200b' })]),
        'organisations[0].actions[0].title',
        'validation.required',
      ],
      [
        'a name made only of zero-width characters',
        (f) => (org(f).name = '\u200b\u200c\u2060'),
        'organisations[0].name',
        'validation.nameNoLetters',
      ],
      [
        'answers dated 2099',
        (f) =>
          (assessment(f).answers as { updatedAt: string }[]).forEach((a) => (a.updatedAt = '2099-01-01T00:00:00.000Z')),
        'organisations[0].assessments[0].answers[0].updatedAt',
        'import.problem.future',
      ],
    ]
    it.each(cases)('refuses %s, and says where', async (_label, damage, path, key) => {
      const file = validFile()
      damage(file)
      const result = await parseBackup(JSON.stringify(file), catalog, { now: new Date(NOW) })
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.problems).toContainEqual(expect.objectContaining({ path, key }))
    })

    it('still accepts a date a few hours ahead (another device’s clock)', async () => {
      const file = validFile()
      org(file).updatedAt = '2026-11-27T20:00:00.000Z'
      expect((await parseBackup(JSON.stringify(file), catalog, { now: new Date(NOW) })).ok).toBe(true)
    })
  })
})
