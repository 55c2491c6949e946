import type { GuideRef } from './current.ts'

/**
 * The guide files this app ships, one lazy chunk each (the first screen never pays for the guide's text). This
 * module stays free of zod so the router can prefetch a guide; loading and validating is the registry's.
 */
interface GuideSource extends GuideRef {
  load: () => Promise<{ default: unknown }>
}

const SOURCES: ReadonlyArray<GuideSource> = [
  { guideId: 'csess-2016', guideVersion: 1, load: () => import('../../../guide-data/guide.csess-2016.v1.json') },
  { guideId: 'csess-2016', guideVersion: 2, load: () => import('../../../guide-data/guide.csess-2016.v2.json') },
]

/** Whether the app ships a guide of this id (any version): a network's own guide takes an id of its own. */
export function shipsGuideId(guideId: string): boolean {
  return SOURCES.some((s) => s.guideId === guideId)
}

export function guideSource(ref: GuideRef): GuideSource | undefined {
  return SOURCES.find((s) => s.guideId === ref.guideId && s.guideVersion === ref.guideVersion)
}

export const loadScaleSource = () => import('../../../guide-data/maturity-scale.json')

/** Starts fetching a guide and the maturity scale (an assessment page is about to need them); never fails. */
export function prefetchGuide(ref: GuideRef): void {
  void guideSource(ref)
    ?.load()
    .catch(() => {})
  void loadScaleSource().catch(() => {})
}
