import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { createAction, listActions, updateAction } from '@/db/actionRepository'
import { listAnswers } from '@/db/answerRepository'
import { getAssessment, listAssessments } from '@/db/assessmentRepository'
import { saveAgRecord as writeAgRecord } from '@/db/assessmentWrites'
import { listCustomIndicators, listIndicatorValues } from '@/db/indicatorRepository'
import { listObjectives } from '@/db/objectiveRepository'
import { getOrganisation } from '@/db/organisationRepository'
import type { Action } from '@/domain/actions'
import { compareAssessments } from '@/domain/comparison'
import type { ExerciseData } from '@/domain/history'
import { CURRENT_GUIDE } from '@/domain/guide/current'
import { indexGuide, type GuideIndex } from '@/domain/guide/guideIndex'
import { migrateQuestionIds } from '@/domain/guide/migration'
import { loadGuide, loadMigrationSteps } from '@/domain/guide/registry'
import type { CustomIndicator } from '@/domain/indicators'
import type { Organisation } from '@/domain/organisation'
import { scoreAssessment } from '@/domain/scoring'
import { takeSnapshot } from '@/domain/snapshot'

type YearData = ExerciseData

/**
 * One organisation's history: every exercise with its scores, answers, indicators and objectives, and the
 * progress plan that runs across the years. Feeds the organisation home, the comparison and the plan.
 */
export const useHistoryStore = defineStore('history', () => {
  const organisation = ref<Organisation | null>(null)
  const years = shallowRef<YearData[]>([])
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
      const [current, values, targets, answerLists] = await Promise.all([
        loadGuide(CURRENT_GUIDE.guideId, CURRENT_GUIDE.guideVersion),
        listIndicatorValues(ids),
        listObjectives(ids),
        Promise.all(ids.map((id) => listAnswers(id))),
      ])
      const index = indexGuide(current)
      const loaded: YearData[] = []
      for (const [i, assessment] of assessments.entries()) {
        const own = assessment.guideVersion === CURRENT_GUIDE.guideVersion ? index : indexGuide(await loadGuide(assessment.guideId, assessment.guideVersion))
        const raw = new Map(answerLists[i].map((a) => [a.questionId, a]))
        const steps = await loadMigrationSteps(assessment.guideId, assessment.guideVersion, CURRENT_GUIDE.guideVersion)
        const { mapping } = migrateQuestionIds(new Set([...raw.keys(), ...targets.filter((o) => o.assessmentId === assessment.id).map((o) => o.subjectId)]), steps)
        loaded.push({
          assessment,
          snapshot: assessment.snapshot ?? takeSnapshot(scoreAssessment(own, assessment.retainedThemeIds, owner, raw), assessment, assessment.updatedAt),
          answers: new Map([...raw].flatMap(([id, a]) => (mapping.has(id) ? [[mapping.get(id)!, a] as const] : []))),
          indicators: new Map(values.filter((v) => v.assessmentId === assessment.id).map((v) => [v.indicatorId, v])),
          objectives: new Map(
            targets
              .filter((o) => o.assessmentId === assessment.id)
              .flatMap((o) => {
                if (o.subjectKind !== 'question') return [[o.subjectId, o] as const]
                const id = mapping.get(o.subjectId)
                return id ? [[id, { ...o, subjectId: id }] as const] : []
              }),
          ),
        })
      }
      if (mine !== request) return
      guide.value = index
      organisation.value = owner
      years.value = loaded.sort((a, b) => a.assessment.year - b.assessment.year)
      actions.value = plan
      customIndicators.value = custom
      isLoaded.value = true
    } catch (error) {
      console.error('Loading the history failed', error)
      if (mine === request) loadFailed.value = true
    }
  }

  const byId = computed(() => new Map(years.value.map((y) => [y.assessment.id, y])))

  /** Theme by theme and question by question, between two exercises (themes retained in the later one). */
  function compare(beforeId: string, afterId: string) {
    const before = byId.value.get(beforeId)
    const after = byId.value.get(afterId)
    if (!before || !after || !guide.value) return null
    const index = guide.value
    return compareAssessments({
      themeIds: index.guide.themes.map((t) => t.id).filter((id) => after.assessment.retainedThemeIds.includes(id) || before.assessment.retainedThemeIds.includes(id)),
      questionIdsOfTheme: (themeId) => index.questionsOfTheme(themeId).map((e) => e.question.id),
      before,
      after,
    })
  }

  /** Loads the history of the organisation an assessment belongs to; false when there is no such assessment. */
  async function loadForAssessment(assessmentId: string): Promise<boolean> {
    const assessment = await getAssessment(assessmentId)
    if (!assessment) {
      loadFailed.value = true
      return false
    }
    await load(assessment.organisationId)
    return true
  }

  /** The AG date and the report's texts; throws a ValidationError (nothing written) when a field is wrong. */
  async function saveAgRecord(assessmentId: string, input: unknown) {
    const saved = await writeAgRecord(assessmentId, input)
    years.value = years.value.map((y) => (y.assessment.id === assessmentId ? { ...y, assessment: saved } : y))
    return saved
  }

  /** Throws a ValidationError (nothing written) when a field is wrong. */
  async function addAction(input: unknown, originAssessmentId: string | null) {
    if (!organisation.value) throw new Error('No organisation loaded')
    const action = await createAction(organisation.value.id, input, originAssessmentId)
    actions.value = [...actions.value, action]
    return action
  }

  async function editAction(id: string, input: unknown) {
    const action = await updateAction(id, input)
    actions.value = actions.value.map((a) => (a.id === id ? action : a))
    return action
  }

  return { organisation, years, guide, actions, customIndicators, loadFailed, isLoaded, load, loadForAssessment, byId, compare, saveAgRecord, addAction, editAction }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useHistoryStore, import.meta.hot))
