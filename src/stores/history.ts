import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { listActions, newActionId } from '@/db/actionRepository'
import { listCustomIndicators, newCustomIndicatorId } from '@/db/indicatorRepository'
import { baseOf, editKeys, editWriter } from '@/db/writer'
import { ActionInputSchema, doneAtAfter, isOpen, type Action, type ActionPatch } from '@/domain/actions'
import { compareAssessments } from '@/domain/comparison'
import { exerciseData, type ExerciseData } from '@/domain/exercise'
import { CURRENT_GUIDE } from '@/domain/guide/current'
import type { GuideIndex } from '@/domain/guide/guideIndex'
import { loadGuideIndex, loadMigrationSteps } from '@/domain/guide/registry'
import type { GuideMigration } from '@/domain/guide/schema'
import { CustomIndicatorInputSchema, type CustomIndicator } from '@/domain/indicators'
import type { Organisation } from '@/domain/organisation'
import { isScored } from '@/domain/scoring'
import { parseInput } from '@/domain/validation'
import { useExercisesStore } from './exercises'

/**
 * One organisation across the years: its exercises as the comparison, the history and the AG report read them (in
 * the frame of one guide), and what lives across the years, the progress plan's actions and the organisation's own
 * indicators. The exercises themselves are the exercises store's, read and shown in one place; this store keeps which
 * ones make the history and how they are compared. Its edits (actions, indicators) go through the writer.
 */
export const useHistoryStore = defineStore('history', () => {
  const writer = editWriter()
  const exercises = useExercisesStore()
  const organisation = ref<Organisation | null>(null)
  /** The organisation's assessments, oldest first. */
  const assessmentIds = shallowRef<string[]>([])
  /** The guide the years are compared in, and the migrations that move each year's answers into it. */
  const guide = shallowRef<GuideIndex | null>(null)
  const steps = shallowRef(new Map<string, GuideMigration[]>())
  const actions = ref<Action[]>([])
  const customIndicators = ref<CustomIndicator[]>([])
  /** The organisation whose actions and indicators are loaded. */
  const planOf = ref<string | null>(null)
  const loadFailed = ref(false)
  const isLoaded = ref(false)

  let request = 0

  /** The progress plan's actions and the organisation's own indicators, with this tab's edits not stored yet. */
  async function loadPlan(organisationId: string): Promise<void> {
    // Another organisation's plan never shows, not even while this one's is read.
    if (planOf.value !== organisationId) {
      planOf.value = null
      actions.value = []
      customIndicators.value = []
    }
    await writer.replay()
    const [plan, custom] = await Promise.all([listActions(organisationId), listCustomIndicators(organisationId)])
    actions.value = plan.map((a) => ({ ...a, ...unsavedActionFields(a.organisationId, a.id) }))
    customIndicators.value = custom
    planOf.value = organisationId
  }

  /** Loads one organisation's history; a later call wins over an earlier one still running. */
  async function load(organisationId: string): Promise<void> {
    const mine = ++request
    loadFailed.value = false
    if (organisation.value?.id !== organisationId) isLoaded.value = false
    try {
      const [found] = await Promise.all([exercises.loadOrganisation(organisationId), loadPlan(organisationId)])
      if (mine !== request) return
      if (!found) {
        loadFailed.value = true
        return
      }
      // The frame the years are compared in: the national guide, unless the latest year was made with a network's.
      const latest = found.exercises.at(-1)?.assessment
      const frameRef = latest && latest.guideId !== CURRENT_GUIDE.guideId ? latest : CURRENT_GUIDE
      const frame = await loadGuideIndex(frameRef).catch(() => loadGuideIndex(CURRENT_GUIDE))
      const moves = new Map<string, GuideMigration[]>()
      for (const { assessment } of found.exercises) {
        // Between two guides (the national one and a network's) questions are compared under their own ids.
        const sameGuide = assessment.guideId === frame.guide.id
        const versionSteps = sameGuide
          ? loadMigrationSteps(assessment.guideId, assessment.guideVersion, frame.guide.version)
          : Promise.resolve([])
        moves.set(assessment.id, await versionSteps.catch(() => []))
      }
      if (mine !== request) return
      guide.value = frame
      steps.value = moves
      organisation.value = found.organisation
      assessmentIds.value = found.exercises.map((e) => e.assessment.id)
      isLoaded.value = true
    } catch (error) {
      console.error('Loading the history failed', error)
      if (mine === request) loadFailed.value = true
    }
  }

  /** Every exercise in the comparison's frame, oldest first: live, as the exercises store shows them. */
  const exercisesInFrame = computed<ExerciseData[]>(() => {
    const frame = guide.value
    const owner = organisation.value
    if (!frame || !owner) return []
    return assessmentIds.value.flatMap((id) => {
      const exercise = exercises.byId.get(id)
      if (!exercise) return []
      return [
        exerciseData({
          assessment: exercise.assessment,
          organisation: exercise.organisation,
          ownGuide: exercise.guide,
          steps: steps.value.get(id) ?? [],
          answers: [...exercise.answers.values()],
          indicators: [...exercise.indicatorValues.values()],
          objectives: [...exercise.objectives.values()],
        }),
      ]
    })
  })

  const byId = computed(() => new Map(exercisesInFrame.value.map((e) => [e.assessment.id, e])))

  /** Theme by theme and question by question, between two exercises (themes retained in either). */
  function compare(beforeId: string, afterId: string) {
    const before = byId.value.get(beforeId)
    const after = byId.value.get(afterId)
    if (!before || !after || !guide.value) return null
    const index = guide.value
    return compareAssessments({
      themeIds: index.guide.themes
        .map((t) => t.id)
        .filter(
          (id) => after.assessment.retainedThemeIds.includes(id) || before.assessment.retainedThemeIds.includes(id),
        ),
      // Levels are compared for scored questions only: a fact or a reflection has none.
      questionIdsOfTheme: (themeId) =>
        index
          .questionsOfTheme(themeId)
          .filter(isScored)
          .map((e) => e.question.id),
      before,
      after,
    })
  }

  /** The fields of an action this tab changed and has not stored yet, in the form's terms ('' for none). */
  function unsavedActionFields(organisationId: string, id: string): Partial<Action> {
    const patch = writer.unsavedPatch(editKeys.action(organisationId, id))
    if (!patch) return {}
    const { originAssessmentId: _origin, ...fields } = patch
    void _origin
    const none = (v: string | null | undefined) => (v === '' ? null : v)
    return Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [
        k,
        ['themeId', 'questionId', 'indicatorId', 'dueDate'].includes(k) ? none(v as string | null) : v,
      ]),
    ) as Partial<Action>
  }

  // What the writer stores (here, in a replay, or typed on another page of this tab) replaces the action shown.
  writer.onStored('action', (_key, saved) => {
    if (saved.organisationId !== planOf.value) return
    actions.value = actions.value.some((a) => a.id === saved.id)
      ? actions.value.map((a) => (a.id === saved.id ? saved : a))
      : [...actions.value, saved]
  })

  function plannedFor(): string {
    if (!planOf.value) throw new Error('No organisation loaded')
    return planOf.value
  }

  /**
   * A change to an action (fields checked by the form first). A new action gets its id from `newActionId()`; its
   * first change creates it, with the exercise it comes from.
   */
  function editAction(id: string, patch: ActionPatch, typed: boolean) {
    const shown = actions.value.find((a) => a.id === id)
    writer.edit(editKeys.action(plannedFor(), id), patch, { typed, base: shown ? baseOf(shown, patch) : undefined })
  }

  /** A new action that was never stored: what waits for it is dropped (its title was erased, then cancelled). */
  function discardNewAction(id: string) {
    if (planOf.value && !actions.value.some((a) => a.id === id)) writer.discard(editKeys.action(planOf.value, id))
  }

  /** An action born from an exercise (from a weak answer, in one click): shown at once, written at once. */
  function addAction(input: unknown, originAssessmentId: string): Action {
    const fields = parseInput(ActionInputSchema, input)
    const now = new Date().toISOString()
    const action: Action = {
      ...fields,
      id: newActionId(),
      organisationId: plannedFor(),
      originAssessmentId,
      doneAt: doneAtAfter(null, fields.status, now),
      createdAt: now,
      updatedAt: now,
    }
    actions.value = [...actions.value, action]
    writer.edit(editKeys.action(action.organisationId, action.id), { ...(input as object), originAssessmentId })
    return action
  }

  /** An open action already linked to this question: offered once, not again after a reload. */
  function openActionFor(questionId: string): Action | undefined {
    return actions.value.find((a) => a.questionId === questionId && isOpen(a))
  }

  /** One of the organisation's own indicators. Throws a ValidationError (nothing written) when a field is wrong. */
  function addCustomIndicator(input: unknown): CustomIndicator {
    const fields = parseInput(CustomIndicatorInputSchema, input)
    const created: CustomIndicator = {
      id: newCustomIndicatorId(),
      organisationId: plannedFor(),
      ...fields,
      createdAt: new Date().toISOString(),
    }
    customIndicators.value = [...customIndicators.value, created]
    writer.edit(editKeys.customIndicator(created.organisationId, created.id), fields)
    return created
  }

  return {
    organisation,
    exercises: exercisesInFrame,
    guide,
    actions,
    customIndicators,
    planOf,
    loadFailed,
    isLoaded,
    load,
    loadPlan,
    byId,
    compare,
    editAction,
    discardNewAction,
    addAction,
    openActionFor,
    addCustomIndicator,
    newActionId,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useHistoryStore, import.meta.hot))
