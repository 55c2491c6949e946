import { AnswerSchema, applyAnswerPatch, emptyAnswer, type Answer, type AnswerPatch } from '@/domain/answer'
import { database, nowIso } from './database'
import { findItem, putItem } from './itemSets'
import { assertDraft, madeOnScreen, stillToWrite, type WriteOptions } from './locks'
import { noteOwnWrite } from './ownWrites'

export { AssessmentLockedError } from './locks'

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
    const put = await putItem(db.answerSets, set, answer, matches)
    if (madeOnScreen(options)) noteOwnWrite(db, 'answerSets', assessmentId, assessmentId, put)
    return answer
  })
}
