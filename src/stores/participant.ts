import { acceptHMRUpdate, defineStore } from 'pinia'
import { newId } from '@/db/database'
import { readParticipantDraft, writeParticipantDraft } from '@/db/settingsRepository'
import {
  PARTICIPANT_ROLES,
  ParticipantIdSchema,
  RatingSchema,
  type ParticipantRole,
  type Rating,
} from '@/domain/workshop'
import { lazySchema, z } from '@/domain/zod'

export interface ParticipantDraft {
  id: string
  name: string
  role: ParticipantRole
  ratings: Record<string, Rating>
}

const DraftSchema = lazySchema(() =>
  z.object({
    id: ParticipantIdSchema,
    name: z.string().max(200),
    role: z.enum(PARTICIPANT_ROLES),
    ratings: z.record(z.string(), RatingSchema),
  }),
)

/**
 * A participant's answers on their own device (`/participer`), kept between visits until handed in. The device may
 * hold no organisation at all: the draft is a device setting, one per workshop, and its id names the participant
 * on the facilitator's side, so a sheet handed in twice replaces the first.
 */
export const useParticipantStore = defineStore('participant', () => {
  const fresh = (): ParticipantDraft => ({ id: newId(), name: '', role: 'board', ratings: {} })

  async function load(assessmentId: string): Promise<ParticipantDraft> {
    try {
      const stored = await readParticipantDraft(assessmentId)
      const parsed = stored ? DraftSchema.safeParse(JSON.parse(stored)) : null
      return parsed?.success ? parsed.data : fresh()
    } catch {
      // A damaged draft is not the participant's fault: they start again rather than being stuck.
      return fresh()
    }
  }

  function save(assessmentId: string, draft: ParticipantDraft) {
    void writeParticipantDraft(assessmentId, JSON.stringify(draft)).catch((error) =>
      console.error('The answers could not be kept on this device', error),
    )
  }

  return { load, save, fresh }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useParticipantStore, import.meta.hot))
