import { useI18n } from 'vue-i18n'
import type { Action } from '@/domain/actions'
import type { GuideIndex } from '@/domain/guide/guideIndex'

/**
 * An action's title as the reader sees it: its own, or « Progresser : <question> » for one made from a question in
 * one click (stored without a title, so it reads in the interface's language and the guide's current words).
 */
export function useActionTitle(guide: () => GuideIndex | null | undefined) {
  const { t } = useI18n()
  return (action: Pick<Action, 'title' | 'questionId'>) => {
    if (action.title.trim() || !action.questionId) return action.title
    return t('report.pdf.actionFromQuestion', {
      question: guide()?.questionById.get(action.questionId)?.question.text ?? action.questionId,
    })
  }
}
