import type { CapEssDatabase } from './database'

/** A completed assessment is frozen: its answers, indicators, objectives and themes change only after it is reopened. */
export class AssessmentLockedError extends Error {
  constructor(readonly assessmentId: string) {
    super(`Assessment ${assessmentId} is completed; reopen it to change it`)
    this.name = 'AssessmentLockedError'
  }
}

/** Call inside the write transaction (with db.assessments in its scope), so no other tab can complete in between. */
export async function assertDraft(db: CapEssDatabase, assessmentId: string): Promise<void> {
  const assessment = await db.assessments.get(assessmentId)
  if (assessment?.status === 'completed') throw new AssessmentLockedError(assessmentId)
}
