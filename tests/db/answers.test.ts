import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { saveAnswerPatch } from '@/db/answerRepository'
import { CapEssDatabase } from '@/db/database'
import { RecordGoneError } from '@/db/locks'
import { allAnswers, answerCount, storedAnswer } from '../fixtures/storedRows'

let db: CapEssDatabase
const T = '2026-03-01T10:00:00.000Z'
beforeEach(async () => {
  db = new CapEssDatabase(`test-${crypto.randomUUID()}`)
  await db.open()
  for (const id of ['a1', 'a2']) {
    await db.assessments.put({
      id,
      organisationId: 'org',
      year: id === 'a1' ? 2025 : 2026,
      guideId: 'csess-2016',
      guideVersion: 1,
      status: 'draft',
      retainedThemeIds: ['gov'],
      participants: '',
      previousAssessmentId: null,
      completedAt: null,
      snapshot: null,
      presentedAt: null,
      createdAt: T,
      updatedAt: T,
    })
  }
})
afterEach(async () => {
  vi.restoreAllMocks()
  await db.delete()
})

describe('saveAnswerPatch', () => {
  it('refuses an answer to an assessment that does not exist (it would be a record nothing shows)', async () => {
    await expect(saveAnswerPatch('gone', 'gov.rules.explicit', { note: 'x' }, db)).rejects.toBeInstanceOf(
      RecordGoneError,
    )
    expect(await answerCount(db)).toBe(0)
  })

  it('round-trips every field of an answer', async () => {
    await saveAnswerPatch('a1', 'gov.rules.explicit', { response: { kind: 'level', level: 3 } }, db)
    await saveAnswerPatch('a1', 'gov.rules.explicit', { note: 'Statuts révisés en 2024 — « à diffuser »' }, db)
    await saveAnswerPatch('a1', 'gov.rules.explicit', { evidence: ['Statuts', 'PV d’AG 2025'] }, db)
    await saveAnswerPatch('a1', 'gov.volunteers.welcome', { response: { kind: 'na', reason: 'Pas de bénévoles' } }, db)
    await saveAnswerPatch('a1', 'gov.rules.respect', { response: { kind: 'unknown' } }, db)

    const stored = await allAnswers(db)
    expect(stored).toHaveLength(3)
    const byId = new Map(stored.map((a) => [a.questionId, a]))
    expect(byId.get('gov.rules.explicit')).toMatchObject({
      response: { kind: 'level', level: 3 },
      note: 'Statuts révisés en 2024 — « à diffuser »',
      evidence: ['Statuts', 'PV d’AG 2025'],
      applicabilityOverride: null,
    })
    expect(byId.get('gov.volunteers.welcome')?.response).toEqual({ kind: 'na', reason: 'Pas de bénévoles' })
    expect(byId.get('gov.rules.respect')?.response).toEqual({ kind: 'unknown' })
  })

  it("writes one record per change, the assessment's answers, and leaves the other answers untouched", async () => {
    await saveAnswerPatch('a1', 'q1', { response: { kind: 'level', level: 1 }, note: 'première' }, db)
    await saveAnswerPatch('a1', 'q2', { response: { kind: 'level', level: 2 } }, db)
    await saveAnswerPatch('a2', 'q1', { response: { kind: 'level', level: 4 } }, db)
    const before = await allAnswers(db)

    const put = vi.spyOn(db.answerSets, 'put')
    const bulk = vi.spyOn(db.answerSets, 'bulkPut')
    await saveAnswerPatch('a1', 'q1', { response: { kind: 'level', level: 3 } }, db)

    expect(put).toHaveBeenCalledTimes(1)
    expect(put.mock.calls[0][0]).toMatchObject({
      assessmentId: 'a1',
      items: [{ questionId: 'q1' }, { questionId: 'q2' }],
    })
    expect(bulk).not.toHaveBeenCalled()
    const after = await allAnswers(db)
    const key = (a: { assessmentId: string; questionId: string }) => `${a.assessmentId}/${a.questionId}`
    for (const old of before.filter((a) => key(a) !== 'a1/q1')) {
      expect(after.find((a) => key(a) === key(old))).toEqual(old)
    }
    // The note written earlier survives a patch that only changes the level.
    expect(after.find((a) => key(a) === 'a1/q1')).toMatchObject({
      response: { kind: 'level', level: 3 },
      note: 'première',
    })
    // The record carries its newest answer's date (the portfolio reads it from the index).
    expect((await db.answerSets.get('a1'))?.updatedAt).toBe(after.find((a) => key(a) === 'a1/q1')?.updatedAt)
  })

  it('keeps a field changed elsewhere (another tab) when patching another field', async () => {
    await saveAnswerPatch('a1', 'q1', { note: 'écrit dans l’onglet A' }, db)
    await saveAnswerPatch('a1', 'q1', { response: { kind: 'level', level: 2 } }, db)
    expect((await storedAnswer(db, 'a1', 'q1'))?.note).toBe('écrit dans l’onglet A')
  })

  it('refuses an invalid answer and writes nothing', async () => {
    await expect(saveAnswerPatch('a1', 'q1', { response: { kind: 'level', level: 7 } }, db)).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ['response', 'level'] })]),
    })
    await expect(saveAnswerPatch('a1', 'q1', { evidence: [''] }, db)).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ['evidence', 0] })]),
    })
    expect(await answerCount(db)).toBe(0)
  })
})
