import { guideKey, type GuideRef } from '@/domain/guide/current'
import { sameGuide, type StoredGuide } from '@/domain/guide/networkGuide'
import type { Guide } from '@/domain/guide/schema'
import { database, nowIso } from './database'

export async function listStoredGuides(db = database()): Promise<StoredGuide[]> {
  return db.guides.toArray()
}

/** The guide's JSON, for the guide registry (which validates and indexes it). */
export async function findStoredGuide(ref: GuideRef, db = database()): Promise<Guide | undefined> {
  return (await db.guides.get([ref.guideId, ref.guideVersion]))?.guide
}

export type StoreGuideResult = 'added' | 'same' | 'conflict'

/**
 * Stores a checked guide. The same id and version with other content is refused: assessments made with the first
 * would read other questions; a changed guide takes a new version.
 */
export async function storeGuide(guide: Guide, db = database()): Promise<StoreGuideResult> {
  return db.transaction('rw', db.guides, async () => {
    const existing = await db.guides.get([guide.id, guide.version])
    if (existing) return sameGuide(existing.guide, guide) ? 'same' : 'conflict'
    await db.guides.put({ id: guide.id, version: guide.version, guide, loadedAt: nowIso() })
    return 'added'
  })
}

/** How many assessments and sheets use each stored guide: one in use cannot be removed. */
export async function guideUse(db = database()): Promise<Map<string, number>> {
  const use = new Map<string, number>()
  await db.transaction('r', db.assessments, db.practiceSheets, async () => {
    const count = (ref: GuideRef) => void use.set(guideKey(ref), (use.get(guideKey(ref)) ?? 0) + 1)
    await db.assessments.each(count)
    await db.practiceSheets.each(count)
  })
  return use
}

/** Removes a guide nothing uses (checked in the same transaction); returns false when something does. */
export async function removeGuide(ref: GuideRef, db = database()): Promise<boolean> {
  return db.transaction('rw', db.guides, db.assessments, db.practiceSheets, async () => {
    const used =
      (await db.assessments.filter((a) => a.guideId === ref.guideId && a.guideVersion === ref.guideVersion).count()) +
      (await db.practiceSheets.filter((s) => s.guideId === ref.guideId && s.guideVersion === ref.guideVersion).count())
    if (used > 0) return false
    await db.guides.delete([ref.guideId, ref.guideVersion])
    return true
  })
}
