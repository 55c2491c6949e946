import { useI18n } from 'vue-i18n'
import type { IndicatorUnit } from '@/domain/guide/schema'
import type { IndicatorValue } from '@/domain/indicators'
import { useDates } from './useDates'

/** An indicator value as people read it: « 42,5 % », « 1 234,56 € », « oui », « 12 juin 2027 ». */
export function useIndicatorFormat() {
  const { t, n } = useI18n()
  const dates = useDates()
  return (unit: IndicatorUnit, value: IndicatorValue | null | undefined, suffix?: string): string => {
    if (value === null || value === undefined) return t('indicators.noValue')
    if (typeof value === 'boolean') return value ? t('indicators.yes') : t('indicators.no')
    if (typeof value === 'object') {
      return Object.entries(value)
        .map(([category, v]) => `${category} ${v === null ? '–' : `${n(v, { maximumFractionDigits: 2 })} %`}`)
        .join(', ')
    }
    if (typeof value === 'string') return unit === 'date' ? dates.day(value) : value
    const number = n(value, { maximumFractionDigits: 2 })
    switch (unit) {
      case 'percent':
        return `${number} %`
      case 'euros':
        return n(value, { style: 'currency', currency: 'EUR' })
      case 'hours':
        return `${number} h`
      default:
        return suffix ? `${number} ${suffix}` : number
    }
  }
}
