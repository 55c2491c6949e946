import type { Action, ActionPriority, ActionStatus } from '../actions.ts'
import type { Answer } from '../answer.ts'
import { EMPTY_AG_RECORD, type AgRecord, type Assessment } from '../assessment.ts'
import { compareAssessments, countChanges, type QuestionChange } from '../comparison.ts'
import type { GuideIndex } from '../guide/guideIndex.ts'
import { isExcludedByProfile, ratingOfResponse, type ExerciseData } from '../exercise.ts'
import type { IndicatorUnit } from '../guide/schema.ts'
import type { CustomIndicator, IndicatorValue } from '../indicators.ts'
import { recordedValue, targetMet, type Comparator, type Objective, type Target } from '../objectives.ts'
import type { Organisation } from '../organisation.ts'
import {
  isScored,
  questionState,
  scoreAssessment,
  strongestAndWeakest,
  toPercent,
  type QuestionScore,
} from '../scoring.ts'
import type { CoveredScore } from '../snapshot.ts'
import type { Rating } from '../workshop.ts'
import {
  reportWorkshop,
  themeWorkshop,
  type ReportThemeWorkshop,
  type ReportWorkshop,
  type WorkshopRecords,
} from './workshop.ts'

/**
 * What the AG report says, built from the stored data by pure functions and independent of how it is drawn:
 * the PDF, the employees' version, the print view and the tests all read this model. Scores here are as
 * people read them (0–100, rounded); texts from the guide are French (the guide exists only in French).
 */

export interface ReportInput {
  guide: GuideIndex
  organisation: Organisation
  /** The exercise reported on, in the frame its comparison uses. */
  exercise: ExerciseData
  /** The exercise before, for the comparison and to judge its 1-year objectives; null the first year. */
  previous: ExerciseData | null
  actions: ReadonlyArray<Action>
  customIndicators: ReadonlyArray<CustomIndicator>
  /** How many strengths and axes de progrès each theme lists. */
  highlightsPerTheme: number
  /** The workshop's records, when the assessment was worked on together. */
  workshop?: WorkshopRecords | null
}

export interface ScoreLine {
  /** 0–100, null when nothing was answered. */
  score: number | null
  answered: number
  applicable: number
  /** 0–100, null when nothing applies. */
  coverage: number | null
  /** The previous exercise's displayed score and the points gained or lost, when there is one. */
  previous: number | null
  delta: number | null
}

export interface ThemeRef {
  id: string
  number: number
  title: string
  shortLabel: string
}

export interface HighlightItem {
  questionId: string
  text: string
  level: number
}

export interface ReportObjective {
  subjectKind: Objective['subjectKind']
  subjectId: string
  label: string
  /** 'level' for a question, else the indicator's unit, so a renderer formats targets right. */
  unit: 'level' | IndicatorUnit
  suffix?: string
  comparator: Comparator
  oneYear: Target
  threeYear: Target
}

/** A 1-year objective set the year before, judged on this exercise. */
export interface ObjectiveReview extends ReportObjective {
  actual: IndicatorValue | null
  met: boolean | null
}

export interface ReportAction {
  id: string
  /** Empty for an action made from a question in one click: the documents name it after `question`. */
  title: string
  /** The text of the question the action comes from, in the guide's current words. */
  question: string | null
  description: string
  status: ActionStatus
  priority: ActionPriority
  owner: string
  dueDate: string | null
  doneAt: string | null
}

export interface ReportIndicator {
  id: string
  label: string
  unit: IndicatorUnit
  suffix?: string
  custom: boolean
  value: IndicatorValue | null
  previous: IndicatorValue | null
  /** For numbers only: how this year compares with the previous one. */
  trend: 'up' | 'down' | 'same' | null
  note: string
}

export interface ReportTheme extends ThemeRef {
  score: ScoreLine
  domaines: { id: string; label: string; score: ScoreLine }[]
  strengths: HighlightItem[]
  axes: HighlightItem[]
  /** Questions that moved since the previous exercise, by kind of change; null the first year. */
  changes: Record<QuestionChange, number> | null
  objectives: ReportObjective[]
  review: ObjectiveReview[]
  actions: ReportAction[]
  indicators: ReportIndicator[]
  /** How many took part in this theme's workshop and where they disagreed; null without a workshop. */
  workshop: ReportThemeWorkshop | null
}

export type AnnexState =
  'answered' | 'unknown' | 'unanswered' | 'not-applicable-profile' | 'not-applicable' | 'fact' | 'reflection'

export interface AnnexQuestion {
  id: string
  domaine: string
  text: string
  state: AnnexState
  level: number | null
  /** Why it does not apply (the user's words), or why it was answered although the profile excludes it. */
  reason: string
  note: string
  evidence: string[]
  carriedOver: boolean
  /** A fact question: the value recorded in its indicator this year (null: not filled in). */
  fact: { unit: IndicatorUnit; value: IndicatorValue | null; suffix?: string } | null
}

export interface ReportModel {
  organisation: Pick<Organisation, 'name' | 'legalForm' | 'siren' | 'employees' | 'volunteers' | 'members' | 'region'>
  year: number
  status: Assessment['status']
  completedAt: string | null
  presentedAt: string | null
  guide: { title: string; shortTitle: string; publisher: string; version: number }
  approach: {
    retained: ThemeRef[]
    notRetained: ThemeRef[]
    participants: string
    /** The workshop: who took part (counts by role, names if the organisation chose to show them). */
    workshop: ReportWorkshop | null
    /** The organisation's own words: why these themes, how the work was done. */
    text: string
    previousYear: number | null
    /** The global scores of two exercises are means over their retained themes: comparable only over the same ones. */
    sameThemesAsPrevious: boolean
  }
  global: ScoreLine
  themes: ReportTheme[]
  /** Open or recent actions tied to no retained theme. */
  otherActions: ReportAction[]
  debate: Pick<AgRecord, 'questionsRaised' | 'objectivesAdopted'>
  annex: { theme: ThemeRef; questions: AnnexQuestion[] }[]
  counts: { questions: number; answered: number; notes: number; actions: number }
}

const shown = (value: number | null | undefined) => (value === null || value === undefined ? null : toPercent(value))

function scoreLine(current: CoveredScore, previous: CoveredScore | null | undefined): ScoreLine {
  const score = shown(current.score)
  const before = shown(previous?.score)
  return {
    score,
    answered: current.answered,
    applicable: current.applicable,
    coverage: shown(current.coverage),
    previous: before,
    delta: score !== null && before !== null ? score - before : null,
  }
}

function themeRef(theme: { id: string; number: number; officialTitle: string; shortLabel: string }): ThemeRef {
  return { id: theme.id, number: theme.number, title: theme.officialTitle, shortLabel: theme.shortLabel }
}

function reportAction(a: Action, index: GuideIndex): ReportAction {
  const question = a.questionId ? (index.questionById.get(a.questionId)?.question.text ?? null) : null
  return {
    id: a.id,
    title: a.title,
    question,
    description: a.description,
    status: a.status,
    priority: a.priority,
    owner: a.owner,
    dueDate: a.dueDate,
    doneAt: a.doneAt,
  }
}

/**
 * The actions worth showing for an exercise: every open one, and those done or dropped during or after the
 * exercise year (older closed actions were reported at an earlier AG).
 */
export function actionsForYear(actions: ReadonlyArray<Action>, year: number): Action[] {
  return actions.filter(
    (a) => a.status === 'todo' || a.status === 'doing' || Number((a.doneAt ?? a.updatedAt).slice(0, 4)) >= year,
  )
}

const STATUS_ORDER: Record<ActionStatus, number> = { doing: 0, todo: 1, done: 2, dropped: 3 }
const PRIORITY_ORDER: Record<ActionPriority, number> = { high: 0, normal: 1, low: 2 }
function byStatusThenPriority(a: Action, b: Action) {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
    (a.dueDate ?? '9').localeCompare(b.dueDate ?? '9')
  )
}

function trendOf(value: IndicatorValue | null, previous: IndicatorValue | null): ReportIndicator['trend'] {
  if (typeof value !== 'number' || typeof previous !== 'number') return null
  return value > previous ? 'up' : value < previous ? 'down' : 'same'
}

function annexQuestion(
  q: QuestionScore,
  answer: Answer | undefined,
  indicators: ReadonlyMap<string, { value: IndicatorValue | null }>,
  index: GuideIndex,
): AnnexQuestion {
  const { entry, state } = q
  const base = {
    id: entry.question.id,
    domaine: entry.domaine.label,
    text: entry.question.text,
    note: answer?.note ?? '',
    evidence: answer?.evidence ?? [],
    carriedOver: isScored(entry) && (answer?.carriedOver ?? false),
    reason: answer?.applicabilityOverride?.reason ?? '',
    fact: null,
  }
  // Facts and reflections are reported, not scored: the value of the fact's indicator, or the text for the debate.
  if (!isScored(entry) && !isExcludedByProfile(state)) {
    const indicator = entry.question.indicatorId ? index.indicatorById.get(entry.question.indicatorId) : undefined
    if (entry.question.kind === 'reflection' || !indicator) return { ...base, state: 'reflection', level: null }
    const fact = {
      unit: indicator.unit,
      value: indicators.get(indicator.id)?.value ?? null,
      ...(indicator.suffix ? { suffix: indicator.suffix } : {}),
    }
    return { ...base, state: 'fact', level: null, fact }
  }
  switch (state.kind) {
    case 'answered':
      return { ...base, state: 'answered', level: state.level }
    case 'not-applicable':
      return isExcludedByProfile(state)
        ? { ...base, state: 'not-applicable-profile', level: null, reason: '' }
        : { ...base, state: 'not-applicable', level: null, reason: state.reason }
    case 'unanswered':
      return { ...base, state: answer?.response?.kind === 'unknown' ? 'unknown' : 'unanswered', level: null }
  }
}

export function buildReport(input: ReportInput): ReportModel {
  const { guide: index, organisation, exercise, previous } = input
  const assessment = exercise.assessment
  const retained = new Set(assessment.retainedThemeIds)
  const scores = scoreAssessment(index, assessment.retainedThemeIds, exercise.profile, exercise.answers)
  const comparison = previous
    ? compareAssessments({
        themeIds: assessment.retainedThemeIds,
        questionIdsOfTheme: (id) =>
          index
            .questionsOfTheme(id)
            .filter(isScored)
            .map((e) => e.question.id),
        before: previous,
        after: exercise,
      })
    : null

  const indicatorInfo = (id: string) => {
    const official = index.indicatorById.get(id)
    if (official) return { label: official.label, unit: official.unit, suffix: official.suffix }
    const custom = input.customIndicators.find((c) => c.id === id)
    return custom ? { label: custom.label, unit: custom.unit as IndicatorUnit, suffix: undefined } : null
  }
  const objectiveOf = (o: Objective): ReportObjective | null => {
    const base = {
      subjectKind: o.subjectKind,
      subjectId: o.subjectId,
      comparator: o.comparator,
      oneYear: o.oneYear,
      threeYear: o.threeYear,
    }
    if (o.subjectKind === 'question') {
      const entry = index.questionById.get(o.subjectId)
      return entry ? { ...base, label: entry.question.text, unit: 'level' } : null
    }
    const info = indicatorInfo(o.subjectId)
    return info
      ? { ...base, label: info.label, unit: info.unit, ...(info.suffix ? { suffix: info.suffix } : {}) }
      : null
  }
  const themeOfObjective = (o: Objective) =>
    o.subjectKind === 'question'
      ? index.questionById.get(o.subjectId)?.theme.id
      : (index.guide.themes.find((t) => t.indicators.some((i) => i.id === o.subjectId))?.id ??
        input.customIndicators.find((c) => c.id === o.subjectId)?.themeId)

  const actions = actionsForYear(input.actions, assessment.year).sort(byStatusThenPriority)
  const themeOfAction = (a: Action) =>
    a.themeId ?? (a.questionId ? index.questionById.get(a.questionId)?.theme.id : undefined) ?? null

  const agreedOf = (questionId: string): Rating | null => ratingOfResponse(exercise.answers.get(questionId)?.response)
  const themes: ReportTheme[] = []
  for (const theme of index.guide.themes) {
    if (!retained.has(theme.id)) continue
    const themeScore = exercise.snapshot.themes.find((t) => t.themeId === theme.id)
    if (!themeScore) continue
    const before = previous?.snapshot.themes.find((t) => t.themeId === theme.id)
    const questions = scores.questions.filter((q) => q.entry.theme.id === theme.id)
    const highlights = strongestAndWeakest(questions, input.highlightsPerTheme)
    const highlight = (q: (typeof highlights.strongest)[number]): HighlightItem => ({
      questionId: q.entry.question.id,
      text: q.entry.question.text,
      level: q.state.level,
    })
    const indicatorIds = [
      ...theme.indicators.map((i) => i.id),
      ...input.customIndicators.filter((c) => c.themeId === theme.id).map((c) => c.id),
    ]
    themes.push({
      ...themeRef(theme),
      score: scoreLine(themeScore, before),
      domaines: theme.domaines.map((d) => ({
        id: d.id,
        label: d.label,
        score: scoreLine(
          themeScore.domaines.find((x) => x.domaineId === d.id) ?? {
            score: null,
            answered: 0,
            applicable: 0,
            coverage: null,
          },
          before?.domaines.find((x) => x.domaineId === d.id),
        ),
      })),
      strengths: highlights.strongest.map(highlight),
      axes: highlights.weakest.map(highlight),
      changes: comparison ? countChanges(comparison.find((c) => c.themeId === theme.id)?.questions ?? []) : null,
      objectives: [...exercise.objectives.values()]
        .filter((o) => themeOfObjective(o) === theme.id && (o.oneYear !== null || o.threeYear !== null))
        .flatMap((o) => objectiveOf(o) ?? []),
      review: previous
        ? [...previous.objectives.values()]
            .filter((o) => themeOfObjective(o) === theme.id && o.oneYear !== null)
            .flatMap((o) => {
              const objective = objectiveOf(o)
              if (!objective) return []
              const actual = recordedValue(o, exercise)
              return [{ ...objective, actual, met: targetMet(o.oneYear, o.comparator, actual) }]
            })
        : [],
      actions: actions.filter((a) => themeOfAction(a) === theme.id).map((a) => reportAction(a, index)),
      indicators: indicatorIds.flatMap((id) => {
        const info = indicatorInfo(id)
        const record = exercise.indicators.get(id)
        const value = record?.value ?? null
        const before = previous?.indicators.get(id)?.value ?? null
        if (!info || (value === null && before === null && !record?.note)) return []
        return [
          {
            id,
            ...info,
            custom: id.startsWith('custom.'),
            value,
            previous: before,
            trend: trendOf(value, before),
            note: record?.note ?? '',
          },
        ]
      }),
      workshop: themeWorkshop(
        input.workshop ?? null,
        index.questionsOfTheme(theme.id).map((entry, i) => ({ entry, n: i + 1 })),
        agreedOf,
      ),
    })
  }

  const retainedIds = new Set(themes.map((t) => t.id))
  const annex = themes.map((theme) => ({
    theme: themeRef(index.themeById.get(theme.id)!),
    questions: index
      .questionsOfTheme(theme.id)
      .map((entry) =>
        annexQuestion(
          { entry, state: questionState(entry, exercise.answers.get(entry.question.id), exercise.profile) },
          exercise.answers.get(entry.question.id),
          exercise.indicators,
          index,
        ),
      ),
  }))
  const record = assessment.agRecord ?? EMPTY_AG_RECORD
  const sameThemes =
    previous !== null &&
    [...retained].sort().join() === [...new Set(previous.assessment.retainedThemeIds)].sort().join()
  return {
    organisation: {
      name: organisation.name,
      legalForm: organisation.legalForm,
      siren: organisation.siren,
      employees: organisation.employees,
      volunteers: organisation.volunteers,
      members: organisation.members,
      region: organisation.region,
    },
    year: assessment.year,
    status: assessment.status,
    completedAt: assessment.completedAt,
    presentedAt: assessment.presentedAt,
    guide: {
      title: index.guide.title,
      shortTitle: index.guide.shortTitle,
      publisher: index.guide.publisher,
      version: assessment.guideVersion,
    },
    approach: {
      retained: index.guide.themes.filter((t) => retained.has(t.id)).map(themeRef),
      notRetained: index.guide.themes.filter((t) => !retained.has(t.id)).map(themeRef),
      participants: assessment.participants,
      workshop: reportWorkshop(input.workshop ?? null, record.showParticipantNames ?? false),
      text: record.approach,
      previousYear: previous?.assessment.year ?? null,
      sameThemesAsPrevious: sameThemes,
    },
    global: scoreLine(exercise.snapshot.global, sameThemes ? previous?.snapshot.global : null),
    themes,
    otherActions: actions.filter((a) => !retainedIds.has(themeOfAction(a) ?? '')).map((a) => reportAction(a, index)),
    debate: { questionsRaised: record.questionsRaised, objectivesAdopted: record.objectivesAdopted },
    annex,
    counts: {
      questions: annex.reduce((n, t) => n + t.questions.length, 0),
      answered: annex.reduce((n, t) => n + t.questions.filter((q) => q.state === 'answered').length, 0),
      notes: annex.reduce((n, t) => n + t.questions.filter((q) => q.note.trim() !== '').length, 0),
      actions: actions.length,
    },
  }
}

/** The employees' version: what was assessed, the main results and the plan, without notes or the annex. */
export interface EmployeeReport {
  organisation: string
  year: number
  /** Not completed: the scores may still change, and the document says so. */
  draft: boolean
  presentedAt: string | null
  retained: ThemeRef[]
  participants: string
  global: ScoreLine
  themes: { ref: ThemeRef; score: ScoreLine }[]
  strengths: (HighlightItem & { theme: string })[]
  axes: (HighlightItem & { theme: string })[]
  plan: ReportAction[]
}

export function employeeReport(report: ReportModel, count: number): EmployeeReport {
  const pick = (list: 'strengths' | 'axes') =>
    report.themes
      .flatMap((t) => t[list].map((h) => ({ ...h, theme: t.shortLabel })))
      .sort((a, b) => (list === 'strengths' ? b.level - a.level : a.level - b.level))
      .slice(0, count)
  return {
    organisation: report.organisation.name,
    year: report.year,
    draft: report.status !== 'completed',
    presentedAt: report.presentedAt,
    retained: report.approach.retained,
    participants: report.approach.participants,
    global: report.global,
    themes: report.themes.map(({ id, number, title, shortLabel, score }) => ({
      ref: { id, number, title, shortLabel },
      score,
    })),
    strengths: pick('strengths'),
    axes: pick('axes'),
    plan: [...report.themes.flatMap((t) => t.actions), ...report.otherActions].filter(
      (a) => a.status === 'todo' || a.status === 'doing',
    ),
  }
}
