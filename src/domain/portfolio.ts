import { isOpen, isOverdue, type Action } from './actions.ts'
import { defaultExerciseYear, type Assessment } from './assessment.ts'
import { localDay } from './dates.ts'
import type { LegalForm, Organisation, Region } from './organisation.ts'
import { toPercent } from './scoring.ts'

/**
 * A facilitator's portfolio: one row per client organisation, what stage its current exercise is at, and what needs
 * doing next. Pure functions over records already read, so the home page with 200 organisations stays fast.
 */

/** Where the current exercise stands: not started, in progress, completed, presented at the AG. */
export type ExerciseStage = 'to-start' | 'in-progress' | 'completed' | 'presented'
export const STAGES: ExerciseStage[] = ['to-start', 'in-progress', 'completed', 'presented']

export function stageOf(assessment: Pick<Assessment, 'status' | 'presentedAt'> | undefined): ExerciseStage {
  if (!assessment) return 'to-start'
  if (assessment.status === 'draft') return 'in-progress'
  return assessment.presentedAt ? 'presented' : 'completed'
}

export interface PortfolioRow {
  id: string
  name: string
  legalForm: LegalForm
  region: Region
  tags: string[]
  archived: boolean
  /** The exercise the organisation works on now (see `defaultExerciseYear`), and its assessment if started. */
  year: number
  stage: ExerciseStage
  assessmentId: string | null
  /** The last completed exercise's global score (0–100) and coverage, as frozen at completion. */
  score: { year: number; value: number | null; coverage: number | null } | null
  /** The latest change to the organisation, its assessments or its actions (ISO date-time). */
  lastChange: string
  /** The current exercise's AG date when it is today or later. */
  nextAg: string | null
  openActions: number
  overdueActions: number
}

const percent = (v: number | null) => (v === null ? null : toPercent(v))

export function portfolioRows(
  organisations: ReadonlyArray<Organisation>,
  assessments: ReadonlyArray<Assessment>,
  actions: ReadonlyArray<Action>,
  today: Date,
  /** The latest answer written in each draft (answers do not touch their assessment's date). */
  draftActivity: ReadonlyMap<string, string> = new Map(),
): PortfolioRow[] {
  const year = defaultExerciseYear(today)
  // The calendar day where the user is, as the plan pages count overdue actions.
  const day = localDay(today)
  const byOrg = new Map<string, Assessment[]>()
  for (const a of assessments) byOrg.set(a.organisationId, [...(byOrg.get(a.organisationId) ?? []), a])
  const actionsByOrg = new Map<string, Action[]>()
  for (const a of actions) actionsByOrg.set(a.organisationId, [...(actionsByOrg.get(a.organisationId) ?? []), a])
  return organisations.map((org) => {
    const own = byOrg.get(org.id) ?? []
    // The current exercise, or a later one already started (an AG in June may present the year just begun).
    const current = own.filter((a) => a.year >= year).sort((x, y) => x.year - y.year)[0]
    const completed = own.filter((a) => a.snapshot).sort((x, y) => y.year - x.year)[0]
    const plan = actionsByOrg.get(org.id) ?? []
    let lastChange = org.updatedAt
    for (const stamp of [
      ...own.map((a) => a.updatedAt),
      ...own.map((a) => draftActivity.get(a.id) ?? ''),
      ...plan.map((a) => a.updatedAt),
    ])
      if (stamp > lastChange) lastChange = stamp
    return {
      id: org.id,
      name: org.name,
      legalForm: org.legalForm,
      region: org.region,
      tags: org.tags ?? [],
      archived: !!org.archivedAt,
      year: current?.year ?? year,
      stage: stageOf(current),
      assessmentId: current?.id ?? null,
      score: completed
        ? {
            year: completed.year,
            value: percent(completed.snapshot!.global.score),
            coverage: percent(completed.snapshot!.global.coverage),
          }
        : null,
      lastChange,
      nextAg: current?.presentedAt && current.presentedAt >= day ? current.presentedAt : null,
      openActions: plan.filter(isOpen).length,
      overdueActions: plan.filter((a) => isOverdue(a, day)).length,
    }
  })
}

/** How many days ahead an AG counts as coming. */
export const AG_HORIZON_DAYS = 60

export interface WhatsNext {
  /** AGs within `AG_HORIZON_DAYS` whose exercise is not completed yet, soonest first. */
  agsSoon: PortfolioRow[]
  /** Organisations with overdue actions, most overdue first. */
  overdue: PortfolioRow[]
  /** Organisations with no assessment for the current exercise. */
  notStarted: PortfolioRow[]
}

/** What needs doing, over the organisations not archived. */
export function whatsNext(rows: ReadonlyArray<PortfolioRow>, today: Date): WhatsNext {
  const day = localDay(today)
  const horizon = localDay(new Date(today.getTime() + AG_HORIZON_DAYS * 86_400_000))
  const active = rows.filter((r) => !r.archived)
  return {
    agsSoon: active
      .filter(
        (r) =>
          r.nextAg !== null &&
          r.nextAg >= day &&
          r.nextAg <= horizon &&
          (r.stage === 'to-start' || r.stage === 'in-progress'),
      )
      .sort((a, b) => a.nextAg!.localeCompare(b.nextAg!) || naturalCompare(a.name, b.name)),
    overdue: active
      .filter((r) => r.overdueActions > 0)
      .sort((a, b) => b.overdueActions - a.overdueActions || naturalCompare(a.name, b.name)),
    notStarted: active.filter((r) => r.stage === 'to-start').sort((a, b) => naturalCompare(a.name, b.name)),
  }
}

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' })

/** « Asso 2 » before « Asso 10 », « école » beside « Ecole »: the order people expect, not the order of code points. */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b)
}

export interface PortfolioFilter {
  query: string
  stage: ExerciseStage | ''
  legalForm: LegalForm | ''
  region: Region | ''
  tag: string
  showArchived: boolean
}

export const NO_FILTER: PortfolioFilter = {
  query: '',
  stage: '',
  legalForm: '',
  region: '',
  tag: '',
  showArchived: false,
}

/** Letters without accents or case, so « epinal » finds « Épinal ». */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

export function filterRows(
  rows: ReadonlyArray<PortfolioRow>,
  filter: PortfolioFilter,
  searchText: (row: PortfolioRow) => string = (r) => r.name,
): PortfolioRow[] {
  const words = searchable(filter.query).split(/\s+/).filter(Boolean)
  return rows.filter(
    (r) =>
      (filter.showArchived || !r.archived) &&
      (!filter.stage || r.stage === filter.stage) &&
      (!filter.legalForm || r.legalForm === filter.legalForm) &&
      (!filter.region || r.region === filter.region) &&
      (!filter.tag || r.tags.includes(filter.tag)) &&
      (words.length === 0 || words.every((w) => searchable(searchText(r)).includes(w))),
  )
}

export type SortKey =
  'name' | 'legalForm' | 'region' | 'stage' | 'score' | 'lastChange' | 'nextAg' | 'openActions' | 'overdueActions'

/**
 * Sorted on one column, in natural order; empty values (no score, no AG date) always last, whichever the direction.
 * `label` turns coded values (legal form, region) into the words shown, so the order is the one read.
 */
export function sortRows(
  rows: ReadonlyArray<PortfolioRow>,
  key: SortKey,
  direction: 'asc' | 'desc',
  label: (key: 'legalForm' | 'region', value: string) => string = (_k, v) => v,
): PortfolioRow[] {
  const value = (r: PortfolioRow): string | number | null => {
    switch (key) {
      case 'name':
        return r.name
      case 'legalForm':
      case 'region':
        return label(key, r[key])
      case 'stage':
        return STAGES.indexOf(r.stage)
      case 'score':
        return r.score?.value ?? null
      default:
        return r[key]
    }
  }
  const sign = direction === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)]
    if (x === null || y === null) return x === y ? naturalCompare(a.name, b.name) : x === null ? 1 : -1
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : naturalCompare(String(x), String(y))
    return sign * order || naturalCompare(a.name, b.name)
  })
}

/** Tags as typed (« DLA 2026, ESUS ; insertion »): trimmed, without duplicates (ignoring case), at most 20. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>()
  const tags: string[] = []
  for (const raw of text.split(/[,;]/)) {
    const tag = raw.trim().replace(/\s+/g, ' ').slice(0, TAG_MAX)
    if (!tag || seen.has(tag.toLowerCase())) continue
    seen.add(tag.toLowerCase())
    tags.push(tag)
  }
  return tags.slice(0, TAGS_MAX)
}

export const TAG_MAX = 40
export const TAGS_MAX = 20
