import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { completeAssessment, createAssessment } from '@/db/assessmentWrites'
import { CapEssDatabase, useDatabase } from '@/db/database'
import { createOrganisation } from '@/db/organisationWrites'
import { EDIT_KINDS, EditWriter, editKeys, editWriter, useEditWriter, type EditKey, type Edits } from '@/db/writer'
import { EditJournal, JOURNAL_KEY, type JournalStorage } from '@/db/writer/journal'
import { CURRENT_GUIDE } from '@/domain/guide/current'
import { takeSnapshot } from '@/domain/snapshot'
import { answerCount, storedAnswer, storedIndicator, storedObjective } from '../fixtures/storedRows'

/**
 * The one writer, proven once for every kind of edit: the pause before typing is written, a gesture written at
 * once, the flush when the tab is hidden, the journal replayed after a closed tab (never over a later change), the
 * retry of a failed write, the lock of a completed assessment, and two tabs editing two fields of one record.
 */

const DELAY = 40
let db: CapEssDatabase
let assessmentId: string
let orgId: string
let storage: JournalStorage & { data: Map<string, string> }
const actionId = 'a0a0a0a0-0000-4000-8000-000000000001'
const customId = 'custom.c0c0c0c0-0000-4000-8000-000000000001'

function memoryStorage() {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  }
}

/** The kinds of the app, each write counted. */
function countingKinds() {
  const writes: string[] = []
  const kinds = Object.fromEntries(
    Object.entries(EDIT_KINDS).map(([name, kind]) => [
      name,
      {
        ...kind,
        write: (...args: Parameters<typeof kind.write>) => (
          writes.push(name),
          kind.write(...(args as [string, string, never, Record<string, unknown>?]))
        ),
      },
    ]),
  ) as unknown as typeof EDIT_KINDS
  return { kinds, writes }
}

/** Timers that never fire: a tab closed before the pause ended. */
const closedTab = { set: () => 0, clear: () => {} }

function writer(options: { kinds?: typeof EDIT_KINDS; timers?: typeof closedTab } = {}) {
  return new EditWriter<Edits>(options.kinds ?? EDIT_KINDS, new EditJournal(storage), {
    delayMs: DELAY,
    timers: options.timers,
  })
}

beforeEach(async () => {
  db = new CapEssDatabase(`test-${crypto.randomUUID()}`)
  await db.open()
  useDatabase(db)
  storage = memoryStorage()
  const org = await createOrganisation({
    name: 'Asso',
    legalForm: 'association',
    employees: 3,
    volunteers: 5,
    members: 20,
    region: '11',
    siren: '',
  })
  orgId = org.id
  assessmentId = (
    await createAssessment(org.id, { year: 2026, retainedThemeIds: ['gov'], participants: '' }, CURRENT_GUIDE)
  ).assessment.id
})
afterEach(async () => {
  vi.restoreAllMocks()
  useEditWriter(null)
  await db.delete()
})

interface KindCase {
  kind: keyof Edits & string
  key: () => EditKey
  /** Typed first, then corrected: only the last is stored. */
  first: object
  last: object
  /** The same field changed in another tab. */
  elsewhere: object
  /** Another field of the same record, as another tab would change it (null: the record is written whole). */
  other: object | null
  stored: () => Promise<unknown>
  expected: object
  expectedOther: object | null
  /** Refused once the assessment is completed. */
  locked: boolean
}

const CASES: KindCase[] = [
  {
    kind: 'answer',
    key: () => editKeys.answer(assessmentId, 'gov.rules.explicit'),
    first: { note: 'S' },
    last: { note: 'Statuts relus' },
    elsewhere: { note: 'Changée dans un autre onglet' },
    other: { response: { kind: 'level', level: 3 } },
    stored: () => storedAnswer(db, assessmentId, 'gov.rules.explicit'),
    expected: { note: 'Statuts relus' },
    expectedOther: { response: { kind: 'level', level: 3 } },
    locked: true,
  },
  {
    kind: 'indicator',
    key: () => editKeys.indicator(assessmentId, 'gov.ind.vote-turnout'),
    first: { value: 4 },
    last: { value: 42.5 },
    elsewhere: { value: 12 },
    other: { note: 'AG de juin' },
    stored: () => storedIndicator(db, assessmentId, 'gov.ind.vote-turnout'),
    expected: { value: 42.5 },
    expectedOther: { note: 'AG de juin' },
    locked: true,
  },
  {
    kind: 'objective',
    key: () => editKeys.objective(assessmentId, 'gov.rules.explicit'),
    first: { subjectKind: 'question', oneYear: 1 },
    last: { subjectKind: 'question', oneYear: 3 },
    elsewhere: { subjectKind: 'question', oneYear: 2 },
    other: { subjectKind: 'question', threeYear: 4 },
    stored: () => storedObjective(db, assessmentId, 'gov.rules.explicit'),
    expected: { oneYear: 3 },
    expectedOther: { threeYear: 4 },
    locked: true,
  },
  {
    kind: 'agRecord',
    key: () => editKeys.agRecord(assessmentId),
    first: { approach: 'Ch' },
    last: { approach: 'Choisi en CA' },
    elsewhere: { approach: 'Changée dans un autre onglet' },
    other: { questionsRaised: 'Écart de salaires ?' },
    stored: () => db.assessments.get(assessmentId),
    expected: { agRecord: { approach: 'Choisi en CA' } },
    expectedOther: { agRecord: { questionsRaised: 'Écart de salaires ?' } },
    locked: false,
  },
  {
    kind: 'action',
    key: () => editKeys.action(orgId, actionId),
    first: { title: 'For' },
    last: { title: 'Former le bureau' },
    elsewhere: { title: 'Changée dans un autre onglet' },
    other: { title: 'Former le bureau', owner: 'Claire' },
    stored: () => db.actions.get(actionId),
    expected: { title: 'Former le bureau' },
    expectedOther: { owner: 'Claire' },
    locked: false,
  },
  {
    kind: 'customIndicator',
    key: () => editKeys.customIndicator(orgId, customId),
    first: { label: 'Heu', themeId: 'gov', unit: 'hours' },
    last: { label: 'Heures de bénévolat', themeId: 'gov', unit: 'hours' },
    elsewhere: { label: 'Changée dans un autre onglet', themeId: 'gov', unit: 'hours' },
    other: null,
    stored: () => db.customIndicators.get(customId),
    expected: { label: 'Heures de bénévolat' },
    expectedOther: null,
    locked: false,
  },
]

const edit = (w: EditWriter<Edits>, c: KindCase, patch: object, typed = false, base?: object) =>
  w.edit(c.key() as EditKey<typeof c.kind>, patch as never, { typed, base: base as never })

describe.each(CASES)('the writer, for $kind edits', (c) => {
  it('writes typing once per pause, with the last value, and says « saving » until it is stored', async () => {
    const { kinds, writes } = countingKinds()
    const w = writer({ kinds })
    edit(w, c, c.first, true)
    edit(w, c, c.last, true)
    expect(w.status().state).toBe('saving')
    expect(w.hasUnsaved(c.key())).toBe(true)
    await vi.waitFor(() => expect(w.status().state).toBe('saved'), { timeout: 2000 })
    expect(writes).toEqual([c.kind])
    expect(await c.stored()).toMatchObject(c.expected)
    expect(w.hasUnsaved(c.key())).toBe(false)
    expect(storage.data.has(JOURNAL_KEY)).toBe(false)
  })

  it('writes a gesture at once, with the typing still waiting merged in', async () => {
    const { kinds, writes } = countingKinds()
    const w = writer({ kinds })
    edit(w, c, c.first, true)
    edit(w, c, c.last)
    await w.flush()
    expect(writes).toEqual([c.kind])
    expect(await c.stored()).toMatchObject(c.expected)
  })

  it('writes everything at once when the tab is hidden or closed', async () => {
    const w = editWriter()
    edit(w, c, c.last, true)
    window.dispatchEvent(new Event('pagehide'))
    // Well before the pause would end.
    await vi.waitFor(async () => expect(await c.stored()).toMatchObject(c.expected), { timeout: 300 })
  })

  it('keeps in the journal what a closed tab typed, writes it when the data is next read, never over a later change', async () => {
    edit(writer({ timers: closedTab }), c, c.last, true)
    expect((await c.stored()) ?? {}).not.toMatchObject(c.expected)
    expect(storage.data.get(JOURNAL_KEY)).toContain(c.kind)

    const nextVisit = writer()
    await nextVisit.replay()
    expect(await c.stored()).toMatchObject(c.expected)
    expect(storage.data.has(JOURNAL_KEY)).toBe(false)

    // Typed over what the tab showed (the last value), then the same field changed in another tab before the journal
    // is replayed: the other tab's change is not overwritten.
    edit(writer({ timers: closedTab }), c, c.first, true, c.last)
    const elsewhere = writer()
    edit(elsewhere, c, c.elsewhere)
    await elsewhere.flush()
    const before = await c.stored()
    await writer().replay()
    expect(await c.stored()).toEqual(before)
    expect(storage.data.has(JOURNAL_KEY)).toBe(false)
  })

  it('keeps a failed write on screen and in the journal, says why, and retries it', async () => {
    const failing = {
      ...EDIT_KINDS,
      [c.kind]: {
        ...EDIT_KINDS[c.kind],
        write: vi
          .fn()
          .mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'))
          .mockImplementation(EDIT_KINDS[c.kind].write),
      },
    }
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const w = writer({ kinds: failing as typeof EDIT_KINDS })
    edit(w, c, c.last)
    await w.flush()
    expect(w.status()).toMatchObject({ state: 'error', errorKind: 'quota' })
    expect(w.hasUnsaved(c.key())).toBe(true)
    expect(w.hasFailed()).toBe(true)
    expect(storage.data.get(JOURNAL_KEY)).toContain(c.kind)
    await w.retry()
    expect(w.status().state).toBe('saved')
    expect(await c.stored()).toMatchObject(c.expected)
    expect(storage.data.has(JOURNAL_KEY)).toBe(false)
  })
})

describe.each(CASES.filter((c) => c.locked))('the writer, for $kind edits of a completed assessment', (c) => {
  it('is refused, whichever tab completed it, and says so', async () => {
    await completeAssessment(assessmentId, (a) =>
      takeSnapshot(
        { global: { score: null, answered: 0, applicable: 0, coverage: null }, themes: [], questions: [] },
        a,
        new Date().toISOString(),
      ),
    )
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const w = writer()
    edit(w, c, c.last)
    await w.flush()
    expect(w.status()).toMatchObject({ state: 'error', errorKind: 'locked' })
    expect(await c.stored()).toBeUndefined()
  })
})

describe.each(CASES.filter((c) => c.other !== null))('the writer, for $kind edits in two tabs', (c) => {
  it('lets two tabs change two fields of one record: both are kept', async () => {
    const tabA = writer()
    const tabB = writer()
    edit(tabA, c, c.last, true)
    edit(tabB, c, c.other!)
    await Promise.all([tabA.flush(), tabB.flush()])
    expect(await c.stored()).toMatchObject({ ...c.expected, ...c.expectedOther })
  })
})

describe('the writer', () => {
  it('starts the next write of a record only when the previous one is stored, with what came meanwhile', async () => {
    let release!: () => void
    const order: string[] = []
    const slow = {
      ...EDIT_KINDS,
      answer: {
        ...EDIT_KINDS.answer,
        write: async (...args: Parameters<typeof EDIT_KINDS.answer.write>) => {
          order.push(`start ${JSON.stringify(args[2])}`)
          if (order.length === 1) await new Promise<void>((resolve) => (release = resolve))
          return EDIT_KINDS.answer.write(...args)
        },
      },
    }
    const w = writer({ kinds: slow })
    const key = editKeys.answer(assessmentId, 'gov.rules.explicit')
    w.edit(key, { response: { kind: 'level', level: 1 } })
    w.edit(key, { response: { kind: 'level', level: 2 } })
    w.edit(key, { note: 'puis une note' })
    expect(order).toHaveLength(1)
    release()
    await w.flush()
    expect(order).toEqual([
      'start {"response":{"kind":"level","level":1}}',
      'start {"response":{"kind":"level","level":2},"note":"puis une note"}',
    ])
    expect(await storedAnswer(db, assessmentId, 'gov.rules.explicit')).toMatchObject({
      response: { kind: 'level', level: 2 },
      note: 'puis une note',
    })
  })

  it('drops a damaged journal, and a journalled edit that fails its kind’s checks, without writing anything', async () => {
    storage.setItem(JOURNAL_KEY, '{"pas du json')
    await writer().replay()
    expect(storage.data.has(JOURNAL_KEY)).toBe(false)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    storage.setItem(
      JOURNAL_KEY,
      JSON.stringify({
        x: {
          kind: 'answer',
          scope: assessmentId,
          id: 'gov.rules.explicit',
          patch: { response: { kind: 'level', level: 9 } },
          at: new Date().toISOString(),
        },
      }),
    )
    await writer().replay()
    expect(storage.data.has(JOURNAL_KEY)).toBe(false)
    expect(await answerCount(db)).toBe(0)
  })

  it('takes over the typing journal of the previous version, so an update loses nothing', async () => {
    storage.setItem(
      'cap-ess.typing-journal',
      JSON.stringify({
        [assessmentId]: {
          'gov.rules.explicit': { patch: { note: 'tapée avant la mise à jour' }, at: new Date().toISOString() },
        },
      }),
    )
    await writer().replay()
    expect((await storedAnswer(db, assessmentId, 'gov.rules.explicit'))?.note).toBe('tapée avant la mise à jour')
    expect(storage.data.size).toBe(0)
  })

  it('drops a journalled edit of a record that no longer exists, and keeps one refused for lack of space', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    edit(writer({ timers: closedTab }), CASES[0], { note: 'pour une évaluation supprimée' }, true)
    await db.assessments.delete(assessmentId)
    await writer().replay()
    expect(storage.data.has(JOURNAL_KEY)).toBe(false)
    expect(await answerCount(db)).toBe(0)

    const full = {
      ...EDIT_KINDS,
      action: {
        ...EDIT_KINDS.action,
        write: vi.fn().mockRejectedValue(new DOMException('full', 'QuotaExceededError')),
      },
    }
    edit(writer({ timers: closedTab }), CASES[4], { title: 'Écrire la charte' }, true)
    await writer({ kinds: full }).replay()
    expect(storage.data.get(JOURNAL_KEY)).toContain('Écrire la charte')
  })

  it('keeps each tab’s journal entry for one record: a click in one tab never erases what another typed', async () => {
    const closing = writer({ timers: closedTab })
    const action = CASES[4]
    // The action exists; tab A types its description and its lid shuts before the pause ends.
    const setup = writer()
    edit(setup, action, { title: 'Former le bureau' })
    await setup.flush()
    edit(closing, action, { description: 'Deux sessions en 2027' }, true, { description: '' })
    // Meanwhile tab B changes the status with one click, and that write succeeds.
    const other = writer()
    edit(other, action, { status: 'doing' })
    await other.flush()
    expect(storage.data.get(JOURNAL_KEY)).toContain('Deux sessions en 2027')
    await writer().replay()
    expect(await action.stored()).toMatchObject({
      title: 'Former le bureau',
      description: 'Deux sessions en 2027',
      status: 'doing',
    })
  })

  it('keeps typing that arrived while its record was being written, even if the tab closes before the next write', async () => {
    let release!: () => void
    const slow = {
      ...EDIT_KINDS,
      answer: {
        ...EDIT_KINDS.answer,
        write: async (...args: Parameters<typeof EDIT_KINDS.answer.write>) => {
          await new Promise<void>((resolve) => (release = resolve))
          return EDIT_KINDS.answer.write(...args)
        },
      },
    }
    const tab = writer({ kinds: slow, timers: closedTab })
    const key = editKeys.answer(assessmentId, 'gov.rules.explicit')
    tab.edit(key, { response: { kind: 'level', level: 2 } })
    // A keystroke during the write: noted before the write stamps the record.
    tab.edit(key, { note: 'tapée pendant l’écriture' }, { typed: true })
    await new Promise((resolve) => setTimeout(resolve, 5))
    release()
    await vi.waitFor(async () =>
      expect((await storedAnswer(db, assessmentId, 'gov.rules.explicit'))?.response).toEqual({
        kind: 'level',
        level: 2,
      }),
    )
    // The tab closes; the next visit writes the note although the record is newer than the keystroke.
    await writer().replay()
    expect((await storedAnswer(db, assessmentId, 'gov.rules.explicit'))?.note).toBe('tapée pendant l’écriture')
  })

  it('drops what waits for a record that was never stored when asked to (a new action cancelled)', async () => {
    const tab = writer()
    edit(tab, CASES[4], { title: 'X' }, true)
    tab.discard(CASES[4].key())
    await new Promise((resolve) => setTimeout(resolve, DELAY * 3))
    expect(await CASES[4].stored()).toBeUndefined()
    expect(storage.data.has(JOURNAL_KEY)).toBe(false)
    expect(tab.status().state).toBe('idle')
  })

  it('gives back what a record has not stored yet, for a page that reads it again', async () => {
    const failing = {
      ...EDIT_KINDS,
      answer: {
        ...EDIT_KINDS.answer,
        write: vi.fn().mockRejectedValue(new DOMException('full', 'QuotaExceededError')),
      },
    }
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const tab = writer({ kinds: failing })
    const key = editKeys.answer(assessmentId, 'gov.rules.explicit')
    tab.edit(key, { response: { kind: 'level', level: 3 } })
    await tab.flush()
    tab.edit(key, { note: 'puis une note' }, { typed: true })
    expect(tab.unsavedPatch(key)).toEqual({ response: { kind: 'level', level: 3 }, note: 'puis une note' })
    expect(tab.unsavedKeys()).toEqual([key])
  })
})
