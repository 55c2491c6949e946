import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ImportOutcome } from '@/db/backupRepository'
import { lastBackupAt as readLastBackup, recordBackup } from '@/db/settingsRepository'
import type { BackupFile } from '@/domain/backup/format'
import { BACKUP_MAX_BYTES, ORGANISATIONS_MAX } from '@/domain/backup/limits'
import { countOrganisations } from '@/db/organisationRepository'
import type { ImportChoice, ImportPreviewItem } from '@/domain/backup/plan'
import type { ImportProblem } from '@/domain/backup/problems'
import { localDay } from '@/domain/dates'
import { tooLarge } from '@/domain/files/envelope'
import { fileName as name } from '@/domain/fileNames'
import { useOrganisationsStore } from './organisations'

// The reminder on the first screen only reads a date; export and import code (and zod) load when used.
const backupCode = () =>
  Promise.all([
    import('@/db/backupRepository'),
    import('@/domain/backup/check'),
    import('@/domain/backup/plan'),
    import('@/db/errors'),
    import('@/db/writer'),
    import('@/domain/backup/serialise'),
    import('@/report/utf8Blobs'),
  ])

export const APP_VERSION = import.meta.env.PACKAGE_VERSION ?? '0.0.0'

export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'reading'; done: number; total: number }
  | { kind: 'refused'; problems: ImportProblem[]; truncated: number }
  | { kind: 'preview'; items: ImportPreviewItem[]; migratedFrom: number | null }
  | { kind: 'writing' }
  | { kind: 'done'; outcome: ImportOutcome }
  | { kind: 'failed'; reason: 'conflict' | 'quota' | 'refused' | 'unknown' }

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

  /** The data page fetches the code that checks and writes files as it opens: a chosen file is then read at once. */
  function prepare() {
    void backupCode().catch(() => {})
  }

  /**
   * Makes the backup file (everything, or one organisation) and hands it to `download` with a name that says what
   * it holds and the day. The file never waits for a write: with the disk full, when a backup matters most, it is
   * still made; only the date of the last backup may then go unrecorded (`dateRecorded: false`).
   */
  async function exportJson(
    organisationId: string | null,
    label: string,
    download: (fileName: string, parts: BlobPart[]) => void,
  ): Promise<{ fileName: string; dateRecorded: boolean }> {
    const [{ readBackup }, , , , { editWriter }, { backupJsonHead, organisationJson, BACKUP_JSON_END }, { utf8Blobs }] =
      await backupCode()
    // Edits still waiting for their pause, and those a closed tab left in the journal, belong in the file (a failed
    // one stays on screen; the rest is exported).
    await editWriter().replay()
    await editWriter().flush()
    // Each organisation becomes text as soon as it is read, while IndexedDB reads the next ones, and the text bytes.
    const bytes = utf8Blobs()
    let count = 0
    const file = await readBackup(APP_VERSION, organisationId, (organisation) =>
      bytes.add(organisationJson(organisation, count++)),
    )
    const fileName = name(['sauvegarde', { text: label, fallback: 'tout' }, localDay(file.exportedAt)], 'json')
    download(fileName, [backupJsonHead(file), ...bytes.finish(), BACKUP_JSON_END])
    try {
      await recordBackup(file.exportedAt)
      lastBackup.value = file.exportedAt
      return { fileName, dateRecorded: true }
    } catch (error) {
      console.warn('The date of the backup could not be recorded', error)
      return { fileName, dateRecorded: false }
    }
  }

  /** Reads and checks a file; ends on « refused » (with located problems) or on a preview of what will change. */
  async function readFile(file: File) {
    pendingFile = null
    // Checked on the File before reading it into memory (readBackupJson checks the text again, for other callers).
    if (file.size > BACKUP_MAX_BYTES) {
      step.value = { kind: 'refused', ...tooLarge(BACKUP_MAX_BYTES), truncated: 0 }
      return
    }
    step.value = { kind: 'reading', done: 0, total: 0 }
    const [{ storedOrganisations }, { checkBackupText }, { previewImport }] = await backupCode()
    const result = await checkBackupText(await file.text(), {
      onProgress: (done, total) => (step.value = { kind: 'reading', done, total }),
    })
    if (!result.ok) {
      step.value = { kind: 'refused', problems: result.problems, truncated: result.truncated }
      return
    }
    const [stored, kept] = await Promise.all([
      storedOrganisations(result.file.organisations.map((o) => o.id)),
      countOrganisations(),
    ])
    // What the device would keep once the file's new organisations are added (copies are counted at the write).
    const after = kept + result.file.organisations.filter((o) => !stored.has(o.id)).length
    if (after > ORGANISATIONS_MAX) {
      step.value = { kind: 'refused', ...deviceFull(after), truncated: 0 }
      return
    }
    pendingFile = result.file
    step.value = { kind: 'preview', items: previewImport(result.file, stored), migratedFrom: result.migratedFrom }
  }

  const deviceFull = (count: number) => ({
    problems: [{ path: '', key: 'import.problem.deviceFull', params: { count, max: ORGANISATIONS_MAX } }],
  })

  /** Writes the previewed file with the user's choices, in one transaction: all of it or nothing. */
  async function confirm(choices: ReadonlyMap<string, ImportChoice>, copySuffix: string) {
    if (!pendingFile) return
    // Each « keep both » adds one more: the device's limit holds with the choices made.
    const copies = [...choices.values()].filter((choice) => choice === 'copy').length
    const after =
      (await countOrganisations()) + copies + pendingFile.organisations.filter((o) => !choices.has(o.id)).length
    if (after > ORGANISATIONS_MAX) {
      step.value = { kind: 'refused', ...deviceFull(after), truncated: 0 }
      return
    }
    step.value = { kind: 'writing' }
    const [{ importBackup }, , , { writeErrorKind }, { editWriter }] = await backupCode()
    try {
      // Edits waiting for their pause, or left in the journal by a closed tab, are stored first: the file's choices then
      // apply to what the user sees, and no old edit is replayed over the imported records later.
      await editWriter().replay()
      await editWriter().flush()
      const outcome = await importBackup(pendingFile, choices, copySuffix)
      pendingFile = null
      step.value = { kind: 'done', outcome }
      await useOrganisationsStore().load()
    } catch (error) {
      console.error('Import failed', error)
      const name = (error as { name?: string })?.name
      const kind = writeErrorKind(error)
      step.value = {
        kind: 'failed',
        reason:
          name === 'ConstraintError' || name === 'BulkError'
            ? 'conflict'
            : kind === 'quota' || kind === 'refused'
              ? kind
              : 'unknown',
      }
    }
  }

  function reset() {
    pendingFile = null
    step.value = { kind: 'idle' }
  }

  return { lastBackup, isLoaded, step, load, prepare, exportJson, readFile, confirm, reset }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBackupStore, import.meta.hot))
