import type { Locale } from './index'

/** English dates in British order (« 1 June 2027 »): the readers are in France and the UK, not the US. */
export const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' }

const dayFormats = new Map<Locale, Intl.DateTimeFormat>()
const timeFormats = new Map<Locale, Intl.DateTimeFormat>()

function formatOf(cache: Map<Locale, Intl.DateTimeFormat>, locale: Locale, options: Intl.DateTimeFormatOptions) {
  let format = cache.get(locale)
  if (!format) cache.set(locale, (format = new Intl.DateTimeFormat(INTL_LOCALE[locale], options)))
  return format
}

/** « 1er avril 2024 », « 12 juin 2027 », « 1 April 2024 »: French writes the first of the month as an ordinal. */
export function formatDay(date: Date, locale: Locale): string {
  return formatOf(dayFormats, locale, { day: 'numeric', month: 'long', year: 'numeric' })
    .formatToParts(date)
    .map((part) => (part.type === 'day' && locale === 'fr' && part.value === '1' ? '1er' : part.value))
    .join('')
}

/** « 10:35 » in both languages. */
export function formatTime(date: Date, locale: Locale): string {
  return formatOf(timeFormats, locale, { hour: '2-digit', minute: '2-digit' }).format(date)
}

/** An ISO day (« 2027-06-12 ») is read at noon, so no time zone moves it to the day before. */
export function dateOfIso(iso: string): Date {
  return new Date(iso.length === 10 ? `${iso}T12:00:00` : iso)
}
