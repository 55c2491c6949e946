import { AnswerSchema, applyAnswerPatch, emptyAnswer, type Answer, type AnswerPatch } from '@/domain/answer'
import { liveQuery } from 'dexie'
import type { Assessment } from '@/domain/assessment'
import { database, nowIso } from './database'
import { assertDraft } from './locks'

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
): Promise<Answer> {
  return db.transaction('rw', db.answers, db.assessments, async () => {
    await assertDraft(db, assessmentId)
    const now = nowIso()
    const stored = (await db.answers.get([assessmentId, questionId])) ?? emptyAnswer(assessmentId, questionId, now)
    const answer = AnswerSchema.parse(applyAnswerPatch(stored, patch, now))
    await db.answers.put(answer)
    return answer
  })
}

/**
 * Calls back with the assessment and its answers whenever they change, in this tab or another one (Dexie's
 * liveQuery observes IndexedDB across tabs). Returns the function that stops watching.
 */
export function watchAssessment(
  assessmentId: string,
  onChange: (assessment: Assessment | undefined, answers: Answer[]) => void,
  db = database(),
): () => void {
  const subscription = liveQuery(() =>
    db.transaction('r', db.assessments, db.answers, async () => {
      const [assessment, answers] = await Promise.all([db.assessments.get(assessmentId), listAnswers(assessmentId, db)])
      return { assessment, answers }
    }),
  ).subscribe({
    next: ({ assessment, answers }) => onChange(assessment, answers),
    error: (error: unknown) => console.error('Watching the assessment failed', error),
  })
  return () => subscription.unsubscribe()
}
