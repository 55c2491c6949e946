import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Locale } from './index'

/**
 * The interface's language as one of the app's two (vue-i18n types it as a plain string): it picks a label of the
 * maturity scale (`label[lang]`), a date format, the words of a document. Read in a render, so a change of language
 * draws the page again.
 */
export function useLocale() {
  const { locale } = useI18n()
  return computed<Locale>(() => (locale.value === 'en' ? 'en' : 'fr'))
}
