import { computed, reactive, toValue, watch, type MaybeRefOrGetter } from 'vue'
import type { AgRecordPatch } from '@/domain/assessment'
import type { AnswerPatch } from '@/domain/answer'
import type { IndicatorPatch } from '@/domain/indicators'
import type { Objective, ObjectivePatch } from '@/domain/objectives'
import { useAssessmentStore } from '@/stores/assessment'
import { useExercisesStore } from '@/stores/exercises'

/**
 * The exercise of the current route, for its pages: opened (read once, then followed) whenever the id changes, with
 * what the pages read of it and the edits they make, bound to its id. Nothing to flush on leaving: every edit is the
 * writer's, which writes it after its pause wherever the user goes, and at once when the tab is hidden or closed.
 */
export function useExercise(assessmentId: MaybeRefOrGetter<string>, parts: { workshop?: boolean } = {}) {
  const exercises = useExercisesStore()
  const lifecycle = useAssessmentStore()
  watch(
    () => toValue(assessmentId),
    (id) => void exercises.open(id, parts),
    { immediate: true },
  )
  const id = () => toValue(assessmentId)
  /** Undefined until it is read (or when there is no such assessment). */
  const exercise = computed(() => {
    const found = exercises.byId.get(id())
    return found && (!parts.workshop || found.workshop) ? found : undefined
  })
  const view = computed(() => (exercise.value ? exercises.view(id()) : undefined))

  return reactive({
    /** Read and on screen. */
    ready: computed(() => !!exercise.value),
    loadFailed: computed(() => exercises.failed.has(id())),
    assessment: computed(() => exercise.value?.assessment ?? null),
    organisation: computed(() => exercise.value?.organisation ?? null),
    guide: computed(() => exercise.value?.guide ?? null),
    scale: computed(() => exercises.scale),
    answers: computed(() => exercise.value?.answers ?? new Map()),
    indicatorValues: computed(() => exercise.value?.indicatorValues ?? new Map()),
    objectives: computed(() => exercise.value?.objectives ?? new Map<string, Objective>()),
    profile: computed(() => view.value?.profile ?? null),
    scores: computed(() => view.value?.scores ?? null),
    shownScores: computed(() => view.value?.shown ?? null),
    progressByTheme: computed(() => view.value?.progressByTheme ?? new Map<string, { done: number; total: number }>()),
    overallProgress: computed(() => view.value?.overallProgress ?? { done: 0, total: 0 }),
    gaps: computed(() => view.value?.gaps ?? null),
    /** A completed assessment is read-only until it is reopened. */
    isLocked: computed(() => exercise.value?.assessment.status === 'completed'),
    canUpgradeGuide: computed(() => !!exercise.value && lifecycle.canUpgradeGuide(id())),

    questionsOfTheme: (themeId: string) => (exercise.value ? exercises.questionsOfTheme(id(), themeId) : []),
    answerOf: (questionId: string) => exercise.value?.answers.get(questionId),

    /** A level, « non applicable », « je ne sais pas », evidence or an override: shown and written at once. */
    save: (questionId: string, patch: AnswerPatch) => exercises.edit(id(), 'answer', questionId, patch),
    /** Typing (a note, a reason): shown at once, written after a short pause (one write per pause, not per key). */
    saveTyped: (questionId: string, patch: AnswerPatch) =>
      exercises.edit(id(), 'answer', questionId, patch, { typed: true }),
    /** Values are checked against the indicator's unit by the caller (parseIndicatorDraft) first. */
    saveIndicator: (indicatorId: string, patch: IndicatorPatch, typed = false) =>
      exercises.edit(id(), 'indicator', indicatorId, patch, { typed }),
    /** Targets are checked against the subject by the caller (parseTarget) first. */
    saveObjective: (subject: Pick<Objective, 'subjectKind' | 'subjectId'>, patch: ObjectivePatch, typed = false) =>
      exercises.edit(id(), 'objective', subject.subjectId, { subjectKind: subject.subjectKind, ...patch }, { typed }),
    /** The AG date (checked first by the caller) or one of the AG texts. */
    editAgRecord: (patch: AgRecordPatch, typed = false) => exercises.editAgRecord(id(), patch, typed),
    /** Whether the AG page has typing not stored yet (its fields must not be redrawn from storage). */
    agRecordUnsaved: () => exercises.agRecordUnsaved(id()),

    complete: () => lifecycle.complete(id()),
    reopen: () => lifecycle.reopen(id()),
    upgradeGuide: () => lifecycle.upgradeGuide(id()),
    setRetainedThemes: (themeIds: string[]) => lifecycle.setRetainedThemes(id(), themeIds),
    /** Throws a ValidationError (nothing written) when the date is not plausible for this exercise. */
    setPresentedAt: (date: string | null) => lifecycle.setPresentedAt(id(), date),
  })
}

export type ExerciseOnPage = ReturnType<typeof useExercise>
