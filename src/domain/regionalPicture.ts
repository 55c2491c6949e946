import type { Summary } from './files/summary.ts'
import { guideKey } from './guide/current.ts'
import type { LegalForm, Region } from './organisation.ts'
import type { SizeBand } from './sizeBand.ts'
import { naturalCompare } from './portfolio.ts'

/**
 * The regional picture: many anonymised summaries, read per theme and per question. No figure rests on fewer than
 * MIN_GROUP organisations (a group of three coops in one département would be three known coops); every figure
 * says how many organisations it rests on.
 */
export const MIN_GROUP = 5

export interface PictureFilter {
  /** Only like with like: one guide, one version. */
  guideId: string
  guideVersion: number
  year: number | null
  legalForm: LegalForm | null
  sizeBand: SizeBand | null
  region: Region | null
}
export type PictureDimension = 'all' | 'legalForm' | 'sizeBand' | 'year'

/** A score over a group: n organisations with a score; mean and median 0..1; null when hidden or empty. */
export interface ScoreFigure {
  n: number
  hidden: boolean
  mean: number | null
  median: number | null
  /** Mean coverage of those organisations (0..1). */
  coverage: number | null
}

/** The answers to one question over a group: n organisations that had it to answer. */
export interface LevelFigure {
  n: number
  hidden: boolean
  /** Counts of levels 0 to 4, then « non applicable », « je ne sais pas », and no answer; empty when hidden. */
  levels: number[]
  na: number
  unknown: number
  none: number
}

export interface PictureGroup {
  /** `all`, or the value of the dimension (a legal form, a size band, a year as text). */
  key: string
  n: number
  hidden: boolean
  global: ScoreFigure
  themes: Map<string, ScoreFigure>
  questions: Map<string, LevelFigure>
}

/** The guides the summaries were made with, most used first. */
export function pictureGuides(
  summaries: ReadonlyArray<Summary>,
): { guideId: string; guideVersion: number; count: number }[] {
  const counts = new Map<string, { guideId: string; guideVersion: number; count: number }>()
  for (const s of summaries) {
    const key = guideKey(s)
    const known = counts.get(key) ?? { guideId: s.guideId, guideVersion: s.guideVersion, count: 0 }
    known.count++
    counts.set(key, known)
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || naturalCompare(a.guideId, b.guideId) || b.guideVersion - a.guideVersion,
  )
}

export function filterSummaries(summaries: ReadonlyArray<Summary>, filter: PictureFilter): Summary[] {
  return summaries.filter(
    (s) =>
      s.guideId === filter.guideId &&
      s.guideVersion === filter.guideVersion &&
      (filter.year === null || s.year === filter.year) &&
      (filter.legalForm === null || s.legalForm === filter.legalForm) &&
      (filter.sizeBand === null || s.sizeBand === filter.sizeBand) &&
      (filter.region === null || s.region === filter.region),
  )
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Scores of the organisations that have one; hidden below the minimum group. */
export function scoreFigure(scores: ReadonlyArray<{ score: number | null; coverage: number | null }>): ScoreFigure {
  const withScore = scores.filter((s) => s.score !== null)
  const n = withScore.length
  if (n < MIN_GROUP) return { n, hidden: true, mean: null, median: null, coverage: null }
  const values = withScore.map((s) => s.score!).sort((a, b) => a - b)
  return {
    n,
    hidden: false,
    mean: values.reduce((a, b) => a + b, 0) / n,
    median: median(values),
    coverage: withScore.reduce((a, s) => a + (s.coverage ?? 0), 0) / n,
  }
}

/** The answers to a question from the organisations that retained its theme; hidden below the minimum group. */
export function levelFigure(summaries: ReadonlyArray<Summary>, questionId: string, themeId: string): LevelFigure {
  return levelsAmong(retainedTheme(summaries, themeId), questionId)
}

const retainedTheme = (summaries: ReadonlyArray<Summary>, themeId: string) =>
  summaries.filter((s) => s.themes.some((t) => t.themeId === themeId))

/** The answers to a question among the organisations that had it to answer. */
function levelsAmong(concerned: ReadonlyArray<Summary>, questionId: string): LevelFigure {
  const n = concerned.length
  if (n < MIN_GROUP) return { n, hidden: true, levels: [], na: 0, unknown: 0, none: 0 }
  const figure: LevelFigure = { n, hidden: false, levels: [0, 0, 0, 0, 0], na: 0, unknown: 0, none: 0 }
  for (const s of concerned) {
    const value = s.levels[questionId]
    if (value === undefined) figure.none++
    else if (value === 'na') figure.na++
    else if (value === 'unknown') figure.unknown++
    else figure.levels[value]!++
  }
  return figure
}

function groupKey(s: Summary, dimension: PictureDimension): string {
  if (dimension === 'all') return 'all'
  if (dimension === 'year') return String(s.year)
  return s[dimension]
}

const hideScore = (f: ScoreFigure): ScoreFigure => ({ n: f.n, hidden: true, mean: null, median: null, coverage: null })
const hideLevels = (f: LevelFigure): LevelFigure => ({ n: f.n, hidden: true, levels: [], na: 0, unknown: 0, none: 0 })

/**
 * Secondary suppression across the groups of a split: the picture without a split shows the whole, so the figures
 * shown must not give a hidden group by subtraction. While the hidden groups together hold between 1 and
 * MIN_GROUP − 1 organisations, the smallest group still shown is hidden too.
 */
export function suppressComplement<F extends { n: number; hidden: boolean }>(
  figures: ReadonlyArray<F>,
  hide: (f: F) => F,
): F[] {
  const out = [...figures]
  for (;;) {
    const hiddenCount = out.filter((f) => f.hidden).reduce((sum, f) => sum + f.n, 0)
    if (hiddenCount === 0 || hiddenCount >= MIN_GROUP) return out
    const shown = out.map((f, i) => [f, i] as const).filter(([f]) => !f.hidden)
    if (shown.length === 0) return out
    const [smallest, at] = shown.reduce((a, b) => (b[0].n < a[0].n ? b : a))
    out[at] = hide(smallest)
  }
}

const RELAXABLE = ['legalForm', 'sizeBand', 'region'] as const

/**
 * The complement rule of filters: a filtered picture and the same picture with one or more filters removed differ by
 * the organisations left out; if they are between 1 and MIN_GROUP − 1, subtracting one picture from the other would
 * give them. Such a filtered picture is withheld.
 */
export function complementAllowed(summaries: ReadonlyArray<Summary>, filter: PictureFilter): boolean {
  const chosen = filterSummaries(summaries, filter).length
  const active = RELAXABLE.filter((key) => filter[key] !== null)
  for (let mask = 0; mask < 1 << active.length; mask++) {
    const relaxed = { ...filter }
    active.forEach((key, i) => {
      if (mask & (1 << i)) relaxed[key] = null
    })
    const leftOut = filterSummaries(summaries, relaxed).length - chosen
    if (leftOut > 0 && leftOut < MIN_GROUP) return false
  }
  return true
}

export interface RegionalPicture {
  /** Organisations in the scope (known even when the figures are withheld). */
  total: number
  groups: PictureGroup[]
  /** Figures withheld because the organisations left out by the filters are too few (see `complementAllowed`). */
  withheld: boolean
  /** A split other than by year needs one exercise: an organisation counts once, not once per year. */
  needsYear: boolean
}

/**
 * The picture: one group for everything, or one per value of the dimension (legal form, size band, year). The
 * questions are the guide's (`questions`: id and theme), in its order. Outside a split by year, one exercise is
 * looked at, so that every organisation counts once.
 */
export function regionalPicture(
  summaries: ReadonlyArray<Summary>,
  filter: PictureFilter,
  dimension: PictureDimension,
  guide: { themeIds: ReadonlyArray<string>; questions: ReadonlyArray<{ id: string; themeId: string }> },
): RegionalPicture {
  const group = (key: string, members: Summary[]): PictureGroup => {
    // Who retained each theme, found once per theme rather than once per question.
    const concerned = new Map(guide.themeIds.map((id) => [id, retainedTheme(members, id)]))
    return {
      key,
      n: members.length,
      hidden: members.length < MIN_GROUP,
      global: scoreFigure(members.map((m) => m.global)),
      themes: new Map(
        guide.themeIds.map((id) => [id, scoreFigure(members.flatMap((m) => m.themes.filter((t) => t.themeId === id)))]),
      ),
      questions: new Map(
        guide.questions.map((q) => [
          q.id,
          levelsAmong(concerned.get(q.themeId) ?? retainedTheme(members, q.themeId), q.id),
        ]),
      ),
    }
  }
  const withheldGroup = (g: PictureGroup): PictureGroup => ({
    ...g,
    hidden: true,
    global: hideScore(g.global),
    themes: new Map([...g.themes].map(([id, f]) => [id, hideScore(f)])),
    questions: new Map([...g.questions].map(([id, f]) => [id, hideLevels(f)])),
  })

  if (dimension === 'year') {
    const chosen = filterSummaries(summaries, { ...filter, year: null })
    const years = [...new Set(chosen.map((s) => s.year))].sort((a, b) => a - b)
    const groups = years.map((year) => {
      const g = group(
        String(year),
        chosen.filter((s) => s.year === year),
      )
      return complementAllowed(summaries, { ...filter, year }) ? g : withheldGroup(g)
    })
    return { total: chosen.length, groups, withheld: false, needsYear: false }
  }
  if (filter.year === null) return { total: 0, groups: [], withheld: false, needsYear: true }
  const chosen = filterSummaries(summaries, filter)
  if (!complementAllowed(summaries, filter))
    return { total: chosen.length, groups: [], withheld: true, needsYear: false }
  const byKey = new Map<string, Summary[]>()
  for (const s of chosen) {
    const key = groupKey(s, dimension)
    byKey.set(key, [...(byKey.get(key) ?? []), s])
  }
  let groups = [...byKey.entries()]
    .sort(([a], [b]) => naturalCompare(a, b))
    .map(([key, members]) => group(key, members))
  if (groups.length > 1) {
    const globals = suppressComplement(
      groups.map((g) => g.global),
      hideScore,
    )
    const themes = new Map(
      guide.themeIds.map((id) => [
        id,
        suppressComplement(
          groups.map((g) => g.themes.get(id)!),
          hideScore,
        ),
      ]),
    )
    const questions = new Map(
      guide.questions.map((q) => [
        q.id,
        suppressComplement(
          groups.map((g) => g.questions.get(q.id)!),
          hideLevels,
        ),
      ]),
    )
    groups = groups.map((g, i) => ({
      ...g,
      global: globals[i]!,
      themes: new Map(guide.themeIds.map((id) => [id, themes.get(id)![i]!])),
      questions: new Map(guide.questions.map((q) => [q.id, questions.get(q.id)![i]!])),
    }))
  }
  return { total: chosen.length, groups, withheld: false, needsYear: false }
}

export interface SummaryMerge<T> {
  toStore: T[]
  added: number
  /** Already imported (same exercise): replaced, never counted twice. */
  again: number
}

/** Summaries imported again are the same exercise (same id): stored once, the latest file's version kept. */
export function mergeSummaries<T extends { id: string }>(
  knownIds: ReadonlySet<string>,
  incoming: ReadonlyArray<T>,
): SummaryMerge<T> {
  const again = incoming.filter((s) => knownIds.has(s.id)).length
  return { toStore: [...incoming], added: incoming.length - again, again }
}
