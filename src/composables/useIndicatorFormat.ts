import { useI18n } from 'vue-i18n'
import type { IndicatorUnit } from '@/domain/guide/schema'
import type { IndicatorValue } from '@/domain/indicators'
import { useDates } from './useDates'

/** An indicator value as people read it: « 42,5 % », « 1 234,56 € », « oui », « 12 juin 2027 »; « 42.5% » in English. */
export function useIndicatorFormat() {
  const { t, n } = useI18n()
  const dates = useDates()
  return (unit: IndicatorUnit, value: IndicatorValue | null | undefined, suffix?: string): string => {
    if (value === null || value === undefined) return t('indicators.noValue')
    if (typeof value === 'boolean') return value ? t('indicators.yes') : t('indicators.no')
    if (typeof value === 'object') {
      return Object.entries(value)
        .map(
          ([category, v]) =>
            `${category} ${v === null ? '–' : t('indicators.format.percent', { value: n(v, { maximumFractionDigits: 2 }) })}`,
        )
        .join(', ')
    }
    if (typeof value === 'string') return unit === 'date' ? dates.day(value) : value
    const number = n(value, { maximumFractionDigits: 2 })
    switch (unit) {
      case 'percent':
        return t('indicators.format.percent', { value: number })
      case 'euros':
        return n(value, { style: 'currency', currency: 'EUR' })
      case 'hours':
        return t('indicators.format.hours', { value: number })
      default:
        return suffix ? `${number}\u00a0${suffix}` : number
    }
  }
}
