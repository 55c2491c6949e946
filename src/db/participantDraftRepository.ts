import { ParticipantDraftSchema, type ParticipantDraft, type ParticipantDraftPatch } from '@/domain/participantSheet'
import { database } from './database'
import { stillToWrite, type WriteOptions } from './locks'

// Kept apart from the device's other settings: its schema (and zod) is the participant page's, not the first screen's.

/**
 * A participant's answers on their own device, kept between visits until handed in. Not an organisation's data
 * (the device may not hold the organisation at all): stored as a device setting, one per workshop. Undefined when
 * there is none, or when what is kept is damaged (the participant starts again rather than being stuck).
 */
export async function readParticipantDraft(
  assessmentId: string,
  db = database(),
): Promise<ParticipantDraft | undefined> {
  return draftOf((await db.settings.get(draftKey(assessmentId)))?.value)
}

const draftKey = (assessmentId: string) => `participant:${assessmentId}`

function draftOf(value: string | undefined): ParticipantDraft | undefined {
  try {
    const parsed = value === undefined ? null : ParticipantDraftSchema.safeParse(JSON.parse(value))
    return parsed?.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/**
 * One change to the draft, through the writer like every field of the app (a name typed then the tab closed is in
 * the journal). The first change of a draft names its id and creates it; a replay leaves alone a field changed since.
 */
export async function saveParticipantDraft(
  assessmentId: string,
  patch: ParticipantDraftPatch,
  db = database(),
  options: WriteOptions = {},
): Promise<ParticipantDraft | undefined> {
  return db.transaction('rw', db.settings, async () => {
    const stored = draftOf((await db.settings.get(draftKey(assessmentId)))?.value)
    // Another person's draft on this device (« Une autre personne ») is replaced whole, never mixed.
    const current = stored?.id === patch.id ? stored : { id: patch.id, name: '', role: 'board' as const, ratings: {} }
    const toWrite = stillToWrite(patch, current, stored?.id === patch.id ? options : {})
    if (!toWrite) return undefined
    const draft = ParticipantDraftSchema.parse({ ...current, ...toWrite })
    await db.settings.put({ key: draftKey(assessmentId), value: JSON.stringify(draft) })
    return draft
  })
}
