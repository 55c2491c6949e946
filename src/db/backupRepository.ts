import type { Action } from '@/domain/actions'
import type { Answer } from '@/domain/answer'
import type { Assessment } from '@/domain/assessment'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile, type BackupOrganisation } from '@/domain/backup/format'
import { copyOrganisation, lastModified, type ImportChoice } from '@/domain/backup/plan'
import type { CustomIndicator, IndicatorRecord } from '@/domain/indicators'
import type { Objective } from '@/domain/objectives'
import type { Organisation } from '@/domain/organisation'
import type { Discussion, Participant, RatingRecord } from '@/domain/workshop'
import type { PracticeSheet } from '@/domain/practiceSheet'
import { guideKey } from '@/domain/guide/current'
import type { Guide } from '@/domain/guide/schema'
import { guideSource } from '@/domain/guide/sources'
import { sameGuide } from '@/domain/guide/networkGuide'
import Dexie from 'dexie'
import {
  database,
  newId,
  nowIso,
  type AnswerSet,
  type CapEssDatabase,
  type IndicatorSet,
  type ItemSet,
  type ObjectiveSet,
} from './database'
import { setOf, without } from './itemSets'

const ALL_TABLES = (db: CapEssDatabase) => [
  db.organisations,
  db.assessments,
  db.answerSets,
  db.indicatorSets,
  db.objectiveSets,
  db.actions,
  db.customIndicators,
  db.participants,
  db.ratings,
  db.discussions,
  db.practiceSheets,
  db.guides,
  db.catalogue,
  db.summaries,
]

/** One organisation's records, or every organisation's, except their answers, indicator values and objectives. */
interface Rows {
  organisations: Organisation[]
  assessments: Assessment[]
  actions: Action[]
  customIndicators: CustomIndicator[]
  participants: Participant[]
  ratings: RatingRecord[]
  discussions: Discussion[]
  practiceSheets: PracticeSheet[]
}

/** Each assessment's answers, indicator values and objectives, as the file nests them. */
interface Sets {
  answers: Map<string, AnswerSet['items']>
  values: Map<string, IndicatorSet['items']>
  objectives: Map<string, ObjectiveSet['items']>
}

/** Every row of the small tables, each read whole (one getAll per table): many times faster than a query per organisation. */
async function readAll(db: CapEssDatabase, transaction: IDBTransaction | undefined): Promise<Rows> {
  const [organisations, assessments, actions, customIndicators, participants, ratings, discussions, practiceSheets] =
    await Promise.all([
      getAll<Organisation>(db.organisations, transaction),
      getAll<Assessment>(db.assessments, transaction),
      getAll<Action>(db.actions, transaction),
      getAll<CustomIndicator>(db.customIndicators, transaction),
      getAll<Participant>(db.participants, transaction),
      getAll<RatingRecord>(db.ratings, transaction),
      getAll<Discussion>(db.discussions, transaction),
      getAll<PracticeSheet>(db.practiceSheets, transaction),
    ])
  return { organisations, assessments, actions, customIndicators, participants, ratings, discussions, practiceSheets }
}

/**
 * A whole table read by IndexedDB's own getAll in the given transaction (Dexie's own): Dexie's toArray of 156 000
 * answers spent more time in its own code than IndexedDB took to read them (see docs/performance.md). Without one
 * (a read outside readBackup's transaction), Dexie's read.
 */
function getAll<T>(
  table: { name: string; toArray(): Promise<T[]> },
  transaction: IDBTransaction | undefined,
): Promise<T[]> {
  if (!transaction) return table.toArray()
  return request<T[]>(transaction.objectStore(table.name).getAll())
}

function request<T>(request: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T)
    request.onerror = () => reject(request.error)
  })
}

/** The records of these keys, absent ones left out, with IndexedDB's own get when in a transaction (as getAll). */
function getMany<T>(
  table: { name: string; bulkGet(keys: string[]): Promise<(T | undefined)[]> },
  transaction: IDBTransaction | undefined,
  keys: string[],
): Promise<T[]> {
  const found = transaction
    ? Promise.all(keys.map((key) => request<T | undefined>(transaction.objectStore(table.name).get(key))))
    : table.bulkGet(keys)
  return found.then((records) => records.filter((record) => record !== undefined))
}

async function readSets(
  db: CapEssDatabase,
  transaction: IDBTransaction | undefined,
  assessmentIds: string[],
): Promise<Sets> {
  const items = <T>(sets: ItemSet<T>[]) => new Map(sets.map((set) => [set.assessmentId, set.items]))
  const [answers, values, objectives] = await Promise.all([
    getMany<AnswerSet>(db.answerSets, transaction, assessmentIds),
    getMany<IndicatorSet>(db.indicatorSets, transaction, assessmentIds),
    getMany<ObjectiveSet>(db.objectiveSets, transaction, assessmentIds),
  ])
  return { answers: items(answers), values: items(values), objectives: items(objectives) }
}

async function readOne(db: CapEssDatabase, id: string): Promise<Rows> {
  const org = await db.organisations.get(id)
  if (!org)
    return {
      organisations: [],
      assessments: [],
      actions: [],
      customIndicators: [],
      participants: [],
      ratings: [],
      discussions: [],
      practiceSheets: [],
    }
  const assessments = await db.assessments.where('organisationId').equals(id).toArray()
  const ids = assessments.map((a) => a.id)
  const [actions, customIndicators, participants, ratings, discussions, practiceSheets] = await Promise.all([
    db.actions.where('organisationId').equals(id).toArray(),
    db.customIndicators.where('organisationId').equals(id).toArray(),
    db.participants.where('assessmentId').anyOf(ids).toArray(),
    db.ratings.where('assessmentId').anyOf(ids).toArray(),
    db.discussions.where('assessmentId').anyOf(ids).toArray(),
    db.practiceSheets.where('organisationId').equals(id).toArray(),
  ])
  return {
    organisations: [org],
    assessments,
    actions,
    customIndicators,
    participants,
    ratings,
    discussions,
    practiceSheets,
  }
}

/** Rows grouped by the record they belong to, their owner's key dropped (the file nests them under it). */
function groupBy<T extends object, K extends keyof T>(rows: T[], key: K): Map<T[K], Omit<T, K>[]> {
  const groups = new Map<T[K], Omit<T, K>[]>()
  for (const row of rows) {
    const list = groups.get(row[key])
    if (list) list.push(without(row, key))
    else groups.set(row[key], [without(row, key)])
  }
  return groups
}

/** Makes each organisation of `rows` as the backup file nests it, once its assessments' sets are read. */
function nester(rows: Rows) {
  const participants = groupBy(rows.participants, 'assessmentId')
  const ratings = groupBy(rows.ratings, 'assessmentId')
  const discussions = groupBy(rows.discussions, 'assessmentId')
  const assessments = groupBy(rows.assessments, 'organisationId')
  const actions = groupBy(rows.actions, 'organisationId')
  const customIndicators = groupBy(rows.customIndicators, 'organisationId')
  const sheets = groupBy(rows.practiceSheets, 'organisationId')
  for (const own of assessments.values()) own.sort((a, b) => a.year - b.year)
  return {
    /** The organisation's assessments' ids, years in order. */
    assessmentIds: (org: Organisation) => (assessments.get(org.id) ?? []).map((a) => a.id),
    nest(org: Organisation, sets: Sets): BackupOrganisation {
      const orgSheets = sheets.get(org.id) ?? []
      return {
        ...org,
        assessments: (assessments.get(org.id) ?? []).map((a) => {
          const workshop = {
            participants: participants.get(a.id) ?? [],
            ratings: ratings.get(a.id) ?? [],
            discussions: discussions.get(a.id) ?? [],
          }
          const hasWorkshop = workshop.participants.length + workshop.ratings.length + workshop.discussions.length > 0
          return {
            ...a,
            answers: sets.answers.get(a.id) ?? [],
            indicatorValues: sets.values.get(a.id) ?? [],
            objectives: sets.objectives.get(a.id) ?? [],
            // Only when there was a workshop: other files stay readable by the versions before it.
            ...(hasWorkshop ? { workshop } : {}),
          }
        }),
        actions: actions.get(org.id) ?? [],
        customIndicators: customIndicators.get(org.id) ?? [],
        ...(orgSheets.length ? { practiceSheets: orgSheets } : {}),
      }
    },
  }
}

/** Organisations whose answers, indicator values and objectives are read together (one round of requests). */
const ORGANISATIONS_PER_READ = 10

/** A backup file without its organisations (they are handed over one by one: `readBackup`). */
export type BackupHead = Omit<BackupFile, 'organisations'>

/**
 * Everything, or one organisation, in one read transaction: the head of the backup file is returned and each
 * organisation is handed to `onOrganisation` as soon as its records are read, so that the caller turns it into text
 * while IndexedDB reads the next ones (a 200-organisation portfolio is 72 MB). Not validated again on the way out: a
 * record an older version stored and today's rules refuse (the import is stricter) must never keep the user from
 * taking a backup; the import will say where it is.
 */
export async function readBackup(
  appVersion: string,
  organisationId: string | null,
  onOrganisation: (organisation: BackupOrganisation) => void,
  db = database(),
): Promise<BackupHead> {
  return db.transaction('r', ALL_TABLES(db), async () => {
    // IndexedDB's transaction under Dexie's, taken now: it stays open while a request of it is pending.
    const transaction = Dexie.currentTransaction?.idbtrans
    const rows = organisationId ? await readOne(db, organisationId) : await readAll(db, transaction)
    // The network guides these organisations used travel with them (the shipped ones are in every copy of the app).
    const used = new Set([...rows.assessments, ...rows.practiceSheets].map(guideKey))
    // A full backup keeps every guide loaded here, used or not, and what the network gathered.
    const [storedGuides, catalogue, summaries] = await Promise.all([
      db.guides.toArray(),
      organisationId ? [] : db.catalogue.toArray(),
      organisationId ? [] : db.summaries.toArray(),
    ])
    const guides = storedGuides
      .filter((g) => !organisationId || used.has(guideKey({ guideId: g.id, guideVersion: g.version })))
      .map((g) => g.guide)
    const { assessmentIds, nest } = nester(rows)
    const chunks: Organisation[][] = []
    for (let i = 0; i < rows.organisations.length; i += ORGANISATIONS_PER_READ)
      chunks.push(rows.organisations.slice(i, i + ORGANISATIONS_PER_READ))
    const readChunk = (chunk: Organisation[] | undefined) =>
      chunk ? readSets(db, transaction, chunk.flatMap(assessmentIds)) : null
    // The next organisations' records are asked for before these are handed over: IndexedDB reads while the page works.
    let next = readChunk(chunks[0])
    for (const [i, chunk] of chunks.entries()) {
      const sets = (await next)!
      next = readChunk(chunks[i + 1])
      // Should onOrganisation throw, the transaction aborts and this read fails unawaited: it is the same failure.
      next?.catch(() => {})
      for (const org of chunk) onOrganisation(nest(org, sets))
    }
    return {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      exportedAt: nowIso(),
      appVersion,
      scope: organisationId ? 'organisation' : 'all',
      ...(guides.length ? { guides } : {}),
      ...(catalogue.length + summaries.length ? { network: { catalogue, summaries } } : {}),
    }
  })
}

/** Everything, or one organisation, as a backup file (`readBackup`, its organisations gathered). */
export async function exportBackup(
  appVersion: string,
  organisationId: string | null = null,
  db = database(),
): Promise<BackupFile> {
  const organisations: BackupOrganisation[] = []
  const head = await readBackup(appVersion, organisationId, (organisation) => organisations.push(organisation), db)
  return { ...head, organisations }
}

async function readOrganisation(db: CapEssDatabase, id: string): Promise<BackupOrganisation | null> {
  const rows = await readOne(db, id)
  const org = rows.organisations[0]
  if (!org) return null
  const { assessmentIds, nest } = nester(rows)
  return nest(org, await readSets(db, undefined, assessmentIds(org)))
}

/**
 * Name and latest change of the given organisations that exist on this device, for the import preview: only the
 * file's organisations are read, not the whole database.
 */
export async function storedOrganisations(
  ids: string[],
  db = database(),
): Promise<Map<string, { name: string; modified: string }>> {
  // One read transaction, and the organisations' records only for those here: a first import of 200 organisations
  // made 200 transactions to find none.
  return db.transaction('r', ALL_TABLES(db), async () => {
    const result = new Map<string, { name: string; modified: string }>()
    const present = (await db.organisations.bulkGet(ids)).filter((org) => org !== undefined)
    for (const { id } of present) {
      const full = await readOrganisation(db, id)
      if (full) result.set(id, { name: full.name, modified: lastModified(full) })
    }
    return result
  })
}

async function deleteOrganisation(db: CapEssDatabase, id: string) {
  const ids = (await db.assessments.where('organisationId').equals(id).primaryKeys()).map(String)
  await db.answerSets.bulkDelete(ids)
  await db.indicatorSets.bulkDelete(ids)
  await db.objectiveSets.bulkDelete(ids)
  await db.participants.where('assessmentId').anyOf(ids).delete()
  await db.ratings.where('assessmentId').anyOf(ids).delete()
  await db.discussions.where('assessmentId').anyOf(ids).delete()
  await db.assessments.where('organisationId').equals(id).delete()
  await db.actions.where('organisationId').equals(id).delete()
  await db.customIndicators.where('organisationId').equals(id).delete()
  await db.practiceSheets.where('organisationId').equals(id).delete()
  await db.organisations.delete(id)
}

/** The rows of each table for a list of organisations already validated as a backup file (`BackupFileSchema`). */
function rowsOf(organisations: ReadonlyArray<BackupOrganisation>) {
  const rows = {
    organisations: [] as Organisation[],
    assessments: [] as Assessment[],
    answerSets: [] as AnswerSet[],
    indicatorSets: [] as IndicatorSet[],
    objectiveSets: [] as ObjectiveSet[],
    actions: [] as Action[],
    customIndicators: [] as CustomIndicator[],
    participants: [] as Participant[],
    ratings: [] as RatingRecord[],
    discussions: [] as Discussion[],
    practiceSheets: [] as PracticeSheet[],
  }
  for (const org of organisations) {
    const { assessments, actions, customIndicators, practiceSheets, ...fields } = org
    rows.organisations.push(fields)
    for (const { answers, indicatorValues, objectives, workshop, ...assessment } of assessments) {
      rows.assessments.push({ ...assessment, organisationId: org.id })
      // The file's lists are stored as they are, one record each (ItemSet).
      const answerSet = setOf<Answer>(assessment.id, answers)
      const indicatorSet = setOf<IndicatorRecord>(assessment.id, indicatorValues)
      const objectiveSet = setOf<Objective>(assessment.id, objectives)
      if (answerSet) rows.answerSets.push(answerSet)
      if (indicatorSet) rows.indicatorSets.push(indicatorSet)
      if (objectiveSet) rows.objectiveSets.push(objectiveSet)
      for (const x of workshop?.participants ?? []) rows.participants.push({ ...x, assessmentId: assessment.id })
      for (const x of workshop?.ratings ?? []) rows.ratings.push({ ...x, assessmentId: assessment.id })
      for (const x of workshop?.discussions ?? []) rows.discussions.push({ ...x, assessmentId: assessment.id })
    }
    for (const x of actions) rows.actions.push({ ...x, organisationId: org.id })
    for (const x of customIndicators) rows.customIndicators.push({ ...x, organisationId: org.id })
    for (const x of practiceSheets ?? []) rows.practiceSheets.push({ ...x, organisationId: org.id })
  }
  return rows
}

export interface ImportOutcome {
  added: number
  replaced: number
  copied: number
  kept: number
}

/**
 * Writes a validated file in one transaction: all of it or, if anything fails (an id already used elsewhere,
 * storage full), nothing. `choices` says what to do with organisations that already exist here.
 */
export async function importBackup(
  file: BackupFile,
  choices: ReadonlyMap<string, ImportChoice>,
  copySuffix: string,
  db = database(),
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { added: 0, replaced: 0, copied: 0, kept: 0 }
  await db.transaction('rw', ALL_TABLES(db), async () => {
    // The file was validated whole by parseBackup; rows are written with one bulkAdd per table (a 200-organisation
    // portfolio is about 12 000 records), after the organisations being replaced are removed.
    const existing = new Set(
      (await db.organisations.bulkGet(file.organisations.map((o) => o.id)))
        .filter((o) => o !== undefined)
        .map((o) => o.id),
    )
    const toWrite: BackupOrganisation[] = []
    for (const org of file.organisations) {
      const choice = existing.has(org.id) ? (choices.get(org.id) ?? 'keep-mine') : null
      if (choice === 'keep-mine') outcome.kept++
      else if (choice === 'take-file') {
        await deleteOrganisation(db, org.id)
        toWrite.push(org)
        outcome.replaced++
      } else if (choice === 'copy') {
        toWrite.push(copyOrganisation(org, newId, copySuffix))
        outcome.copied++
      } else {
        toWrite.push(org)
        outcome.added++
      }
    }
    const rows = rowsOf(toWrite)
    await db.organisations.bulkAdd(rows.organisations)
    await db.assessments.bulkAdd(rows.assessments)
    await db.answerSets.bulkAdd(rows.answerSets)
    await db.indicatorSets.bulkAdd(rows.indicatorSets)
    await db.objectiveSets.bulkAdd(rows.objectiveSets)
    await db.actions.bulkAdd(rows.actions)
    await db.customIndicators.bulkAdd(rows.customIndicators)
    await db.participants.bulkAdd(rows.participants)
    await db.ratings.bulkAdd(rows.ratings)
    await db.discussions.bulkAdd(rows.discussions)
    await db.practiceSheets.bulkAdd(rows.practiceSheets)
    // The check refused a file whose guide differs from one stored under the same id and version: a put keeps one.
    await storeGuides(db, file.guides ?? [])
    if (file.network) {
      // Gathered files merge as when they were imported: a sheet in its latest version, a summary once.
      const known = new Map(
        (await db.catalogue.bulkGet(file.network.catalogue.map((s) => s.id))).flatMap((s) =>
          s ? [[s.id, s] as const] : [],
        ),
      )
      await db.catalogue.bulkPut(
        file.network.catalogue.filter((s) => !known.has(s.id) || s.updatedAt > known.get(s.id)!.updatedAt),
      )
      await db.summaries.bulkPut(file.network.summaries)
    }
  })
  return outcome
}

/** Network guides a file brings, stored unless the app ships them (same id and version: the same guide, checked). */
async function storeGuides(db: CapEssDatabase, guides: ReadonlyArray<Guide>) {
  const loadedAt = nowIso()
  for (const guide of guides) {
    if (guideSource({ guideId: guide.id, guideVersion: guide.version })) continue
    const existing = await db.guides.get([guide.id, guide.version])
    // Checked before the import; another tab may have loaded a different guide since: then nothing is written.
    if (existing && !sameGuide(existing.guide, guide))
      throw new Error(`Guide ${guide.id} v${guide.version} differs from the one stored`)
    if (existing) continue
    await db.guides.put({ id: guide.id, version: guide.version, guide, loadedAt })
  }
}
