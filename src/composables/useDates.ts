import { dateOfIso, formatDay, formatTime } from '@/i18n/dates'
import { useLocale } from '@/i18n/useLocale'

/** Dates as people read them (« 1er juin 2027 », « 1 June 2027 »), in the interface's language. */
export function useDates() {
  const lang = useLocale()
  return {
    day: (iso: string) => formatDay(dateOfIso(iso), lang.value),
    time: (date: Date | number) => formatTime(new Date(date), lang.value),
  }
}
