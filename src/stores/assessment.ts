import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import { listAnswers, saveAnswerPatch, watchAssessment } from '@/db/answerRepository'
import { getAssessment } from '@/db/assessmentRepository'
import {
  completeAssessment,
  reopenAssessment,
  setPresentedAt as storePresentedAt,
  setRetainedThemes as storeRetainedThemes,
} from '@/db/assessmentWrites'
import { createCustomIndicator, listCustomIndicators, listIndicatorValues, saveIndicatorValue } from '@/db/indicatorRepository'
import { listObjectives, saveObjective as storeObjective } from '@/db/objectiveRepository'
import { createAction, listActions } from '@/db/actionRepository'
import { writeErrorKind } from '@/db/errors'
import { getOrganisation } from '@/db/organisationRepository'
import { clearTyping, forgetTyping, noteTyping, pendingTyping } from '@/db/typingJournal'
import { NOTE_SAVE_DELAY_MS } from '@/constants'
import { applyAnswerPatch, emptyAnswer, type Answer, type AnswerPatch } from '@/domain/answer'
import type { Assessment } from '@/domain/assessment'
import { indexGuide, type GuideIndex } from '@/domain/guide/guideIndex'
import { CURRENT_GUIDE } from '@/domain/guide/current'
import { loadGuide, loadMaturityScale } from '@/domain/guide/registry'
import type { MaturityScale } from '@/domain/guide/schema'
import type { Organisation } from '@/domain/organisation'
import type { CustomIndicator, IndicatorRecord } from '@/domain/indicators'
import type { Objective, ObjectivePatch } from '@/domain/objectives'
import { isOpen, type Action } from '@/domain/actions'
import { progress, questionState, scoreAssessment, type QuestionScore } from '@/domain/scoring'
import { scoringProfile, takeSnapshot } from '@/domain/snapshot'

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

/**
 * The assessment being filled in. The screen is the truth while the user works: each change shows at once
 * and is written in the background, one small write per answer. A failed write keeps the change on screen,
 * says so, and can be retried.
 */
export const useAssessmentStore = defineStore('assessment', () => {
  const assessment = ref<Assessment | null>(null)
  const organisation = ref<Organisation | null>(null)
  const guide = shallowRef<GuideIndex | null>(null)
  const scale = shallowRef<MaturityScale | null>(null)
  const answers = reactive(new Map<string, Answer>())
  const indicatorValues = reactive(new Map<string, IndicatorRecord>())
  const objectives = reactive(new Map<string, Objective>())
  const customIndicators = ref<CustomIndicator[]>([])
  const actions = ref<Action[]>([])
  const loadFailed = ref(false)
  const isLoading = ref(false)

  const writesInFlight = ref(0)
  /** Typed changes (notes, reasons) waiting for a pause in the typing, merged per question. */
  const typed = new Map<string, { patch: AnswerPatch; at: string; timer: ReturnType<typeof setTimeout> }>()
  const typedCount = ref(0)
  /** Fields whose last write failed, per question: kept until a write of the same fields succeeds. */
  const failed = reactive(new Map<string, AnswerPatch>())
  const lastSavedAt = ref<Date | null>(null)
  /** Failed indicator and objective writes, each with the write to retry. */
  const failedOther = reactive(new Map<string, () => Promise<void>>())
  /** The last write error, so the message can say why (storage full, refused, assessment completed elsewhere). */
  const lastError = ref<unknown>(null)

  const lastErrorKind = computed(() => writeErrorKind(lastError.value))

  const saveState = computed<SaveState>(() => {
    if (failed.size > 0 || failedOther.size > 0) return 'error'
    if (writesInFlight.value > 0 || typedCount.value > 0) return 'saving'
    return lastSavedAt.value ? 'saved' : 'idle'
  })

  const scores = computed(() => {
    if (!guide.value || !assessment.value || !organisation.value) return null
    return scoreAssessment(guide.value, assessment.value.retainedThemeIds, scoringProfile(assessment.value, organisation.value), answers)
  })

  /**
   * What the results show: the snapshot frozen at completion (history never re-scores an old year), the live
   * scores while the assessment is a draft.
   */
  const shownScores = computed(() => assessment.value?.snapshot ?? scores.value)

  /** Every question of a theme with its state, retained or not (a theme left out this year can still be read). */
  function questionsOfTheme(themeId: string): QuestionScore[] {
    if (!guide.value || !organisation.value || !assessment.value) return []
    const profile = scoringProfile(assessment.value, organisation.value)
    return guide.value.questionsOfTheme(themeId).map((entry) => ({ entry, state: questionState(entry, answers.get(entry.question.id), profile) }))
  }

  const progressByTheme = computed(() => {
    const result = new Map<string, { done: number; total: number }>()
    if (!scores.value) return result
    for (const theme of scores.value.themes) {
      result.set(theme.themeId, progress(scores.value.questions.filter((q) => q.entry.theme.id === theme.themeId)))
    }
    return result
  })

  const overallProgress = computed(() => (scores.value ? progress(scores.value.questions) : { done: 0, total: 0 }))

  /** A completed assessment is read-only until it is reopened. */
  const isLocked = computed(() => assessment.value?.status === 'completed')

  /** Answers copied from last year that still wait for « inchangé » or a new answer (retained themes only). */
  const carriedOverCount = computed(
    () =>
      scores.value?.questions.filter(
        (q) => answers.get(q.entry.question.id)?.carriedOver && !(q.state.kind === 'not-applicable' && q.state.by === 'profile'),
      ).length ?? 0,
  )

  let openRequest = 0
  let stopWatching: (() => void) | null = null
  /** Writes under way per question: while one runs, the screen is ahead of the database for that question. */
  const writing = new Map<string, number>()

  /**
   * Another tab (or this one) changed the stored answers: take them, except for questions with a change of this
   * tab not yet stored (typing waiting for its pause, a write under way or failed), which stay as on screen.
   */
  function mergeStored(stored: Assessment | undefined, storedAnswers: Answer[]) {
    if (!stored || assessment.value?.id !== stored.id) return
    // The watch's first answer repeats what open() just read: keeping the same object spares re-scoring and
    // re-rendering the page for nothing.
    if (JSON.stringify(assessment.value) !== JSON.stringify(stored)) assessment.value = stored
    for (const answer of storedAnswers) {
      const id = answer.questionId
      if (typed.has(id) || (writing.get(id) ?? 0) > 0 || failed.has(id)) continue
      const local = answers.get(id)
      if (!local || local.updatedAt !== answer.updatedAt || JSON.stringify(local) !== JSON.stringify(answer)) answers.set(id, answer)
    }
  }

  /**
   * Loads an assessment with its organisation, guide version, answers, indicator values and objectives.
   * Opening the one already open only refreshes the organisation and assessment records (the profile may
   * have been edited) and keeps the answers on screen, which are the truth while the user works.
   */
  async function open(assessmentId: string): Promise<boolean> {
    const request = ++openRequest
    // Most assessments use the current guide: fetch it and the scale while IndexedDB answers (both are cached).
    void loadGuide(CURRENT_GUIDE.guideId, CURRENT_GUIDE.guideVersion).catch(() => {})
    void loadMaturityScale().catch(() => {})
    await flushTyped()
    loadFailed.value = false
    try {
      const found = await getAssessment(assessmentId)
      const owner = found ? await getOrganisation(found.organisationId) : undefined
      if (request !== openRequest) return false
      if (!found || !owner) {
        loadFailed.value = true
        return false
      }
      if (assessment.value?.id === assessmentId && guide.value) {
        organisation.value = owner
        assessment.value = found
        return true
      }
      isLoading.value = true
      await replayTyping(assessmentId)
      const [guideData, scaleData, stored, values, targets, custom, plan] = await Promise.all([
        loadGuide(found.guideId, found.guideVersion),
        loadMaturityScale(),
        listAnswers(assessmentId),
        listIndicatorValues([assessmentId]),
        listObjectives([assessmentId]),
        listCustomIndicators(found.organisationId),
        listActions(found.organisationId),
      ])
      if (request !== openRequest) return false
      actions.value = plan
      answers.clear()
      for (const answer of stored) answers.set(answer.questionId, answer)
      indicatorValues.clear()
      for (const value of values) indicatorValues.set(value.indicatorId, value)
      objectives.clear()
      for (const objective of targets) objectives.set(objective.subjectId, objective)
      customIndicators.value = custom
      failed.clear()
      failedOther.clear()
      lastError.value = null
      lastSavedAt.value = null
      guide.value = indexGuide(guideData)
      scale.value = scaleData
      organisation.value = owner
      assessment.value = found
      stopWatching?.()
      stopWatching = watchAssessment(assessmentId, mergeStored)
      return true
    } catch (error) {
      console.error('Opening the assessment failed', error)
      if (request === openRequest) loadFailed.value = true
      return false
    } finally {
      if (request === openRequest) isLoading.value = false
    }
  }

  /**
   * Typing a closed tab could not write is written now, unless the answer changed after it was typed. An entry
   * that cannot be written (the assessment was completed meanwhile) is dropped: it must never keep the
   * assessment from opening.
   */
  async function replayTyping(assessmentId: string) {
    const pending = Object.entries(pendingTyping(assessmentId))
    if (pending.length === 0) return
    const stored = new Map((await listAnswers(assessmentId)).map((a) => [a.questionId, a]))
    for (const [questionId, { patch, at }] of pending) {
      const current = stored.get(questionId)
      if (current && current.updatedAt >= at) continue
      try {
        await saveAnswerPatch(assessmentId, questionId, patch)
      } catch (error) {
        console.warn('A note typed before the page closed could not be written', error)
      }
    }
    clearTyping(assessmentId)
  }

  function answerOf(questionId: string): Answer | undefined {
    return answers.get(questionId)
  }

  function applyLocally(questionId: string, patch: AnswerPatch) {
    const id = assessment.value?.id
    if (!id) throw new Error('No assessment open')
    const now = new Date().toISOString()
    answers.set(questionId, applyAnswerPatch(answers.get(questionId) ?? emptyAnswer(id, questionId, now), patch, now))
    return id
  }

  async function write(assessmentId: string, questionId: string, patch: AnswerPatch, typedAt?: string) {
    writesInFlight.value++
    writing.set(questionId, (writing.get(questionId) ?? 0) + 1)
    try {
      await saveAnswerPatch(assessmentId, questionId, patch)
      if (typedAt) forgetTyping(assessmentId, questionId, typedAt)
      // Only the fields this write carried are known to be stored now.
      const stillFailed = { ...failed.get(questionId) }
      for (const key of Object.keys(patch) as (keyof AnswerPatch)[]) delete stillFailed[key]
      if (Object.keys(stillFailed).length > 0) failed.set(questionId, stillFailed)
      else failed.delete(questionId)
      lastSavedAt.value = new Date()
    } catch (error) {
      failed.set(questionId, { ...failed.get(questionId), ...patch })
      lastError.value = error
      console.error('Saving answer failed', error)
    } finally {
      writesInFlight.value--
      writing.set(questionId, (writing.get(questionId) ?? 1) - 1)
    }
  }

  /** A level, « non applicable », « je ne sais pas », evidence or an override: shown and written at once. */
  function save(questionId: string, patch: AnswerPatch): Promise<void> {
    // A field written now must not be overwritten by an older typed value still waiting for its pause.
    const pending = typed.get(questionId)
    if (pending) for (const key of Object.keys(patch) as (keyof AnswerPatch)[]) delete pending.patch[key]
    const id = applyLocally(questionId, patch)
    return write(id, questionId, patch)
  }

  /** Typing (a note, a reason): shown at once, written after a short pause (one write per pause, not per key). */
  function saveTyped(questionId: string, patch: AnswerPatch) {
    const id = applyLocally(questionId, patch)
    const at = new Date().toISOString()
    noteTyping(id, questionId, patch, at)
    const pending = typed.get(questionId)
    if (pending) clearTimeout(pending.timer)
    else typedCount.value++
    const merged = { ...pending?.patch, ...patch }
    typed.set(questionId, {
      patch: merged,
      at,
      timer: setTimeout(() => {
        typed.delete(questionId)
        typedCount.value--
        void write(id, questionId, merged, at)
      }, NOTE_SAVE_DELAY_MS),
    })
  }

  /** Writes everything still waiting for a pause in the typing (leaving the page, hiding the tab). */
  async function flushTyped() {
    const id = assessment.value?.id
    if (!id) return
    const waiting = [...typed.entries()]
    typed.clear()
    typedCount.value = 0
    await Promise.all(
      waiting.map(([questionId, { patch, at, timer }]) => {
        clearTimeout(timer)
        return write(id, questionId, patch, at)
      }),
    )
  }

  /** Writes again the fields whose write failed, with their current values on screen. */
  async function retryFailed() {
    const id = assessment.value?.id
    if (!id) return
    await Promise.all([...failedOther.entries()].map(([key, run]) => writeOther(key, run)))
    await Promise.all(
      [...failed.entries()].map(([questionId, fields]) => {
        const answer = answers.get(questionId)
        if (!answer) return Promise.resolve()
        const patch = Object.fromEntries(Object.keys(fields).map((key) => [key, answer[key as keyof AnswerPatch]])) as AnswerPatch
        return write(id, questionId, patch)
      }),
    )
  }

  /**
   * Freezes the scores in a snapshot computed from the stored answers; answers become read-only until reopened.
   * Refused while a change shown on screen is not stored (a failed write): it would be lost behind the lock.
   */
  async function complete(): Promise<'completed' | 'unsaved-changes'> {
    const index = guide.value
    const profile = organisation.value
    if (!assessment.value || !index || !profile) throw new Error('No assessment open')
    await flushTyped()
    if (saveState.value === 'error') return 'unsaved-changes'
    const takenAt = new Date().toISOString()
    assessment.value = await completeAssessment(assessment.value.id, (stored, storedAnswers) =>
      takeSnapshot(scoreAssessment(index, stored.retainedThemeIds, profile, storedAnswers), stored, takenAt, profile),
    )
    return 'completed'
  }

  async function reopen() {
    if (!assessment.value) return
    assessment.value = await reopenAssessment(assessment.value.id)
  }

  /** Throws a ValidationError when the date is not plausible for this exercise. */
  async function setPresentedAt(date: string | null) {
    if (!assessment.value) return
    assessment.value = await storePresentedAt(assessment.value.id, date)
  }

  /**
   * Indicator values and objectives: written at once; a failed write is kept (with its retry) and shown in the
   * save status like a failed answer, and the field keeps what the user typed.
   */
  async function writeOther(key: string, run: () => Promise<void>) {
    writesInFlight.value++
    try {
      await run()
      failedOther.delete(key)
      lastSavedAt.value = new Date()
    } catch (error) {
      failedOther.set(key, run)
      lastError.value = error
      console.error('Saving failed', error)
    } finally {
      writesInFlight.value--
    }
  }

  /** Values are checked against the indicator's unit by the caller (parseIndicatorDraft) before they get here. */
  function saveIndicator(indicatorId: string, patch: Partial<Pick<IndicatorRecord, 'value' | 'note'>>) {
    const id = assessment.value?.id
    if (!id) return Promise.resolve()
    return writeOther(`indicator:${indicatorId}:${Object.keys(patch).join()}`, async () => {
      indicatorValues.set(indicatorId, await saveIndicatorValue(id, indicatorId, patch))
    })
  }

  function saveObjective(subject: Pick<Objective, 'subjectKind' | 'subjectId'>, patch: ObjectivePatch) {
    const id = assessment.value?.id
    if (!id) return Promise.resolve()
    return writeOther(`objective:${subject.subjectId}:${Object.keys(patch).join()}`, async () => {
      objectives.set(subject.subjectId, await storeObjective({ assessmentId: id, ...subject }, patch))
    })
  }

  /** Throws a ValidationError when a field is wrong. */
  async function addCustomIndicator(input: unknown) {
    if (!organisation.value) return
    const created = await createCustomIndicator(organisation.value.id, input)
    customIndicators.value = [...customIndicators.value, created]
    return created
  }

  /** An action of the progress plan, born from this assessment (for example from a weak answer). */
  async function addAction(input: unknown) {
    if (!assessment.value) throw new Error('No assessment open')
    const action = await createAction(assessment.value.organisationId, input, assessment.value.id)
    actions.value = [...actions.value, action]
    return action
  }

  /** An open action already linked to this question: offered once, not again after a reload. */
  function openActionFor(questionId: string): Action | undefined {
    return actions.value.find((a) => a.questionId === questionId && isOpen(a))
  }

  /** Throws a ValidationError when no theme is left. */
  async function setRetainedThemes(themeIds: string[]) {
    if (!assessment.value) return
    assessment.value = await storeRetainedThemes(assessment.value.id, themeIds)
  }

  return {
    assessment,
    organisation,
    guide,
    scale,
    answers,
    indicatorValues,
    objectives,
    customIndicators,
    isLoading,
    isLocked,
    carriedOverCount,
    loadFailed,
    saveState,
    lastError,
    lastErrorKind,
    lastSavedAt,
    scores,
    shownScores,
    progressByTheme,
    overallProgress,
    open,
    answerOf,
    save,
    saveTyped,
    flushTyped,
    questionsOfTheme,
    retryFailed,
    setRetainedThemes,
    complete,
    reopen,
    setPresentedAt,
    saveIndicator,
    saveObjective,
    addCustomIndicator,
    addAction,
    openActionFor,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAssessmentStore, import.meta.hot))
