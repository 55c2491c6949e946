import { useI18n } from 'vue-i18n'
import type { NotApplicableReason } from '@/domain/applicability'

/** Turns the domain's reasons for « non applicable » into a sentence in the user's language. */
export function useApplicabilityText() {
  const { t } = useI18n()
  return (reasons: NotApplicableReason[]): string =>
    reasons
      .map((reason) => {
        switch (reason.kind) {
          case 'legal-form':
            return t('applicability.legalForm')
          case 'min-employees':
            return t('applicability.minEmployees', { min: reason.min })
          case 'volunteers':
            return t('applicability.volunteers')
        }
      })
      .filter((text, index, all) => all.indexOf(text) === index)
      .join(' ')
}
