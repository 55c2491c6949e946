import { acceptHMRUpdate, defineStore } from 'pinia'
import { newId } from '@/db/database'
import { editKeys, editWriter, ratingId, ratingParts, type EditKey } from '@/db/writer'
import { deleteParticipant, importSheets as storeSheets } from '@/db/workshopRepository'
import type { Sheet } from '@/domain/participantSheet'
import { parseInput } from '@/domain/validation'
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
  type Spread,
} from '@/domain/workshop'
import { lazySchema, z } from '@/domain/zod'
import { useExercisesStore, type ExerciseWorkshop } from './exercises'

const ParticipantInputSchema = lazySchema(() =>
  z.strictObject({ name: ParticipantNameSchema, role: ParticipantRoleSchema }),
)

/**
 * A workshop on an exercise: who takes part, what each one rated, and each question's discussion. The records are
 * the exercises store's (read, followed and shown with this tab's edits there, opened with `{ workshop: true }`);
 * this store adds people, merges their sheets, removes them, and says how the views spread.
 */
export const useWorkshopStore = defineStore('workshop', () => {
  const writer = editWriter()
  const exercises = useExercisesStore()

  function workshopOf(assessmentId: string): ExerciseWorkshop {
    const workshop = exercises.exerciseOf(assessmentId).workshop
    if (!workshop) throw new Error(`The workshop of ${assessmentId} is not open`)
    return workshop
  }

  /** The participants in the order they joined (the grid's columns do not move). */
  function participantsOf(assessmentId: string): Participant[] {
    const workshop = exercises.byId.get(assessmentId)?.workshop
    if (!workshop) return []
    return [...workshop.participants.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  }

  /** Throws a ValidationError (nothing written) for an empty or overlong name. */
  function addParticipant(assessmentId: string, input: { name: string; role: ParticipantRole }): Participant {
    const fields = parseInput(ParticipantInputSchema, input)
    const id = newId()
    exercises.edit(assessmentId, 'participant', id, fields)
    return workshopOf(assessmentId).participants.get(id)!
  }

  /**
   * Removes a participant and their views. Their column leaves the screen first (no keystroke lands in it), their
   * waiting views are written or dropped, then the removal runs; if it is refused (the assessment was completed in
   * another tab), the column comes back and the error goes to the page.
   */
  async function removeParticipant(assessmentId: string, participantId: string) {
    const workshop = workshopOf(assessmentId)
    const theirs = (k: EditKey) =>
      k.scope === assessmentId &&
      ((k.kind === 'rating' && ratingParts(k.id)[0] === participantId) ||
        (k.kind === 'participant' && k.id === participantId))
    const before = workshop.participants.get(participantId)
    workshop.participants.delete(participantId)
    try {
      await writer.flush(theirs)
      await deleteParticipant(assessmentId, participantId)
    } catch (error) {
      if (before) workshop.participants.set(participantId, before)
      throw error
    }
    // A view whose write failed before the removal has nothing left to be written to.
    for (const key of writer.unsavedKeys(theirs)) writer.discard(key)
    for (const key of [...workshop.ratings.keys()])
      if (ratingParts(key)[0] === participantId) workshop.ratings.delete(key)
  }

  function ratingOf(assessmentId: string, participantId: string, questionId: string): Rating | null {
    return exercises.byId.get(assessmentId)?.workshop?.ratings.get(ratingId(participantId, questionId))?.rating ?? null
  }

  function rate(assessmentId: string, participantId: string, questionId: string, rating: Rating | null) {
    exercises.edit(assessmentId, 'rating', ratingId(participantId, questionId), { rating })
  }

  /** Participants' sheets (files, QR codes), already checked, merged in one transaction; then read back. */
  async function importSheets(assessmentId: string, sheets: ReadonlyArray<Sheet>) {
    const people = new Set(sheets.map((s) => s.participant.id))
    const theirs = (k: EditKey) =>
      k.scope === assessmentId &&
      ((k.kind === 'rating' && people.has(ratingParts(k.id)[0])) || (k.kind === 'participant' && people.has(k.id)))
    await writer.flush((k) => k.scope === assessmentId && (k.kind === 'participant' || k.kind === 'rating'))
    await storeSheets(assessmentId, sheets)
    // The sheets are now these people's views: an older edit of them that failed must not be written over them.
    for (const key of writer.unsavedKeys(theirs)) writer.discard(key)
    await exercises.reload(assessmentId)
  }

  function discussionOf(assessmentId: string, questionId: string): Discussion {
    return (
      exercises.byId.get(assessmentId)?.workshop?.discussions.get(questionId) ??
      emptyDiscussion(assessmentId, questionId, '')
    )
  }

  function discuss(assessmentId: string, questionId: string, patch: DiscussionPatch, typed = false) {
    exercises.edit(assessmentId, 'discussion', questionId, patch, { typed })
  }

  function discussionUnsaved(assessmentId: string, questionId: string): boolean {
    return writer.hasUnsaved(editKeys.discussion(assessmentId, questionId))
  }

  /** Everyone's ratings of one question, with a show of hands when there was one. */
  function spread(assessmentId: string, questionId: string): Spread {
    return spreadOf(
      participantsOf(assessmentId).map((p) => ratingOf(assessmentId, p.id, questionId)),
      exercises.byId.get(assessmentId)?.workshop?.discussions.get(questionId)?.hands ?? null,
    )
  }

  return {
    participantsOf,
    addParticipant,
    removeParticipant,
    ratingOf,
    rate,
    importSheets,
    discussionOf,
    discuss,
    discussionUnsaved,
    spread,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWorkshopStore, import.meta.hot))
