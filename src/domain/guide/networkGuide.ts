import type { ImportProblem } from '../backup/problems.ts'
import { shipsGuideId } from './sources.ts'
import { GuideSchema, type Guide } from './schema.ts'
import { latestAllowed, readEnvelope } from '../files/envelope.ts'
import { validateGuideFile } from './validateGuideFile.ts'

/** A network's guide file: the national guide's size many times over, never a whole disk. */
export const GUIDE_FILE_MAX_BYTES = 10 * 1024 * 1024

/** A guide a network loaded on a device (the guides the app ships are not stored). */
export interface StoredGuide {
  id: string
  version: number
  guide: Guide
  loadedAt: string
}

/** The validator's own messages (French, as at build time, located in the file), or a problem in the UI language. */
export type NetworkGuideCheck = { ok: true; guide: Guide } | { ok: false; problems: (string | ImportProblem)[] }

/**
 * A network's own guide, checked by the same validator as guide-data/ at build time (messages located in the file:
 * `mon-guide.json: themes[2].domaines[0].id: …`), and kept apart from the guides the app ships: a file may not take
 * the id of one of them (its versions and migrations are the app's).
 */
export function checkNetworkGuide(fileName: string, text: string, now = new Date()): NetworkGuideCheck {
  // Like every file the app reads: its size, JSON, kind and format version first, in the interface's language.
  const envelope = readEnvelope(text, 'cap-ess-guide', 1, GUIDE_FILE_MAX_BYTES)
  if (!envelope.ok) return envelope
  const problems = validateGuideFile(fileName, envelope.json)
  if (problems.length) return { ok: false, problems }
  const guide = GuideSchema.parse(envelope.json)
  if (shipsGuideId(guide.id)) return { ok: false, problems: [reservedId('id', guide.id)] }
  // Like every date a file brings: no more than a day ahead of this device's clock.
  if (guide.adoptedOn > latestAllowed(now).slice(0, 10))
    return {
      ok: false,
      problems: [{ path: 'adoptedOn', key: 'import.problem.future', params: { value: guide.adoptedOn } }],
    }
  return { ok: true, guide }
}

/** A guide id the app ships, given to a network guide. */
export const reservedId = (path: string, id: string): ImportProblem => ({
  path,
  key: 'files.problem.reservedGuideId',
  params: { value: id },
})

/** Two files of the same guide id and version must be the same guide: a changed guide takes a new version. */
export function sameGuide(a: Guide, b: Guide): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
