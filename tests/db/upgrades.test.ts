import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { CapEssDatabase } from '@/db/database'
import { saveParticipant, saveRating } from '@/db/workshopRepository'
import { AnswerSchema } from '@/domain/answer'
import { AssessmentSchema } from '@/domain/assessment'
import { OrganisationSchema } from '@/domain/organisation'

/** Version 1 as it shipped: the schema strings and the record shapes of the first release. */
function openV1(name: string) {
  const db = new Dexie(name)
  db.version(1).stores({
    organisations: 'id, name',
    assessments: 'id, organisationId, &[organisationId+year]',
    answers: '[assessmentId+questionId], assessmentId',
  })
  return db
}

const organisation = {
  id: 'org-1',
  name: 'Ressourcerie du Val d’Oust',
  legalForm: 'association',
  employees: 12,
  volunteers: 25,
  members: 1400,
  region: '53',
  siren: '732829320',
  createdAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-01-10T09:00:00.000Z',
}
const assessments = [2024, 2025].map((year) => ({
  id: `a-${year}`,
  organisationId: 'org-1',
  year,
  guideId: 'csess-2016',
  guideVersion: 1,
  status: 'draft',
  retainedThemeIds: ['gov', 'strategy'],
  participants: 'Bureau, deux salariées',
  createdAt: `${year}-03-01T09:00:00.000Z`,
  updatedAt: `${year}-03-02T09:00:00.000Z`,
}))
const answers = [
  { assessmentId: 'a-2024', questionId: 'gov.rules.explicit', response: { kind: 'level', level: 2 }, note: 'Statuts à revoir', evidence: ['Statuts'], applicabilityOverride: null, updatedAt: '2024-03-02T09:00:00.000Z' },
  { assessmentId: 'a-2025', questionId: 'gov.rules.explicit', response: { kind: 'level', level: 3 }, note: '', evidence: [], applicabilityOverride: null, updatedAt: '2025-03-02T09:00:00.000Z' },
  { assessmentId: 'a-2025', questionId: 'gov.participation.turnout', response: { kind: 'na', reason: 'pas d’élection' }, note: 'n/a', evidence: [], applicabilityOverride: null, updatedAt: '2025-03-02T09:00:00.000Z' },
  { assessmentId: 'a-2025', questionId: 'employment.dialogue.staff-reps', response: { kind: 'unknown' }, note: '', evidence: [], applicabilityOverride: { reason: 'CSE volontaire' }, updatedAt: '2025-03-02T09:00:00.000Z' },
]

let name = ''
afterEach(() => Dexie.delete(name))

describe('database upgrades', () => {
  it('opens a version 1 database with the current code and loses nothing', async () => {
    name = `upgrade-${crypto.randomUUID()}`
    const v1 = openV1(name)
    await v1.table('organisations').add(organisation)
    await v1.table('assessments').bulkAdd(assessments)
    await v1.table('answers').bulkAdd(answers)
    v1.close()

    const db = new CapEssDatabase(name)
    await db.open()
    expect(db.verno).toBe(6)

    expect(OrganisationSchema.parse(await db.organisations.get('org-1'))).toEqual(organisation)
    const upgraded = await db.assessments.toArray()
    expect(upgraded).toHaveLength(2)
    for (const [i, a] of upgraded.entries()) {
      expect(AssessmentSchema.parse(a)).toEqual({ ...assessments[i], previousAssessmentId: null, completedAt: null, snapshot: null, presentedAt: null })
    }
    const stored = await db.answers.toArray()
    expect(stored).toHaveLength(answers.length)
    for (const original of answers) {
      const found = stored.find((a) => a.assessmentId === original.assessmentId && a.questionId === original.questionId)
      expect(AnswerSchema.parse(found)).toEqual({ ...original, carriedOver: false })
    }
    // The new tables exist and work.
    expect(await db.settings.count()).toBe(0)
    expect(await db.actions.count()).toBe(0)
    expect(await db.indicatorValues.where('assessmentId').equals('a-2025').count()).toBe(0)
    db.close()
  })
})

describe('database upgrade from version 2', () => {
  it('opens a version 2 database with the current code and loses nothing', async () => {
    name = `upgrade2-${crypto.randomUUID()}`
    const v2 = new Dexie(name)
    v2.version(1).stores({ organisations: 'id, name', assessments: 'id, organisationId, &[organisationId+year]', answers: '[assessmentId+questionId], assessmentId' })
    v2.version(2).stores({
      indicatorValues: '[assessmentId+indicatorId], assessmentId',
      customIndicators: 'id, organisationId',
      objectives: '[assessmentId+subjectId], assessmentId',
      actions: 'id, organisationId',
    })
    const assessment = { ...assessments[0], previousAssessmentId: null, completedAt: null, snapshot: null, presentedAt: null }
    const records = {
      organisations: [organisation],
      assessments: [assessment],
      answers: answers.filter((a) => a.assessmentId === 'a-2024').map((a) => ({ ...a, carriedOver: false })),
      indicatorValues: [{ assessmentId: 'a-2024', indicatorId: 'gov.ind.vote-turnout', value: 41.5, note: 'AG', updatedAt: '2024-03-02T09:00:00.000Z' }],
      customIndicators: [{ id: 'custom.1', organisationId: 'org-1', label: 'Heures', themeId: 'gov', unit: 'hours', createdAt: '2024-03-02T09:00:00.000Z' }],
      objectives: [{ assessmentId: 'a-2024', subjectKind: 'question', subjectId: 'gov.rules.explicit', comparator: 'at-least', oneYear: 3, threeYear: 4, updatedAt: '2024-03-02T09:00:00.000Z' }],
      actions: [
        { id: 'act-1', organisationId: 'org-1', originAssessmentId: 'a-2024', title: 'Statuts', description: '', themeId: 'gov', questionId: null, indicatorId: null, owner: 'Claire', dueDate: null, priority: 'normal', status: 'done', doneAt: '2024-05-01T09:00:00.000Z', createdAt: '2024-03-02T09:00:00.000Z', updatedAt: '2024-05-01T09:00:00.000Z' },
      ],
    }
    for (const [table, rows] of Object.entries(records)) await v2.table(table).bulkAdd(rows)
    v2.close()

    const db = new CapEssDatabase(name)
    await db.open()
    expect(db.verno).toBe(6)
    for (const [table, rows] of Object.entries(records)) expect(await db.table(table).toArray(), table).toEqual(rows)
    await db.settings.put({ key: 'lastBackupAt', value: '2026-01-01T00:00:00.000Z' })
    db.close()
  })
})

describe('database upgrade from version 3 (before the workshop)', () => {
  it('keeps every record, adds empty workshop tables, and takes a workshop at once', async () => {
    name = `upgrade3-${crypto.randomUUID()}`
    const v3 = new Dexie(name)
    v3.version(1).stores({ organisations: 'id, name', assessments: 'id, organisationId, &[organisationId+year]', answers: '[assessmentId+questionId], assessmentId' })
    v3.version(2).stores({
      indicatorValues: '[assessmentId+indicatorId], assessmentId',
      customIndicators: 'id, organisationId',
      objectives: '[assessmentId+subjectId], assessmentId',
      actions: 'id, organisationId',
    })
    v3.version(3).stores({ settings: 'key' })
    const assessment = { ...assessments[0], previousAssessmentId: null, completedAt: null, snapshot: null, presentedAt: null }
    const records = {
      organisations: [organisation],
      assessments: [assessment],
      answers: answers.filter((a) => a.assessmentId === 'a-2024').map((a) => ({ ...a, carriedOver: false })),
      settings: [{ key: 'lastBackupAt', value: '2026-01-01T00:00:00.000Z' }],
    }
    for (const [table, rows] of Object.entries(records)) await v3.table(table).bulkAdd(rows)
    v3.close()

    const db = new CapEssDatabase(name)
    await db.open()
    expect(db.verno).toBe(6)
    for (const [table, rows] of Object.entries(records)) expect(await db.table(table).toArray(), table).toEqual(rows)
    expect(await db.participants.count()).toBe(0)
    await saveParticipant('a-2024', 'p-1', { name: 'Claire', role: 'board' }, db)
    await saveRating('a-2024', 'p-1', 'gov.rules.explicit', { rating: 3 }, db)
    expect(await db.ratings.get(['a-2024', 'p-1', 'gov.rules.explicit'])).toMatchObject({ rating: 3 })
    db.close()
  })
})
