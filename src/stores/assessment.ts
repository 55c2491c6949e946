import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import { listAnswers, saveAnswerPatch } from '@/db/answerRepository'
import { getAssessment } from '@/db/assessmentRepository'
import { setRetainedThemes as storeRetainedThemes } from '@/db/assessmentWrites'
import { getOrganisation } from '@/db/organisationRepository'
import { NOTE_SAVE_DELAY_MS } from '@/constants'
import { applyAnswerPatch, emptyAnswer, type Answer, type AnswerPatch } from '@/domain/answer'
import type { Assessment } from '@/domain/assessment'
import { indexGuide, type GuideIndex } from '@/domain/guide/guideIndex'
import { loadGuide, loadMaturityScale } from '@/domain/guide/registry'
import type { MaturityScale } from '@/domain/guide/schema'
import type { Organisation } from '@/domain/organisation'
import { progress, scoreAssessment } from '@/domain/scoring'

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
  const loadFailed = ref(false)
  const isLoading = ref(false)

  const writesInFlight = ref(0)
  const noteTimers = new Map<string, ReturnType<typeof setTimeout>>()
  const pendingNotes = ref(0)
  const failedQuestionIds = reactive(new Set<string>())
  const lastSavedAt = ref<Date | null>(null)

  const saveState = computed<SaveState>(() => {
    if (failedQuestionIds.size > 0) return 'error'
    if (writesInFlight.value > 0 || pendingNotes.value > 0) return 'saving'
    return lastSavedAt.value ? 'saved' : 'idle'
  })

  const scores = computed(() => {
    if (!guide.value || !assessment.value || !organisation.value) return null
    return scoreAssessment(guide.value, assessment.value.retainedThemeIds, organisation.value, answers)
  })

  const progressByTheme = computed(() => {
    const result = new Map<string, { done: number; total: number }>()
    if (!scores.value) return result
    for (const theme of scores.value.themes) {
      result.set(theme.themeId, progress(scores.value.questions.filter((q) => q.entry.theme.id === theme.themeId)))
    }
    return result
  })

  const overallProgress = computed(() => (scores.value ? progress(scores.value.questions) : { done: 0, total: 0 }))

  /** Loads an assessment with its organisation, guide version and answers; a no-op when it is already open. */
  async function open(assessmentId: string): Promise<boolean> {
    if (assessment.value?.id === assessmentId && guide.value) return true
    await flushNotes()
    isLoading.value = true
    loadFailed.value = false
    try {
      const found = await getAssessment(assessmentId)
      const owner = found ? await getOrganisation(found.organisationId) : undefined
      if (!found || !owner) {
        loadFailed.value = true
        return false
      }
      const [guideData, scaleData, stored] = await Promise.all([
        loadGuide(found.guideId, found.guideVersion),
        loadMaturityScale(),
        listAnswers(assessmentId),
      ])
      answers.clear()
      for (const answer of stored) answers.set(answer.questionId, answer)
      failedQuestionIds.clear()
      lastSavedAt.value = null
      guide.value = indexGuide(guideData)
      scale.value = scaleData
      organisation.value = owner
      assessment.value = found
      return true
    } finally {
      isLoading.value = false
    }
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

  async function write(assessmentId: string, questionId: string, patch: AnswerPatch) {
    writesInFlight.value++
    try {
      await saveAnswerPatch(assessmentId, questionId, patch)
      failedQuestionIds.delete(questionId)
      lastSavedAt.value = new Date()
    } catch (error) {
      failedQuestionIds.add(questionId)
      console.error('Saving answer failed', error)
    } finally {
      writesInFlight.value--
    }
  }

  /** A level, « non applicable », « je ne sais pas », evidence or an override: shown and written at once. */
  function save(questionId: string, patch: AnswerPatch): Promise<void> {
    const id = applyLocally(questionId, patch)
    return write(id, questionId, patch)
  }

  /** Typing in a note: shown at once, written after a short pause (one write per pause, not per key). */
  function saveNote(questionId: string, note: string) {
    const id = applyLocally(questionId, { note })
    const existing = noteTimers.get(questionId)
    if (existing) clearTimeout(existing)
    else pendingNotes.value++
    noteTimers.set(
      questionId,
      setTimeout(() => {
        noteTimers.delete(questionId)
        pendingNotes.value--
        void write(id, questionId, { note })
      }, NOTE_SAVE_DELAY_MS),
    )
  }

  /** Writes every note still waiting for its pause (leaving the page, hiding the tab). */
  async function flushNotes() {
    const id = assessment.value?.id
    if (!id) return
    const waiting = [...noteTimers.entries()]
    noteTimers.clear()
    pendingNotes.value = 0
    await Promise.all(
      waiting.map(([questionId, timer]) => {
        clearTimeout(timer)
        return write(id, questionId, { note: answers.get(questionId)?.note ?? '' })
      }),
    )
  }

  /** Writes again, in full, every answer whose last write failed. */
  async function retryFailed() {
    const id = assessment.value?.id
    if (!id) return
    await Promise.all(
      [...failedQuestionIds].map((questionId) => {
        const answer = answers.get(questionId)
        if (!answer) return Promise.resolve()
        const { response, note, evidence, applicabilityOverride } = answer
        return write(id, questionId, { response, note, evidence, applicabilityOverride })
      }),
    )
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
    isLoading,
    loadFailed,
    saveState,
    lastSavedAt,
    scores,
    progressByTheme,
    overallProgress,
    open,
    answerOf,
    save,
    saveNote,
    flushNotes,
    retryFailed,
    setRetainedThemes,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAssessmentStore, import.meta.hot))
