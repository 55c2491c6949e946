import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { listActions, newActionId } from '@/db/actionRepository'
import { listAnswers } from '@/db/answerRepository'
import { getAssessment, listAssessments } from '@/db/assessmentRepository'
import { listCustomIndicators, listIndicatorValues } from '@/db/indicatorRepository'
import { listObjectives } from '@/db/objectiveRepository'
import { getOrganisation } from '@/db/organisationRepository'
import { baseOf, editKeys, editWriter } from '@/db/writer'
import type { Action, ActionPatch } from '@/domain/actions'
import { EMPTY_AG_RECORD, type AgRecordPatch } from '@/domain/assessment'
import { compareAssessments } from '@/domain/comparison'
import { exerciseData, type ExerciseData } from '@/domain/exercise'
import { CURRENT_GUIDE } from '@/domain/guide/current'
import type { GuideIndex } from '@/domain/guide/guideIndex'
import { loadGuideIndex, loadMigrationSteps } from '@/domain/guide/registry'
import type { CustomIndicator } from '@/domain/indicators'
import type { Organisation } from '@/domain/organisation'
import { isScored } from '@/domain/scoring'

/**
 * One organisation's history: every exercise with its scores, answers, indicators and objectives, and the
 * progress plan that runs across the years. Feeds the organisation home, the comparison, the plan and the AG report.
 * Its edits (actions, the AG texts) go through the writer; what a write stores comes back here.
 */
export const useHistoryStore = defineStore('history', () => {
  const writer = editWriter()
  const organisation = ref<Organisation | null>(null)
  const years = shallowRef<ExerciseData[]>([])
  const guide = shallowRef<GuideIndex | null>(null)
  const actions = ref<Action[]>([])
  const customIndicators = ref<CustomIndicator[]>([])
  const loadFailed = ref(false)
  const isLoaded = ref(false)

  let request = 0

  /** Loads one organisation's history; a later call wins over an earlier one still running. */
  async function load(organisationId: string): Promise<void> {
    const mine = ++request
    loadFailed.value = false
    if (organisation.value?.id !== organisationId) isLoaded.value = false
    try {
      // What a closed tab left unwritten is written first, so it is what the pages show.
      await writer.replay()
      const [owner, assessments, plan, custom] = await Promise.all([
        getOrganisation(organisationId),
        listAssessments(organisationId),
        listActions(organisationId),
        listCustomIndicators(organisationId),
      ])
      if (mine !== request) return
      if (!owner) {
        loadFailed.value = true
        return
      }
      const ids = assessments.map((a) => a.id)
      // The frame the years are compared in: the national guide, unless the latest year was made with a network's.
      const latest = assessments.reduce<(typeof assessments)[number] | undefined>(
        (a, b) => (!a || b.year > a.year ? b : a),
        undefined,
      )
      const frameRef = latest && latest.guideId !== CURRENT_GUIDE.guideId ? latest : CURRENT_GUIDE
      const [current, values, targets, answerLists] = await Promise.all([
        loadGuideIndex(frameRef).catch(() => loadGuideIndex(CURRENT_GUIDE)),
        listIndicatorValues(ids),
        listObjectives(ids),
        Promise.all(ids.map((id) => listAnswers(id))),
      ])
      const loaded: ExerciseData[] = []
      for (const [i, assessment] of assessments.entries()) {
        loaded.push(
          exerciseData({
            assessment,
            organisation: owner,
            ownGuide: await loadGuideIndex(assessment),
            // Between two guides (the national one and a network's) questions are compared under their own ids.
            steps:
              assessment.guideId === current.guide.id
                ? await loadMigrationSteps(assessment.guideId, assessment.guideVersion, current.guide.version).catch(
                    () => [],
                  )
                : [],
            answers: answerLists[i],
            indicators: values.filter((v) => v.assessmentId === assessment.id),
            objectives: targets.filter((o) => o.assessmentId === assessment.id),
          }),
        )
      }
      if (mine !== request) return
      guide.value = current
      organisation.value = owner
      years.value = loaded.sort((a, b) => a.assessment.year - b.assessment.year).map(withUnsavedAgRecord)
      actions.value = plan.map((a) => ({ ...a, ...unsavedActionFields(a.organisationId, a.id) }))
      customIndicators.value = custom
      isLoaded.value = true
    } catch (error) {
      console.error('Loading the history failed', error)
      if (mine === request) loadFailed.value = true
    }
  }

  /** This tab's AG edits not stored yet (a failed write, typing in its pause), shown over what was just read. */
  function withUnsavedAgRecord(year: ExerciseData): ExerciseData {
    const patch = writer.unsavedPatch(editKeys.agRecord(year.assessment.id))
    if (!patch) return year
    const { presentedAt, ...texts } = patch
    const a = year.assessment
    return {
      ...year,
      assessment: {
        ...a,
        ...(presentedAt !== undefined ? { presentedAt } : {}),
        agRecord: { ...EMPTY_AG_RECORD, ...a.agRecord, ...texts },
      },
    }
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

  const byId = computed(() => new Map(years.value.map((y) => [y.assessment.id, y])))

  /** Theme by theme and question by question, between two exercises (themes retained in the later one). */
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

  /** Loads the history of the organisation an assessment belongs to; false when there is no such assessment. */
  async function loadForAssessment(assessmentId: string): Promise<boolean> {
    await writer.replay()
    const assessment = await getAssessment(assessmentId)
    if (!assessment) {
      loadFailed.value = true
      return false
    }
    await load(assessment.organisationId)
    return true
  }

  // What the writer stores (here, in a replay, or typed on another page of this tab) replaces the record shown.
  writer.onStored('agRecord', (_key, saved) => {
    if (byId.value.has(saved.id))
      years.value = years.value.map((y) => (y.assessment.id === saved.id ? { ...y, assessment: saved } : y))
  })
  writer.onStored('action', (_key, saved) => {
    if (saved.organisationId !== organisation.value?.id) return
    actions.value = actions.value.some((a) => a.id === saved.id)
      ? actions.value.map((a) => (a.id === saved.id ? saved : a))
      : [...actions.value, saved]
  })

  /** The AG date (checked with `agDateProblem` first) or one of the AG texts: typing is written after a pause. */
  function editAgRecord(assessmentId: string, patch: AgRecordPatch, typed: boolean) {
    const shown = byId.value.get(assessmentId)?.assessment
    const base = shown
      ? baseOf({ presentedAt: shown.presentedAt, ...EMPTY_AG_RECORD, ...shown.agRecord }, patch)
      : undefined
    writer.edit(editKeys.agRecord(assessmentId), patch, { typed, base })
  }

  /** Whether an AG field of this assessment has typing not yet stored (its field must not be redrawn from storage). */
  function agRecordUnsaved(assessmentId: string) {
    return writer.hasUnsaved(editKeys.agRecord(assessmentId))
  }

  /**
   * A change to an action (fields checked by the form first). A new action gets its id from `newActionId()`; its
   * first change creates it, with the exercise it comes from.
   */
  function editAction(id: string, patch: ActionPatch, typed: boolean) {
    if (!organisation.value) throw new Error('No organisation loaded')
    const shown = actions.value.find((a) => a.id === id)
    writer.edit(editKeys.action(organisation.value.id, id), patch, {
      typed,
      base: shown ? baseOf(shown, patch) : undefined,
    })
  }

  /** A new action that was never stored: what waits for it is dropped (its title was erased, then cancelled). */
  function discardNewAction(id: string) {
    if (organisation.value && !actions.value.some((a) => a.id === id))
      writer.discard(editKeys.action(organisation.value.id, id))
  }

  return {
    organisation,
    years,
    guide,
    actions,
    customIndicators,
    loadFailed,
    isLoaded,
    load,
    loadForAssessment,
    byId,
    compare,
    editAgRecord,
    agRecordUnsaved,
    editAction,
    discardNewAction,
    newActionId,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useHistoryStore, import.meta.hot))
