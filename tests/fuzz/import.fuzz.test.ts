import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { exportBackup, importBackup } from '@/db/backupRepository'
import { CapEssDatabase } from '@/db/database'
import { checkBackupText } from '@/domain/backup/check'
import type { BackupFile } from '@/domain/backup/format'
import type { ImportChoice } from '@/domain/backup/plan'
import { seedOrganisation } from '../fixtures/backupData'

/**
 * Property tests of the import, through the same code as the import page (checkBackupText: the guide catalogue,
 * then the whole file). Thousands of damaged files never crash it and always come back with a message that points
 * at the damaged place; every file that passes is then written three times: once with a write forced to fail at a
 * random table, once against a clashing record, once for real; a failed write leaves the database byte for byte
 * as it was. `npm run fuzz` runs 10 000 files; `npm test` a smaller count.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300)
const NOW = new Date()

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Path = (string | number)[]
let base: Json
let db: CapEssDatabase
const stats = { files: 0, refused: 0, accepted: 0, forcedFailures: 0, clashes: 0, imported: 0 }

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
  console.info(`import fuzz: ${JSON.stringify(stats)}`)
})

/** Every path to a value in the document, so a mutation can reach any depth. */
function paths(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix]
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])))
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]))
  return out
}
function at(root: Json, path: Path): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], root)
}
function setAt(root: Json, path: Path, value: Json | undefined) {
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
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('unknownKey' as const),
    pick: fc.nat(),
    key: fc.string({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('hugeString' as const),
    pick: fc.nat(),
    size: fc.integer({ min: 10_000, max: 300_000 }),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('dangling' as const), pick: fc.nat(), id: fc.uuid() }),
  fc.record({
    kind: fc.constant('indicatorValue' as const),
    pick: fc.nat(),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ minLength: 2001, maxLength: 3000 })),
  }),
  fc.record({ kind: fc.constant('future' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('oldVersion' as const), version: fc.integer({ min: -1, max: 4 }) }),
  // Files that stay valid: a note rewritten, a level changed. They reach the write, where the failures are forced.
  fc.record({
    kind: fc.constant('benign' as const),
    pick: fc.nat(),
    text: fc.string({ maxLength: 200 }),
    level: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({ kind: fc.constant('valid' as const) }),
)
type Mutation = fc.Arbitrary<unknown> extends never ? never : { kind: string; [k: string]: unknown }

/** The damaged file, and where it was damaged (null: the whole file, or nowhere). */
function damage(m: Mutation): { text: string; damaged: Path | null } {
  let doc = structuredClone(base)
  const all = paths(doc)
  const pick = (n: unknown, among: Path[] = all) => among[Number(n) % among.length]
  const where = (test: (path: Path) => boolean) => all.filter(test)
  const json = (damaged: Path | null) => ({ text: JSON.stringify(doc), damaged })
  switch (m.kind) {
    case 'truncate': {
      const text = JSON.stringify(doc)
      return { text: text.slice(0, Math.floor(text.length * Number(m.ratio))), damaged: null }
    }
    case 'replace': {
      const p = pick(m.pick)
      doc = setAt(doc, p, m.value as Json)
      return json(p)
    }
    case 'delete': {
      const p = pick(m.pick)
      if (p.length > 0) doc = setAt(doc, p, undefined)
      return json(p.length > 0 ? p : null)
    }
    case 'unknownKey': {
      const p = pick(
        m.pick,
        where((x) => {
          const v = at(doc, x)
          return v !== null && typeof v === 'object' && !Array.isArray(v)
        }),
      )
      ;(at(doc, p) as Record<string, Json>)[String(m.key)] = 'inattendu'
      return json(p)
    }
    case 'hugeString': {
      const p = pick(
        m.pick,
        where((x) => typeof at(doc, x) === 'string'),
      )
      doc = setAt(doc, p, 'é'.repeat(Number(m.size)))
      return json(p)
    }
    case 'duplicate': {
      const p = pick(
        m.pick,
        where((x) => Array.isArray(at(doc, x)) && (at(doc, x) as Json[]).length > 0),
      )
      const array = at(doc, p) as Json[]
      array.push(structuredClone(array[0]))
      return json(p)
    }
    case 'dangling': {
      const p = pick(
        m.pick,
        where((x) =>
          ['previousAssessmentId', 'originAssessmentId', 'indicatorId', 'questionId', 'subjectId', 'themeId'].includes(
            String(x.at(-1)),
          ),
        ),
      )
      doc = setAt(doc, p, String(m.id))
      return json(p)
    }
    case 'indicatorValue': {
      const p = pick(
        m.pick,
        where((x) => x.at(-1) === 'value' && x.includes('indicatorValues')),
      )
      doc = setAt(doc, p, m.value as Json)
      return json(p)
    }
    case 'future': {
      const p = pick(
        m.pick,
        where(
          (x) =>
            ['updatedAt', 'createdAt', 'doneAt', 'completedAt', 'takenAt'].includes(String(x.at(-1))) &&
            typeof at(doc, x) === 'string',
        ),
      )
      doc = setAt(doc, p, '2099-01-01T00:00:00.000Z')
      return json(p)
    }
    case 'oldVersion':
      ;(doc as Record<string, Json>).formatVersion = Number(m.version)
      return json(null)
    case 'benign': {
      const notes = where((x) => x.at(-1) === 'note' && typeof at(doc, x) === 'string')
      doc = setAt(doc, pick(m.pick, notes), String(m.text))
      const levels = where((x) => x.at(-1) === 'level' && x.includes('answers'))
      doc = setAt(doc, pick(m.pick, levels), Number(m.level))
      return json(null)
    }
    default:
      return json(null)
  }
}

/** The database as it is, every table, for a byte-for-byte comparison. */
async function dump() {
  const out: Record<string, unknown[]> = {}
  for (const table of db.tables) out[table.name] = await table.toArray()
  return JSON.stringify(out)
}

const FILE_LEVEL = new Set([
  'import.problem.notJson',
  'import.problem.otherApp',
  'files.problem.tooLarge',
  'import.problem.newerVersion',
  'import.problem.badVersion',
])
const TABLES = [
  'organisations',
  'assessments',
  'answerSets',
  'indicatorSets',
  'objectiveSets',
  'actions',
  'customIndicators',
] as const

/** `organisations[0].assessments[2]` → ['organisations', 0, 'assessments', 2] */
function segments(path: string): Path {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]))
}

/**
 * A message points at the damage when its path and the damaged one agree on what was damaged: the same field or
 * one inside the other, or, for a change that breaks a reference elsewhere, the same organisation.
 */
function pointsAt(problemPath: string, damaged: Path): boolean {
  const p = segments(problemPath)
  const shared = damaged.findIndex((k, i) => p[i] !== k)
  const common = shared === -1 ? damaged.length : shared
  return common === Math.min(p.length, damaged.length) || common >= Math.min(2, damaged.length)
}

/**
 * Whether one of the file's records (kept under its own id: « copy » gives new ones) has an id this device gives to
 * a record of another organisation, which the import must refuse rather than mix two organisations.
 */
async function idUsedElsewhere(file: BackupFile, choices: ReadonlyMap<string, ImportChoice>): Promise<boolean> {
  for (const organisation of file.organisations) {
    if (choices.get(organisation.id) === 'copy') continue
    const records = [
      ...(await db.assessments.bulkGet(organisation.assessments.map((a) => a.id))),
      ...(await db.actions.bulkGet(organisation.actions.map((a) => a.id))),
      ...(await db.customIndicators.bulkGet(organisation.customIndicators.map((c) => c.id))),
      ...(await db.practiceSheets.bulkGet((organisation.practiceSheets ?? []).map((s) => s.id))),
    ]
    if (records.some((r) => r && r.organisationId !== organisation.id)) return true
  }
  return false
}

async function expectUnchangedAfterFailure(write: () => Promise<unknown>, before: string) {
  await expect(write()).rejects.toBeDefined()
  expect(await dump()).toBe(before)
}

describe('import of damaged files', () => {
  it(`never crashes, always locates the problem, never half-writes, even when the write fails (${RUNS} files)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        mutation,
        fc.constantFrom<ImportChoice>('keep-mine', 'take-file', 'copy'),
        fc.nat(),
        async (m, choice, n) => {
          stats.files++
          const { text, damaged } = damage(m)
          const result = await checkBackupText(text, { now: NOW })
          if (!result.ok) {
            stats.refused++
            expect(result.problems.length).toBeGreaterThan(0)
            for (const problem of result.problems) {
              expect(problem.key).toMatch(/^(import\.problem|validation)\./)
              if (!FILE_LEVEL.has(problem.key))
                expect(problem.path).toMatch(
                  /^(organisations|format|formatVersion|exportedAt|appVersion|scope|\(fichier\))/,
                )
            }
            const located = result.problems.filter((p) => !FILE_LEVEL.has(p.key) && p.path !== '(fichier)')
            if (damaged && located.length > 0)
              expect(
                located.some((p) => pointsAt(p.path, damaged)),
                `${m.kind} at ${damaged.join('.')}: ${located.map((p) => p.path).join(', ')}`,
              ).toBe(true)
            return
          }
          stats.accepted++
          // « Keep both » adds an organisation each time: start again from a small database now and then.
          if ((await db.organisations.count()) > 20) {
            await Promise.all(db.tables.map((t) => t.clear()))
            await seedOrganisation(db, 'Déjà sur l’appareil')
          }
          const file: BackupFile = result.file
          const choices = new Map(file.organisations.map((o) => [o.id, choice]))
          const before = await dump()

          // 1. A write that fails half-way (storage full, say), at any table.
          const table = TABLES[n % TABLES.length]
          const failing = vi
            .spyOn(db[table], 'bulkAdd')
            .mockRejectedValueOnce(new DOMException('forced', 'QuotaExceededError'))
          await expectUnchangedAfterFailure(() => importBackup(file, choices, '(copie)', db), before)
          failing.mockRestore()
          stats.forcedFailures++

          // 2. A clash: one of the file's ids already used by another organisation on this device.
          const victim = file.organisations.find((o) => o.assessments.length > 0)
          if (victim) {
            const clash = {
              ...victim.assessments[0],
              organisationId: 'une-autre-organisation',
              answers: undefined,
              indicatorValues: undefined,
              objectives: undefined,
            }
            delete clash.answers
            delete clash.indicatorValues
            delete clash.objectives
            // The id may be this device's copy of the same organisation: it is put back afterwards.
            const original = await db.assessments.get(clash.id)
            await db.assessments.put(clash)
            const withClash = await dump()
            await expectUnchangedAfterFailure(
              () =>
                importBackup(file, new Map(file.organisations.map((o) => [o.id, 'take-file' as const])), '(copie)', db),
              withClash,
            )
            if (original) await db.assessments.put(original)
            else await db.assessments.delete(clash.id)
            expect(await dump()).toBe(before)
            stats.clashes++
          }

          // 3. For real: written whole. The one refusal allowed is an id this device already gives to another
          // organisation's record (a mutation can make one): then nothing at all is written.
          const clashing = await idUsedElsewhere(file, choices)
          try {
            await importBackup(file, choices, '(copie)', db)
            stats.imported++
          } catch (error) {
            expect(clashing, `a valid file was refused: ${String(error)}`).toBe(true)
            expect(await dump()).toBe(before)
          }
        },
      ),
      { numRuns: RUNS },
    )
    // Every run reaches the write with valid files, forces failures there, and imports valid files for real.
    expect(stats.forcedFailures).toBeGreaterThan(0)
    expect(stats.imported).toBeGreaterThan(0)
    expect(stats.clashes).toBeGreaterThan(0)
    expect(stats.refused).toBeGreaterThan(0)
  }, 900_000)
})
