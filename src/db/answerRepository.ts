import { AnswerSchema, applyAnswerPatch, emptyAnswer, type Answer, type AnswerPatch } from '@/domain/answer'
import { liveQuery } from 'dexie'
import type { Assessment } from '@/domain/assessment'
import type { IndicatorRecord } from '@/domain/indicators'
import type { Objective } from '@/domain/objectives'
import { database, nowIso } from './database'
import { findItem, itemsOf, putItem } from './itemSets'
import { assertDraft, stillToWrite, type WriteOptions } from './locks'

export { AssessmentLockedError } from './locks'

export async function listAnswers(assessmentId: string, db = database()): Promise<Answer[]> {
  return itemsOf<Answer>(await db.answerSets.get(assessmentId))
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
  return db.transaction('rw', db.answerSets, db.assessments, async () => {
    const [, set] = await Promise.all([assertDraft(db, assessmentId), db.answerSets.get(assessmentId)])
    const now = nowIso()
    const matches = (a: { questionId: string }) => a.questionId === questionId
    const stored = findItem<Answer>(set, matches) ?? emptyAnswer(assessmentId, questionId, now)
    const toWrite = stillToWrite(patch, stored, options)
    if (!toWrite) return undefined
    const answer = AnswerSchema.parse(applyAnswerPatch(stored, toWrite, now))
    await putItem(db.answerSets, set, answer, matches)
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
export function watchAssessment(
  assessmentId: string,
  onChange: (stored: StoredAssessment) => void,
  db = database(),
): () => void {
  const subscription = liveQuery(() =>
    db.transaction('r', [db.assessments, db.answerSets, db.indicatorSets, db.objectiveSets], async () => {
      const [assessment, answers, indicatorValues, objectives] = await Promise.all([
        db.assessments.get(assessmentId),
        db.answerSets.get(assessmentId),
        db.indicatorSets.get(assessmentId),
        db.objectiveSets.get(assessmentId),
      ])
      return {
        assessment,
        answers: itemsOf<Answer>(answers),
        indicatorValues: itemsOf<IndicatorRecord>(indicatorValues),
        objectives: itemsOf<Objective>(objectives),
      }
    }),
  ).subscribe({
    next: onChange,
    error: (error: unknown) => console.error('Watching the assessment failed', error),
  })
  return () => subscription.unsubscribe()
}
