import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { useI18n } from 'vue-i18n'
import { ratingOfResponse, workshopQuestions } from '@/domain/exercise'
import { debateOrder, toDebate, type Spread } from '@/domain/workshop'
import type { ExerciseOnPage } from './useExercise'
import type { WorkshopOnPage } from './useWorkshop'

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
 * The questions a workshop rates in one theme (`workshopQuestions`), with their spread and the agreed answer, the
 * « à débattre » ones first.
 */
export function useWorkshopQuestions(
  exercise: ExerciseOnPage,
  workshop: WorkshopOnPage,
  themeId: MaybeRefOrGetter<string | undefined>,
) {
  const { t } = useI18n()

  const retainedThemes = computed(() => {
    const ids = new Set(exercise.assessment?.retainedThemeIds ?? [])
    return exercise.guide?.guide.themes.filter((th) => ids.has(th.id)) ?? []
  })
  const theme = computed(() => retainedThemes.value.find((th) => th.id === toValue(themeId)) ?? retainedThemes.value[0])

  function agreedText(questionId: string): { text: string; level: number | null } {
    const rating = ratingOfResponse(exercise.answerOf(questionId)?.response)
    if (rating === null) return { text: t('workshop.value.none'), level: null }
    if (typeof rating === 'number') return { text: String(rating), level: rating }
    return { text: t(`workshop.value.${rating}`), level: null }
  }

  /** In the guide's order. */
  const inOrder = computed<WorkshopQuestion[]>(() => {
    if (!theme.value || !workshop.loaded) return []
    return workshopQuestions(exercise.questionsOfTheme(theme.value.id)).map((q) => {
      const id = q.entry.question.id
      const spread = workshop.spread(id)
      const agreed = agreedText(id)
      return {
        id,
        n: q.n,
        text: q.entry.question.text,
        spread,
        toDebate: toDebate(spread, workshop.discussionOf(id)),
        agreed: agreed.text,
        agreedLevel: agreed.level,
      }
    })
  })
  const questions = computed(() => debateOrder(inOrder.value, (q) => q.toDebate))
  const debateCount = computed(() => inOrder.value.filter((q) => q.toDebate).length)

  return { retainedThemes, theme, inOrder, questions, debateCount }
}
