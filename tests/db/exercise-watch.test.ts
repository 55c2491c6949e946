import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { saveAnswerPatch } from '@/db/answerRepository'
import { createAssessment } from '@/db/assessmentWrites'
import { CapEssDatabase } from '@/db/database'
import { readExercise, watchExercise, type ExerciseChange } from '@/db/exerciseRepository'
import { createOrganisation } from '@/db/organisationWrites'
import { saveRating, saveParticipant } from '@/db/workshopRepository'
import { CURRENT_GUIDE } from '@/domain/guide/current'

let db: CapEssDatabase
let otherTab: CapEssDatabase
let assessmentId: string

beforeEach(async () => {
  db = new CapEssDatabase(`watch-${crypto.randomUUID()}`)
  await db.open()
  otherTab = new CapEssDatabase(db.name)
  await otherTab.open()
  const org = await createOrganisation(
    { name: 'Asso', legalForm: 'association', employees: 3, volunteers: 5, members: 20, region: '11', siren: '' },
    db,
  )
  assessmentId = (
    await createAssessment(org.id, { year: 2026, retainedThemeIds: ['gov'], participants: '' }, CURRENT_GUIDE, null, db)
  ).assessment.id
})
afterEach(async () => {
  vi.restoreAllMocks()
  otherTab.close()
  await db.delete()
})

/** Follows the exercise from what was read; `reads` counts each read of the answers' record by the watch. */
async function follow(parts = {}) {
  const read = await readExercise(assessmentId, parts, db)
  const changes: ExerciseChange[] = []
  const reads = vi.spyOn(db.answerSets, 'get')
  const stop = watchExercise(read!, parts, (change) => changes.push(change), db)
  // The watch's first look repeats the read: nothing has changed, nothing is handed over.
  await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(1))
  return { changes, reads, stop }
}

describe('one read and one watch of an exercise', () => {
  it('reads the assessment, its organisation and its records in one go; undefined when there is none', async () => {
    await saveAnswerPatch(assessmentId, 'gov.rules.explicit', { note: 'Statuts' }, db)
    const read = await readExercise(assessmentId, { workshop: true }, db)
    expect(read?.stored.assessment.id).toBe(assessmentId)
    expect(read?.stored.organisation.name).toBe('Asso')
    expect(read?.stored.answers.map((a) => [a.questionId, a.note])).toEqual([['gov.rules.explicit', 'Statuts']])
    expect(read?.stored.workshop).toEqual({ participants: [], ratings: [], discussions: [] })
    expect(await readExercise('nope', {}, db)).toBeUndefined()
  })

  it('never hands a tab its own edit back, and hands it what another tab changed', async () => {
    const { changes, reads, stop } = await follow()
    await saveAnswerPatch(assessmentId, 'gov.rules.explicit', { response: { kind: 'level', level: 3 } }, db)
    // The write read the answers' record, then the watch looked at it again and found this tab's own write there.
    await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(3))
    expect(changes).toEqual([])

    await saveAnswerPatch(assessmentId, 'gov.rules.respect', { note: 'vu en CA' }, otherTab)
    await vi.waitFor(() => expect(changes).toHaveLength(1))
    expect(Object.keys(changes[0])).toEqual(['answers'])
    expect(changes[0].answers?.map((a) => a.questionId).sort()).toEqual(['gov.rules.explicit', 'gov.rules.respect'])
    stop()
  })

  it('hands over an edit replayed from the journal of a tab that closed: the page does not show it yet', async () => {
    const { changes, stop } = await follow()
    await saveAnswerPatch(assessmentId, 'gov.rules.explicit', { note: 'tapé avant de fermer' }, db, {
      replayOver: { note: '' },
    })
    await vi.waitFor(() => expect(changes).toHaveLength(1))
    expect(changes[0].answers?.[0].note).toBe('tapé avant de fermer')
    stop()
  })

  it('follows the workshop too when asked, its own ratings left out', async () => {
    const { changes, stop } = await follow({ workshop: true })
    await saveParticipant(assessmentId, 'p1', { name: 'Awa', role: 'board' }, db)
    await saveRating(assessmentId, 'p1', 'gov.rules.explicit', { rating: 2 }, db)
    await saveRating(assessmentId, 'p1', 'gov.rules.respect', { rating: 4 }, otherTab)
    await vi.waitFor(() => expect(changes.some((c) => c.ratings)).toBe(true))
    expect(changes.flatMap((c) => Object.keys(c))).toEqual(['ratings'])
    expect(
      changes
        .find((c) => c.ratings)
        ?.ratings?.map((r) => r.rating)
        .sort(),
    ).toEqual([2, 4])
    stop()
  })

  it('says when the assessment is gone (an import replaced its organisation)', async () => {
    const { changes, stop } = await follow()
    await otherTab.assessments.delete(assessmentId)
    await vi.waitFor(() => expect(changes).toEqual([{ assessment: undefined }]))
    stop()
  })
})
