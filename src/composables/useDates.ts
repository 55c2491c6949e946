import { useI18n } from 'vue-i18n'

/** Dates as people read them (« 12 juin 2027 »); ISO days are read at noon so no time zone shifts them. */
export function useDates() {
  const { d } = useI18n()
  return {
    day: (iso: string) => d(new Date(iso.length === 10 ? `${iso}T12:00:00` : iso), 'date'),
  }
}
