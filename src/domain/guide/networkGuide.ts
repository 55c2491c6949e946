import { guideSource } from './sources.ts'
import { GuideSchema, type Guide } from './schema.ts'
import { validateGuideFileText } from './validateGuideFile.ts'

/** A network's guide file: the national guide's size many times over, never a whole disk. */
export const GUIDE_FILE_MAX_BYTES = 10 * 1024 * 1024

/** A guide a network loaded on a device (the guides the app ships are not stored). */
export interface StoredGuide {
  id: string
  version: number
  guide: Guide
  loadedAt: string
}

export type NetworkGuideCheck = { ok: true; guide: Guide } | { ok: false; problems: string[] }

/**
 * A network's own guide, checked by the same validator as guide-data/ at build time (messages located in the file:
 * `mon-guide.json: themes[2].domaines[0].id: …`), and kept apart from the guides the app ships: a file may not take
 * the id and version of one of them.
 */
export function checkNetworkGuide(fileName: string, text: string): NetworkGuideCheck {
  if (text.length > GUIDE_FILE_MAX_BYTES) return { ok: false, problems: [`${fileName}: fichier trop gros (plus de ${GUIDE_FILE_MAX_BYTES / 1024 / 1024} Mo)`] }
  const problems = validateGuideFileText(fileName, text)
  if (problems.length) return { ok: false, problems }
  const json = JSON.parse(text) as { format?: unknown }
  if (json.format !== 'cap-ess-guide') return { ok: false, problems: [`${fileName}: format: attendu « cap-ess-guide » (un guide), trouvé « ${String(json.format)} »`] }
  const guide = GuideSchema.parse(json)
  if (guideSource({ guideId: guide.id, guideVersion: guide.version })) {
    return { ok: false, problems: [`${fileName}: id: « ${guide.id} » version ${guide.version} est le guide national fourni avec Cap ESS ; donnez à votre guide un identifiant à vous (par exemple « cress-bretagne-2026 »)`] }
  }
  return { ok: true, guide }
}

/** Two files of the same guide id and version must be the same guide: a changed guide takes a new version. */
export function sameGuide(a: Guide, b: Guide): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
