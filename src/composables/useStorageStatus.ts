import { ref } from 'vue'

/**
 * What the browser says about the storage: whether it promised to keep the data (persistent storage, which
 * protects it from automatic eviction when the disk fills) and how much space it uses.
 */
export function useStorageStatus() {
  const isSupported = typeof navigator !== 'undefined' && !!navigator.storage?.persist
  const persisted = ref<boolean | null>(null)
  const usage = ref<number | null>(null)
  const quota = ref<number | null>(null)

  async function refresh() {
    if (!isSupported) return
    persisted.value = await navigator.storage.persisted()
    const estimate = await navigator.storage.estimate()
    usage.value = estimate.usage ?? null
    quota.value = estimate.quota ?? null
  }

  async function ask() {
    if (!isSupported) return
    persisted.value = await navigator.storage.persist()
  }

  return { isSupported, persisted, usage, quota, refresh, ask }
}
