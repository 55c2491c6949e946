import type { GuideRef } from './current.ts'

/**
 * Where the guides a network loaded live (the database): set once by the app at start-up, read by the guide
 * registry, so the domain stays free of storage. Kept apart from the registry so that setting it costs the first
 * screen nothing (no zod, no guide code).
 */
export type StoredGuideLookup = (ref: GuideRef) => Promise<unknown | undefined>

let lookup: StoredGuideLookup | null = null

export function useStoredGuides(next: StoredGuideLookup | null): void {
  lookup = next
}

export function storedGuideLookup(): StoredGuideLookup | null {
  return lookup
}
