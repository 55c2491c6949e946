import { useI18n } from 'vue-i18n'
import { INTL_LOCALE } from '@/i18n/dates'
import { useLocale } from '@/i18n/useLocale'
import { toPercent } from '@/domain/scoring'
import type { NetworkText } from '@/report/network/networkText'
import { useDates } from './useDates'

/** The network documents' words in the UI language, as plain functions for the lazy generators. */
export function useNetworkText(): () => NetworkText {
  const { t, n } = useI18n()
  const lang = useLocale()
  const dates = useDates()
  return () => ({
    locale: lang.value,
    t: (key, params) => t(`network.${key}`, params ?? {}, typeof params?.n === 'number' ? params.n : 1),
    legalForm: (form) => t(`legalForm.${form}`),
    region: (region) => t(`region.${region}`),
    sizeBand: (band) => t(`network.sizeBand.${band}`),
    day: dates.day,
    score: (value) => (value === null ? '–' : n(toPercent(value))),
    percent: (value) =>
      new Intl.NumberFormat(INTL_LOCALE[lang.value], {
        style: 'percent',
        maximumFractionDigits: 0,
      }).format(value),
  })
}
