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
 * the file is instead.
 */
export function readEnvelope(
  text: string,
  format: FileFormat,
  readable: number,
  maxBytes: number,
): { ok: true; json: Record<string, unknown>; version: number } | Refusal {
  if (text.length > maxBytes)
    return refusal('files.problem.tooLarge', { max: Math.max(1, Math.round(maxBytes / 1024 / 1024)) })
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return refusal('import.problem.notJson')
  }
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
  const version = (json as Record<string, unknown>).formatVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return refusal('import.problem.badVersion')
  if (version > readable) return refusal('import.problem.newerVersion', { version })
  return { ok: true, json: json as Record<string, unknown>, version }
}

/** The latest date a file may hold, imported at `now`. */
export const latestAllowed = (now: Date) => new Date(now.getTime() + FUTURE_TOLERANCE_MS).toISOString()
