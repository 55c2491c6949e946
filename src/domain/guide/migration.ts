import type { GuideMigration } from './schema.ts'

export interface MigratedIds {
  /** old question id → id in the target version (unchanged ids map to themselves). */
  mapping: Map<string, string>
  /** Questions of the old version that no longer exist: their answers are dropped, with a notice. */
  dropped: string[]
  /** Questions carried over under a new id: [old, new]. */
  renamed: [string, string][]
  /** Questions (target ids) no longer scored on the way: their answers keep the note and evidence, not the level. */
  notesOnly: Set<string>
}

/**
 * Applies the migrations of each version in turn to a set of question ids, from the version they were answered
 * with to the target. `steps` are the `migration` blocks of every version after the source, in order.
 */
export function migrateQuestionIds(ids: Iterable<string>, steps: ReadonlyArray<GuideMigration>): MigratedIds {
  const mapping = new Map<string, string>()
  const dropped: string[] = []
  const renamed: [string, string][] = []
  const notesOnly = new Set<string>()
  for (const original of ids) {
    let current: string | null = original
    let unscored = false
    for (const step of steps) {
      if (current === null) break
      if (step.removed.includes(current)) current = null
      else current = step.renamed[current] ?? current
      if (current !== null && step.notesOnly.includes(current)) unscored = true
    }
    if (current === null) dropped.push(original)
    else {
      mapping.set(original, current)
      if (current !== original) renamed.push([original, current])
      if (unscored) notesOnly.add(current)
    }
  }
  return { mapping, dropped, renamed, notesOnly }
}

/**
 * The migration blocks to apply to go from version `from` to version `to`, following each version's
 * `migration.fromVersion` back from the target. Throws when the chain does not reach `from`.
 */
export function migrationSteps(
  versions: ReadonlyArray<{ version: number; migration?: GuideMigration }>,
  from: number,
  to: number,
): GuideMigration[] {
  const byVersion = new Map(versions.map((v) => [v.version, v]))
  const steps: GuideMigration[] = []
  let current = to
  while (current !== from) {
    const step = byVersion.get(current)?.migration
    if (!step || step.fromVersion >= current) throw new Error(`No migration path from guide version ${from} to ${to}`)
    steps.unshift(step)
    current = step.fromVersion
  }
  return steps
}
