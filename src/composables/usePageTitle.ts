import { watchEffect, type MaybeRefOrGetter, toValue } from 'vue'

/** Each page names itself in the tab title, so screen-reader users hear where a navigation landed. */
export function usePageTitle(title: MaybeRefOrGetter<string>) {
  watchEffect(() => {
    const value = toValue(title)
    document.title = value ? `${value} · Cap ESS` : 'Cap ESS'
  })
}
