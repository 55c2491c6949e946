import { onBeforeUnmount, onMounted, watch, type MaybeRefOrGetter, toValue } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { useAssessmentStore } from '@/stores/assessment'

/**
 * Opens the assessment of the current route and makes sure no note waiting for its pause is lost when the
 * user leaves the page, hides the tab or closes it.
 */
export function useOpenAssessment(assessmentId: MaybeRefOrGetter<string>) {
  const store = useAssessmentStore()
  const flush = () => void store.flushTyped()
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush()
  }
  onMounted(() => {
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onVisibility)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('pagehide', flush)
    document.removeEventListener('visibilitychange', onVisibility)
  })
  onBeforeRouteLeave(() => store.flushTyped())
  watch(() => toValue(assessmentId), (id) => void store.open(id), { immediate: true })
  return store
}
