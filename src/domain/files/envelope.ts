import type { ImportProblem } from '../backup/problems.ts'

/**
 * What every file that leaves the app begins with, and the first checks of one coming in: its size, JSON, its
 * kind (a backup given to the catalogue is named as a backup) and its format version.
 */
export const FILE_KINDS = {
  'cap-ess': 'backup',
  'cap-ess-participant': 'participant',
  'cap-ess-practice-sheets': 'sheets',
  'cap-ess-summary': 'summary',
  'cap-ess-guide': 'guide',
  // Shipped with the app, never exchanged: named when given where a guide is expected.
  'cap-ess-maturity-scale': 'scale',
} as const
export type FileFormat = keyof typeof FILE_KINDS

export type Refusal = { ok: false; problems: ImportProblem[] }
export const refusal = (key: string, params: Record<string, string | number> = {}, path = ''): Refusal => ({
  ok: false,
  problems: [{ path, key, params }],
})

/** How far in the future a date may be (another device's clock a few hours ahead), no further. */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000

/**
 * The text as JSON of the expected format, at a version this app reads (`readable`), or a refusal that says what
 * the file is instead. Every file the app reads goes through it, whatever carried it (picked, pasted, scanned).
 */
export function readEnvelope(text: string, format: FileFormat, readable: number, maxBytes: number): Envelope {
  if (text.length > maxBytes) return tooLarge(maxBytes)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return refusal('import.problem.notJson')
  }
  return checkEnvelope(json, format, readable)
}

export type Envelope = { ok: true; json: Record<string, unknown>; version: number } | Refusal

/** A file over the size its kind allows, in megabytes. */
export const tooLarge = (maxBytes: number): Refusal =>
  refusal('files.problem.tooLarge', { max: Math.max(1, Math.round(maxBytes / 1024 / 1024)) })

/**
 * The envelope of JSON already parsed: its kind (a file of another kind is named as such) and its format version
 * (a newer one says to update the app, in the same words for every kind). A guide file is guide-data's own format,
 * versioned by its `version`: it carries no `formatVersion` and reads as version 1.
 */
export function checkEnvelope(json: unknown, format: FileFormat, readable: number): Envelope {
  const found =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>).format
      : undefined
  if (found !== format) {
    const kind = typeof found === 'string' && found in FILE_KINDS ? FILE_KINDS[found as FileFormat] : null
    return kind
      ? refusal('files.problem.otherKind', { found: kind, expected: FILE_KINDS[format] })
      : refusal('import.problem.otherApp')
  }
  const record = json as Record<string, unknown>
  const version = format === 'cap-ess-guide' && !('formatVersion' in record) ? 1 : record.formatVersion
  return newerThan(version, readable) ?? { ok: true, json: record, version: version as number }
}

/** A version this app cannot read: not a whole number from 1, or newer than `readable` (« mettez à jour »). */
export function newerThan(version: unknown, readable: number): Refusal | null {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return refusal('import.problem.badVersion')
  return version > readable ? refusal('import.problem.newerVersion', { version }) : null
}

/** The latest date a file may hold, imported at `now`. */
export const latestAllowed = (now: Date) => new Date(now.getTime() + FUTURE_TOLERANCE_MS).toISOString()
