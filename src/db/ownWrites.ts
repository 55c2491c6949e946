import type { CapEssDatabase } from './database'

/**
 * What this tab last wrote, on screen, to the records of the exercises it watches (an answer's set, a rating, the AG
 * texts…), so that a watch hands a page what others changed (another tab, a replayed journal, an import) and never
 * the tab's own edits back: the page already shows them, and taking them again would score and draw the page twice
 * after every click. Kept per database connection (a test's second connection plays another tab) and only for the
 * records some watch follows.
 */
interface Followed {
  watches: number
  /** A record's key → what this tab wrote (its JSON made only when a watch compares), or null when it deleted it. */
  written: Map<string, { row: unknown; json?: string } | null>
}

/** Per connection: `table|assessment id` → what is followed there. */
const ledgers = new WeakMap<CapEssDatabase, Map<string, Followed>>()

function followedOf(db: CapEssDatabase): Map<string, Followed> {
  let followed = ledgers.get(db)
  if (!followed) ledgers.set(db, (followed = new Map()))
  return followed
}

const scopeOf = (table: string, assessmentId: string) => `${table}|${assessmentId}`

/** A record's key within its table (its primary key, compound keys included). */
export const recordKeyOf = (key: unknown) => JSON.stringify(key)

/** A watch starts following `table` for exercise `assessmentId`; the returned function stops it. */
export function followWrites(db: CapEssDatabase, table: string, assessmentId: string): () => void {
  const followed = followedOf(db)
  const scope = scopeOf(table, assessmentId)
  const entry = followed.get(scope) ?? { watches: 0, written: new Map() }
  entry.watches++
  followed.set(scope, entry)
  return () => {
    if (--entry.watches === 0) followed.delete(scope)
  }
}

/**
 * Called by a repository inside the transaction of an edit made on screen (not a replay: a replayed edit was made
 * in a tab that closed, and the page must take it). `row` is what was put, or null for a deletion.
 */
export function noteOwnWrite(
  db: CapEssDatabase,
  table: string,
  assessmentId: string,
  key: unknown,
  row: unknown,
): void {
  // Kept as put (IndexedDB stored a copy, nothing changes this one): the save does not pay for its JSON.
  followedOf(db)
    .get(scopeOf(table, assessmentId))
    ?.written.set(recordKeyOf(key), row === null ? null : { row })
}

/** Whether a record as read now (its JSON, or null when it is gone) is what this tab itself last wrote there. */
export function isOwnWrite(db: CapEssDatabase, table: string, assessmentId: string, key: string, json: string | null) {
  const written = followedOf(db).get(scopeOf(table, assessmentId))?.written
  if (!written?.has(key)) return false
  const mine = written.get(key)
  if (!mine || json === null) return !mine && json === null
  mine.json ??= JSON.stringify(mine.row)
  return mine.json === json
}
