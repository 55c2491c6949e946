import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CapEssDatabase } from '@/db/database'
import { readParticipantDraft, saveParticipantDraft } from '@/db/participantDraftRepository'

let db: CapEssDatabase
beforeEach(async () => {
  db = new CapEssDatabase(`draft-${crypto.randomUUID()}`)
  await db.open()
})
afterEach(() => db.delete())

describe('a participant’s draft on their own device', () => {
  it('is created by its first change, then changed field by field', async () => {
    await saveParticipantDraft('a1', { id: 'p1', ratings: { 'gov.rules.explicit': 2 } }, db)
    await saveParticipantDraft('a1', { id: 'p1', name: 'Awa' }, db)
    expect(await readParticipantDraft('a1', db)).toEqual({
      id: 'p1',
      name: 'Awa',
      role: 'board',
      ratings: { 'gov.rules.explicit': 2 },
    })
  })

  it('replays a name typed before the tab closed, never over a field changed since', async () => {
    await saveParticipantDraft('a1', { id: 'p1', name: 'Awa', role: 'board' }, db)
    await saveParticipantDraft('a1', { id: 'p1', role: 'employee' }, db)
    await saveParticipantDraft('a1', { id: 'p1', name: 'Awa Diallo', role: 'volunteer' }, db, {
      replayOver: { name: 'Awa', role: 'board' },
    })
    expect(await readParticipantDraft('a1', db)).toMatchObject({ name: 'Awa Diallo', role: 'employee' })
  })

  it('is replaced whole by the next person’s on a device passed on, and read as none when damaged', async () => {
    await saveParticipantDraft('a1', { id: 'p1', name: 'Yann', ratings: { q: 4 } }, db)
    await saveParticipantDraft('a1', { id: 'p2', name: '', role: 'board', ratings: {} }, db)
    expect(await readParticipantDraft('a1', db)).toEqual({ id: 'p2', name: '', role: 'board', ratings: {} })
    await db.settings.put({ key: 'participant:a1', value: '{"id": 3' })
    expect(await readParticipantDraft('a1', db)).toBeUndefined()
  })
})
