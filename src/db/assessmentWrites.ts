import { AnswerSchema, type Answer } from '@/domain/answer'
import {
  AgRecordPatchSchema,
  AssessmentInputSchema,
  AssessmentSchema,
  EMPTY_AG_RECORD,
  agDateProblem,
  type Assessment,
} from '@/domain/assessment'
import type { GuideRef } from '@/domain/guide/current'
import type { GuideMigration } from '@/domain/guide/schema'
import { migrateQuestionIds } from '@/domain/guide/migration'
import { prefillFromPrevious } from '@/domain/prefill'
import type { ScoreSnapshot } from '@/domain/snapshot'
import { ValidationError, parseInput } from '@/domain/validation'
import type { Objective } from '@/domain/objectives'
import type { Table } from 'dexie'
import { database, newId, nowIso } from './database'
import { itemsOf, setOf, withoutOwner } from './itemSets'
import { AssessmentLockedError, RecordGoneError, madeOnScreen, stillToWrite, type WriteOptions } from './locks'
import { noteOwnWrite } from './ownWrites'

export interface Prefill {
  fromAssessmentId: string
  /** Guide migrations from the previous assessment's guide version to this one's, in order. */
  steps: GuideMigration[]
  /** The questions of this assessment's guide version: answers to anything else are not carried over. */
  questionIds: ReadonlySet<string>
}

export interface CreatedAssessment {
  assessment: Assessment
  /** Questions of last year's guide that no longer exist: their answers were not carried over. */
  dropped: string[]
  renamed: [string, string][]
}

/**
 * One assessment per organisation and exercise: a second one for the same year is refused at the year field.
 * With a prefill, last year's answers are copied (moved to the current guide's ids) in the same transaction:
 * the new assessment exists with all of them, or not at all.
 */
export async function createAssessment(
  organisationId: string,
  input: unknown,
  guide: GuideRef,
  prefill: Prefill | null = null,
  db = database(),
): Promise<CreatedAssessment> {
  const fields = parseInput(AssessmentInputSchema, input)
  return db.transaction('rw', [db.organisations, db.assessments, db.answerSets], async () => {
    if (!(await db.organisations.get(organisationId))) throw new Error(`Organisation ${organisationId} not found`)
    const taken = await db.assessments.where('[organisationId+year]').equals([organisationId, fields.year]).count()
    if (taken > 0) throw new ValidationError({ year: { key: 'validation.yearTaken', params: { year: fields.year } } })
    const now = nowIso()
    const assessment = AssessmentSchema.parse({
      id: newId(),
      organisationId,
      ...fields,
      ...guide,
      status: 'draft',
      previousAssessmentId: prefill?.fromAssessmentId ?? null,
      completedAt: null,
      snapshot: null,
      presentedAt: null,
      createdAt: now,
      updatedAt: now,
    })
    await db.assessments.add(assessment)
    if (!prefill) return { assessment, dropped: [], renamed: [] }
    const previous = itemsOf<Answer>(await db.answerSets.get(prefill.fromAssessmentId))
    const { answers, dropped, renamed } = prefillFromPrevious(
      previous,
      prefill.steps,
      prefill.questionIds,
      assessment.id,
      now,
    )
    const set = setOf<Answer>(
      assessment.id,
      answers.map((a) => withoutOwner(AnswerSchema.parse(a))),
    )
    if (set) await db.answerSets.add(set)
    return { assessment, dropped, renamed }
  })
}

async function updateAssessment(
  id: string,
  change: (existing: Assessment) => Partial<Assessment>,
  db = database(),
): Promise<Assessment> {
  return db.transaction('rw', db.assessments, async () => {
    const existing = await db.assessments.get(id)
    if (!existing) throw new Error(`Assessment ${id} not found`)
    const assessment = AssessmentSchema.parse({ ...existing, ...change(existing), updatedAt: nowIso() })
    await db.assessments.put(assessment)
    return assessment
  })
}

export async function setRetainedThemes(id: string, themeIds: string[], db = database()): Promise<Assessment> {
  const { retainedThemeIds } = parseInput(AssessmentInputSchema.pick({ retainedThemeIds: true }), {
    retainedThemeIds: themeIds,
  })
  return updateAssessment(
    id,
    (existing) => {
      if (existing.status === 'completed') throw new AssessmentLockedError(id)
      return { retainedThemeIds }
    },
    db,
  )
}

/**
 * Freezes the scores: from now on the history shows this snapshot, whatever later versions of the formula say.
 * The snapshot is computed from the answers as stored, in the same transaction, so it holds exactly what
 * another tab or a failed write left in the database, nothing only shown on one screen.
 */
export async function completeAssessment(
  id: string,
  snapshotOf: (assessment: Assessment, answers: ReadonlyMap<string, Answer>) => ScoreSnapshot,
  db = database(),
): Promise<Assessment> {
  return db.transaction('rw', db.assessments, db.answerSets, async () => {
    const existing = await db.assessments.get(id)
    if (!existing) throw new Error(`Assessment ${id} not found`)
    if (existing.status !== 'draft') throw new AssessmentLockedError(id)
    const answers = new Map(itemsOf<Answer>(await db.answerSets.get(id)).map((a) => [a.questionId, a]))
    const assessment = AssessmentSchema.parse({
      ...existing,
      status: 'completed',
      snapshot: snapshotOf(existing, answers),
      completedAt: nowIso(),
      updatedAt: nowIso(),
    })
    await db.assessments.put(assessment)
    return assessment
  })
}

/** Back to draft: the snapshot is discarded and will be replaced when the assessment is completed again. */
export function reopenAssessment(id: string, db = database()): Promise<Assessment> {
  return updateAssessment(id, () => ({ status: 'draft', snapshot: null, completedAt: null }), db)
}

/**
 * One change to the AG page: its date (checked against the exercise year) or one of the report's texts, written
 * alone so a refused date never holds the texts back. Allowed on a completed assessment: the debate happens after
 * completion and does not touch the answers. Throws a ValidationError (nothing written) when a field is wrong.
 */
export async function saveAgPatch(
  id: string,
  input: unknown,
  db = database(),
  options: WriteOptions = {},
): Promise<Assessment | undefined> {
  const parsed = parseInput(AgRecordPatchSchema, input)
  return db.transaction('rw', db.assessments, async () => {
    const existing = await db.assessments.get(id)
    if (!existing) throw new RecordGoneError('Assessment', id)
    const toWrite = stillToWrite(
      parsed,
      { presentedAt: existing.presentedAt, ...EMPTY_AG_RECORD, ...existing.agRecord },
      options,
    )
    if (!toWrite) return undefined
    const { presentedAt, ...texts } = toWrite
    if (presentedAt) {
      const problem = agDateProblem(presentedAt, existing.year)
      if (problem)
        throw new ValidationError({
          presentedAt: { key: problem, params: { from: existing.year, to: existing.year + 2 } },
        })
    }
    const assessment = AssessmentSchema.parse({
      ...existing,
      ...(presentedAt !== undefined ? { presentedAt } : {}),
      agRecord: { ...EMPTY_AG_RECORD, ...existing.agRecord, ...texts },
      updatedAt: nowIso(),
    })
    await db.assessments.put(assessment)
    if (madeOnScreen(options)) noteOwnWrite(db, 'assessments', id, id, assessment)
    return assessment
  })
}

/**
 * Moves a draft to a later version of its guide, in one transaction: answers and question objectives follow the
 * migration blocks (renamed, removed, no longer scored: the note and evidence kept, the level dropped), and the
 * assessment records the new version. A completed assessment never changes guide.
 */
export async function upgradeDraftGuide(
  id: string,
  target: GuideRef,
  steps: ReadonlyArray<GuideMigration>,
  questionIds: ReadonlySet<string>,
  db = database(),
): Promise<{ assessment: Assessment; dropped: string[]; renamed: [string, string][]; unscored: number }> {
  return db.transaction('rw', [db.assessments, db.answerSets, db.objectiveSets], async () => {
    const existing = await db.assessments.get(id)
    if (!existing) throw new RecordGoneError('Assessment', id)
    if (existing.status !== 'draft') throw new AssessmentLockedError(id)
    if (existing.guideId !== target.guideId || existing.guideVersion >= target.guideVersion)
      throw new Error(`No upgrade from ${existing.guideVersion} to ${target.guideVersion}`)
    const answers = itemsOf<Answer>(await db.answerSets.get(id))
    const allObjectives = itemsOf<Objective>(await db.objectiveSets.get(id))
    const objectives = allObjectives.filter((o) => o.subjectKind === 'question')
    const { mapping, dropped, renamed, notesOnly } = migrateQuestionIds(
      new Set([...answers.map((a) => a.questionId), ...objectives.map((o) => o.subjectId)]),
      steps,
    )
    const now = nowIso()
    let unscored = 0
    const moved: Answer[] = []
    for (const answer of onePerTarget(answers, (a) => a.questionId, mapping)) {
      const to = mapping.get(answer.questionId)
      if (!to || !questionIds.has(to)) continue
      const keepsLevel = !notesOnly.has(to)
      if (!keepsLevel && answer.response !== null) unscored++
      moved.push(
        AnswerSchema.parse({
          ...answer,
          questionId: to,
          ...(keepsLevel ? {} : { response: null, carriedOver: false }),
          updatedAt: now,
        }),
      )
    }
    const kept: Objective[] = allObjectives.filter((o) => o.subjectKind !== 'question')
    for (const objective of onePerTarget(objectives, (o) => o.subjectId, mapping)) {
      const to = mapping.get(objective.subjectId)
      // A question no longer scored has no level to aim at: its objective goes with its level.
      if (to && questionIds.has(to) && !notesOnly.has(to)) kept.push({ ...objective, subjectId: to, updatedAt: now })
    }
    await replaceSet(db.answerSets, id, setOf<Answer>(id, moved.map(withoutOwner)))
    await replaceSet(db.objectiveSets, id, setOf<Objective>(id, kept.map(withoutOwner)))
    const assessment = AssessmentSchema.parse({ ...existing, guideVersion: target.guideVersion, updatedAt: now })
    await db.assessments.put(assessment)
    return { assessment, dropped, renamed, unscored }
  })
}

/**
 * One record per question after a migration that merges two (a → c, b → c) or moves one onto a question that is
 * still there (a → b): the record already under that id wins, otherwise the first. An assessment's record holds each
 * question once; two would make its backup file refused as holding a duplicate.
 */
function onePerTarget<T>(records: T[], idOf: (record: T) => string, mapping: ReadonlyMap<string, string>): T[] {
  const byTarget = new Map<string, T>()
  for (const record of records) {
    const to = mapping.get(idOf(record))
    if (!to) continue
    const taken = byTarget.get(to)
    if (!taken || (idOf(record) === to && idOf(taken) !== to)) byTarget.set(to, record)
  }
  return [...byTarget.values()]
}

/** The assessment's set replaced whole, or removed when nothing is left in it. */
async function replaceSet<S>(table: Table<S, string>, assessmentId: string, set: S | null): Promise<void> {
  if (set) await table.put(set)
  else await table.delete(assessmentId)
}
