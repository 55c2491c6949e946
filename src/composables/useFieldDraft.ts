import { ref, watch, type Ref } from 'vue'

/**
 * What a field shows: the stored value, except while the field has focus, holds typing not stored yet, or holds a
 * value it refused (shown with its message until corrected). A save landing or another tab's change never redraws
 * a field under the user's fingers; it shows once the field is left.
 */
export function useFieldDraft<T>(stored: () => T, isUnsaved: () => boolean = () => false) {
  const draft = ref(stored()) as Ref<T>
  let focused = false
  let refused = false
  const canFollow = () => !focused && !refused && !isUnsaved()
  watch(stored, (next) => {
    if (canFollow()) draft.value = next
  })
  return {
    draft,
    focus: () => {
      focused = true
    },
    blur: () => {
      focused = false
      if (canFollow()) draft.value = stored()
    },
    /** The draft was refused (true) or accepted (false). */
    refuse: (isRefused: boolean) => {
      refused = isRefused
    },
  }
}
