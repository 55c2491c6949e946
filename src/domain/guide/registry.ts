import { guideKey, type GuideRef } from './current.ts'
import { indexGuide, type GuideCatalog, type GuideIndex } from './guideIndex.ts'
import { migrationSteps } from './migration.ts'
import { GuideSchema, type Guide, type GuideMigration, type MaturityScale } from './schema.ts'
import { guideSource, loadScaleSource } from './sources.ts'
import { storedGuideLookup } from './storedGuides.ts'

/**
 * The guide catalogue: every guide version the app knows, loaded once, validated once and indexed once, whoever
 * asks (the stores, the import, the router's prefetch through the same sources).
 */
const cache = new Map<string, Promise<GuideIndex>>()

/** The shipped guides' keys: a network guide's index is forgotten when it is removed, theirs never. */
const SHIPPED = new Set<string>()

/** Forgets the network guides read so far (one was removed, or a test starts with another database). */
export function forgetStoredGuides(): void {
  for (const key of [...cache.keys()]) if (!SHIPPED.has(key)) cache.delete(key)
}

export function loadGuideIndex(ref: GuideRef): Promise<GuideIndex> {
  const key = guideKey(ref)
  let pending = cache.get(key)
  if (pending) return pending
  const source = guideSource(ref)
  if (source) {
    SHIPPED.add(key)
    // Validated and parsed (defaults filled) by the build: see parseGuideData in vite.config.ts.
    pending = source.load().then((mod) => indexGuide(mod.default as Guide))
  } else {
    const lookup = storedGuideLookup()
    pending = (lookup ? lookup(ref) : Promise.resolve(undefined)).then((json) => {
      if (json === undefined) throw new Error(`Unknown guide ${ref.guideId} version ${ref.guideVersion}`)
      return indexGuide(GuideSchema.parse(json))
    })
  }
  // A failed load (chunk missing after an update, a guide not loaded yet) must be retried next time, not served from the cache.
  pending.catch(() => {
    if (cache.get(key) === pending) cache.delete(key)
  })
  cache.set(key, pending)
  return pending
}

/** Whether the app can open assessments made with this guide (shipped, or loaded by a network on this device). */
export async function knowsGuide(ref: GuideRef): Promise<boolean> {
  return loadGuideIndex(ref).then(
    () => true,
    () => false,
  )
}

export async function loadGuide(ref: GuideRef): Promise<Guide> {
  return (await loadGuideIndex(ref)).guide
}

let scale: Promise<MaturityScale> | null = null

export function loadMaturityScale(): Promise<MaturityScale> {
  // Parsed by the build, like the guides.
  scale ??= loadScaleSource().then((mod) => mod.default as unknown as MaturityScale)
  scale.catch(() => (scale = null))
  return scale
}

/** The migrations that carry answers from one version of a guide to a later one (empty when they are equal). */
export async function loadMigrationSteps(
  guideId: string,
  fromVersion: number,
  toVersion: number,
): Promise<GuideMigration[]> {
  if (fromVersion === toVersion) return []
  const versions: Guide[] = []
  for (let v = fromVersion + 1; v <= toVersion; v++) {
    const ref = { guideId, guideVersion: v }
    if (await knowsGuide(ref)) versions.push(await loadGuide(ref))
  }
  return migrationSteps(versions, fromVersion, toVersion)
}

/**
 * The guides a set of references names, loaded before a file is checked, as the synchronous lookup the import
 * validation uses; `carried` are the guides the file itself brings. References the app does not know give null;
 * the import says where they are.
 */
export async function guideCatalog(
  refs: Iterable<GuideRef>,
  carried: ReadonlyArray<Guide> = [],
): Promise<GuideCatalog> {
  const known: { ref: GuideRef; index: GuideIndex }[] = carried.map((guide) => ({
    ref: { guideId: guide.id, guideVersion: guide.version },
    index: indexGuide(guide),
  }))
  for (const ref of refs) {
    if (
      known.some((k) => k.ref.guideId === ref.guideId && k.ref.guideVersion === ref.guideVersion) ||
      !(await knowsGuide(ref))
    )
      continue
    known.push({ ref, index: await loadGuideIndex(ref) })
  }
  return (ref) =>
    known.find((k) => k.ref.guideId === ref.guideId && k.ref.guideVersion === ref.guideVersion)?.index ?? null
}
