import { ref } from 'vue'
import { registerSW } from 'virtual:pwa-register'

/** True when a new version is downloaded and waits for the user's go-ahead. */
export const needRefresh = ref(false)
/** True once everything is cached: the app works without network from now on. */
export const offlineReady = ref(false)

let updateServiceWorker: ((reload?: boolean) => Promise<void>) | null = null

export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return
  updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh: () => (needRefresh.value = true),
    onOfflineReady: () => (offlineReady.value = true),
  })
}

/** Activates the waiting version and reloads, only when the user asks (their work is saved as they go). */
export async function applyUpdate() {
  await updateServiceWorker?.(true)
}
