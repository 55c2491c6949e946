import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ImportSummary } from '@/db/backupRepository'
import { lastBackupAt as readLastBackup, recordBackup } from '@/db/settingsRepository'
import type { BackupFile } from '@/domain/backup/format'
import { BACKUP_MAX_BYTES } from '@/domain/backup/limits'
import type { GuideCatalog } from '@/domain/backup/parse'
import type { ImportChoice, ImportPreviewItem } from '@/domain/backup/plan'
import type { ImportProblem } from '@/domain/backup/problems'
import { useOrganisationsStore } from './organisations'

// The reminder on the first screen only reads a date; export and import code (and zod) load when used.
const backupCode = () =>
  Promise.all([
    import('@/db/backupRepository'),
    import('@/domain/backup/parse'),
    import('@/domain/backup/plan'),
    import('@/db/errors'),
    import('@/domain/guide/guideIndex'),
    import('@/domain/guide/registry'),
  ])

export const APP_VERSION = import.meta.env.PACKAGE_VERSION ?? '0.0.0'

export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'reading'; done: number; total: number }
  | { kind: 'refused'; problems: ImportProblem[]; truncated: number }
  | { kind: 'preview'; items: ImportPreviewItem[]; migratedFrom: number | null }
  | { kind: 'writing' }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'failed'; reason: 'conflict' | 'quota' | 'refused' | 'unknown' }

/** The guide versions a file uses, loaded from this app's guide data; unknown versions give null. */
async function catalogFor(json: unknown): Promise<GuideCatalog> {
  const wanted = new Set<string>()
  const orgs = (json as { organisations?: unknown })?.organisations
  if (Array.isArray(orgs)) {
    for (const org of orgs) {
      const assessments = (org as { assessments?: unknown })?.assessments
      if (!Array.isArray(assessments)) continue
      for (const a of assessments) {
        const { guideId, guideVersion } = (a ?? {}) as { guideId?: unknown; guideVersion?: unknown }
        if (typeof guideId === 'string' && typeof guideVersion === 'number') wanted.add(`${guideId}@${guideVersion}`)
      }
    }
  }
  const [, , , , { indexGuide }, { loadGuide }] = await backupCode()
  const known = new Map<string, { questionIds: Set<string>; themeIds: Set<string> }>()
  for (const key of wanted) {
    const [id, version] = key.split('@')
    try {
      const index = indexGuide(await loadGuide(id, Number(version)))
      known.set(key, { questionIds: new Set(index.questionById.keys()), themeIds: new Set(index.themeById.keys()) })
    } catch {
      // An unknown guide version: parseBackup reports it at the assessment that uses it.
    }
  }
  return (guideId, guideVersion) => known.get(`${guideId}@${guideVersion}`) ?? null
}

/**
 * Backups: export everything or one organisation, import a file (checked entirely before anything is written),
 * and the date of the last backup for the reminder.
 */
export const useBackupStore = defineStore('backup', () => {
  const lastBackup = ref<string | null>(null)
  const isLoaded = ref(false)
  const step = shallowRef<ImportStep>({ kind: 'idle' })
  let pendingFile: BackupFile | null = null

  async function load() {
    lastBackup.value = await readLastBackup()
    isLoaded.value = true
  }

  /** The file's text and a name with the organisation (or « toutes ») and the day; records the backup date. */
  async function exportJson(organisationId: string | null, label: string): Promise<{ fileName: string; text: string }> {
    const [{ exportBackup }] = await backupCode()
    const file = await exportBackup(APP_VERSION, organisationId)
    await recordBackup(file.exportedAt)
    lastBackup.value = file.exportedAt
    const slug = label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-zA-Z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 60)
    return { fileName: `cap-ess-${slug || 'sauvegarde'}-${file.exportedAt.slice(0, 10)}.json`, text: JSON.stringify(file, null, 2) }
  }

  /** Reads and checks a file; ends on « refused » (with located problems) or on a preview of what will change. */
  async function readFile(file: File) {
    pendingFile = null
    // Checked on the File before reading it into memory (readBackupJson checks the text again, for other callers).
    if (file.size > BACKUP_MAX_BYTES) {
      step.value = { kind: 'refused', problems: [{ path: '', key: 'import.problem.fileTooLarge', params: { max: Math.round(BACKUP_MAX_BYTES / 1024 / 1024) } }], truncated: 0 }
      return
    }
    step.value = { kind: 'reading', done: 0, total: 0 }
    const [{ organisationSummaries }, { readBackupJson, validateBackup }, { previewImport }] = await backupCode()
    const read = readBackupJson(await file.text())
    const result =
      'json' in read
        ? await validateBackup(read.json, await catalogFor(read.json), (done, total) => (step.value = { kind: 'reading', done, total }))
        : read
    if (!result.ok) {
      step.value = { kind: 'refused', problems: result.problems, truncated: result.truncated }
      return
    }
    pendingFile = result.file
    step.value = {
      kind: 'preview',
      items: previewImport(result.file, await organisationSummaries(result.file.organisations.map((o) => o.id))),
      migratedFrom: result.migratedFrom,
    }
  }

  /** Writes the previewed file with the user's choices, in one transaction: all of it or nothing. */
  async function confirm(choices: ReadonlyMap<string, ImportChoice>, copySuffix: string) {
    if (!pendingFile) return
    step.value = { kind: 'writing' }
    const [{ importBackup }, , , { writeErrorKind }] = await backupCode()
    try {
      const summary = await importBackup(pendingFile, choices, copySuffix)
      pendingFile = null
      step.value = { kind: 'done', summary }
      await useOrganisationsStore().load()
    } catch (error) {
      console.error('Import failed', error)
      const name = (error as { name?: string })?.name
      const kind = writeErrorKind(error)
      step.value = { kind: 'failed', reason: name === 'ConstraintError' || name === 'BulkError' ? 'conflict' : kind === 'locked' ? 'unknown' : kind }
    }
  }

  function reset() {
    pendingFile = null
    step.value = { kind: 'idle' }
  }

  return { lastBackup, isLoaded, step, load, exportJson, readFile, confirm, reset }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBackupStore, import.meta.hot))
