import { acceptHMRUpdate, defineStore } from 'pinia'
import { newId } from '@/db/database'
import { readParticipantDraft } from '@/db/participantDraftRepository'
import { baseOf, editKeys, editWriter } from '@/db/writer'
import type { ParticipantDraft, ParticipantDraftPatch } from '@/domain/participantSheet'

export type { ParticipantDraft } from '@/domain/participantSheet'

/**
 * A participant's answers on their own device (`/participer`), kept between visits until handed in. The device may
 * hold no organisation at all: the draft is a device setting, one per workshop, and its id names the participant
 * on the facilitator's side, so a sheet handed in twice replaces the first. Every change goes through the writer,
 * like every field of the app: a name typed then the tab closed at once is in the journal, written on the next visit.
 */
export const useParticipantStore = defineStore('participant', () => {
  const writer = editWriter()
  const fresh = (): ParticipantDraft => ({ id: newId(), name: '', role: 'board', ratings: {} })

  /** The draft kept on this device, with this tab's changes not stored yet over it; a new one when there is none. */
  async function load(assessmentId: string): Promise<ParticipantDraft> {
    // What a closed tab left in the journal is written first.
    await writer.replay()
    const stored = (await readParticipantDraft(assessmentId)) ?? fresh()
    const unsaved = writer.unsavedPatch(editKeys.participantDraft(assessmentId))
    return unsaved && unsaved.id === stored.id ? { ...stored, ...unsaved } : stored
  }

  /** A change to the draft on screen: `typed` (the name) is written after a pause, a choice at once. */
  function edit(
    assessmentId: string,
    shown: ParticipantDraft,
    patch: Omit<ParticipantDraftPatch, 'id'>,
    typed = false,
  ) {
    writer.edit(
      editKeys.participantDraft(assessmentId),
      { id: shown.id, ...patch },
      { typed, base: baseOf(shown, patch) },
    )
  }

  /** A device passed from hand to hand: the next person's draft replaces the first one's, whole. */
  function startAgain(assessmentId: string): ParticipantDraft {
    const draft = fresh()
    writer.edit(editKeys.participantDraft(assessmentId), draft)
    return draft
  }

  return { load, edit, startAgain }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useParticipantStore, import.meta.hot))
