import { createI18n } from 'vue-i18n'
import { STORAGE_KEY_LOCALE } from '@/constants'
import fr from './fr'
import type frMore from './fr.more'

/** Every text: the first screen's (fr.ts) and the other pages' (fr.more.ts), one shape that English mirrors. */
export type MessageSchema = typeof fr & typeof frMore
export const LOCALES = ['fr', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: 'fr',
  fallbackLocale: 'fr',
  messages: { fr } as Record<Locale, MessageSchema>,
})

let moreTexts: Promise<void> | null = null

/**
 * The French texts of the pages beyond the first screen and the question page (the network, the AG report, the
 * workshop), fetched once: the router waits for them before showing one of those pages. English comes whole.
 */
export function loadMoreTexts(): Promise<void> {
  moreTexts ??= import('./fr.more').then((more) =>
    i18n.global.mergeLocaleMessage('fr', more.default as unknown as MessageSchema),
  )
  moreTexts.catch(() => (moreTexts = null))
  return moreTexts
}

function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale)
}

/** English is its own chunk: French users never download it. */
export async function setLocale(locale: Locale): Promise<void> {
  if (locale === 'en' && !i18n.global.availableLocales.includes('en')) {
    const en = await import('./en')
    i18n.global.setLocaleMessage('en', en.default)
  }
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY_LOCALE, locale)
  } catch {
    // Private modes may refuse storage; the choice then lasts for this visit only.
  }
}

export function savedLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY_LOCALE)
    if (isLocale(stored)) return stored
  } catch {
    // see setLocale
  }
  return 'fr'
}
