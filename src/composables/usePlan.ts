import { shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'
import type { Action } from '@/domain/actions'

type HistoryStore = ReturnType<typeof import('@/stores/history').useHistoryStore>

/**
 * The organisation's progress plan for a page that shows it beside its own content (the question page offers an
 * action from a weak answer): its code and its records are fetched once the page is on screen, never before the
 * first question. An action asked for meanwhile is added as soon as the plan is read.
 */
export function usePlan(organisationId: MaybeRefOrGetter<string | undefined>) {
  const store = shallowRef<HistoryStore | null>(null)
  let loaded: Promise<HistoryStore> | null = null
  watch(
    () => toValue(organisationId),
    (id) => {
      if (!id) return
      store.value = null
      loaded = new Promise<HistoryStore>((resolve) => setTimeout(resolve, 0)).then(async () => {
        const { useHistoryStore } = await import('@/stores/history')
        const history = useHistoryStore()
        if (history.planOf !== id) await history.loadPlan(id)
        if (toValue(organisationId) === id) store.value = history
        return history
      })
    },
    { immediate: true },
  )
  return {
    /** An open action already linked to this question: offered once, not again after a reload. */
    openActionFor: (questionId: string): Action | undefined => store.value?.openActionFor(questionId),
    /** An action born from an exercise (from a weak answer, in one click). */
    addAction(input: unknown, originAssessmentId: string) {
      if (store.value) store.value.addAction(input, originAssessmentId)
      else void loaded?.then((history) => history.addAction(input, originAssessmentId))
    },
  }
}
