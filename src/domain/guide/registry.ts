import { migrationSteps } from './migration.ts'
import { GuideSchema, MaturityScaleSchema, type Guide, type GuideMigration, type MaturityScale } from './schema.ts'

// Each guide version is its own lazy chunk: the first screen never pays for the guide's text.
const guideLoaders: Record<string, () => Promise<{ default: unknown }>> = {
  'csess-2016@1': () => import('../../../guide-data/guide.csess-2016.v1.json'),
}

const cache = new Map<string, Promise<Guide>>()

export function loadGuide(guideId: string, guideVersion: number): Promise<Guide> {
  const key = `${guideId}@${guideVersion}`
  const loader = guideLoaders[key]
  if (!loader) return Promise.reject(new Error(`Unknown guide ${key}`))
  let pending = cache.get(key)
  if (!pending) {
    // Also validated at build time; parsing here fills defaults (weights) and guards against a stale cache.
    pending = loader().then((mod) => GuideSchema.parse(mod.default))
    // A failed load (chunk missing after an update) must be retried next time, not served from the cache.
    pending.catch(() => cache.delete(key))
    cache.set(key, pending)
  }
  return pending
}

let scale: Promise<MaturityScale> | null = null

export function loadMaturityScale(): Promise<MaturityScale> {
  scale ??= import('../../../guide-data/maturity-scale.json').then((mod) => MaturityScaleSchema.parse(mod.default))
  scale.catch(() => (scale = null))
  return scale
}

/** The migrations that carry answers from one version of a guide to a later one (empty when they are equal). */
export async function loadMigrationSteps(guideId: string, fromVersion: number, toVersion: number): Promise<GuideMigration[]> {
  if (fromVersion === toVersion) return []
  const versions: Guide[] = []
  for (let v = fromVersion + 1; v <= toVersion; v++) {
    if (guideLoaders[`${guideId}@${v}`]) versions.push(await loadGuide(guideId, v))
  }
  return migrationSteps(versions, fromVersion, toVersion)
}
