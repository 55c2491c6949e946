import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { listAnswers, saveAnswerPatch } from '@/db/answerRepository'
import { CapEssDatabase } from '@/db/database'

let db: CapEssDatabase
beforeEach(async () => {
  db = new CapEssDatabase(`test-${crypto.randomUUID()}`)
  await db.open()
})
afterEach(async () => {
  vi.restoreAllMocks()
  await db.delete()
})

describe('saveAnswerPatch', () => {
  it('round-trips every field of an answer', async () => {
    await saveAnswerPatch('a1', 'gov.rules.explicit', { response: { kind: 'level', level: 3 } }, db)
    await saveAnswerPatch('a1', 'gov.rules.explicit', { note: 'Statuts révisés en 2024 — « à diffuser »' }, db)
    await saveAnswerPatch('a1', 'gov.rules.explicit', { evidence: ['Statuts', 'PV d’AG 2025'] }, db)
    await saveAnswerPatch('a1', 'gov.volunteers.welcome', { response: { kind: 'na', reason: 'Pas de bénévoles' } }, db)
    await saveAnswerPatch('a1', 'gov.rules.respect', { response: { kind: 'unknown' } }, db)

    const stored = await listAnswers('a1', db)
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

  it('writes one record per change and leaves the other answers untouched', async () => {
    await saveAnswerPatch('a1', 'q1', { response: { kind: 'level', level: 1 }, note: 'première' }, db)
    await saveAnswerPatch('a1', 'q2', { response: { kind: 'level', level: 2 } }, db)
    await saveAnswerPatch('a2', 'q1', { response: { kind: 'level', level: 4 } }, db)
    const before = await db.answers.toArray()

    const put = vi.spyOn(db.answers, 'put')
    const bulk = vi.spyOn(db.answers, 'bulkPut')
    await saveAnswerPatch('a1', 'q1', { response: { kind: 'level', level: 3 } }, db)

    expect(put).toHaveBeenCalledTimes(1)
    expect(put.mock.calls[0][0]).toMatchObject({ assessmentId: 'a1', questionId: 'q1' })
    expect(bulk).not.toHaveBeenCalled()
    const after = await db.answers.toArray()
    const key = (a: { assessmentId: string; questionId: string }) => `${a.assessmentId}/${a.questionId}`
    for (const old of before.filter((a) => key(a) !== 'a1/q1')) {
      expect(after.find((a) => key(a) === key(old))).toEqual(old)
    }
    // The note written earlier survives a patch that only changes the level.
    expect(after.find((a) => key(a) === 'a1/q1')).toMatchObject({ response: { kind: 'level', level: 3 }, note: 'première' })
  })

  it('keeps a field changed elsewhere (another tab) when patching another field', async () => {
    await saveAnswerPatch('a1', 'q1', { note: 'écrit dans l’onglet A' }, db)
    await saveAnswerPatch('a1', 'q1', { response: { kind: 'level', level: 2 } }, db)
    expect((await db.answers.get(['a1', 'q1']))?.note).toBe('écrit dans l’onglet A')
  })

  it('refuses an invalid answer and writes nothing', async () => {
    await expect(saveAnswerPatch('a1', 'q1', { response: { kind: 'level', level: 7 } }, db)).rejects.toThrow()
    await expect(saveAnswerPatch('a1', 'q1', { evidence: [''] }, db)).rejects.toThrow()
    expect(await db.answers.count()).toBe(0)
  })
})
