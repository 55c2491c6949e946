import { z } from '@/domain/zod'
import { ApplicabilityOverrideSchema, ResponseSchema, type AnswerPatch } from '@/domain/answer'

/**
 * Typing is written to IndexedDB after a pause, and an IndexedDB write started while a tab closes may never
 * finish. So every keystroke is also noted here, synchronously, in localStorage; whatever is still here when
 * the assessment is opened again is replayed. Entries are removed once IndexedDB holds them. What is read back
 * is validated: a damaged journal is dropped, never replayed.
 */
const KEY = 'cap-ess.typing-journal'

const JournalEntrySchema = z.strictObject({
  patch: z.strictObject({
    response: ResponseSchema.nullable().optional(),
    note: z.string().optional(),
    evidence: z.array(z.string()).optional(),
    applicabilityOverride: ApplicabilityOverrideSchema.nullable().optional(),
    carriedOver: z.boolean().optional(),
  }),
  /** When the user typed it: a replay never overwrites an answer changed after that. */
  at: z.iso.datetime(),
})
const JournalSchema = z.record(z.string(), z.record(z.string(), JournalEntrySchema))
export type JournalEntry = z.infer<typeof JournalEntrySchema>
type Journal = z.infer<typeof JournalSchema>

function read(): Journal {
  try {
    const raw = localStorage.getItem(KEY)
    if (!raw) return {}
    const parsed = JournalSchema.safeParse(JSON.parse(raw))
    if (parsed.success) return parsed.data
    localStorage.removeItem(KEY)
  } catch {
    // Unreadable or refused storage: nothing to replay.
  }
  return {}
}

function write(journal: Journal) {
  try {
    if (Object.keys(journal).length === 0) localStorage.removeItem(KEY)
    else localStorage.setItem(KEY, JSON.stringify(journal))
  } catch {
    // Storage refused (private mode, quota): the IndexedDB write after the pause still happens.
  }
}

export function noteTyping(assessmentId: string, questionId: string, patch: AnswerPatch, at: string) {
  const journal = read()
  const forAssessment = (journal[assessmentId] ??= {})
  forAssessment[questionId] = { patch: { ...forAssessment[questionId]?.patch, ...patch }, at }
  write(journal)
}

/** Forgets an entry once written, unless newer typing arrived in the meantime. */
export function forgetTyping(assessmentId: string, questionId: string, writtenAt: string) {
  const journal = read()
  const entry = journal[assessmentId]?.[questionId]
  if (!entry || entry.at > writtenAt) return
  delete journal[assessmentId][questionId]
  if (Object.keys(journal[assessmentId]).length === 0) delete journal[assessmentId]
  write(journal)
}

export function pendingTyping(assessmentId: string): Record<string, JournalEntry> {
  return read()[assessmentId] ?? {}
}

export function clearTyping(assessmentId: string) {
  const journal = read()
  delete journal[assessmentId]
  write(journal)
}
