import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MAX_BYTES,
  BackupEnvelopeSchema,
  BackupNetworkSchema,
  BackupOrganisationSchema,
  type BackupNetwork,
  type BackupFile,
  type BackupOrganisation,
} from './format.ts'
import { ORGANISATIONS_MAX } from './limits.ts'
import { checkEnvelope, latestAllowed, readEnvelope } from '../files/envelope.ts'
import { migrateBackup } from './migrations.ts'
import { MAX_PROBLEMS, problemsFromZod, shortValue, type ImportProblem } from './problems.ts'
import { CURRENT_GUIDE } from '../guide/current.ts'
import type { GuideCatalog, GuideIndex } from '../guide/guideIndex.ts'
import { GuideSchema, type Guide, type IndicatorUnit } from '../guide/schema.ts'
import { guideIntegrityProblems } from '../guide/integrity.ts'
import { reservedId } from '../guide/networkGuide.ts'
import { shipsGuideId } from '../guide/sources.ts'
import { indicatorValueProblem } from '../indicators.ts'
import { targetProblem } from '../objectives.ts'

export type { GuideCatalog }

export interface ParseOptions {
  onProgress?: (done: number, total: number) => void
  /** The moment of the import: no date of the file may be more than a day after it. */
  now?: Date
}

export type ParseResult =
  | { ok: true; file: BackupFile; migratedFrom: number | null }
  | { ok: false; problems: ImportProblem[]; truncated: number }

const refuse = (key: string): ParseResult => ({ ok: false, problems: [{ path: '', key, params: {} }], truncated: 0 })
/** A task boundary without setTimeout's 4 ms clamp (a MessageChannel message), where there is one. */
const yieldToUi = () =>
  new Promise<void>((resolve) => {
    if (typeof MessageChannel === 'undefined') return void setTimeout(resolve, 0)
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })

/**
 * Reads a backup file: size, JSON, format, version (older ones migrated), then every organisation against the
 * schema and the rules zod cannot express (unique ids, references that resolve, questions the guide knows).
 * Nothing is written here: a file is either entirely valid or refused with located problems.
 */
export async function parseBackup(
  text: string,
  catalog: GuideCatalog,
  options: ParseOptions = {},
): Promise<ParseResult> {
  const read = readBackupJson(text)
  return 'json' in read ? validateBackup(read.json, catalog, options) : read
}

/** The guide versions a file's assessments and sheets name (and the current one, which actions refer to), read before validation. */
export function guideRefsOf(json: unknown): { guideId: string; guideVersion: number }[] {
  const refs = [CURRENT_GUIDE]
  const orgs = (json as { organisations?: unknown } | null)?.organisations
  for (const org of Array.isArray(orgs) ? orgs : []) {
    const { assessments, practiceSheets } = (org ?? {}) as { assessments?: unknown; practiceSheets?: unknown }
    for (const a of [
      ...(Array.isArray(assessments) ? assessments : []),
      ...(Array.isArray(practiceSheets) ? practiceSheets : []),
    ]) {
      const { guideId, guideVersion } = (a ?? {}) as { guideId?: unknown; guideVersion?: unknown }
      if (
        typeof guideId === 'string' &&
        typeof guideVersion === 'number' &&
        !refs.some((r) => r.guideId === guideId && r.guideVersion === guideVersion)
      ) {
        refs.push({ guideId, guideVersion })
      }
    }
  }
  return refs
}

/**
 * The first half of `parseBackup`: the text as JSON, or a refusal. Split out so a caller can look at the JSON
 * (which guide versions it uses) before validating it, without parsing a large file twice.
 */
export function readBackupJson(text: string): { json: unknown } | Extract<ParseResult, { ok: false }> {
  const envelope = readEnvelope(text, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_MAX_BYTES)
  return envelope.ok ? { json: envelope.json } : { ...envelope, truncated: 0 }
}

/** The second half of `parseBackup`: format, version, schema and integrity of parsed JSON. */
export async function validateBackup(
  json: unknown,
  catalog: GuideCatalog,
  options: ParseOptions = {},
): Promise<ParseResult> {
  const onProgress = options.onProgress ?? (() => {})
  const checked = checkEnvelope(json, BACKUP_FORMAT, BACKUP_FORMAT_VERSION)
  if (!checked.ok) return { ...checked, truncated: 0 }
  const { version } = checked
  const migrated =
    version < BACKUP_FORMAT_VERSION
      ? migrateBackup(json as Record<string, unknown>, version, BACKUP_FORMAT_VERSION)
      : json
  if (!migrated) return refuse('import.problem.badVersion')

  const envelope = BackupEnvelopeSchema.safeParse(migrated)
  if (!envelope.success) return finish(problemsFromZod(envelope.error.issues, migrated))
  // Said before each organisation is checked: a file of 50 000 would otherwise be read for minutes to no end.
  const count = envelope.data.organisations.length
  if (count > ORGANISATIONS_MAX)
    return {
      ok: false,
      problems: [
        {
          path: 'organisations',
          key: 'import.problem.tooManyOrganisations',
          params: { count, max: ORGANISATIONS_MAX },
        },
      ],
      truncated: 0,
    }

  const problems: ImportProblem[] = []
  const guides: Guide[] = []
  envelope.data.guides?.forEach((raw, i) => {
    const parsed = GuideSchema.safeParse(raw)
    if (!parsed.success) return problems.push(...problemsFromZod(parsed.error.issues, raw, ['guides', i]))
    for (const message of guideIntegrityProblems(parsed.data))
      problems.push({ path: `guides[${i}]`, key: 'import.problem.guide', params: { value: message } })
    if (shipsGuideId(parsed.data.id)) problems.push(reservedId(`guides[${i}].id`, parsed.data.id))
    if (guides.some((g) => g.id === parsed.data.id && g.version === parsed.data.version))
      problems.push({
        path: `guides[${i}].version`,
        key: 'import.problem.duplicate',
        params: { value: `${parsed.data.id} v${parsed.data.version}` },
      })
    guides.push(parsed.data)
  })
  let network: BackupNetwork | undefined
  if (envelope.data.network !== undefined) {
    const parsed = BackupNetworkSchema.safeParse(envelope.data.network)
    if (!parsed.success) problems.push(...problemsFromZod(parsed.error.issues, envelope.data.network, ['network']))
    else {
      network = parsed.data
      const seen = (path: string, ids: string[]) =>
        ids.forEach((id, i) => {
          if (ids.indexOf(id) !== i)
            problems.push({
              path: `network.${path}[${i}].id`,
              key: 'import.problem.duplicate',
              params: { value: shortValue(id) },
            })
        })
      seen(
        'catalogue',
        network.catalogue.map((s) => s.id),
      )
      seen(
        'summaries',
        network.summaries.map((s) => s.id),
      )
    }
  }
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
  if (problems.length === 0)
    problems.push(...integrityProblems(envelope.data.exportedAt, organisations, catalog, options.now ?? new Date()))
  if (problems.length > 0) return finish(problems)
  const { guides: _guides, network: _network, ...rest } = envelope.data
  void _guides
  void _network
  return {
    ok: true,
    file: { ...rest, organisations, ...(guides.length ? { guides } : {}), ...(network ? { network } : {}) },
    migratedFrom: version < BACKUP_FORMAT_VERSION ? version : null,
  }
}

function finish(problems: ImportProblem[]): ParseResult {
  return {
    ok: false,
    problems: problems.slice(0, MAX_PROBLEMS),
    truncated: Math.max(0, problems.length - MAX_PROBLEMS),
  }
}

/**
 * The rules zod cannot express: unique ids and years, references that resolve, and nothing the app could not show
 * (questions, themes and indicators its guide knows, values and targets that fit their unit, no date from the future).
 */
function integrityProblems(
  exportedAt: string,
  organisations: BackupOrganisation[],
  catalog: GuideCatalog,
  now: Date,
): ImportProblem[] {
  const problems: ImportProblem[] = []
  const problem = (path: string, key: string, value: unknown) =>
    problems.push({ path, key, params: { value: shortValue(value) } })
  const duplicate = (path: string, value: string) => problem(path, 'import.problem.duplicate', value)
  const latest = latestAllowed(now)
  const notFuture = (path: string, date: string | null | undefined) => {
    if (date && date > latest) problem(path, 'import.problem.future', date)
  }
  notFuture('exportedAt', exportedAt)
  const current = catalog(CURRENT_GUIDE)
  const orgIds = new Set<string>()
  const assessmentIds = new Set<string>()
  const actionIds = new Set<string>()
  const customIds = new Set<string>()
  const sheetIds = new Set<string>()

  organisations.forEach((org, o) => {
    const op = `organisations[${o}]`
    if (orgIds.has(org.id)) duplicate(`${op}.id`, org.id)
    orgIds.add(org.id)
    notFuture(`${op}.createdAt`, org.createdAt)
    notFuture(`${op}.updatedAt`, org.updatedAt)
    const ownAssessments = new Set(org.assessments.map((a) => a.id))
    const years = new Set<number>()
    const custom = new Map(org.customIndicators.map((c) => [c.id, c]))
    // Org-level records (actions, own indicators) name the current guide's ids, or those of a version the org used.
    const guides = [current, ...org.assessments.map((a) => catalog(a)).filter((g) => g !== null)].filter(
      (g): g is GuideIndex => g !== null,
    )
    const anyGuide = <T>(find: (g: GuideIndex) => T | undefined): T | undefined =>
      guides.map(find).find((x) => x !== undefined)

    org.customIndicators.forEach((c, i) => {
      const cp = `${op}.customIndicators[${i}]`
      if (customIds.has(c.id)) duplicate(`${cp}.id`, c.id)
      customIds.add(c.id)
      if (!anyGuide((g) => g.themeById.get(c.themeId)))
        problem(`${cp}.themeId`, 'import.problem.unknownTheme', c.themeId)
      notFuture(`${cp}.createdAt`, c.createdAt)
    })
    const unitOf = (
      guide: GuideIndex,
      indicatorId: string,
    ): { unit: IndicatorUnit; categories?: string[] } | undefined =>
      guide.indicatorById.get(indicatorId) ?? custom.get(indicatorId)

    org.assessments.forEach((a, i) => {
      const ap = `${op}.assessments[${i}]`
      if (assessmentIds.has(a.id)) duplicate(`${ap}.id`, a.id)
      assessmentIds.add(a.id)
      if (years.has(a.year))
        problems.push({ path: `${ap}.year`, key: 'import.problem.duplicateYear', params: { value: a.year } })
      years.add(a.year)
      if (a.previousAssessmentId !== null && !ownAssessments.has(a.previousAssessmentId))
        problem(`${ap}.previousAssessmentId`, 'import.problem.dangling', a.previousAssessmentId)
      for (const field of ['createdAt', 'updatedAt', 'completedAt'] as const) notFuture(`${ap}.${field}`, a[field])
      notFuture(`${ap}.snapshot.takenAt`, a.snapshot?.takenAt)
      const guide = catalog(a)
      if (!guide) {
        problems.push({
          path: `${ap}.guideVersion`,
          key: 'import.problem.unknownGuide',
          params: { value: `${a.guideId} v${a.guideVersion}` },
        })
        return
      }
      a.retainedThemeIds.forEach((id, t) => {
        if (!guide.themeById.has(id)) problem(`${ap}.retainedThemeIds[${t}]`, 'import.problem.unknownTheme', id)
      })
      a.snapshot?.themes.forEach((theme, t) => {
        const known = guide.themeById.get(theme.themeId)
        if (!known) return problem(`${ap}.snapshot.themes[${t}].themeId`, 'import.problem.unknownTheme', theme.themeId)
        theme.domaines.forEach((d, k) => {
          if (!known.domaines.some((x) => x.id === d.domaineId))
            problem(`${ap}.snapshot.themes[${t}].domaines[${k}].domaineId`, 'import.problem.unknownTheme', d.domaineId)
        })
      })
      const answered = new Set<string>()
      a.answers.forEach((answer, k) => {
        const p = `${ap}.answers[${k}]`
        if (answered.has(answer.questionId)) duplicate(`${p}.questionId`, answer.questionId)
        answered.add(answer.questionId)
        if (!guide.questionById.has(answer.questionId))
          problem(`${p}.questionId`, 'import.problem.unknownQuestion', answer.questionId)
        notFuture(`${p}.updatedAt`, answer.updatedAt)
      })
      const valued = new Set<string>()
      a.indicatorValues.forEach((v, k) => {
        const p = `${ap}.indicatorValues[${k}]`
        if (valued.has(v.indicatorId)) duplicate(`${p}.indicatorId`, v.indicatorId)
        valued.add(v.indicatorId)
        notFuture(`${p}.updatedAt`, v.updatedAt)
        const indicator = unitOf(guide, v.indicatorId)
        if (!indicator) return problem(`${p}.indicatorId`, 'import.problem.unknownIndicator', v.indicatorId)
        const wrong = indicatorValueProblem(indicator.unit, v.value, indicator.categories)
        if (wrong)
          problems.push({
            path: `${p}.value`,
            key: 'import.problem.value',
            params: { value: shortValue(v.value), problem: wrong },
          })
      })
      const targeted = new Set<string>()
      a.objectives.forEach((v, k) => {
        const p = `${ap}.objectives[${k}]`
        if (targeted.has(v.subjectId)) duplicate(`${p}.subjectId`, v.subjectId)
        targeted.add(v.subjectId)
        notFuture(`${p}.updatedAt`, v.updatedAt)
        const kind =
          v.subjectKind === 'question'
            ? guide.questionById.has(v.subjectId)
              ? 'level'
              : undefined
            : unitOf(guide, v.subjectId)?.unit
        if (!kind)
          return problem(
            `${p}.subjectId`,
            v.subjectKind === 'question' ? 'import.problem.unknownQuestion' : 'import.problem.unknownIndicator',
            v.subjectId,
          )
        for (const field of ['oneYear', 'threeYear'] as const) {
          const wrong = targetProblem(kind, v[field])
          if (wrong)
            problems.push({
              path: `${p}.${field}`,
              key: 'import.problem.value',
              params: { value: shortValue(v[field]), problem: wrong },
            })
        }
      })
      if (a.workshop) {
        const wp = `${ap}.workshop`
        const people = new Set<string>()
        a.workshop.participants.forEach((x, k) => {
          if (people.has(x.id)) duplicate(`${wp}.participants[${k}].id`, x.id)
          people.add(x.id)
          notFuture(`${wp}.participants[${k}].createdAt`, x.createdAt)
          notFuture(`${wp}.participants[${k}].updatedAt`, x.updatedAt)
        })
        const rated = new Set<string>()
        a.workshop.ratings.forEach((x, k) => {
          const p = `${wp}.ratings[${k}]`
          const key = JSON.stringify([x.participantId, x.questionId])
          if (rated.has(key)) duplicate(`${p}.questionId`, x.questionId)
          rated.add(key)
          if (!people.has(x.participantId)) problem(`${p}.participantId`, 'import.problem.dangling', x.participantId)
          if (!guide.questionById.has(x.questionId))
            problem(`${p}.questionId`, 'import.problem.unknownQuestion', x.questionId)
          notFuture(`${p}.updatedAt`, x.updatedAt)
        })
        const discussed = new Set<string>()
        a.workshop.discussions.forEach((x, k) => {
          const p = `${wp}.discussions[${k}]`
          if (discussed.has(x.questionId)) duplicate(`${p}.questionId`, x.questionId)
          discussed.add(x.questionId)
          if (!guide.questionById.has(x.questionId))
            problem(`${p}.questionId`, 'import.problem.unknownQuestion', x.questionId)
          notFuture(`${p}.updatedAt`, x.updatedAt)
        })
      }
    })

    org.practiceSheets?.forEach((sheet, i) => {
      const p = `${op}.practiceSheets[${i}]`
      if (sheetIds.has(sheet.id)) duplicate(`${p}.id`, sheet.id)
      sheetIds.add(sheet.id)
      for (const field of ['createdAt', 'updatedAt'] as const) notFuture(`${p}.${field}`, sheet[field])
      const guide = catalog(sheet)
      if (!guide)
        return problems.push({
          path: `${p}.guideVersion`,
          key: 'import.problem.unknownGuide',
          params: { value: `${sheet.guideId} v${sheet.guideVersion}` },
        })
      if (sheet.themeId !== null && !guide.themeById.has(sheet.themeId))
        problem(`${p}.themeId`, 'import.problem.unknownTheme', sheet.themeId)
      sheet.questionIds.forEach((id, q) => {
        if (!guide.questionById.has(id)) problem(`${p}.questionIds[${q}]`, 'import.problem.unknownQuestion', id)
      })
    })

    org.actions.forEach((action, i) => {
      const p = `${op}.actions[${i}]`
      if (actionIds.has(action.id)) duplicate(`${p}.id`, action.id)
      actionIds.add(action.id)
      for (const field of ['createdAt', 'updatedAt', 'doneAt'] as const) notFuture(`${p}.${field}`, action[field])
      if (action.originAssessmentId !== null && !ownAssessments.has(action.originAssessmentId))
        problem(`${p}.originAssessmentId`, 'import.problem.dangling', action.originAssessmentId)
      // As the form allows: a question or an indicator only within the action's theme.
      if (action.themeId !== null && !anyGuide((g) => g.themeById.get(action.themeId!)))
        problem(`${p}.themeId`, 'import.problem.unknownTheme', action.themeId)
      // Any guide version the organisation used may place it in the action's theme (a later one may have moved it).
      if (action.questionId !== null) {
        const themes = guides.flatMap((g) => g.questionById.get(action.questionId!)?.theme.id ?? [])
        if (themes.length === 0) problem(`${p}.questionId`, 'import.problem.unknownQuestion', action.questionId)
        else if (!themes.includes(action.themeId ?? ''))
          problem(`${p}.questionId`, 'import.problem.outsideTheme', action.questionId)
      }
      if (action.indicatorId !== null) {
        const own = custom.get(action.indicatorId)?.themeId
        const themes = own
          ? [own]
          : guides.flatMap((g) =>
              g.guide.themes.filter((t) => t.indicators.some((x) => x.id === action.indicatorId)).map((t) => t.id),
            )
        if (themes.length === 0)
          problem(
            `${p}.indicatorId`,
            action.indicatorId.startsWith('custom.') ? 'import.problem.dangling' : 'import.problem.unknownIndicator',
            action.indicatorId,
          )
        else if (!themes.includes(action.themeId ?? ''))
          problem(`${p}.indicatorId`, 'import.problem.outsideTheme', action.indicatorId)
      }
    })
  })
  return problems
}
