import { watch, type MaybeRefOrGetter, toValue } from 'vue'
import { useAssessmentStore } from '@/stores/assessment'

/**
 * Opens the assessment of the current route. Nothing to flush on leaving: every edit is the writer's, which
 * writes it after its pause wherever the user goes, and at once when the tab is hidden or closed.
 */
export function useOpenAssessment(assessmentId: MaybeRefOrGetter<string>) {
  const store = useAssessmentStore()
  watch(
    () => toValue(assessmentId),
    (id) => void store.open(id),
    { immediate: true },
  )
  return store
}
