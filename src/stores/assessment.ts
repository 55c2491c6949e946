import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import { listActions, newActionId } from '@/db/actionRepository'
import { listAnswers, watchAssessment, type StoredAssessment } from '@/db/answerRepository'
import { getAssessment } from '@/db/assessmentRepository'
import {
  completeAssessment,
  reopenAssessment,
  setRetainedThemes as storeRetainedThemes,
  upgradeDraftGuide,
} from '@/db/assessmentWrites'
import { listCustomIndicators, listIndicatorValues, newCustomIndicatorId } from '@/db/indicatorRepository'
import { listObjectives } from '@/db/objectiveRepository'
import { getOrganisation } from '@/db/organisationRepository'
import { baseOf, editKeys, editWriter, ofAssessment, type EditKey } from '@/db/writer'
import { ActionInputSchema, doneAtAfter, isOpen, type Action } from '@/domain/actions'
import { applyAnswerPatch, emptyAnswer, type Answer, type AnswerPatch } from '@/domain/answer'
import { EMPTY_AG_RECORD, agDateProblem, type Assessment } from '@/domain/assessment'
import { completionGaps, completionSnapshot, exerciseProfile, liveScores, themeQuestions } from '@/domain/exercise'
import type { GuideIndex } from '@/domain/guide/guideIndex'
import { CURRENT_GUIDE } from '@/domain/guide/current'
import { loadGuideIndex, loadMaturityScale, loadMigrationSteps } from '@/domain/guide/registry'
import type { MaturityScale } from '@/domain/guide/schema'
import {
  CustomIndicatorInputSchema,
  type CustomIndicator,
  type IndicatorPatch,
  type IndicatorRecord,
} from '@/domain/indicators'
import type { Objective, ObjectivePatch } from '@/domain/objectives'
import type { Organisation } from '@/domain/organisation'
import { progress, type QuestionScore } from '@/domain/scoring'
import { ValidationError, parseInput } from '@/domain/validation'

/**
 * The assessment being filled in. The screen is the truth while the user works: each change shows at once and goes
 * to the writer (`src/db/writer`), which stores it, journals it and retries it. What another tab stores is taken,
 * except for records with an edit of this tab not yet stored.
 */
export const useAssessmentStore = defineStore('assessment', () => {
  const writer = editWriter()
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

  /** The profile that decides what applies: frozen with a completed exercise, today's for a draft. */
  const profile = computed(() =>
    assessment.value && organisation.value ? exerciseProfile(assessment.value, organisation.value) : null,
  )

  const scores = computed(() => {
    if (!guide.value || !assessment.value || !organisation.value) return null
    return liveScores(guide.value, assessment.value, organisation.value, answers)
  })

  /**
   * What the results show: the snapshot frozen at completion (history never re-scores an old year), the live
   * scores while the assessment is a draft.
   */
  const shownScores = computed(() => assessment.value?.snapshot ?? scores.value)

  /** Every question of a theme with its state, retained or not (a theme left out this year can still be read). */
  function questionsOfTheme(themeId: string): QuestionScore[] {
    if (!guide.value || !organisation.value || !assessment.value) return []
    return themeQuestions(guide.value, themeId, assessment.value, organisation.value, answers)
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

  /** What is still open (unanswered, « je ne sais pas », carried over and not confirmed), shown before completing. */
  const gaps = computed(() => (scores.value ? completionGaps(scores.value, answers) : null))
  const carriedOverCount = computed(() => gaps.value?.carriedOver ?? 0)

  let openRequest = 0
  let stopWatching: (() => void) | null = null

  /**
   * Takes what is stored for each record, unless this tab has an edit of it not yet stored; a record no longer
   * stored (an import replaced the assessment) leaves the screen too, unless this tab is editing it.
   */
  function takeStored<T>(
    local: Map<string, T>,
    stored: T[],
    idOf: (record: T) => string,
    keyOf: (id: string) => EditKey,
  ) {
    const ids = new Set<string>()
    for (const record of stored) {
      const id = idOf(record)
      ids.add(id)
      if (writer.hasUnsaved(keyOf(id))) continue
      const mine = local.get(id)
      if (!mine || JSON.stringify(mine) !== JSON.stringify(record)) local.set(id, record)
    }
    for (const id of [...local.keys()]) if (!ids.has(id) && !writer.hasUnsaved(keyOf(id))) local.delete(id)
  }

  /** Edits of this tab not stored yet (a failed write, typing in its pause) shown over what was just read. */
  function overlayUnsaved(id: string, now: string) {
    for (const key of writer.unsavedKeys(ofAssessment(id))) {
      if (key.kind === 'answer') {
        const patch = writer.unsavedPatch(editKeys.answer(id, key.id))
        if (patch)
          answers.set(key.id, applyAnswerPatch(answers.get(key.id) ?? emptyAnswer(id, key.id, now), patch, now))
      } else if (key.kind === 'indicator') {
        const patch = writer.unsavedPatch(editKeys.indicator(id, key.id))
        const stored = indicatorValues.get(key.id) ?? {
          assessmentId: id,
          indicatorId: key.id,
          value: null,
          note: '',
          updatedAt: now,
        }
        if (patch) indicatorValues.set(key.id, { ...stored, ...patch })
      } else if (key.kind === 'objective') {
        const patch = writer.unsavedPatch(editKeys.objective(id, key.id))
        if (!patch?.subjectKind) continue
        const stored = objectives.get(key.id) ?? {
          assessmentId: id,
          subjectKind: patch.subjectKind,
          subjectId: key.id,
          comparator: 'at-least' as const,
          oneYear: null,
          threeYear: null,
          updatedAt: now,
        }
        objectives.set(key.id, { ...stored, ...patch })
      } else if (key.kind === 'agRecord' && assessment.value) {
        const { presentedAt, ...texts } = writer.unsavedPatch(editKeys.agRecord(id)) ?? {}
        assessment.value = {
          ...assessment.value,
          ...(presentedAt !== undefined ? { presentedAt } : {}),
          agRecord: { ...EMPTY_AG_RECORD, ...assessment.value.agRecord, ...texts },
        }
      }
    }
  }

  /** Another tab (or this one) changed what is stored: take it, except where this tab is ahead of the database. */
  function mergeStored(stored: StoredAssessment) {
    const id = assessment.value?.id
    if (!stored.assessment || id !== stored.assessment.id) return
    // The watch's first answer repeats what open() just read: keeping the same object spares re-scoring and
    // re-rendering the page for nothing.
    if (
      !writer.hasUnsaved(editKeys.agRecord(id)) &&
      JSON.stringify(assessment.value) !== JSON.stringify(stored.assessment)
    )
      assessment.value = stored.assessment
    takeStored(
      answers,
      stored.answers,
      (a) => a.questionId,
      (q) => editKeys.answer(id, q),
    )
    takeStored(
      indicatorValues,
      stored.indicatorValues,
      (v) => v.indicatorId,
      (i) => editKeys.indicator(id, i),
    )
    takeStored(
      objectives,
      stored.objectives,
      (o) => o.subjectId,
      (s) => editKeys.objective(id, s),
    )
  }

  /**
   * Loads an assessment with its organisation, guide version, answers, indicator values and objectives.
   * Opening the one already open only refreshes the organisation and assessment records (the profile may
   * have been edited) and keeps the answers on screen, which are the truth while the user works.
   */
  async function open(assessmentId: string): Promise<boolean> {
    const request = ++openRequest
    // Most assessments use the current guide: fetch it and the scale while IndexedDB answers (both are cached).
    void loadGuideIndex(CURRENT_GUIDE).catch(() => {})
    void loadMaturityScale().catch(() => {})
    loadFailed.value = false
    try {
      // What a closed tab left unwritten is written first, so it is what the page shows.
      await writer.replay()
      const reopening = assessment.value?.id === assessmentId && !!guide.value
      // What only needs the assessment's id is asked for at once, beside the assessment: one round of reads less
      // before a cold page shows its first question.
      const records = reopening
        ? null
        : Promise.all([listAnswers(assessmentId), listIndicatorValues([assessmentId]), listObjectives([assessmentId])])
      records?.catch(() => {}) // awaited below, or dropped with the request
      const found = await getAssessment(assessmentId)
      const owner = found ? await getOrganisation(found.organisationId) : undefined
      if (request !== openRequest) return false
      if (!found || !owner) {
        loadFailed.value = true
        return false
      }
      if (!records) {
        organisation.value = owner
        if (!writer.hasUnsaved(editKeys.agRecord(assessmentId))) assessment.value = found
        return true
      }
      isLoading.value = true
      const [guideData, scaleData, [stored, values, targets], custom, plan] = await Promise.all([
        loadGuideIndex(found),
        loadMaturityScale(),
        records,
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
      guide.value = guideData
      scale.value = scaleData
      organisation.value = owner
      assessment.value = found
      overlayUnsaved(assessmentId, new Date().toISOString())
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

  function answerOf(questionId: string): Answer | undefined {
    return answers.get(questionId)
  }

  function openId(): string {
    const id = assessment.value?.id
    if (!id) throw new Error('No assessment open')
    return id
  }

  function editAnswer(questionId: string, patch: AnswerPatch, typed: boolean) {
    const id = openId()
    const now = new Date().toISOString()
    const shown = answers.get(questionId) ?? emptyAnswer(id, questionId, now)
    // The write starts before the page changes (here and below): its transaction opens before Vue renders, not after.
    writer.edit(editKeys.answer(id, questionId), patch, { typed, base: baseOf(shown, patch) })
    answers.set(questionId, applyAnswerPatch(shown, patch, now))
  }

  /** A level, « non applicable », « je ne sais pas », evidence or an override: shown and written at once. */
  function save(questionId: string, patch: AnswerPatch) {
    editAnswer(questionId, patch, false)
  }

  /** Typing (a note, a reason): shown at once, written after a short pause (one write per pause, not per key). */
  function saveTyped(questionId: string, patch: AnswerPatch) {
    editAnswer(questionId, patch, true)
  }

  /** Writes again the edits whose write failed, with their current values. */
  function retryFailed() {
    return writer.retry()
  }

  /**
   * Freezes the scores in a snapshot computed from the stored answers; answers become read-only until reopened.
   * Refused while an edit of this assessment is not stored (a failed write): it would be lost behind the lock.
   */
  async function complete(): Promise<'completed' | 'unsaved-changes'> {
    const index = guide.value
    const owner = organisation.value
    if (!assessment.value || !index || !owner) throw new Error('No assessment open')
    const id = assessment.value.id
    // Another tab's typing still in the journal belongs to this year: written before the scores freeze.
    await writer.replay()
    await writer.flush(ofAssessment(id))
    if (writer.hasFailed(ofAssessment(id))) return 'unsaved-changes'
    const takenAt = new Date().toISOString()
    assessment.value = await completeAssessment(id, (stored, storedAnswers) =>
      completionSnapshot(index, stored, owner, storedAnswers, takenAt),
    )
    return 'completed'
  }

  /** A draft made with an older version of the current guide can move to it; a completed one keeps its version. */
  const canUpgradeGuide = computed(
    () =>
      assessment.value?.status === 'draft' &&
      assessment.value.guideId === CURRENT_GUIDE.guideId &&
      assessment.value.guideVersion < CURRENT_GUIDE.guideVersion,
  )

  /** Moves the open draft to the current guide version (answers through the migration blocks), then reads it again. */
  async function upgradeGuide() {
    const current = assessment.value
    if (!current || !canUpgradeGuide.value) return null
    await writer.flush(ofAssessment(current.id))
    const [steps, target] = await Promise.all([
      loadMigrationSteps(current.guideId, current.guideVersion, CURRENT_GUIDE.guideVersion),
      loadGuideIndex(CURRENT_GUIDE),
    ])
    const result = await upgradeDraftGuide(current.id, CURRENT_GUIDE, steps, new Set(target.questionById.keys()))
    // Everything on screen was read with the old version: read it all again.
    guide.value = null
    await open(current.id)
    return result
  }

  async function reopen() {
    if (!assessment.value) return
    assessment.value = await reopenAssessment(assessment.value.id)
  }

  /** The AG date; throws a ValidationError (nothing written) when it is not plausible for this exercise. */
  function setPresentedAt(date: string | null) {
    const current = assessment.value
    if (!current) return
    const problem = date === null ? null : agDateProblem(date, current.year)
    if (problem)
      throw new ValidationError({ presentedAt: { key: problem, params: { from: current.year, to: current.year + 2 } } })
    assessment.value = { ...current, presentedAt: date }
    writer.edit(editKeys.agRecord(current.id), { presentedAt: date }, { base: { presentedAt: current.presentedAt } })
  }

  /** Values are checked against the indicator's unit by the caller (parseIndicatorDraft) before they get here. */
  function saveIndicator(indicatorId: string, patch: IndicatorPatch, typed = false) {
    const id = openId()
    const now = new Date().toISOString()
    const shown = indicatorValues.get(indicatorId) ?? {
      assessmentId: id,
      indicatorId,
      value: null,
      note: '',
      updatedAt: now,
    }
    writer.edit(editKeys.indicator(id, indicatorId), patch, { typed, base: baseOf(shown, patch) })
    indicatorValues.set(indicatorId, { ...shown, ...patch, updatedAt: now })
  }

  /** Targets are checked against the subject by the caller (parseTarget) before they get here. */
  function saveObjective(subject: Pick<Objective, 'subjectKind' | 'subjectId'>, patch: ObjectivePatch, typed = false) {
    const id = openId()
    const now = new Date().toISOString()
    const shown = objectives.get(subject.subjectId) ?? {
      assessmentId: id,
      ...subject,
      comparator: 'at-least' as const,
      oneYear: null,
      threeYear: null,
      updatedAt: now,
    }
    writer.edit(
      editKeys.objective(id, subject.subjectId),
      { subjectKind: subject.subjectKind, ...patch },
      { typed, base: baseOf(shown, patch) },
    )
    objectives.set(subject.subjectId, { ...shown, ...patch, updatedAt: now })
  }

  /** Throws a ValidationError (nothing written) when a field is wrong. */
  function addCustomIndicator(input: unknown): CustomIndicator | undefined {
    if (!organisation.value) return
    const fields = parseInput(CustomIndicatorInputSchema, input)
    const created: CustomIndicator = {
      id: newCustomIndicatorId(),
      organisationId: organisation.value.id,
      ...fields,
      createdAt: new Date().toISOString(),
    }
    customIndicators.value = [...customIndicators.value, created]
    writer.edit(editKeys.customIndicator(created.organisationId, created.id), fields)
    return created
  }

  /** An action of the progress plan, born from this assessment (for example from a weak answer). */
  function addAction(input: unknown): Action {
    const current = assessment.value
    if (!current) throw new Error('No assessment open')
    const fields = parseInput(ActionInputSchema, input)
    const now = new Date().toISOString()
    const action: Action = {
      ...fields,
      id: newActionId(),
      organisationId: current.organisationId,
      originAssessmentId: current.id,
      doneAt: doneAtAfter(null, fields.status, now),
      createdAt: now,
      updatedAt: now,
    }
    actions.value = [...actions.value, action]
    writer.edit(editKeys.action(action.organisationId, action.id), {
      ...(input as object),
      originAssessmentId: current.id,
    })
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
    profile,
    guide,
    scale,
    answers,
    indicatorValues,
    objectives,
    customIndicators,
    isLoading,
    isLocked,
    gaps,
    carriedOverCount,
    loadFailed,
    scores,
    shownScores,
    progressByTheme,
    overallProgress,
    open,
    answerOf,
    save,
    saveTyped,
    questionsOfTheme,
    retryFailed,
    setRetainedThemes,
    complete,
    reopen,
    canUpgradeGuide,
    upgradeGuide,
    setPresentedAt,
    saveIndicator,
    saveObjective,
    addCustomIndicator,
    addAction,
    openActionFor,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAssessmentStore, import.meta.hot))
