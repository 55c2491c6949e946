import type { CapEssDatabase } from './database'

/** A completed assessment is frozen: its answers, indicators, objectives and themes change only after it is reopened. */
export class AssessmentLockedError extends Error {
  constructor(readonly assessmentId: string) {
    super(`Assessment ${assessmentId} is completed; reopen it to change it`)
    this.name = 'AssessmentLockedError'
  }
}

/** The record an edit belongs to no longer exists (replaced by an import, say): the edit has nowhere to go. */
export class RecordGoneError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} does not exist`)
    this.name = 'RecordGoneError'
  }
}

/**
 * Call inside the write transaction (with db.assessments in its scope), so no other tab can complete in between.
 * An edit of an assessment that does not exist is refused too: it would leave a record nothing shows.
 */
export async function assertDraft(db: CapEssDatabase, assessmentId: string): Promise<void> {
  const assessment = await db.assessments.get(assessmentId)
  if (!assessment) throw new RecordGoneError('Assessment', assessmentId)
  if (assessment.status === 'completed') throw new AssessmentLockedError(assessmentId)
}

/** Options of an edit's write. On replay, `unlessChangedAfter` keeps a journalled edit from overwriting a newer change. */
export interface WriteOptions {
  unlessChangedAfter?: string
}

/** The stored record changed after the edit was made: a replay leaves it alone. */
export function changedSince(stored: { updatedAt: string } | undefined, options: WriteOptions): boolean {
  return !!stored && !!options.unlessChangedAfter && stored.updatedAt > options.unlessChangedAfter
}
