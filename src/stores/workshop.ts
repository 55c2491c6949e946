import { acceptHMRUpdate, defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { editKeys, editWriter, ratingId, ratingParts, type EditKey } from '@/db/writer'
import {
  deleteParticipant,
  importSheets as storeSheets,
  readWorkshop,
  watchWorkshop,
  type StoredWorkshop,
} from '@/db/workshopRepository'
import type { Sheet } from '@/domain/participantSheet'
import { newId } from '@/db/database'
import { parseInput } from '@/domain/validation'
import { lazySchema, z } from '@/domain/zod'
import {
  ParticipantNameSchema,
  ParticipantRoleSchema,
  emptyDiscussion,
  spreadOf,
  type Discussion,
  type DiscussionPatch,
  type Participant,
  type ParticipantRole,
  type Rating,
  type RatingRecord,
  type Spread,
} from '@/domain/workshop'

const ParticipantInputSchema = lazySchema(() =>
  z.strictObject({ name: ParticipantNameSchema, role: ParticipantRoleSchema }),
)

/**
 * The workshop of the open assessment: who takes part, what each one rated, and each question's discussion. As for
 * the answers, the screen is the truth while the facilitator works; every change goes to the one writer, and what
 * another tab stores is taken except for records this tab has not stored yet.
 */
export const useWorkshopStore = defineStore('workshop', () => {
  const writer = editWriter()
  const assessmentId = ref<string | null>(null)
  const participants = ref<Participant[]>([])
  const ratings = reactive(new Map<string, RatingRecord>())
  const discussions = reactive(new Map<string, Discussion>())
  const loaded = ref(false)
  let stopWatching: (() => void) | null = null

  /** What is stored for assessment `id`, taken only if that assessment is still the one open. */
  function take(id: string, stored: StoredWorkshop) {
    if (assessmentId.value !== id) return
    const shown = new Map(participants.value.map((p) => [p.id, p]))
    participants.value = stored.participants.map((p) =>
      writer.hasUnsaved(editKeys.participant(id, p.id)) ? (shown.get(p.id) ?? p) : p,
    )
    // A participant added here and not stored yet stays on screen.
    for (const p of shown.values())
      if (!stored.participants.some((s) => s.id === p.id) && writer.hasUnsaved(editKeys.participant(id, p.id)))
        participants.value.push(p)
    const seen = new Set<string>()
    for (const r of stored.ratings) {
      const key = ratingId(r.participantId, r.questionId)
      seen.add(key)
      if (!writer.hasUnsaved(editKeys.rating(id, r.participantId, r.questionId))) ratings.set(key, r)
    }
    for (const key of [...ratings.keys()])
      if (!seen.has(key) && !writer.hasUnsaved({ kind: 'rating', scope: id, id: key })) ratings.delete(key)
    const discussed = new Set<string>()
    for (const d of stored.discussions) {
      discussed.add(d.questionId)
      if (!writer.hasUnsaved(editKeys.discussion(id, d.questionId))) discussions.set(d.questionId, d)
    }
    for (const q of [...discussions.keys()])
      if (!discussed.has(q) && !writer.hasUnsaved(editKeys.discussion(id, q))) discussions.delete(q)
  }

  async function open(id: string) {
    if (assessmentId.value === id && loaded.value) return
    // The previous workshop's watch stops first: none of its changes may reach this one's screen.
    stopWatching?.()
    stopWatching = null
    assessmentId.value = id
    loaded.value = false
    participants.value = []
    ratings.clear()
    discussions.clear()
    await writer.replay()
    const stored = await readWorkshop(id)
    if (assessmentId.value !== id) return
    take(id, stored)
    loaded.value = true
    stopWatching = watchWorkshop(id, (changed) => take(id, changed))
  }

  function openId(): string {
    if (!assessmentId.value) throw new Error('No workshop open')
    return assessmentId.value
  }

  /** Throws a ValidationError (nothing written) for an empty or overlong name. */
  function addParticipant(input: { name: string; role: ParticipantRole }): Participant {
    const id = openId()
    const fields = parseInput(ParticipantInputSchema, input)
    const now = new Date().toISOString()
    const participant: Participant = { assessmentId: id, id: newId(), ...fields, createdAt: now, updatedAt: now }
    participants.value = [...participants.value, participant]
    writer.edit(editKeys.participant(id, participant.id), fields)
    return participant
  }

  /**
   * Removes a participant and their views. Their column leaves the screen first (no keystroke lands in it), their
   * waiting views are written or dropped, then the removal runs; if it is refused (the assessment was completed in
   * another tab), the column comes back and the error goes to the page.
   */
  async function removeParticipant(participantId: string) {
    const id = openId()
    const mine = (k: EditKey) =>
      k.scope === id &&
      ((k.kind === 'rating' && ratingParts(k.id)[0] === participantId) ||
        (k.kind === 'participant' && k.id === participantId))
    const before = participants.value
    participants.value = before.filter((p) => p.id !== participantId)
    try {
      await writer.flush(mine)
      await deleteParticipant(id, participantId)
    } catch (error) {
      if (assessmentId.value === id) participants.value = before
      throw error
    }
    // A view whose write failed before the removal has nothing left to be written to.
    for (const key of writer.unsavedKeys(mine)) writer.discard(key)
    for (const key of [...ratings.keys()]) if (ratingParts(key)[0] === participantId) ratings.delete(key)
  }

  function ratingOf(participantId: string, questionId: string): Rating | null {
    return ratings.get(ratingId(participantId, questionId))?.rating ?? null
  }

  function rate(participantId: string, questionId: string, rating: Rating | null) {
    const id = openId()
    const key = ratingId(participantId, questionId)
    const shown = ratings.get(key)
    ratings.set(key, { assessmentId: id, participantId, questionId, rating, updatedAt: new Date().toISOString() })
    writer.edit(editKeys.rating(id, participantId, questionId), { rating }, { base: { rating: shown?.rating ?? null } })
  }

  /** Participants' sheets (files, QR codes), already checked, merged in one transaction; then read back. */
  async function importSheets(sheets: ReadonlyArray<Sheet>) {
    const id = openId()
    const people = new Set(sheets.map((s) => s.participant.id))
    const theirs = (k: EditKey) =>
      k.scope === id &&
      ((k.kind === 'rating' && people.has(ratingParts(k.id)[0])) || (k.kind === 'participant' && people.has(k.id)))
    await writer.flush((k) => k.scope === id && (k.kind === 'participant' || k.kind === 'rating'))
    await storeSheets(id, sheets)
    // The sheets are now these people's views: an older edit of them that failed must not be written over them.
    for (const key of writer.unsavedKeys(theirs)) writer.discard(key)
    take(id, await readWorkshop(id))
  }

  function discussionOf(questionId: string): Discussion {
    return discussions.get(questionId) ?? emptyDiscussion(assessmentId.value ?? '', questionId, '')
  }

  function discuss(questionId: string, patch: DiscussionPatch, typed = false) {
    const id = openId()
    const shown = discussionOf(questionId)
    discussions.set(questionId, { ...shown, assessmentId: id, ...patch, updatedAt: new Date().toISOString() })
    const base = Object.fromEntries(
      Object.keys(patch).map((field) => [field, shown[field as keyof DiscussionPatch] ?? null]),
    )
    writer.edit(editKeys.discussion(id, questionId), patch, { typed, base })
  }

  function discussionUnsaved(questionId: string): boolean {
    return assessmentId.value !== null && writer.hasUnsaved(editKeys.discussion(assessmentId.value, questionId))
  }

  /** Everyone's ratings of one question, with a show of hands when there was one. */
  function spread(questionId: string): Spread {
    return spreadOf(
      participants.value.map((p) => ratingOf(p.id, questionId)),
      discussions.get(questionId)?.hands ?? null,
    )
  }

  return {
    assessmentId,
    participants,
    ratings,
    discussions,
    loaded,
    open,
    addParticipant,
    removeParticipant,
    ratingOf,
    rate,
    importSheets,
    discussionOf,
    discussionUnsaved,
    discuss,
    spread,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWorkshopStore, import.meta.hot))
