import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { CapEssDatabase } from '@/db/database'
import { itemsOf } from '@/db/itemSets'
import { readPortfolio } from '@/db/portfolioRepository'
import { saveParticipant, saveRating } from '@/db/workshopRepository'
import { AnswerSchema } from '@/domain/answer'
import { AssessmentSchema } from '@/domain/assessment'
import { OrganisationSchema } from '@/domain/organisation'
import { allAnswers } from '../fixtures/storedRows'

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
  {
    assessmentId: 'a-2024',
    questionId: 'gov.rules.explicit',
    response: { kind: 'level', level: 2 },
    note: 'Statuts à revoir',
    evidence: ['Statuts'],
    applicabilityOverride: null,
    updatedAt: '2024-03-02T09:00:00.000Z',
  },
  {
    assessmentId: 'a-2025',
    questionId: 'gov.rules.explicit',
    response: { kind: 'level', level: 3 },
    note: '',
    evidence: [],
    applicabilityOverride: null,
    updatedAt: '2025-03-02T09:00:00.000Z',
  },
  {
    assessmentId: 'a-2025',
    questionId: 'gov.participation.turnout',
    response: { kind: 'na', reason: 'pas d’élection' },
    note: 'n/a',
    evidence: [],
    applicabilityOverride: null,
    updatedAt: '2025-03-02T09:00:00.000Z',
  },
  {
    assessmentId: 'a-2025',
    questionId: 'employment.dialogue.staff-reps',
    response: { kind: 'unknown' },
    note: '',
    evidence: [],
    applicabilityOverride: { reason: 'CSE volontaire' },
    updatedAt: '2025-03-02T09:00:00.000Z',
  },
]

/**
 * A table of an older version, read from the current database: since version 7 an assessment's answers, indicator
 * values and objectives are one record each (ItemSet).
 */
const GROUPED: Record<string, string> = {
  answers: 'answerSets',
  indicatorValues: 'indicatorSets',
  objectives: 'objectiveSets',
}
async function readTable(db: CapEssDatabase, table: string): Promise<unknown[]> {
  const grouped = GROUPED[table]
  return grouped ? (await db.table(grouped).toArray()).flatMap((set) => itemsOf(set)) : db.table(table).toArray()
}

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
    expect(db.verno).toBe(8)

    expect(OrganisationSchema.parse(await db.organisations.get('org-1'))).toEqual(organisation)
    const upgraded = await db.assessments.toArray()
    expect(upgraded).toHaveLength(2)
    for (const [i, a] of upgraded.entries()) {
      expect(AssessmentSchema.parse(a)).toEqual({
        ...assessments[i],
        previousAssessmentId: null,
        completedAt: null,
        snapshot: null,
        presentedAt: null,
      })
    }
    const stored = await allAnswers(db)
    expect(stored).toHaveLength(answers.length)
    for (const original of answers) {
      const found = stored.find((a) => a.assessmentId === original.assessmentId && a.questionId === original.questionId)
      expect(AnswerSchema.parse(found)).toEqual({ ...original, carriedOver: false })
    }
    // The new tables exist and work.
    expect(await db.settings.count()).toBe(0)
    expect(await db.actions.count()).toBe(0)
    expect(await db.indicatorSets.get('a-2025')).toBeUndefined()
    db.close()
  })
})

describe('database upgrade from version 2', () => {
  it('opens a version 2 database with the current code and loses nothing', async () => {
    name = `upgrade2-${crypto.randomUUID()}`
    const v2 = new Dexie(name)
    v2.version(1).stores({
      organisations: 'id, name',
      assessments: 'id, organisationId, &[organisationId+year]',
      answers: '[assessmentId+questionId], assessmentId',
    })
    v2.version(2).stores({
      indicatorValues: '[assessmentId+indicatorId], assessmentId',
      customIndicators: 'id, organisationId',
      objectives: '[assessmentId+subjectId], assessmentId',
      actions: 'id, organisationId',
    })
    const assessment = {
      ...assessments[0],
      previousAssessmentId: null,
      completedAt: null,
      snapshot: null,
      presentedAt: null,
    }
    const records = {
      organisations: [organisation],
      assessments: [assessment],
      answers: answers.filter((a) => a.assessmentId === 'a-2024').map((a) => ({ ...a, carriedOver: false })),
      indicatorValues: [
        {
          assessmentId: 'a-2024',
          indicatorId: 'gov.ind.vote-turnout',
          value: 41.5,
          note: 'AG',
          updatedAt: '2024-03-02T09:00:00.000Z',
        },
      ],
      customIndicators: [
        {
          id: 'custom.1',
          organisationId: 'org-1',
          label: 'Heures',
          themeId: 'gov',
          unit: 'hours',
          createdAt: '2024-03-02T09:00:00.000Z',
        },
      ],
      objectives: [
        {
          assessmentId: 'a-2024',
          subjectKind: 'question',
          subjectId: 'gov.rules.explicit',
          comparator: 'at-least',
          oneYear: 3,
          threeYear: 4,
          updatedAt: '2024-03-02T09:00:00.000Z',
        },
      ],
      actions: [
        {
          id: 'act-1',
          organisationId: 'org-1',
          originAssessmentId: 'a-2024',
          title: 'Statuts',
          description: '',
          themeId: 'gov',
          questionId: null,
          indicatorId: null,
          owner: 'Claire',
          dueDate: null,
          priority: 'normal',
          status: 'done',
          doneAt: '2024-05-01T09:00:00.000Z',
          createdAt: '2024-03-02T09:00:00.000Z',
          updatedAt: '2024-05-01T09:00:00.000Z',
        },
      ],
    }
    for (const [table, rows] of Object.entries(records)) await v2.table(table).bulkAdd(rows)
    v2.close()

    const db = new CapEssDatabase(name)
    await db.open()
    expect(db.verno).toBe(8)
    for (const [table, rows] of Object.entries(records)) expect(await readTable(db, table), table).toEqual(rows)
    await db.settings.put({ key: 'lastBackupAt', value: '2026-01-01T00:00:00.000Z' })
    db.close()
  })
})

describe('database upgrade from version 3 (before the workshop)', () => {
  it('keeps every record, adds empty workshop tables, and takes a workshop at once', async () => {
    name = `upgrade3-${crypto.randomUUID()}`
    const v3 = new Dexie(name)
    v3.version(1).stores({
      organisations: 'id, name',
      assessments: 'id, organisationId, &[organisationId+year]',
      answers: '[assessmentId+questionId], assessmentId',
    })
    v3.version(2).stores({
      indicatorValues: '[assessmentId+indicatorId], assessmentId',
      customIndicators: 'id, organisationId',
      objectives: '[assessmentId+subjectId], assessmentId',
      actions: 'id, organisationId',
    })
    v3.version(3).stores({ settings: 'key' })
    const assessment = {
      ...assessments[0],
      previousAssessmentId: null,
      completedAt: null,
      snapshot: null,
      presentedAt: null,
    }
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
    expect(db.verno).toBe(8)
    for (const [table, rows] of Object.entries(records)) expect(await readTable(db, table), table).toEqual(rows)
    expect(await db.participants.count()).toBe(0)
    await saveParticipant('a-2024', 'p-1', { name: 'Claire', role: 'board' }, db)
    await saveRating('a-2024', 'p-1', 'gov.rules.explicit', { rating: 3 }, db)
    expect(await db.ratings.get(['a-2024', 'p-1', 'gov.rules.explicit'])).toMatchObject({ rating: 3 })
    db.close()
  })
})

describe('database upgrade from version 6 (one record a row)', () => {
  it("groups each assessment's answers, indicator values and objectives into one record, dated by the newest", async () => {
    name = `upgrade6-${crypto.randomUUID()}`
    const v6 = new CapEssDatabaseV6(name)
    const assessment2024 = {
      ...assessments[0],
      previousAssessmentId: null,
      completedAt: null,
      snapshot: null,
      presentedAt: null,
    }
    const assessment2025 = {
      ...assessments[1],
      previousAssessmentId: 'a-2024',
      completedAt: null,
      snapshot: null,
      presentedAt: null,
    }
    const rows: Record<string, object[]> = {
      organisations: [organisation],
      assessments: [assessment2024, assessment2025],
      answers: answers.map((a, i) => ({ ...a, carriedOver: false, updatedAt: `2025-03-0${i + 1}T09:00:00.000Z` })),
      indicatorValues: [
        {
          assessmentId: 'a-2024',
          indicatorId: 'gov.ind.vote-turnout',
          value: 41.5,
          note: 'AG',
          updatedAt: '2024-03-02T09:00:00.000Z',
        },
        {
          assessmentId: 'a-2025',
          indicatorId: 'gov.ind.vote-turnout',
          value: 44,
          note: '',
          updatedAt: '2025-03-02T09:00:00.000Z',
        },
      ],
      objectives: [
        {
          assessmentId: 'a-2025',
          subjectKind: 'question',
          subjectId: 'gov.rules.explicit',
          comparator: 'at-least',
          oneYear: 3,
          threeYear: 4,
          updatedAt: '2025-03-02T09:00:00.000Z',
        },
      ],
    }
    for (const [table, list] of Object.entries(rows)) await v6.table(table).bulkAdd(list)
    v6.close()

    const db = new CapEssDatabase(name)
    await db.open()
    expect(db.verno).toBe(8)
    // Items keep the old table's order (its primary key's), not the order they were added in.
    for (const [table, list] of Object.entries(rows))
      expect(await readTable(db, table), table).toEqual(expect.arrayContaining(list))
    for (const [table, list] of Object.entries(rows))
      expect(await readTable(db, table), table).toHaveLength(list.length)
    expect(await db.answerSets.count()).toBe(2)
    expect((await db.answerSets.get('a-2025'))?.items.map((a) => a.questionId)).toEqual(
      ['gov.participation.turnout', 'gov.rules.explicit', 'employment.dialogue.staff-reps'].sort(),
    )
    expect((await db.answerSets.get('a-2025'))?.updatedAt).toBe('2025-03-04T09:00:00.000Z')
    expect(await db.objectiveSets.get('a-2024')).toBeUndefined()
    // The old tables are gone; the portfolio finds the newest answer of each draft in the new record's index.
    expect(db.tables.map((t) => t.name)).not.toContain('answers')
    expect((await readPortfolio(2024, db)).draftActivity).toEqual(
      new Map([
        ['a-2024', '2025-03-01T09:00:00.000Z'],
        ['a-2025', '2025-03-04T09:00:00.000Z'],
      ]),
    )
    db.close()
  })
})

/** Version 6 as it shipped (the last with one record a row), its schema strings copied from that release. */
class CapEssDatabaseV6 extends Dexie {
  constructor(name: string) {
    super(name)
    this.version(1).stores({
      organisations: 'id, name',
      assessments: 'id, organisationId, &[organisationId+year]',
      answers: '[assessmentId+questionId], assessmentId',
    })
    this.version(2).stores({
      indicatorValues: '[assessmentId+indicatorId], assessmentId',
      customIndicators: 'id, organisationId',
      objectives: '[assessmentId+subjectId], assessmentId',
      actions: 'id, organisationId',
    })
    this.version(3).stores({ settings: 'key' })
    this.version(4).stores({
      participants: '[assessmentId+id], assessmentId',
      ratings: '[assessmentId+participantId+questionId], assessmentId',
      discussions: '[assessmentId+questionId], assessmentId',
    })
    this.version(5).stores({
      answers: '[assessmentId+questionId], assessmentId, [assessmentId+updatedAt]',
      assessments: 'id, organisationId, &[organisationId+year], year',
      actions: 'id, organisationId, status',
    })
    this.version(6).stores({
      guides: '[id+version]',
      practiceSheets: 'id, organisationId',
      catalogue: 'id',
      summaries: 'id',
    })
  }
}
