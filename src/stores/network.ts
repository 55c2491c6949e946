import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { readExercise } from '@/db/exerciseRepository'
import { guideUse, listStoredGuides, removeGuide, storeGuide, type StoreGuideResult } from '@/db/guideRepository'
import {
  importCatalogueSheets,
  importSummaries,
  clearSummaries,
  listCatalogue,
  listSummaries,
  removeCatalogueSheets,
} from '@/db/networkRepository'
import type { StoredSummary } from '@/db/database'
import type { ImportProblem } from '@/domain/backup/problems'
import type { CatalogueSheet } from '@/domain/catalogue'
// Static: the backup's format names these file modules, so they sit in the shared chunk anyway.
import { parseSheetsFile } from '@/domain/files/practiceSheets'
import { buildSummary, parseSummaryFile, summaryFile, summaryId, type SummaryOptIn } from '@/domain/files/summary'
import { checkNetworkGuide, type StoredGuide } from '@/domain/guide/networkGuide'
import { forgetStoredGuides, loadGuideIndex } from '@/domain/guide/registry'
import { APP_VERSION } from './backup'

/** One file's outcome in a multi-file import: what it added, or why it was refused (nothing of it kept). */
export type FileOutcome =
  | { file: string; ok: true; added: number; again: number; updated?: number }
  | { file: string; ok: false; problems: (ImportProblem | string)[] }

/**
 * What a network does with the files organisations send: the sheet catalogue, the regional picture's summaries, and
 * its own guides. Each file is checked whole and written in one transaction, or refused with located messages.
 */
export const useNetworkStore = defineStore('network', () => {
  const catalogue = shallowRef<CatalogueSheet[]>([])
  const summaries = shallowRef<StoredSummary[]>([])
  const guides = shallowRef<StoredGuide[]>([])
  const guidesInUse = shallowRef(new Map<string, number>())
  const loaded = ref({ catalogue: false, summaries: false, guides: false })

  async function loadCatalogue() {
    catalogue.value = await listCatalogue()
    loaded.value = { ...loaded.value, catalogue: true }
  }
  async function loadSummaries() {
    summaries.value = await listSummaries()
    loaded.value = { ...loaded.value, summaries: true }
  }
  async function loadGuides() {
    const [list, use] = await Promise.all([listStoredGuides(), guideUse()])
    guides.value = list.sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version)
    guidesInUse.value = use
    loaded.value = { ...loaded.value, guides: true }
  }

  /**
   * Each file on its own: checked whole, then written in one transaction, or refused. A file that cannot be read or
   * written (storage full) is refused with that reason; the others keep their outcome.
   */
  async function eachFile(
    files: ReadonlyArray<File>,
    take: (file: File, text: string) => Promise<FileOutcome>,
  ): Promise<FileOutcome[]> {
    const outcomes: FileOutcome[] = []
    for (const file of files) {
      try {
        outcomes.push(await take(file, await file.text()))
      } catch (error) {
        console.error('Import failed', file.name, error)
        outcomes.push({
          file: file.name,
          ok: false,
          problems: [{ path: '', key: 'files.problem.notWritten', params: {} }],
        })
      }
    }
    return outcomes
  }

  async function importSheetFiles(files: ReadonlyArray<File>): Promise<FileOutcome[]> {
    const outcomes = await eachFile(files, async (file, text) => {
      const parsed = parseSheetsFile(text)
      if (!parsed.ok) return { file: file.name, ok: false, problems: parsed.problems }
      const counts = await importCatalogueSheets(parsed.file.sheets)
      return { file: file.name, ok: true, added: counts.added, again: counts.unchanged, updated: counts.updated }
    })
    await loadCatalogue()
    return outcomes
  }

  async function removeSheets(ids: string[]) {
    await removeCatalogueSheets(ids)
    await loadCatalogue()
  }

  async function importSummaryFiles(files: ReadonlyArray<File>): Promise<FileOutcome[]> {
    const outcomes = await eachFile(files, async (file, text) => {
      const parsed = parseSummaryFile(text)
      if (!parsed.ok) return { file: file.name, ok: false, problems: parsed.problems }
      const counts = await importSummaries(parsed.file.summaries)
      return { file: file.name, ok: true, added: counts.added, again: counts.again }
    })
    await loadSummaries()
    return outcomes
  }

  async function clearPicture() {
    await clearSummaries()
    await loadSummaries()
  }

  async function importGuideFiles(files: ReadonlyArray<File>): Promise<FileOutcome[]> {
    const outcomes = await eachFile(files, async (file, text): Promise<FileOutcome> => {
      const checked = checkNetworkGuide(file.name, text)
      if (!checked.ok) return { file: file.name, ok: false, problems: checked.problems }
      const result: StoreGuideResult = await storeGuide(checked.guide)
      if (result === 'conflict') {
        return {
          file: file.name,
          ok: false,
          problems: [
            {
              path: 'version',
              key: 'import.problem.guideConflict',
              params: { value: `${checked.guide.id} v${checked.guide.version}` },
            },
          ],
        }
      }
      return { file: file.name, ok: true, added: result === 'added' ? 1 : 0, again: result === 'same' ? 1 : 0 }
    })
    await loadGuides()
    return outcomes
  }

  async function removeNetworkGuide(guide: StoredGuide): Promise<boolean> {
    const removed = await removeGuide({ guideId: guide.id, guideVersion: guide.version })
    forgetStoredGuides()
    await loadGuides()
    return removed
  }

  /** What a summary of this exercise holds (and the exercise and organisation it comes from), before it is exported. */
  async function summaryOf(assessmentId: string, optIn: SummaryOptIn) {
    const read = await readExercise(assessmentId)
    if (!read) return null
    const { assessment, organisation, answers } = read.stored
    const guide = await loadGuideIndex(assessment)
    if (assessment.status !== 'completed') return { assessment, organisation, guide, answers, summary: null }
    const summary = buildSummary({
      id: await summaryId(assessment.id, (data) => crypto.subtle.digest('SHA-256', data)),
      assessment,
      organisation,
      answers,
      guide,
      optIn,
    })
    return { assessment, organisation, guide, answers, summary }
  }

  async function summaryFileText(assessmentId: string, optIn: SummaryOptIn): Promise<string | null> {
    const found = await summaryOf(assessmentId, optIn)
    if (!found?.summary) return null
    return JSON.stringify(summaryFile([found.summary], APP_VERSION), null, 2)
  }

  return {
    catalogue,
    summaries,
    guides,
    guidesInUse,
    loaded,
    loadCatalogue,
    loadSummaries,
    loadGuides,
    importSheetFiles,
    removeSheets,
    importSummaryFiles,
    clearPicture,
    importGuideFiles,
    removeNetworkGuide,
    summaryOf,
    summaryFileText,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useNetworkStore, import.meta.hot))
