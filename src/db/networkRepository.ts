import { mergeSheets, type CatalogueSheet, type SheetMerge } from '@/domain/catalogue'
import type { SharedSheet } from '@/domain/files/practiceSheets'
import type { Summary } from '@/domain/files/summary'
import { mergeSummaries, type SummaryMerge } from '@/domain/regionalPicture'
import { database, nowIso, type StoredSummary } from './database'

/** What a network gathers from others: the sheet catalogue and the summaries of its regional picture. */

export async function listCatalogue(db = database()): Promise<CatalogueSheet[]> {
  return db.catalogue.toArray()
}

/** Adds the sheets of checked files in one transaction: a sheet already there is kept once, in its latest version. */
export async function importCatalogueSheets(
  sheets: ReadonlyArray<SharedSheet>,
  db = database(),
): Promise<Omit<SheetMerge, 'toStore'>> {
  return db.transaction('rw', db.catalogue, async () => {
    const known = new Map(
      (await db.catalogue.bulkGet(sheets.map((s) => s.id))).flatMap((s) => (s ? [[s.id, s] as const] : [])),
    )
    const { toStore, ...counts } = mergeSheets(known, sheets, nowIso())
    await db.catalogue.bulkPut(toStore)
    return counts
  })
}

export async function removeCatalogueSheets(ids: ReadonlyArray<string>, db = database()): Promise<void> {
  await db.catalogue.bulkDelete([...ids])
}

export async function listSummaries(db = database()): Promise<StoredSummary[]> {
  return db.summaries.toArray()
}

/** Adds checked summaries in one transaction; one imported again replaces itself, never counts twice. */
export async function importSummaries(
  summaries: ReadonlyArray<Summary>,
  db = database(),
): Promise<Omit<SummaryMerge<Summary>, 'toStore'>> {
  return db.transaction('rw', db.summaries, async () => {
    const known = new Set((await db.summaries.bulkGet(summaries.map((s) => s.id))).flatMap((s) => (s ? [s.id] : [])))
    const { toStore, ...counts } = mergeSummaries(known, summaries)
    const importedAt = nowIso()
    await db.summaries.bulkPut(toStore.map((s) => ({ ...s, importedAt })))
    return counts
  })
}

export async function clearSummaries(db = database()): Promise<void> {
  await db.summaries.clear()
}
