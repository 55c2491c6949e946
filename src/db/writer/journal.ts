import { lazySchema, z } from '@/domain/zod'

/**
 * Edits are written to IndexedDB in the background, and an IndexedDB write started while a tab closes may never
 * finish. So every edit is also noted here, synchronously, in localStorage, until IndexedDB holds it; whatever is
 * still here when the app next reads the data is written then (`EditWriter.replay`). What is read back is
 * validated: a damaged journal is dropped, never replayed.
 */
export const JOURNAL_KEY = 'cap-ess.edit-journal'
/** The first release's journal (answers only, keyed by assessment then question): read once, then removed. */
const OLD_JOURNAL_KEY = 'cap-ess.typing-journal'

export const JournalEntrySchema = lazySchema(() =>
  z.strictObject({
    /** The tab that made the edit: each tab notes and forgets only its own (two tabs may edit one record). */
    tab: z.string().min(1).max(100),
    kind: z.string().min(1).max(40),
    scope: z.string().min(1).max(200),
    id: z.string().min(1).max(200),
    /** Checked against the kind's own patch schema before it is replayed. */
    patch: z.record(z.string(), z.unknown()),
    /** The value each edited field had before the edit: a replay leaves a field changed since alone. */
    base: z.record(z.string(), z.unknown()),
    /** When the last of these edits was made: a replay never overwrites a record changed after that. */
    at: z.iso.datetime(),
  }),
)
export type JournalEntry = z.infer<typeof JournalEntrySchema>

const JournalSchema = lazySchema(() => z.record(z.string(), JournalEntrySchema))
type Journal = z.infer<typeof JournalSchema>

const OldJournalSchema = lazySchema(() =>
  z.record(
    z.string(),
    z.record(z.string(), z.strictObject({ patch: z.record(z.string(), z.unknown()), at: z.iso.datetime() })),
  ),
)

/** The parts of localStorage the journal uses (so tests can give it their own). */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export class EditJournal {
  constructor(private readonly storage: JournalStorage | null) {
    this.takeOverOldJournal()
  }

  /**
   * The journal as stored, checked entry by entry: what a replay writes must be well formed (the journal lives
   * outside the app's control). Only a replay needs it.
   */
  private read(): Journal {
    try {
      const raw = this.storage?.getItem(JOURNAL_KEY)
      if (!raw) return {}
      const parsed = JournalSchema.safeParse(JSON.parse(raw))
      // Keyed again from each entry's own parts: a key that says otherwise is not trusted.
      if (parsed.success) return Object.fromEntries(Object.values(parsed.data).map((e) => [entryKey(e), e]))
      this.storage?.removeItem(JOURNAL_KEY)
    } catch {
      // Unreadable (a damaged journal is dropped) or refused storage: nothing to replay.
      try {
        this.storage?.removeItem(JOURNAL_KEY)
      } catch {
        // Storage refused altogether.
      }
    }
    return {}
  }

  /**
   * The journal as stored, to note or forget one entry: parsed, not checked (every click goes through here, and a
   * schema check of every entry each time cost a phone a few milliseconds per click). Entries are passed on as they
   * are; `read` checks them before any is replayed.
   */
  private readForUpdate(): Record<string, unknown> {
    try {
      const raw = this.storage?.getItem(JOURNAL_KEY)
      const parsed: unknown = raw ? JSON.parse(raw) : {}
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
    } catch {
      return {}
    }
  }

  private write(journal: Record<string, unknown>) {
    try {
      if (Object.keys(journal).length === 0) this.storage?.removeItem(JOURNAL_KEY)
      else this.storage?.setItem(JOURNAL_KEY, JSON.stringify(journal))
    } catch {
      // Storage refused (private mode, quota): the IndexedDB write still happens.
    }
  }

  /** Typing left by the previous version of the app is moved into this journal, so an update loses none of it. */
  private takeOverOldJournal() {
    try {
      const raw = this.storage?.getItem(OLD_JOURNAL_KEY)
      if (!raw) return
      const parsed = OldJournalSchema.safeParse(JSON.parse(raw))
      if (parsed.success) {
        const journal = this.read()
        for (const [scope, entries] of Object.entries(parsed.data)) {
          for (const [id, { patch, at }] of Object.entries(entries)) {
            // No base was noted then: the replay writes these fields whatever they hold now, as it did.
            const entry = { tab: 'previous-version', kind: 'answer', scope, id, patch, base: {}, at }
            journal[entryKey(entry)] ??= entry
          }
        }
        this.write(journal)
      }
      this.storage?.removeItem(OLD_JOURNAL_KEY)
    } catch {
      // Nothing readable to take over.
    }
  }

  /** Notes what one tab has not stored yet for one record (replacing what that tab noted for it). */
  put(entry: JournalEntry): void {
    const journal = this.readForUpdate()
    journal[entryKey(entry)] = entry
    this.write(journal)
  }

  /** Forgets one tab's entry for one record, unless it was noted after `upTo` (newer typing). */
  forget(entry: Pick<JournalEntry, 'tab' | 'kind' | 'scope' | 'id'>, upTo: string): void {
    const journal = this.readForUpdate()
    const key = entryKey(entry)
    const found = journal[key] as { at?: unknown } | undefined
    if (!found || (typeof found.at === 'string' && found.at > upTo)) return
    delete journal[key]
    this.write(journal)
  }

  entries(): JournalEntry[] {
    return Object.values(this.read())
  }
}

/** One string per tab and record, never parsed back (the entry holds its parts). */
export function entryKey(entry: Pick<JournalEntry, 'tab' | 'kind' | 'scope' | 'id'>): string {
  return JSON.stringify([entry.tab, entry.kind, entry.scope, entry.id])
}

/** One string per record, whichever tab edits it. */
export function recordKey(key: { kind: string; scope: string; id: string }): string {
  return JSON.stringify([key.kind, key.scope, key.id])
}
