import type { Answer } from './answer.ts'
import { migrateQuestionIds, type MigratedIds } from './guide/migration.ts'
import type { GuideMigration } from './guide/schema.ts'

export interface PrefillResult extends Omit<MigratedIds, 'mapping' | 'notesOnly'> {
  answers: Answer[]
}

/**
 * Next year's assessment starts from last year's answers, moved to the current guide's ids. Every answer with a
 * response comes marked `carriedOver` until the user confirms it (« inchangé ») or changes it. A question no longer
 * scored keeps its note and evidence, without a level (nothing to confirm).
 */
export function prefillFromPrevious(
  previous: ReadonlyArray<Answer>,
  steps: ReadonlyArray<GuideMigration>,
  targetQuestionIds: ReadonlySet<string>,
  assessmentId: string,
  now: string,
): PrefillResult {
  const { mapping, dropped, renamed, notesOnly } = migrateQuestionIds(
    previous.map((a) => a.questionId),
    steps,
  )
  const answers: Answer[] = []
  const taken = new Set<string>()
  for (const answer of previous) {
    const questionId = mapping.get(answer.questionId)
    if (!questionId) continue
    // An id the target guide does not know (an incomplete map), or a second old question merged into one new
    // question: not carried over, and reported with the dropped ones.
    if (!targetQuestionIds.has(questionId) || taken.has(questionId)) {
      dropped.push(answer.questionId)
      continue
    }
    taken.add(questionId)
    const response = notesOnly.has(questionId) ? null : answer.response
    answers.push({ ...answer, assessmentId, questionId, response, carriedOver: response !== null, updatedAt: now })
  }
  const droppedSet = new Set(dropped)
  return { answers, dropped, renamed: renamed.filter(([from]) => !droppedSet.has(from)) }
}
