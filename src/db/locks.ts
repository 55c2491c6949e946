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

/** Options of an edit's write. */
export interface WriteOptions {
  /**
   * On replay: the value each edited field had when the edit was made. A field stored since with another value
   * (changed in another tab) is left alone; the others are written.
   */
  replayOver?: Record<string, unknown>
}

/** An edit made now, on screen (not replayed from the journal of a tab that closed): the page already shows it. */
export function madeOnScreen(options: WriteOptions): boolean {
  return options.replayOver === undefined
}

/** '' and null both mean « nothing » in a form; otherwise values compare by content. */
function same(a: unknown, b: unknown): boolean {
  const plain = (v: unknown) => (v === '' || v === undefined ? null : v)
  return JSON.stringify(plain(a)) === JSON.stringify(plain(b))
}

/**
 * The part of a replayed edit still to write: the fields whose stored value is still the one the edit was made
 * over. A field already at the edit's value needs nothing; one changed elsewhere since is not overwritten. Null
 * when nothing is left. Without `replayOver` (an edit made now, on screen), the whole patch is written.
 */
export function stillToWrite<P extends object>(
  patch: P,
  current: Record<string, unknown>,
  options: WriteOptions,
): Partial<P> | null {
  const base = options.replayOver
  if (!base) return patch
  const kept = Object.entries(patch).filter(
    ([field, value]) => !same(current[field], value) && (!(field in base) || same(current[field], base[field])),
  )
  return kept.length > 0 ? (Object.fromEntries(kept) as Partial<P>) : null
}
