import { computed, watch, type MaybeRefOrGetter, toValue } from 'vue'
import { useI18n } from 'vue-i18n'
import { debateOrder, toDebate, type Spread } from '@/domain/workshop'
import { useAssessmentStore } from '@/stores/assessment'
import { useWorkshopStore } from '@/stores/workshop'

export interface WorkshopQuestion {
  id: string
  /** Its number in the theme, as on the theme page. */
  n: number
  text: string
  spread: Spread
  toDebate: boolean
  /** « 2 », « NA », « ? » or « – ». */
  agreed: string
  agreedLevel: number | null
}

/**
 * The questions a workshop rates in one theme: the scored ones that apply to the organisation (facts and
 * reflections are answered once, on the theme page), with their spread, the « à débattre » ones first.
 */
export function useWorkshopQuestions(
  assessmentId: MaybeRefOrGetter<string>,
  themeId: MaybeRefOrGetter<string | undefined>,
) {
  const store = useAssessmentStore()
  const workshop = useWorkshopStore()
  const { t } = useI18n()
  watch(
    () => toValue(assessmentId),
    (id) => void workshop.open(id),
    { immediate: true },
  )

  const retainedThemes = computed(() => {
    const ids = new Set(store.assessment?.retainedThemeIds ?? [])
    return store.guide?.guide.themes.filter((th) => ids.has(th.id)) ?? []
  })
  const theme = computed(() => retainedThemes.value.find((th) => th.id === toValue(themeId)) ?? retainedThemes.value[0])

  function agreedText(questionId: string): { text: string; level: number | null } {
    const response = store.answerOf(questionId)?.response
    if (!response) return { text: t('workshop.value.none'), level: null }
    if (response.kind === 'level') return { text: String(response.level), level: response.level }
    return { text: t(`workshop.value.${response.kind}`), level: null }
  }

  /** In the guide's order. */
  const inOrder = computed<WorkshopQuestion[]>(() => {
    if (!theme.value || store.assessment?.id !== toValue(assessmentId)) return []
    return store
      .questionsOfTheme(theme.value.id)
      .map((q, i) => ({ q, n: i + 1 }))
      .filter(
        ({ q }) =>
          q.entry.question.kind === 'maturity' && !(q.state.kind === 'not-applicable' && q.state.by === 'profile'),
      )
      .map(({ q, n }) => {
        const id = q.entry.question.id
        const spread = workshop.spread(id)
        const agreed = agreedText(id)
        return {
          id,
          n,
          text: q.entry.question.text,
          spread,
          toDebate: toDebate(spread, workshop.discussions.get(id)),
          agreed: agreed.text,
          agreedLevel: agreed.level,
        }
      })
  })
  const questions = computed(() => debateOrder(inOrder.value, (q) => q.toDebate))
  const debateCount = computed(() => inOrder.value.filter((q) => q.toDebate).length)

  return { store, workshop, retainedThemes, theme, inOrder, questions, debateCount }
}
