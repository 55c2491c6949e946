import { writeErrorKind, type WriteErrorKind } from '../errors'
import { recordKey, type EditJournal, type JournalEntry } from './journal'

/**
 * The one way an edit reaches the database, whatever is edited (an answer, a note, an indicator, an objective, an
 * action, the AG texts). Per record it owns:
 * - the pause before typing is written (one write per pause, not per key) and the immediate write of a gesture;
 * - the order of writes (a record's next write starts when the previous one ends, merged with what came meanwhile);
 * - the journal (every edit noted synchronously until IndexedDB holds it, replayed after a closed tab);
 * - the retry of failed writes (the change stays on screen and in the journal until a write succeeds);
 * - what other code needs to merge stored data without losing an edit (`hasUnsaved`), and the save status.
 * The lock check is the repositories' (inside each write's transaction), so a completed assessment refuses the
 * write whichever tab completed it. Framework-free: the stores wrap it for the screens.
 */

export interface EditKind<P, R> {
  /** Checks a journalled patch before it is replayed: the journal lives outside the app's control. */
  isPatch(value: unknown): value is P
  /**
   * Writes in one transaction. On replay, `replayOver` holds the value each field had when the edit was made: a
   * field changed since (in another tab) is left alone; nothing left to write returns undefined.
   */
  write(scope: string, id: string, patch: P, replayOver?: Record<string, unknown>): Promise<R | undefined>
}

export type KindMap = Record<string, { patch: object; result: unknown }>
export type EditKinds<M extends KindMap> = { [K in keyof M]: EditKind<M[K]['patch'], M[K]['result']> }

/** One record: its kind, what it belongs to (an assessment, an organisation) and its own id within it. */
export interface EditKey<K = string> {
  kind: K
  scope: string
  id: string
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'
export interface SaveStatus {
  state: SaveState
  errorKind: WriteErrorKind | null
  lastSavedAt: Date | null
}

type Patch = Record<string, unknown>

interface Slot {
  key: EditKey
  /** Edits not yet handed to a write, merged (a later value of a field wins). */
  pending: Patch | null
  /** The value each edited field had before this tab changed it (what it had last stored, or what it was shown). */
  base: Patch
  /** The write under way and the edits it carries. */
  writing: Patch | null
  running: Promise<void> | null
  /** Edits whose last write failed: on screen and in the journal until a write of them succeeds. */
  failed: Patch | null
  error: unknown
  /** When the latest edit not yet stored was made. */
  at: string
  timer: unknown
}

const merge = (...patches: (Patch | null)[]): Patch | null =>
  patches.some((p) => p !== null) ? Object.assign({}, ...patches.filter((p) => p !== null)) : null

export class EditWriter<M extends KindMap> {
  /** This tab, in the journal: tabs note and forget only their own entries. */
  private readonly tab = crypto.randomUUID()
  private readonly slots = new Map<string, Slot>()
  private readonly listeners = new Set<() => void>()
  private readonly storedListeners = new Map<keyof M, Set<(key: EditKey, result: unknown) => void>>()
  private lastSavedAt: Date | null = null
  private replaying: Promise<void> | null = null

  constructor(
    private readonly kinds: EditKinds<M>,
    private readonly journal: EditJournal,
    private readonly options: {
      delayMs: number
      now?: () => Date
      /** The page's timers; a test gives timers that never fire to play a tab closed before the pause ended. */
      timers?: { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void }
    },
  ) {}

  private setTimer(run: () => void): unknown {
    return this.options.timers
      ? this.options.timers.set(run, this.options.delayMs)
      : setTimeout(run, this.options.delayMs)
  }

  private clearTimer(slot: Slot) {
    if (slot.timer === null) return
    if (this.options.timers) this.options.timers.clear(slot.timer)
    else clearTimeout(slot.timer as ReturnType<typeof setTimeout>)
    slot.timer = null
  }

  private now(): Date {
    return this.options.now?.() ?? new Date()
  }

  private kindOf(key: EditKey): EditKind<Patch, unknown> {
    return this.kinds[key.kind as keyof M] as unknown as EditKind<Patch, unknown>
  }

  /**
   * An edit: shown by the caller at once, written here. A gesture (a click, a choice) is written now; typing
   * (`typed`) after a pause. Either way it is in the journal before this returns.
   */
  edit<K extends keyof M & string>(
    key: EditKey<K>,
    patch: M[K]['patch'],
    how: { typed?: boolean; base?: Partial<M[K]['patch']> } = {},
  ): void {
    const id = recordKey(key)
    let slot = this.slots.get(id)
    if (!slot) {
      slot = {
        key,
        pending: null,
        base: {},
        writing: null,
        running: null,
        failed: null,
        error: null,
        at: '',
        timer: null,
      }
      this.slots.set(id, slot)
    }
    // A field's base is the value before this tab's first change of it not yet stored.
    slot.base = { ...how.base, ...slot.base }
    slot.pending = merge(slot.pending, patch as Patch)
    slot.at = this.now().toISOString()
    this.note(slot, merge(slot.failed, slot.writing, slot.pending))
    this.clearTimer(slot)
    if (how.typed) {
      const typing = slot
      slot.timer = this.setTimer(() => {
        typing.timer = null
        this.run(typing)
      })
    } else this.run(slot)
    this.notify()
  }

  private note(slot: Slot, unsaved: Patch | null) {
    const entry = { tab: this.tab, kind: slot.key.kind, scope: slot.key.scope, id: slot.key.id }
    if (unsaved) this.journal.put({ ...entry, patch: unsaved, base: slot.base, at: slot.at })
    else this.journal.forget(entry, slot.at)
  }

  private run(slot: Slot): void {
    this.clearTimer(slot)
    // The record's next write starts when this one ends (the `finally` below): writes never overtake each other.
    if (slot.running) return
    const patch = merge(slot.failed, slot.pending)
    if (!patch) return
    slot.writing = patch
    slot.failed = null
    slot.pending = null
    const { scope, id } = slot.key
    let stored: { result: unknown } | null = null
    slot.running = (async () => {
      try {
        const result = await this.kindOf(slot.key).write(scope, id, patch)
        slot.error = null
        this.lastSavedAt = this.now()
        stored = { result }
        // What this tab stored is now the base of what it types next in these fields.
        slot.base = { ...slot.base, ...patch }
      } catch (error) {
        slot.failed = patch
        slot.error = error
        console.error(`Saving failed (${slot.key.kind})`, error)
      } finally {
        slot.writing = null
        slot.running = null
        this.note(slot, merge(slot.failed, slot.pending))
        if (slot.pending && slot.timer === null) this.run(slot)
        this.release(slot)
        if (stored) this.emitStored(slot.key, stored.result)
        this.notify()
      }
    })()
  }

  /** A record with nothing left to write is forgotten (the writer holds only what is in progress). */
  private release(slot: Slot) {
    if (!slot.pending && !slot.writing && !slot.failed && slot.timer === null) this.slots.delete(recordKey(slot.key))
  }

  private emitStored(key: EditKey, result: unknown) {
    for (const listener of this.storedListeners.get(key.kind as keyof M) ?? []) listener(key, result)
  }

  /** Writes at once everything waiting (leaving a page, hiding the tab, before completing an assessment). */
  async flush(filter: (key: EditKey) => boolean = () => true): Promise<void> {
    for (;;) {
      const slots = [...this.slots.values()].filter((s) => filter(s.key))
      for (const slot of slots) if (slot.pending) this.run(slot)
      const running = slots.flatMap((s) => (s.running ? [s.running] : []))
      if (running.length === 0) return
      await Promise.all(running)
    }
  }

  /** Writes again every failed edit, with what was typed since. */
  async retry(): Promise<void> {
    for (const slot of this.slots.values()) if (slot.failed) this.run(slot)
    await this.flush()
  }

  /** An edit of this record is not stored yet (waiting, being written, or failed): stored data must not replace it on screen. */
  hasUnsaved(key: EditKey): boolean {
    return this.slots.has(recordKey(key))
  }

  /**
   * What this tab changed in a record and is not stored yet (failed, being written, waiting), merged: a page that
   * reads the record again shows it over what is stored, so a failed change is neither hidden nor lost.
   */
  unsavedPatch<K extends keyof M & string>(key: EditKey<K>): Partial<M[K]['patch']> | null {
    const slot = this.slots.get(recordKey(key))
    return slot ? (merge(slot.failed, slot.writing, slot.pending) as Partial<M[K]['patch']> | null) : null
  }

  /**
   * Drops what is waiting for a record that was never stored (a new action whose title was erased, then
   * cancelled): nothing of it is written, and its journal entry goes. A write already under way still ends.
   */
  discard(key: EditKey): void {
    const slot = this.slots.get(recordKey(key))
    if (!slot) return
    this.clearTimer(slot)
    slot.pending = null
    slot.failed = null
    this.note(slot, slot.writing)
    this.release(slot)
    this.notify()
  }

  /** The records matching the filter with an edit of this tab not stored yet. */
  unsavedKeys(filter: (key: EditKey) => boolean = () => true): EditKey[] {
    return [...this.slots.values()].map((s) => s.key).filter(filter)
  }

  /** Some edit matching the filter failed and is not stored. */
  hasFailed(filter: (key: EditKey) => boolean = () => true): boolean {
    return [...this.slots.values()].some((s) => s.failed && filter(s.key))
  }

  status(): SaveStatus {
    const slots = [...this.slots.values()]
    const failed = slots.filter((s) => s.failed)
    if (failed.length > 0)
      return { state: 'error', errorKind: writeErrorKind(failed.at(-1)!.error), lastSavedAt: this.lastSavedAt }
    if (slots.length > 0) return { state: 'saving', errorKind: null, lastSavedAt: this.lastSavedAt }
    return { state: this.lastSavedAt ? 'saved' : 'idle', errorKind: null, lastSavedAt: this.lastSavedAt }
  }

  /** Called after every change of status (an edit, a write that starts, succeeds or fails). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private notify() {
    for (const listener of this.listeners) listener()
  }

  /** Called with what a write stored (or a replay wrote), once the writer's own state says so. */
  onStored<K extends keyof M & string>(
    kind: K,
    listener: (key: EditKey<K>, result: M[K]['result']) => void,
  ): () => void {
    let set = this.storedListeners.get(kind)
    if (!set) this.storedListeners.set(kind, (set = new Set()))
    const wrapped = listener as (key: EditKey, result: unknown) => void
    set.add(wrapped)
    return () => set.delete(wrapped)
  }

  /**
   * Writes what a closed tab (or a crash) left in the journal, unless the record changed after it was typed. An
   * entry that cannot be written is dropped (the assessment was completed, the record is gone) and never keeps a
   * page from opening; one that failed for lack of space stays for the next time.
   */
  replay(): Promise<void> {
    this.replaying ??= this.replayJournal().finally(() => (this.replaying = null))
    return this.replaying
  }

  private async replayJournal() {
    // Every tab's entries for one record are written together, the later edit of a field winning, so that one
    // tab's replayed edit is not taken for a later change that shuts out the other's.
    const records = new Map<string, JournalEntry[]>()
    for (const entry of this.journal.entries()) {
      const key = recordKey(entry)
      records.set(key, [...(records.get(key) ?? []), entry])
    }
    for (const entries of records.values()) {
      const { kind: kindName, scope, id } = entries[0]
      const key: EditKey = { kind: kindName, scope, id }
      // This tab is still writing it: its own write comes next, and this replay waits for a later one.
      if (this.hasUnsaved(key)) continue
      const kind = this.kinds[kindName as keyof M] as EditKind<Patch, unknown> | undefined
      const valid = entries.filter((e) => kind?.isPatch(e.patch)).sort((a, b) => a.at.localeCompare(b.at))
      for (const damaged of entries.filter((e) => !valid.includes(e))) {
        console.warn('A damaged edit in the journal was dropped', damaged.kind)
        this.journal.forget(damaged, damaged.at)
      }
      if (!kind || valid.length === 0) continue
      // Each field's base is the one noted first: the value before any of these edits.
      const base = Object.assign({}, ...[...valid].reverse().map((e) => e.base))
      try {
        const result = await kind.write(scope, id, merge(...valid.map((e) => e.patch as Patch))!, base)
        for (const entry of valid) this.journal.forget(entry, entry.at)
        if (result !== undefined) this.emitStored(key, result)
      } catch (error) {
        const transient = ['quota', 'refused'].includes(writeErrorKind(error))
        console.warn(`An edit made before the page closed could not be written${transient ? ' yet' : ''}`, error)
        if (!transient) for (const entry of valid) this.journal.forget(entry, entry.at)
      }
    }
  }
}
