import type { Answer } from './answer.ts'
import { migrateQuestionIds, type MigratedIds } from './guide/migration.ts'
import type { GuideMigration } from './guide/schema.ts'

export interface PrefillResult extends Omit<MigratedIds, 'mapping'> {
  answers: Answer[]
}

/**
 * Next year's assessment starts from last year's answers, moved to the current guide's ids. Every answer with a
 * response comes marked `carriedOver` until the user confirms it (« inchangé ») or changes it.
 */
export function prefillFromPrevious(
  previous: ReadonlyArray<Answer>,
  steps: ReadonlyArray<GuideMigration>,
  assessmentId: string,
  now: string,
): PrefillResult {
  const { mapping, dropped, renamed } = migrateQuestionIds(
    previous.map((a) => a.questionId),
    steps,
  )
  const answers: Answer[] = []
  for (const answer of previous) {
    const questionId = mapping.get(answer.questionId)
    if (!questionId) continue
    answers.push({ ...answer, assessmentId, questionId, carriedOver: answer.response !== null, updatedAt: now })
  }
  return { answers, dropped, renamed }
}
