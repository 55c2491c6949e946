import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { editWriter } from '@/db/writer'

/**
 * The save status every page with typing shows (« Enregistré à 14 h 02 », « Enregistrement… », a failure with
 * « Réessayer »), read from the one writer all edits go through.
 */
export const useSaveStore = defineStore('save', () => {
  const writer = editWriter()
  const status = shallowRef(writer.status())
  writer.subscribe(() => (status.value = writer.status()))

  return {
    state: computed(() => status.value.state),
    errorKind: computed(() => status.value.errorKind),
    lastSavedAt: computed(() => status.value.lastSavedAt),
    retry: () => writer.retry(),
    flush: () => writer.flush(),
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSaveStore, import.meta.hot))
