import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MAX_BYTES,
  BackupEnvelopeSchema,
  BackupOrganisationSchema,
  type BackupFile,
  type BackupOrganisation,
} from './format.ts'
import { migrateBackup } from './migrations.ts'
import { MAX_PROBLEMS, problemsFromZod, type ImportProblem } from './problems.ts'

/** What the app knows of a guide version: its question, theme and indicator ids (null when the version is unknown). */
export type GuideCatalog = (guideId: string, guideVersion: number) => { questionIds: Set<string>; themeIds: Set<string> } | null

export type ParseResult =
  | { ok: true; file: BackupFile; migratedFrom: number | null }
  | { ok: false; problems: ImportProblem[]; truncated: number }

const refused = (key: string, params: Record<string, string | number> = {}) => ({ ok: false as const, problems: [{ path: '', key, params }], truncated: 0 })
const refuse = (key: string, params: Record<string, string | number> = {}): ParseResult => refused(key, params)
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * Reads a backup file: size, JSON, format, version (older ones migrated), then every organisation against the
 * schema and the rules zod cannot express (unique ids, references that resolve, questions the guide knows).
 * Nothing is written here: a file is either entirely valid or refused with located problems.
 */
export async function parseBackup(
  text: string,
  catalog: GuideCatalog,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ParseResult> {
  const read = readBackupJson(text)
  return 'json' in read ? validateBackup(read.json, catalog, onProgress) : read
}

/**
 * The first half of `parseBackup`: the text as JSON, or a refusal. Split out so a caller can look at the JSON
 * (which guide versions it uses) before validating it, without parsing a large file twice.
 */
export function readBackupJson(text: string): { json: unknown } | Extract<ParseResult, { ok: false }> {
  if (text.length > BACKUP_MAX_BYTES) return refused('import.problem.fileTooLarge', { max: Math.round(BACKUP_MAX_BYTES / 1024 / 1024) })
  try {
    return { json: JSON.parse(text) }
  } catch {
    return refused('import.problem.notJson')
  }
}

/** The second half of `parseBackup`: format, version, schema and integrity of parsed JSON. */
export async function validateBackup(
  json: unknown,
  catalog: GuideCatalog,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ParseResult> {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as Record<string, unknown>).format !== BACKUP_FORMAT) {
    return refuse('import.problem.otherApp')
  }
  const version = (json as Record<string, unknown>).formatVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return refuse('import.problem.badVersion')
  if (version > BACKUP_FORMAT_VERSION) return refuse('import.problem.newerVersion', { version })
  const migrated = version < BACKUP_FORMAT_VERSION ? migrateBackup(json as Record<string, unknown>, version, BACKUP_FORMAT_VERSION) : json
  if (!migrated) return refuse('import.problem.badVersion')

  const envelope = BackupEnvelopeSchema.safeParse(migrated)
  if (!envelope.success) return finish(problemsFromZod(envelope.error.issues, migrated))

  const problems: ImportProblem[] = []
  const organisations: BackupOrganisation[] = []
  const total = envelope.data.organisations.length
  for (const [i, raw] of envelope.data.organisations.entries()) {
    const parsed = BackupOrganisationSchema.safeParse(raw)
    if (parsed.success) organisations.push(parsed.data)
    else problems.push(...problemsFromZod(parsed.error.issues, raw, ['organisations', i]))
    if (problems.length > MAX_PROBLEMS) break
    onProgress(i + 1, total)
    // Large portfolios: let the page repaint its progress bar between organisations.
    if (i % 10 === 9) await yieldToUi()
  }
  if (problems.length === 0) problems.push(...integrityProblems(organisations, catalog))
  if (problems.length > 0) return finish(problems)
  return { ok: true, file: { ...envelope.data, organisations }, migratedFrom: version < BACKUP_FORMAT_VERSION ? version : null }
}

function finish(problems: ImportProblem[]): ParseResult {
  return { ok: false, problems: problems.slice(0, MAX_PROBLEMS), truncated: Math.max(0, problems.length - MAX_PROBLEMS) }
}

function integrityProblems(organisations: BackupOrganisation[], catalog: GuideCatalog): ImportProblem[] {
  const problems: ImportProblem[] = []
  const duplicate = (path: string, value: string) => problems.push({ path, key: 'import.problem.duplicate', params: { value } })
  const orgIds = new Set<string>()
  const assessmentIds = new Set<string>()
  const actionIds = new Set<string>()
  const customIds = new Set<string>()

  organisations.forEach((org, o) => {
    const op = `organisations[${o}]`
    if (orgIds.has(org.id)) duplicate(`${op}.id`, org.id)
    orgIds.add(org.id)
    const ownAssessments = new Set(org.assessments.map((a) => a.id))
    const years = new Set<number>()
    const ownCustom = new Set(org.customIndicators.map((c) => c.id))

    org.customIndicators.forEach((c, i) => {
      if (customIds.has(c.id)) duplicate(`${op}.customIndicators[${i}].id`, c.id)
      customIds.add(c.id)
    })
    org.assessments.forEach((a, i) => {
      const ap = `${op}.assessments[${i}]`
      if (assessmentIds.has(a.id)) duplicate(`${ap}.id`, a.id)
      assessmentIds.add(a.id)
      if (years.has(a.year)) problems.push({ path: `${ap}.year`, key: 'import.problem.duplicateYear', params: { value: a.year } })
      years.add(a.year)
      if (a.previousAssessmentId !== null && !ownAssessments.has(a.previousAssessmentId)) {
        problems.push({ path: `${ap}.previousAssessmentId`, key: 'import.problem.dangling', params: { value: a.previousAssessmentId } })
      }
      const guide = catalog(a.guideId, a.guideVersion)
      if (!guide) {
        problems.push({ path: `${ap}.guideVersion`, key: 'import.problem.unknownGuide', params: { value: `${a.guideId} v${a.guideVersion}` } })
        return
      }
      a.retainedThemeIds.forEach((id, t) => {
        if (!guide.themeIds.has(id)) problems.push({ path: `${ap}.retainedThemeIds[${t}]`, key: 'import.problem.unknownTheme', params: { value: id } })
      })
      const answered = new Set<string>()
      a.answers.forEach((answer, k) => {
        if (answered.has(answer.questionId)) duplicate(`${ap}.answers[${k}].questionId`, answer.questionId)
        answered.add(answer.questionId)
        if (!guide.questionIds.has(answer.questionId)) {
          problems.push({ path: `${ap}.answers[${k}].questionId`, key: 'import.problem.unknownQuestion', params: { value: answer.questionId } })
        }
      })
      const valued = new Set<string>()
      a.indicatorValues.forEach((v, k) => {
        if (valued.has(v.indicatorId)) duplicate(`${ap}.indicatorValues[${k}].indicatorId`, v.indicatorId)
        valued.add(v.indicatorId)
      })
      const targeted = new Set<string>()
      a.objectives.forEach((v, k) => {
        if (targeted.has(v.subjectId)) duplicate(`${ap}.objectives[${k}].subjectId`, v.subjectId)
        targeted.add(v.subjectId)
        if (v.subjectKind === 'question' && !guide.questionIds.has(v.subjectId)) {
          problems.push({ path: `${ap}.objectives[${k}].subjectId`, key: 'import.problem.unknownQuestion', params: { value: v.subjectId } })
        }
      })
    })
    org.actions.forEach((action, i) => {
      const p = `${op}.actions[${i}]`
      if (actionIds.has(action.id)) duplicate(`${p}.id`, action.id)
      actionIds.add(action.id)
      if (action.originAssessmentId !== null && !ownAssessments.has(action.originAssessmentId)) {
        problems.push({ path: `${p}.originAssessmentId`, key: 'import.problem.dangling', params: { value: action.originAssessmentId } })
      }
      if (action.indicatorId?.startsWith('custom.') && !ownCustom.has(action.indicatorId)) {
        problems.push({ path: `${p}.indicatorId`, key: 'import.problem.dangling', params: { value: action.indicatorId } })
      }
    })
  })
  return problems
}
