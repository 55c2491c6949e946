import { useI18n } from 'vue-i18n'

/** Texts without parameters, once resolved, per language. */
const resolved = new Map<string, Map<string, string>>()

/**
 * useI18n's `t` and `locale`, with the texts that take no parameter kept once resolved. vue-i18n resolves a key
 * anew on every call, and a theme page draws a dozen cards of twenty labels each: 34 ms of its first render on a
 * laptop, about 140 ms on a throttled phone (docs/performance.md). Calls with parameters go to vue-i18n unchanged.
 */
export function useText() {
  const { t, locale } = useI18n()
  const text = ((key: string, ...rest: unknown[]) => {
    if (rest.length > 0) return (t as (...args: unknown[]) => string)(key, ...rest)
    // Read in the render, so a change of language draws the page again, from that language's texts.
    const language = locale.value
    let texts = resolved.get(language)
    if (!texts) resolved.set(language, (texts = new Map()))
    let found = texts.get(key)
    if (found === undefined) texts.set(key, (found = t(key)))
    return found
  }) as typeof t
  return { t: text, locale }
}
