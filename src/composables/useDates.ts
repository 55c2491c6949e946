import { useI18n } from 'vue-i18n'
import { dateOfIso, formatDay, formatTime } from '@/i18n/dates'

/** Dates as people read them (« 1er juin 2027 », « 1 June 2027 »), in the interface's language. */
export function useDates() {
  const { locale } = useI18n()
  const lang = () => (locale.value === 'en' ? 'en' : 'fr')
  return {
    day: (iso: string) => formatDay(dateOfIso(iso), lang()),
    time: (date: Date | number) => formatTime(new Date(date), lang()),
  }
}
