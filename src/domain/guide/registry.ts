import type { GuideRef } from './current.ts'
import { indexGuide, type GuideCatalog, type GuideIndex } from './guideIndex.ts'
import { migrationSteps } from './migration.ts'
import { GuideSchema, MaturityScaleSchema, type Guide, type GuideMigration, type MaturityScale } from './schema.ts'
import { guideSource, loadScaleSource } from './sources.ts'

/**
 * The guide catalogue: every guide version the app knows, loaded once, validated once and indexed once, whoever
 * asks (the stores, the import, the router's prefetch through the same sources).
 */
const cache = new Map<GuideSource, Promise<GuideIndex>>()
type GuideSource = NonNullable<ReturnType<typeof guideSource>>

export function loadGuideIndex(ref: GuideRef): Promise<GuideIndex> {
  const source = guideSource(ref)
  if (!source) return Promise.reject(new Error(`Unknown guide ${ref.guideId} version ${ref.guideVersion}`))
  let pending = cache.get(source)
  if (!pending) {
    // Also validated at build time; parsing here fills defaults (weights) and guards against a stale cache.
    pending = source.load().then((mod) => indexGuide(GuideSchema.parse(mod.default)))
    // A failed load (chunk missing after an update) must be retried next time, not served from the cache.
    pending.catch(() => cache.delete(source))
    cache.set(source, pending)
  }
  return pending
}

export async function loadGuide(ref: GuideRef): Promise<Guide> {
  return (await loadGuideIndex(ref)).guide
}

let scale: Promise<MaturityScale> | null = null

export function loadMaturityScale(): Promise<MaturityScale> {
  scale ??= loadScaleSource().then((mod) => MaturityScaleSchema.parse(mod.default))
  scale.catch(() => (scale = null))
  return scale
}

/** The migrations that carry answers from one version of a guide to a later one (empty when they are equal). */
export async function loadMigrationSteps(guideId: string, fromVersion: number, toVersion: number): Promise<GuideMigration[]> {
  if (fromVersion === toVersion) return []
  const versions: Guide[] = []
  for (let v = fromVersion + 1; v <= toVersion; v++) {
    const ref = { guideId, guideVersion: v }
    if (guideSource(ref)) versions.push(await loadGuide(ref))
  }
  return migrationSteps(versions, fromVersion, toVersion)
}

/**
 * The guides a set of references names, loaded before a file is checked, as the synchronous lookup the import
 * validation uses. References the app does not know give null; the import says where they are.
 */
export async function guideCatalog(refs: Iterable<GuideRef>): Promise<GuideCatalog> {
  const known: { ref: GuideRef; index: GuideIndex }[] = []
  for (const ref of refs) {
    if (known.some((k) => k.ref.guideId === ref.guideId && k.ref.guideVersion === ref.guideVersion) || !guideSource(ref)) continue
    known.push({ ref, index: await loadGuideIndex(ref) })
  }
  return (ref) => known.find((k) => k.ref.guideId === ref.guideId && k.ref.guideVersion === ref.guideVersion)?.index ?? null
}
