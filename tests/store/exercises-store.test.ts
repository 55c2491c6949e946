import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAssessment } from '@/db/assessmentWrites'
import { saveAnswerPatch } from '@/db/answerRepository'
import { CapEssDatabase } from '@/db/database'
import { createOrganisation } from '@/db/organisationWrites'
import { CURRENT_GUIDE } from '@/domain/guide/current'
import { takeSnapshot } from '@/domain/snapshot'
import { EDIT_KINDS, EditWriter, editWriter, useEditWriter } from '@/db/writer'
import { EditJournal, JOURNAL_KEY } from '@/db/writer/journal'
import { useExercise } from '@/composables/useExercise'
import { useExercisesStore } from '@/stores/exercises'
import { storedAnswer } from '../fixtures/storedRows'
import { freshStores } from '../fixtures/storeSetup'

let db: CapEssDatabase
let assessmentId: string

beforeEach(async () => {
  db = await freshStores()
  const org = await createOrganisation({
    name: 'Asso',
    legalForm: 'association',
    employees: 3,
    volunteers: 5,
    members: 20,
    region: '11',
    siren: '',
  })
  const { assessment } = await createAssessment(
    org.id,
    { year: 2026, retainedThemeIds: ['gov', 'strategy'], participants: '' },
    CURRENT_GUIDE,
  )
  assessmentId = assessment.id
})
afterEach(async () => {
  vi.restoreAllMocks()
  await editWriter().flush()
  await db.delete()
})

/** The exercise as a page gets it (`useExercise`), once it is read. */
async function openStore(id = assessmentId) {
  const exercise = useExercise(id)
  expect(await useExercisesStore().open(id)).toBe(true)
  return exercise
}
const stored = (questionId: string) => storedAnswer(db, assessmentId, questionId)
const saveState = () => editWriter().status().state
const flush = () => editWriter().flush()
/** A tab about to close: its timers never fire (the writer's pause never ends). */
const closingTab = () =>
  useEditWriter(
    new EditWriter(EDIT_KINDS, new EditJournal(localStorage), {
      delayMs: 400,
      timers: { set: () => 0, clear: () => {} },
    }),
  )

describe('an exercise on screen (exercises store, through useExercise)', () => {
  it('shows a choice at once and writes it, then says it is saved', async () => {
    const store = await openStore()
    store.save('gov.rules.explicit', { response: { kind: 'level', level: 3 } })
    expect(store.answerOf('gov.rules.explicit')?.response).toEqual({ kind: 'level', level: 3 })
    expect(saveState()).toBe('saving')
    await flush()
    expect(saveState()).toBe('saved')
    expect((await stored('gov.rules.explicit'))?.response).toEqual({ kind: 'level', level: 3 })
    expect(store.scores?.themes[0].score).toBe(0.75)
  })

  it('writes typing once per pause, and at once when flushed', async () => {
    const store = await openStore()
    const put = vi.spyOn(db.answerSets, 'put')
    store.saveTyped('gov.rules.explicit', { note: 'S' })
    store.saveTyped('gov.rules.explicit', { note: 'Statuts' })
    expect(store.answerOf('gov.rules.explicit')?.note).toBe('Statuts')
    expect(saveState()).toBe('saving')
    await vi.waitFor(async () => expect((await stored('gov.rules.explicit'))?.note).toBe('Statuts'), { timeout: 2000 })
    expect(put).toHaveBeenCalledTimes(1)

    store.saveTyped('gov.rules.respect', { note: 'à revoir' })
    await flush()
    expect((await stored('gov.rules.respect'))?.note).toBe('à revoir')
    expect(saveState()).toBe('saved')
  })

  it('recovers typing a closed tab could not write, without overwriting a later change', async () => {
    closingTab()
    const first = await openStore()
    first.saveTyped('gov.rules.explicit', { note: 'tapé juste avant de fermer' })
    first.saveTyped('gov.rules.respect', { note: 'ancien texte' })
    // The tab closes: its timers never fire. Meanwhile another tab changes gov.rules.respect.
    setActivePinia(createPinia())
    useEditWriter(null)
    await new Promise((r) => setTimeout(r, 5))
    await saveAnswerPatch(assessmentId, 'gov.rules.respect', { note: 'plus récent' }, db)

    const second = await openStore()
    expect(second.answerOf('gov.rules.explicit')?.note).toBe('tapé juste avant de fermer')
    expect(second.answerOf('gov.rules.respect')?.note).toBe('plus récent')
    expect(localStorage.getItem(JOURNAL_KEY)).toBeNull()
  })

  it('does not let an older typed reason overwrite a choice made after it', async () => {
    const store = await openStore()
    store.saveTyped('gov.rules.explicit', { response: { kind: 'na', reason: 'pas conc' } })
    store.save('gov.rules.explicit', { response: { kind: 'level', level: 2 } })
    await flush()
    await flush()
    expect((await stored('gov.rules.explicit'))?.response).toEqual({ kind: 'level', level: 2 })
  })

  it('keeps a failed change on screen and retries it, with « Réessayer » or with the next change of the same question', async () => {
    const store = await openStore()
    const put = vi.spyOn(db.answerSets, 'put')
    put.mockRejectedValueOnce(new DOMException('Quota exceeded', 'QuotaExceededError'))
    vi.spyOn(console, 'error').mockImplementation(() => {})
    store.save('gov.rules.explicit', { response: { kind: 'level', level: 4 } })
    await flush()
    expect(saveState()).toBe('error')
    expect(store.answerOf('gov.rules.explicit')?.response).toEqual({ kind: 'level', level: 4 })
    expect(await stored('gov.rules.explicit')).toBeUndefined()
    await editWriter().retry()
    expect(saveState()).toBe('saved')
    expect(await stored('gov.rules.explicit')).toMatchObject({ response: { kind: 'level', level: 4 } })

    // Failed again; the next change of the same question carries the failed field with it.
    put.mockRejectedValueOnce(new DOMException('Quota exceeded', 'QuotaExceededError'))
    store.save('gov.rules.explicit', { response: { kind: 'level', level: 1 } })
    await flush()
    expect(saveState()).toBe('error')
    store.save('gov.rules.explicit', { evidence: ['Statuts'] })
    await flush()
    expect(saveState()).toBe('saved')
    expect(await stored('gov.rules.explicit')).toMatchObject({
      response: { kind: 'level', level: 1 },
      evidence: ['Statuts'],
    })
  })

  it('follows the organisation: a profile changed elsewhere decides at once what applies', async () => {
    const store = await openStore()
    expect(store.questionsOfTheme('employment')[0].state.kind).toBe('unanswered')
    const orgId = store.organisation!.id
    await db.organisations.update(orgId, { employees: 0 })
    await vi.waitFor(() =>
      expect(store.questionsOfTheme('employment')[0].state).toMatchObject({ kind: 'not-applicable', by: 'profile' }),
    )
  })

  it('reads a completed assessment with the profile it was completed with, until it is reopened', async () => {
    const store = await openStore()
    store.save('gov.rules.explicit', { response: { kind: 'level', level: 4 } })
    store.save('strategy.openness.employees', { response: { kind: 'level', level: 0 } })
    await store.complete()
    expect(store.shownScores?.global.score).toBe(0.5)
    expect(store.assessment?.snapshot?.profile?.employees).toBeGreaterThan(0)
    // The organisation loses its employees: the completed year still reads with the employees it had.
    await db.organisations.update(store.organisation!.id, { employees: 0 })
    await vi.waitFor(() => expect(store.organisation?.employees).toBe(0))
    expect(store.shownScores?.global.score).toBe(0.5)
    expect(store.scores?.global.score).toBe(0.5)
    expect(
      store.questionsOfTheme('strategy').find((q) => q.entry.question.id === 'strategy.openness.employees')?.state,
    ).toMatchObject({ kind: 'answered', level: 0 })
    // Reopened, it follows today's profile: the employee question no longer applies.
    await store.reopen()
    expect(store.scores?.global.score).toBe(1)
  })

  it('refuses to complete while a change on screen is not stored, and freezes what is stored', async () => {
    const store = await openStore()
    vi.spyOn(db.answerSets, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'))
    vi.spyOn(console, 'error').mockImplementation(() => {})
    store.save('gov.rules.explicit', { response: { kind: 'level', level: 4 } })
    await flush()
    expect(editWriter().status().errorKind).toBe('quota')
    expect(await store.complete()).toBe('unsaved-changes')
    expect((await db.assessments.get(assessmentId))?.status).toBe('draft')
    await editWriter().retry()
    expect(await store.complete()).toBe('completed')
    expect(store.assessment?.snapshot?.global.answered).toBe(1)
  })

  it('still opens an assessment completed while a typed note was waiting in the journal', async () => {
    closingTab()
    const first = await openStore()
    first.saveTyped('gov.rules.explicit', { note: 'jamais écrite' })
    await db.assessments.update(assessmentId, {
      status: 'completed',
      snapshot: takeSnapshot(first.scores!, first.assessment!, new Date().toISOString()),
    })
    setActivePinia(createPinia())
    useEditWriter(null)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const second = await openStore()
    expect(second.isLocked).toBe(true)
    expect(localStorage.getItem(JOURNAL_KEY)).toBeNull()
  })

  it('sees answers written by another tab, without overwriting its own pending typing', async () => {
    const store = await openStore()
    store.saveTyped('gov.rules.respect', { note: 'en cours de frappe ici' })
    const otherTab = new CapEssDatabase(db.name)
    await otherTab.open()
    const { saveAnswerPatch } = await import('@/db/answerRepository')
    await saveAnswerPatch(assessmentId, 'gov.rules.explicit', { response: { kind: 'level', level: 4 } }, otherTab)
    await saveAnswerPatch(assessmentId, 'gov.rules.respect', { evidence: ['PV'] }, otherTab)
    await vi.waitFor(() => expect(store.answerOf('gov.rules.explicit')?.response).toEqual({ kind: 'level', level: 4 }))
    expect(store.answerOf('gov.rules.respect')?.note).toBe('en cours de frappe ici')
    await flush()
    // Once this tab's note is stored, both tabs' fields are there, in the database and on screen.
    expect(await stored('gov.rules.respect')).toMatchObject({ note: 'en cours de frappe ici', evidence: ['PV'] })
    await vi.waitFor(() => expect(store.answerOf('gov.rules.respect')?.evidence).toEqual(['PV']))
    otherTab.close()
  })

  it('says when the assessment does not exist', async () => {
    const exercise = useExercise('nope')
    expect(await useExercisesStore().open('nope')).toBe(false)
    expect(exercise.loadFailed).toBe(true)
    expect(exercise.ready).toBe(false)
  })

  it('freezes the scores when completed and refuses answers until reopened', async () => {
    const store = await openStore()
    store.save('gov.rules.explicit', { response: { kind: 'level', level: 2 } })
    await store.complete()
    expect(store.isLocked).toBe(true)
    expect(store.assessment?.snapshot?.themes[0]).toMatchObject({ themeId: 'gov', score: 0.5, answered: 1 })
    expect((await db.assessments.get(assessmentId))?.status).toBe('completed')

    vi.spyOn(console, 'error').mockImplementation(() => {})
    store.save('gov.rules.explicit', { response: { kind: 'level', level: 4 } })
    await flush()
    expect(saveState()).toBe('error')
    expect((await stored('gov.rules.explicit'))?.response).toEqual({ kind: 'level', level: 2 })

    await store.reopen()
    expect(store.assessment?.snapshot).toBeNull()
    await editWriter().retry()
    expect((await stored('gov.rules.explicit'))?.response).toEqual({ kind: 'level', level: 4 })
  })

  it('shows a change whose write failed again when the assessment is opened again, so it is neither hidden nor lost', async () => {
    const store = await openStore()
    const org = store.organisation!
    const other = (
      await createAssessment(org.id, { year: 2025, retainedThemeIds: ['gov'], participants: '' }, CURRENT_GUIDE)
    ).assessment
    vi.spyOn(db.indicatorSets, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'))
    vi.spyOn(console, 'error').mockImplementation(() => {})
    store.saveIndicator('gov.ind.vote-turnout', { value: 42.5, note: 'pas encore enregistrée' })
    await flush()
    expect(saveState()).toBe('error')
    const elsewhere = await openStore(other.id)
    expect(elsewhere.indicatorValues.get('gov.ind.vote-turnout')).toBeUndefined()
    expect(await useExercisesStore().open(assessmentId)).toBe(true)
    expect(store.indicatorValues.get('gov.ind.vote-turnout')).toMatchObject({
      value: 42.5,
      note: 'pas encore enregistrée',
    })
  })

  it('writes another tab’s typing left in the journal before it freezes the scores', async () => {
    closingTab()
    const first = await openStore()
    first.saveTyped('gov.rules.explicit', { response: { kind: 'level', level: 4 } })
    setActivePinia(createPinia())
    useEditWriter(null)
    // Opened without replaying the journal (as if before the other tab typed): its answers do not have the level yet.
    const replay = vi.spyOn(editWriter(), 'replay').mockResolvedValue()
    const second = useExercise(assessmentId)
    expect(await useExercisesStore().open(assessmentId)).toBe(true)
    replay.mockRestore()
    expect(second.answerOf('gov.rules.explicit')).toBeUndefined()
    expect(await second.complete()).toBe('completed')
    expect(second.assessment?.snapshot?.global.answered).toBe(1)
  })
})
