import type { Assessment } from '../assessment.ts'

/** Which guide an assessment was made with: recorded on every assessment, never changed afterwards. */
export type GuideRef = Pick<Assessment, 'guideId' | 'guideVersion'>

/** The guide version new assessments are made with. Older assessments keep the version they recorded. */
export const CURRENT_GUIDE: GuideRef = { guideId: 'csess-2016', guideVersion: 2 }

/**
 * A guide version as one string (`csess-2016@2`), for a form's choice or a link's query; `parseGuideKey` reads it
 * back. A guide's id never holds « @ » (`ItemIdSchema`).
 */
export function guideKey(ref: GuideRef): string {
  return `${ref.guideId}@${ref.guideVersion}`
}

/** The guide version a key names (`guideKey`), or null when it is not one. */
export function parseGuideKey(key: string): GuideRef | null {
  const at = key.lastIndexOf('@')
  const version = Number(key.slice(at + 1))
  if (at <= 0 || !Number.isInteger(version) || version < 1) return null
  return { guideId: key.slice(0, at), guideVersion: version }
}
