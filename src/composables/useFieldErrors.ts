import { useI18n } from 'vue-i18n'
import { INTL_LOCALE } from '@/i18n/dates'
import { useLocale } from '@/i18n/useLocale'
import type { FieldError } from '@/domain/validation'

/** The message for one field error, numbers formatted the way the user reads them (500 000). */
export function useFieldErrorText() {
  const { t } = useI18n()
  const lang = useLocale()
  return (error: FieldError | undefined): string => {
    if (!error) return ''
    const params = Object.fromEntries(
      // Only amounts are grouped (« 500 000 »); years and other numbers stay as typed (« 2025 »).
      Object.entries(error.params).map(([k, v]) => [
        k,
        typeof v === 'number' && (k === 'max' || k === 'min') ? v.toLocaleString(INTL_LOCALE[lang.value]) : v,
      ]),
    )
    return t(error.key, params)
  }
}

/**
 * Number fields are typed as text so "12,5" or "douze" get a precise message instead of silently emptying.
 * Spaces and dots between groups of three digits are thousands separators (« 1 400 », « 1.400 »); a comma
 * or another dot makes a decimal (refused later as « nombre entier »); anything else (« 1e3 », « 0x10 ») is NaN.
 */
export function parseCount(text: string): number | undefined {
  const trimmed = text.replace(/[\s\u00a0\u202f]/g, '')
  if (trimmed === '') return undefined
  if (/^-?\d+$/.test(trimmed)) return Number(trimmed)
  if (/^\d{1,3}(\.\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/\./g, ''))
  if (/^-?\d+[.,]\d+$/.test(trimmed)) return Number(trimmed.replace(',', '.'))
  return Number.NaN
}
