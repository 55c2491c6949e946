import { AnswerSchema, applyAnswerPatch, emptyAnswer, type Answer, type AnswerPatch } from '@/domain/answer'
import { liveQuery } from 'dexie'
import type { Assessment } from '@/domain/assessment'
import type { IndicatorRecord } from '@/domain/indicators'
import type { Objective } from '@/domain/objectives'
import { database, nowIso } from './database'
import { assertDraft, stillToWrite, type WriteOptions } from './locks'

export { AssessmentLockedError } from './locks'

export async function listAnswers(assessmentId: string, db = database()): Promise<Answer[]> {
  return db.answers.where('assessmentId').equals(assessmentId).toArray()
}

/**
 * One small write per user gesture: reads the stored answer, changes only the patched fields and puts it back,
 * in one transaction, so a field changed elsewhere (another tab) is not overwritten with a stale copy.
 * The result is validated before the write; an invalid patch throws and writes nothing.
 */
export async function saveAnswerPatch(
  assessmentId: string,
  questionId: string,
  patch: AnswerPatch,
  db = database(),
  options: WriteOptions = {},
): Promise<Answer | undefined> {
  return db.transaction('rw', db.answers, db.assessments, async () => {
    await assertDraft(db, assessmentId)
    const now = nowIso()
    const stored = (await db.answers.get([assessmentId, questionId])) ?? emptyAnswer(assessmentId, questionId, now)
    const toWrite = stillToWrite(patch, stored, options)
    if (!toWrite) return undefined
    const answer = AnswerSchema.parse(applyAnswerPatch(stored, toWrite, now))
    await db.answers.put(answer)
    return answer
  })
}

/** What an open assessment shows that another tab may change. */
export interface StoredAssessment {
  assessment: Assessment | undefined
  answers: Answer[]
  indicatorValues: IndicatorRecord[]
  objectives: Objective[]
}

/**
 * Calls back with the assessment, its answers, indicator values and objectives whenever they change, in this tab or
 * another one (Dexie's liveQuery observes IndexedDB across tabs). Returns the function that stops watching.
 */
export function watchAssessment(assessmentId: string, onChange: (stored: StoredAssessment) => void, db = database()): () => void {
  const subscription = liveQuery(() =>
    db.transaction('r', [db.assessments, db.answers, db.indicatorValues, db.objectives], async () => {
      const [assessment, answers, indicatorValues, objectives] = await Promise.all([
        db.assessments.get(assessmentId),
        listAnswers(assessmentId, db),
        db.indicatorValues.where('assessmentId').equals(assessmentId).toArray(),
        db.objectives.where('assessmentId').equals(assessmentId).toArray(),
      ])
      return { assessment, answers, indicatorValues, objectives }
    }),
  ).subscribe({
    next: onChange,
    error: (error: unknown) => console.error('Watching the assessment failed', error),
  })
  return () => subscription.unsubscribe()
}
