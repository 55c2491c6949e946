import { lazySchema, z } from './zod.ts'

/**
 * Field rules shared by the forms, the database and the import, so a file can never hold what a form would
 * refuse (and then break a page that has to show it).
 */

/** Ids the app makes are UUIDs (36 characters) or `custom.` + a UUID; the bound only stops a pasted novel. */
export const RECORD_ID_MAX = 100
export const RecordIdSchema = lazySchema(() => z.string().min(1).max(RECORD_ID_MAX))

/**
 * Text a person can see: at least one character that is not a space, a control or an invisible format
 * character (a name made of zero-width spaces looks empty on every screen and in every PDF).
 */
export function hasVisibleCharacter(text: string): boolean {
  return /[^\s\p{Cc}\p{Cf}\p{Z}]/u.test(text)
}

/** A name: visible, and with at least one letter or digit (« --- » names nothing). */
export function namesSomething(text: string): boolean {
  return /\p{L}|\p{N}/u.test(text)
}
