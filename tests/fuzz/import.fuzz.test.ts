import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportBackup, importBackup } from '@/db/backupRepository'
import { CapEssDatabase } from '@/db/database'
import { parseBackup } from '@/domain/backup/parse'
import { catalog, seedOrganisation } from '../fixtures/backupData'

/**
 * Property tests of the import: thousands of damaged files never crash it, never write half of a file, and
 * always come back with located messages. `npm run fuzz` runs 10 000 files; `npm test` a smaller count.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300)

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
let base: Json
let db: CapEssDatabase
const stats = { files: 0, refused: 0, imported: 0, importFailed: 0 }
const failures = new Map<string, number>()

beforeAll(async () => {
  const source = new CapEssDatabase(`fuzz-src-${crypto.randomUUID()}`)
  await source.open()
  await seedOrganisation(source)
  await seedOrganisation(source, 'Deuxième')
  base = JSON.parse(JSON.stringify(await exportBackup('0.1.0', null, source))) as Json
  await source.delete()
  db = new CapEssDatabase(`fuzz-dst-${crypto.randomUUID()}`)
  await db.open()
  await seedOrganisation(db, 'Déjà sur l’appareil')
})
afterAll(async () => {
  await db.delete()
  console.info(`import fuzz: ${JSON.stringify(stats)}; refused writes by error: ${JSON.stringify(Object.fromEntries(failures))}`)
})

/** Every path to a value in the document, so a mutation can reach any depth. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix]
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]))
  return out
}
function at(root: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], root)
}
function setAt(root: Json, path: (string | number)[], value: Json | undefined) {
  if (path.length === 0) return value as Json
  const parent = at(root, path.slice(0, -1)) as Record<string | number, Json>
  const key = path.at(-1)!
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1)
    else delete parent[key]
  } else parent[key] = value
  return root
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), ratio: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('unknownKey' as const), pick: fc.nat(), key: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('hugeString' as const), pick: fc.nat(), size: fc.integer({ min: 10_000, max: 200_000 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('dangling' as const), pick: fc.nat(), id: fc.uuid() }),
  fc.record({ kind: fc.constant('oldVersion' as const), version: fc.integer({ min: -1, max: 4 }) }),
  fc.record({ kind: fc.constant('valid' as const) }),
)

function damage(m: fc.Arbitrary<unknown> extends never ? never : { kind: string; [k: string]: unknown }): string {
  let doc = structuredClone(base)
  const all = paths(doc)
  const pick = (n: unknown) => all[Number(n) % all.length]
  switch (m.kind) {
    case 'truncate': {
      const text = JSON.stringify(doc)
      return text.slice(0, Math.floor(text.length * Number(m.ratio)))
    }
    case 'replace':
      doc = setAt(doc, pick(m.pick), m.value as Json)
      break
    case 'delete': {
      const p = pick(m.pick)
      if (p.length > 0) doc = setAt(doc, p, undefined)
      break
    }
    case 'unknownKey': {
      const objects = all.filter((p) => { const v = at(doc, p); return v !== null && typeof v === 'object' && !Array.isArray(v) })
      const target = at(doc, objects[Number(m.pick) % objects.length]) as Record<string, Json>
      target[String(m.key)] = 'inattendu'
      break
    }
    case 'hugeString': {
      const strings = all.filter((p) => typeof at(doc, p) === 'string')
      doc = setAt(doc, strings[Number(m.pick) % strings.length], 'é'.repeat(Number(m.size)))
      break
    }
    case 'duplicate': {
      const arrays = all.filter((p) => Array.isArray(at(doc, p)) && (at(doc, p) as Json[]).length > 0)
      const array = at(doc, arrays[Number(m.pick) % arrays.length]) as Json[]
      array.push(structuredClone(array[0]))
      break
    }
    case 'dangling': {
      const refs = all.filter((p) => ['previousAssessmentId', 'originAssessmentId', 'indicatorId', 'questionId', 'subjectId'].includes(String(p.at(-1))))
      doc = setAt(doc, refs[Number(m.pick) % refs.length], String(m.id))
      break
    }
    case 'oldVersion':
      ;(doc as Record<string, Json>).formatVersion = Number(m.version)
      break
  }
  return JSON.stringify(doc)
}

async function dump() {
  const out: Record<string, unknown[]> = {}
  for (const table of db.tables) out[table.name] = await table.toArray()
  return JSON.stringify(out)
}

const FILE_LEVEL = new Set(['import.problem.notJson', 'import.problem.otherApp', 'import.problem.fileTooLarge', 'import.problem.newerVersion', 'import.problem.badVersion'])

describe('import of damaged files', () => {
  it(`never crashes, never half-writes, always locates the problem (${RUNS} files)`, async () => {
    await fc.assert(
      fc.asyncProperty(mutation, fc.constantFrom<'keep-mine' | 'take-file' | 'copy'>('keep-mine', 'take-file', 'copy'), async (m, choice) => {
        stats.files++
        const text = damage(m)
        const result = await parseBackup(text, catalog)
        if (!result.ok) {
          stats.refused++
          expect(result.problems.length).toBeGreaterThan(0)
          for (const problem of result.problems) {
            expect(problem.key).toMatch(/^(import\.problem|validation)\./)
            if (!FILE_LEVEL.has(problem.key)) expect(problem.path).toMatch(/^(organisations|format|formatVersion|exportedAt|appVersion|scope|\(fichier\))/)
          }
          return
        }
        // « Keep both » adds an organisation each time: start again from a small database now and then, so the
        // before/after comparison stays cheap over 10 000 files.
        if ((await db.organisations.count()) > 20) {
          await Promise.all(db.tables.map((t) => t.clear()))
          await seedOrganisation(db, 'Déjà sur l’appareil')
        }
        const before = await dump()
        try {
          await importBackup(result.file, new Map(result.file.organisations.map((o) => [o.id, choice])), '(copie)', db)
          stats.imported++
        } catch (error) {
          stats.importFailed++
          failures.set((error as Error).name, (failures.get((error as Error).name) ?? 0) + 1)
          expect(await dump()).toBe(before)
        }
      }),
      { numRuns: RUNS },
    )
  }, 600_000)
})
