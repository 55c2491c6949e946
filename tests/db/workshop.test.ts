import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportBackup, importBackup } from '@/db/backupRepository'
import { CapEssDatabase } from '@/db/database'
import { AssessmentLockedError, RecordGoneError } from '@/db/locks'
import {
  deleteParticipant,
  importSheets,
  saveDiscussion,
  saveParticipant,
  saveRating,
  saveRatings,
} from '@/db/workshopRepository'
import { parseBackup } from '@/domain/backup/parse'
import { catalog, seedOrganisation } from '../fixtures/backupData'
import { storedAnswer, storedExercise } from '../fixtures/storedRows'

let db: CapEssDatabase
let other: CapEssDatabase
beforeEach(async () => {
  db = new CapEssDatabase(`ws-${crypto.randomUUID()}`)
  other = new CapEssDatabase(`ws2-${crypto.randomUUID()}`)
  await Promise.all([db.open(), other.open()])
})
afterEach(async () => {
  await Promise.all([db.delete(), other.delete()])
})

describe('workshop records', () => {
  it('keeps each participant’s rating beside the agreed answer, which alone is scored', async () => {
    const { y2 } = await seedOrganisation(db)
    await saveParticipant(y2.id, 'p1', { name: 'Aïcha', role: 'volunteer' }, db)
    await saveRating(y2.id, 'p1', 'gov.rules.explicit', { rating: 0 }, db)
    const workshop = await storedExercise(db, y2.id)
    expect(workshop.participants).toMatchObject([{ id: 'p1', name: 'Aïcha', role: 'volunteer' }])
    expect(workshop.ratings).toMatchObject([{ participantId: 'p1', questionId: 'gov.rules.explicit', rating: 0 }])
    // The answer the year is scored on is untouched by a rating.
    expect((await storedAnswer(db, y2.id, 'gov.rules.explicit'))?.response).toEqual({ kind: 'level', level: 3 })
  })

  it('refuses a rating by nobody, and an empty participant name, writing nothing', async () => {
    const { y2 } = await seedOrganisation(db)
    await expect(saveRating(y2.id, 'personne', 'gov.rules.explicit', { rating: 2 }, db)).rejects.toBeInstanceOf(
      RecordGoneError,
    )
    await expect(saveParticipant(y2.id, 'p1', { name: '   ', role: 'board' }, db)).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ['name'], message: 'validation.required' })]),
    })
    expect(await db.ratings.count()).toBe(3) // the seed's three, on the completed year
    expect(await db.participants.where('assessmentId').equals(y2.id).count()).toBe(0)
  })

  it('is frozen with a completed assessment, like its answers', async () => {
    const { y1 } = await seedOrganisation(db)
    await expect(saveRating(y1.id, 'p-claire', 'gov.rules.explicit', { rating: 2 }, db)).rejects.toBeInstanceOf(
      AssessmentLockedError,
    )
    await expect(saveDiscussion(y1.id, 'gov.rules.explicit', { flagged: true }, db)).rejects.toBeInstanceOf(
      AssessmentLockedError,
    )
    await expect(saveParticipant(y1.id, 'p-new', { name: 'X', role: 'other' }, db)).rejects.toBeInstanceOf(
      AssessmentLockedError,
    )
    await expect(deleteParticipant(y1.id, 'p-claire', db)).rejects.toBeInstanceOf(AssessmentLockedError)
  })

  it('removes a participant with every rating they gave, and no one else’s', async () => {
    const { y2 } = await seedOrganisation(db)
    await saveParticipant(y2.id, 'p1', { name: 'A', role: 'board' }, db)
    await saveParticipant(y2.id, 'p2', { name: 'B', role: 'user' }, db)
    await saveRatings(
      y2.id,
      [
        { participantId: 'p1', questionId: 'gov.rules.explicit', rating: 1 },
        { participantId: 'p1', questionId: 'gov.rules.respect', rating: 'na' },
        { participantId: 'p2', questionId: 'gov.rules.explicit', rating: 4 },
      ],
      db,
    )
    await deleteParticipant(y2.id, 'p1', db)
    const workshop = await storedExercise(db, y2.id)
    expect(workshop.participants.map((p) => p.id)).toEqual(['p2'])
    expect(workshop.ratings.map((r) => r.participantId)).toEqual(['p2'])
  })

  it('merges many ratings all or nothing', async () => {
    const { y2 } = await seedOrganisation(db)
    await saveParticipant(y2.id, 'p1', { name: 'A', role: 'board' }, db)
    await expect(
      saveRatings(
        y2.id,
        [
          { participantId: 'p1', questionId: 'gov.rules.explicit', rating: 1 },
          { participantId: 'p1', questionId: 'gov.rules.respect', rating: 7 as never },
        ],
        db,
      ),
    ).rejects.toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ path: ['rating'] })]) })
    expect(await db.ratings.where('assessmentId').equals(y2.id).count()).toBe(0)
  })

  it('keeps a show of hands and the debate’s note and dissent per question', async () => {
    const { y2 } = await seedOrganisation(db)
    await saveDiscussion(y2.id, 'gov.rules.explicit', { hands: { levels: [1, 2, 3, 0, 0], na: 0, unknown: 2 } }, db)
    await saveDiscussion(y2.id, 'gov.rules.explicit', { flagged: true, note: 'Deux lectures des statuts.' }, db)
    expect(await db.discussions.get([y2.id, 'gov.rules.explicit'])).toMatchObject({
      flagged: true,
      note: 'Deux lectures des statuts.',
      dissent: '',
      hands: { levels: [1, 2, 3, 0, 0], unknown: 2 },
    })
  })
})

describe('workshops in backups', () => {
  it('carries participants, ratings and discussions, and leaves the key out of an assessment without a workshop', async () => {
    await seedOrganisation(db)
    const file = await exportBackup('0.1.0', null, db)
    const [y1, y2] = file.organisations[0].assessments
    expect(y1.workshop?.participants.map((p) => p.name)).toEqual(['Claire (CA)', 'M. B.'])
    expect(y1.workshop?.ratings).toHaveLength(3)
    expect(y1.workshop?.discussions[0]).toMatchObject({
      dissent: 'M. B. : niveau 1',
      hands: { levels: [0, 1, 2, 0, 0] },
    })
    expect('workshop' in y2).toBe(false)

    const parsed = await parseBackup(JSON.stringify(file), catalog)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    await importBackup(parsed.file, new Map(), '(copie)', other)
    expect(await other.ratings.count()).toBe(3)
    expect(await other.participants.count()).toBe(2)
  })

  it('refuses a rating whose participant is not in the file, and an unknown question, saying where', async () => {
    await seedOrganisation(db)
    const file = JSON.parse(JSON.stringify(await exportBackup('0.1.0', null, db)))
    file.organisations[0].assessments[0].workshop.ratings[0].participantId = 'fantome'
    file.organisations[0].assessments[0].workshop.discussions[0].questionId = 'gov.nope'
    const parsed = await parseBackup(JSON.stringify(file), catalog)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.problems).toContainEqual(
      expect.objectContaining({
        path: 'organisations[0].assessments[0].workshop.ratings[0].participantId',
        key: 'import.problem.dangling',
      }),
    )
    expect(parsed.problems).toContainEqual(
      expect.objectContaining({
        path: 'organisations[0].assessments[0].workshop.discussions[0].questionId',
        key: 'import.problem.unknownQuestion',
      }),
    )
  })

  it('removes the workshop of an organisation replaced by the file’s', async () => {
    const { org } = await seedOrganisation(db)
    const parsed = await parseBackup(JSON.stringify(await exportBackup('0.1.0', null, db)), catalog)
    if (!parsed.ok) throw new Error('refused')
    await importBackup(parsed.file, new Map(), '(copie)', other)
    await importBackup(parsed.file, new Map([[org.id, 'take-file']]), '(copie)', other)
    expect(await other.ratings.count()).toBe(3)
    await importBackup(parsed.file, new Map([[org.id, 'copy']]), '(copie)', other)
    expect(await other.ratings.count()).toBe(6)
  })
})

describe('participants’ sheets', () => {
  it('adds the participants of several sheets with their ratings, and a sheet handed in again replaces the first', async () => {
    const { y2 } = await seedOrganisation(db)
    await importSheets(
      y2.id,
      [
        {
          participant: { id: 'dev-1', name: 'Zoé', role: 'user' },
          ratings: { 'gov.rules.explicit': 2, 'gov.rules.respect': 'na' },
        },
        { participant: { id: 'dev-2', name: 'Yann', role: 'partner' }, ratings: { 'gov.rules.explicit': 4 } },
      ],
      db,
    )
    await importSheets(
      y2.id,
      [{ participant: { id: 'dev-1', name: 'Zoé B.', role: 'user' }, ratings: { 'gov.rules.explicit': 3 } }],
      db,
    )
    const workshop = await storedExercise(db, y2.id)
    expect(workshop.participants.map((p) => p.name)).toEqual(['Zoé B.', 'Yann'])
    expect(workshop.ratings.filter((r) => r.participantId === 'dev-1').map((r) => [r.questionId, r.rating])).toEqual([
      ['gov.rules.explicit', 3],
    ])
  })

  it('writes no sheet when one of them cannot be written', async () => {
    const { y2 } = await seedOrganisation(db)
    await expect(
      importSheets(
        y2.id,
        [
          { participant: { id: 'dev-1', name: 'Zoé', role: 'user' }, ratings: { 'gov.rules.explicit': 2 } },
          { participant: { id: 'dev-2', name: '', role: 'partner' }, ratings: { 'gov.rules.explicit': 4 } },
        ],
        db,
      ),
    ).rejects.toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ path: ['name'] })]) })
    expect((await storedExercise(db, y2.id)).participants).toEqual([])
  })
})
