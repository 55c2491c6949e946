import { liveQuery } from 'dexie'
import type { Answer } from '@/domain/answer'
import type { Assessment } from '@/domain/assessment'
import type { IndicatorRecord } from '@/domain/indicators'
import type { Objective } from '@/domain/objectives'
import type { Organisation } from '@/domain/organisation'
import type { Discussion, Participant, RatingRecord } from '@/domain/workshop'
import { database, type CapEssDatabase } from './database'
import { itemsOf } from './itemSets'
import { followWrites, isOwnWrite, recordKeyOf } from './ownWrites'

/**
 * One exercise as stored: the assessment, its organisation (whose profile decides what applies), the answers,
 * indicator values and objectives, and the workshop's records when asked for. Every page of an exercise, its report
 * and the organisation's history read it here, in one transaction, and nowhere else.
 */
export interface StoredExercise {
  assessment: Assessment
  organisation: Organisation
  answers: Answer[]
  indicatorValues: IndicatorRecord[]
  objectives: Objective[]
  /** Read only when asked for (the workshop's pages and the report). */
  workshop?: StoredWorkshop
}

/** Everything a workshop has recorded for one assessment. */
export interface StoredWorkshop {
  participants: Participant[]
  ratings: RatingRecord[]
  discussions: Discussion[]
}

export interface ExerciseParts {
  /** Also read the workshop's participants, ratings and discussions. */
  workshop?: boolean
}

/** What changed in a watched exercise: only the parts another tab, a replay or an import changed. */
export type ExerciseChange = Partial<Omit<StoredExercise, 'workshop'> & StoredWorkshop>

/** The records of one exercise as read, kept so that a watch starts from exactly what the page was given. */
export interface ReadExercise {
  stored: StoredExercise
  rows: ExerciseRows
}

/** One part of an exercise: which table it lives in, how its records are read and keyed, and what the page gets. */
interface Part<Row, Value> {
  table: keyof CapEssDatabase & string
  read: (db: CapEssDatabase) => Promise<Row[]>
  keyOf: (row: Row) => unknown
  value: (rows: Row[]) => Value
}

type Parts = ReturnType<typeof partsOf>
type ExerciseRows = { [P in keyof Parts]?: unknown[] }

const one = <T>(row: T | undefined): T[] => (row === undefined ? [] : [row])

function partsOf(assessmentId: string, organisationId: string) {
  const set = <T extends { assessmentId: string; updatedAt: string }>(
    table: 'answerSets' | 'indicatorSets' | 'objectiveSets',
  ): Part<unknown, T[]> => ({
    table,
    read: async (db) => one(await db[table].get(assessmentId)),
    keyOf: () => assessmentId,
    value: (rows) => itemsOf<T>(rows[0] as Parameters<typeof itemsOf<T>>[0]),
  })
  return {
    assessment: {
      table: 'assessments',
      read: async (db) => one(await db.assessments.get(assessmentId)),
      keyOf: (row) => row.id,
      value: (rows) => rows[0],
    } satisfies Part<Assessment, Assessment | undefined>,
    organisation: {
      table: 'organisations',
      read: async (db) => one(await db.organisations.get(organisationId)),
      keyOf: (row) => row.id,
      value: (rows) => rows[0],
    } satisfies Part<Organisation, Organisation | undefined>,
    answers: set<Answer>('answerSets'),
    indicatorValues: set<IndicatorRecord>('indicatorSets'),
    objectives: set<Objective>('objectiveSets'),
    participants: {
      table: 'participants',
      // In the order they joined: the grid's columns do not move.
      read: (db) => db.participants.where('assessmentId').equals(assessmentId).sortBy('createdAt'),
      keyOf: (row) => [row.assessmentId, row.id],
      value: (rows) => rows,
    } satisfies Part<Participant, Participant[]>,
    ratings: {
      table: 'ratings',
      read: (db) => db.ratings.where('assessmentId').equals(assessmentId).toArray(),
      keyOf: (row) => [row.assessmentId, row.participantId, row.questionId],
      value: (rows) => rows,
    } satisfies Part<RatingRecord, RatingRecord[]>,
    discussions: {
      table: 'discussions',
      read: (db) => db.discussions.where('assessmentId').equals(assessmentId).toArray(),
      keyOf: (row) => [row.assessmentId, row.questionId],
      value: (rows) => rows,
    } satisfies Part<Discussion, Discussion[]>,
  }
}

const WORKSHOP_PARTS = ['participants', 'ratings', 'discussions'] as const
const EXERCISE_PARTS = ['answers', 'indicatorValues', 'objectives'] as const

function partNames(parts: ExerciseParts): Array<keyof Parts> {
  return ['assessment', 'organisation', ...EXERCISE_PARTS, ...(parts.workshop ? WORKSHOP_PARTS : [])]
}

/** The tables an exercise's reading transaction needs. */
function tablesOf(db: CapEssDatabase, parts: ExerciseParts) {
  return [
    db.assessments,
    db.organisations,
    db.answerSets,
    db.indicatorSets,
    db.objectiveSets,
    ...(parts.workshop ? [db.participants, db.ratings, db.discussions] : []),
  ]
}

/** The exercise put together from its parts' records; undefined when the assessment or its organisation is gone. */
function assemble(parts: Parts, rows: ExerciseRows, names: Array<keyof Parts>): StoredExercise | undefined {
  const value = <K extends keyof Parts>(name: K) =>
    (parts[name] as Part<unknown, ReturnType<Parts[K]['value']>>).value(rows[name] ?? [])
  const assessment = value('assessment')
  const organisation = value('organisation')
  if (!assessment || !organisation) return undefined
  return {
    assessment,
    organisation,
    answers: value('answers'),
    indicatorValues: value('indicatorValues'),
    objectives: value('objectives'),
    ...(names.includes('participants')
      ? {
          workshop: {
            participants: value('participants'),
            ratings: value('ratings'),
            discussions: value('discussions'),
          },
        }
      : {}),
  }
}

/** Reads one exercise in one transaction; undefined when there is no such assessment (or its organisation is gone). */
export async function readExercise(
  assessmentId: string,
  parts: ExerciseParts = {},
  db = database(),
): Promise<ReadExercise | undefined> {
  return db.transaction('r', tablesOf(db, parts), async () => {
    const assessment = await db.assessments.get(assessmentId)
    if (!assessment) return undefined
    const all = partsOf(assessmentId, assessment.organisationId)
    const names = partNames(parts)
    const rows: ExerciseRows = { assessment: [assessment] }
    await Promise.all(
      names
        .filter((name) => name !== 'assessment')
        .map(async (name) => (rows[name] = await (all[name] as Part<unknown, unknown>).read(db))),
    )
    const stored = assemble(all, rows, names)
    return stored ? { stored, rows } : undefined
  })
}

/** Every exercise of one organisation, oldest first, in one transaction: its history, comparison and plan. */
export async function readExercisesOf(
  organisationId: string,
  db = database(),
): Promise<{ organisation: Organisation; exercises: StoredExercise[] } | undefined> {
  return db.transaction('r', tablesOf(db, {}), async () => {
    const [organisation, assessments] = await Promise.all([
      db.organisations.get(organisationId),
      db.assessments.where('organisationId').equals(organisationId).sortBy('year'),
    ])
    if (!organisation) return undefined
    return { organisation, exercises: await storedExercises(db, () => organisation, assessments) }
  })
}

/** These assessments' exercises (their organisations given), their records read in one request per table. */
export async function readExercises(
  organisations: ReadonlyMap<string, Organisation>,
  assessments: ReadonlyArray<Assessment>,
  db = database(),
): Promise<StoredExercise[]> {
  const owned = assessments.filter((a) => organisations.has(a.organisationId))
  return db.transaction('r', tablesOf(db, {}), () =>
    storedExercises(db, (a) => organisations.get(a.organisationId)!, owned),
  )
}

async function storedExercises(
  db: CapEssDatabase,
  organisationOf: (assessment: Assessment) => Organisation,
  assessments: ReadonlyArray<Assessment>,
): Promise<StoredExercise[]> {
  const ids = assessments.map((a) => a.id)
  const [answers, values, objectives] = await Promise.all([
    db.answerSets.bulkGet(ids),
    db.indicatorSets.bulkGet(ids),
    db.objectiveSets.bulkGet(ids),
  ])
  return assessments.map((assessment, i) => ({
    assessment,
    organisation: organisationOf(assessment),
    answers: itemsOf<Answer>(answers[i]),
    indicatorValues: itemsOf<IndicatorRecord>(values[i]),
    objectives: itemsOf<Objective>(objectives[i]),
  }))
}

/**
 * Follows an exercise from what was read (`read`): each part is watched on its own (a saved answer re-reads the
 * answers' record, not the whole exercise), in this tab and others (Dexie's liveQuery observes IndexedDB across
 * tabs). `onChange` gets only the parts that differ from what the page has, and never this tab's own edits, which
 * the page already shows (`ownWrites`). Returns the function that stops watching.
 */
export function watchExercise(
  read: ReadExercise,
  parts: ExerciseParts,
  onChange: (change: ExerciseChange) => void,
  db = database(),
): () => void {
  const { assessment } = read.stored
  const all = partsOf(assessment.id, assessment.organisationId)
  const stops = partNames(parts).map((name) => {
    const part = all[name] as Part<unknown, unknown>
    const jsonOf = (rows: unknown[]) => new Map(rows.map((row) => [recordKeyOf(part.keyOf(row)), JSON.stringify(row)]))
    let known = jsonOf(read.rows[name] ?? [])
    const changed = (now: Map<string, string>) => {
      const own = (key: string, json: string | null) => isOwnWrite(db, part.table, assessment.id, key, json)
      for (const [key, json] of now) if (known.get(key) !== json && !own(key, json)) return true
      for (const key of known.keys()) if (!now.has(key) && !own(key, null)) return true
      return false
    }
    const unfollow = followWrites(db, part.table, assessment.id)
    const subscription = liveQuery(() => part.read(db)).subscribe({
      next: (rows) => {
        const now = jsonOf(rows)
        const differs = changed(now)
        known = now
        if (differs) onChange({ [name]: part.value(rows) } as ExerciseChange)
      },
      error: (error: unknown) => console.error(`Watching the exercise failed (${name})`, error),
    })
    return () => {
      subscription.unsubscribe()
      unfollow()
    }
  })
  return () => stops.forEach((stop) => stop())
}
