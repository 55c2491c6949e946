import type { Answer } from './answer.ts'
import { LEVEL_MAX } from './answer.ts'
import { unmetConditionsAlong, type NotApplicableReason } from './applicability.ts'
import type { GuideIndex, QuestionEntry } from './guide/guideIndex.ts'
import type { OrganisationProfile } from './organisation.ts'
import type { CoveredScore, ThemeScore } from './snapshot.ts'

/**
 * Scoring, as docs/architecture.md states it and the app explains it (« Comment est-ce calculé ? »):
 * - only maturity questions are scored; facts and reflections are reported, never scored;
 * - question score = level / 4; « non applicable » leaves the question out of the sum and the divisor;
 *   « je ne sais pas encore » counts as unanswered;
 * - domaine and theme score = weighted mean of their answered, applicable questions;
 * - global score = plain mean of the retained themes that have a score (no theme outweighs another);
 * - coverage = answered / applicable, beside every score.
 * Scores stay in 0..1 here; only display rounds them (toPercent).
 */
export const SCORING_VERSION = 1

export type QuestionState =
  | { kind: 'answered'; level: number; score: number }
  | { kind: 'unanswered' } // no response yet, or « je ne sais pas encore »
  | { kind: 'not-applicable'; by: 'profile'; reasons: NotApplicableReason[] }
  | { kind: 'not-applicable'; by: 'user'; reason: string }

export interface QuestionScore {
  entry: QuestionEntry
  state: QuestionState
}

// The shapes of scores are the snapshot's zod schemas (one source of types); type-only imports, no cycle at run time.
export type { CoveredScore, ThemeScore, DomaineScore } from './snapshot.ts'

export interface AssessmentScores {
  global: CoveredScore
  themes: ThemeScore[]
  questions: QuestionScore[]
}

/** Two states that read the same: a screen can keep the one it has and skip re-rendering what shows it. */
export function sameState(a: QuestionState, b: QuestionState): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'answered' && b.kind === 'answered') return a.level === b.level
  if (a.kind === 'not-applicable' && b.kind === 'not-applicable') {
    if (a.by === 'user' && b.by === 'user') return a.reason === b.reason
    if (a.by === 'profile' && b.by === 'profile') return JSON.stringify(a.reasons) === JSON.stringify(b.reasons)
    return false
  }
  return true
}

/** Whether a question enters scores and coverage (a maturity question, answered on the 0–4 scale). */
export function isScored(entry: QuestionEntry): boolean {
  return entry.question.kind === 'maturity'
}

export function questionState(
  entry: QuestionEntry,
  answer: Answer | undefined,
  profile: OrganisationProfile,
): QuestionState {
  const reasons = unmetConditionsAlong(entry.rules, profile)
  if (reasons.length > 0 && !answer?.applicabilityOverride) return { kind: 'not-applicable', by: 'profile', reasons }
  const response = answer?.response
  if (response?.kind === 'na') return { kind: 'not-applicable', by: 'user', reason: response.reason }
  if (response?.kind === 'level') return { kind: 'answered', level: response.level, score: response.level / LEVEL_MAX }
  return { kind: 'unanswered' }
}

export function coveredScore(questions: ReadonlyArray<QuestionScore>): CoveredScore {
  let answered = 0
  let applicable = 0
  let weighted = 0
  let weights = 0
  for (const { entry, state } of questions) {
    if (state.kind === 'not-applicable') continue
    applicable++
    if (state.kind === 'answered') {
      answered++
      weighted += entry.question.weight * state.score
      weights += entry.question.weight
    }
  }
  return {
    score: weights > 0 ? weighted / weights : null,
    answered,
    applicable,
    coverage: applicable > 0 ? answered / applicable : null,
  }
}

export function scoreAssessment(
  index: GuideIndex,
  retainedThemeIds: ReadonlyArray<string>,
  profile: OrganisationProfile,
  answers: ReadonlyMap<string, Answer>,
): AssessmentScores {
  const retained = new Set(retainedThemeIds)
  const questions: QuestionScore[] = []
  const themes: ThemeScore[] = []
  for (const theme of index.guide.themes) {
    if (!retained.has(theme.id)) continue
    const themeQuestions = index
      .questionsOfTheme(theme.id)
      .filter(isScored)
      .map((entry) => ({ entry, state: questionState(entry, answers.get(entry.question.id), profile) }))
    questions.push(...themeQuestions)
    themes.push({
      themeId: theme.id,
      ...coveredScore(themeQuestions),
      domaines: theme.domaines.map((domaine) => ({
        domaineId: domaine.id,
        ...coveredScore(themeQuestions.filter((q) => q.entry.domaine.id === domaine.id)),
      })),
    })
  }
  const scored = themes.filter((t) => t.score !== null)
  const answered = themes.reduce((n, t) => n + t.answered, 0)
  const applicable = themes.reduce((n, t) => n + t.applicable, 0)
  return {
    global: {
      score: scored.length > 0 ? scored.reduce((sum, t) => sum + (t.score ?? 0), 0) / scored.length : null,
      answered,
      applicable,
      coverage: applicable > 0 ? answered / applicable : null,
    },
    themes,
    questions,
  }
}

/**
 * 0..1 → 0..100, rounded to the nearest integer, halves up. The epsilon keeps 0.125 → 13 although
 * 0.125 * 100 is 12.499999… in floating point.
 */
export function toPercent(value: number): number {
  return Math.round(value * 100 + 1e-9)
}

/**
 * Progress through the questionnaire, counted as coverage is: scored questions answered with a level, out of those
 * that apply (« non applicable » leaves both), so the progress bars and the results say the same thing.
 */
export function progress(questions: ReadonlyArray<QuestionScore>): { done: number; total: number } {
  const { answered, applicable } = coveredScore(questions.filter((q) => isScored(q.entry)))
  return { done: answered, total: applicable }
}

/** From level 3 (« pratique établie ») an answer counts as a strength; below, as an axe de progrès. */
export const STRENGTH_MIN_LEVEL = 3

/**
 * The strongest and weakest answered questions, at most `count` of each. The two lists never overlap;
 * ties keep the guide's order.
 */
export function strongestAndWeakest(questions: ReadonlyArray<QuestionScore>, count: number) {
  type Answered = QuestionScore & { state: { kind: 'answered'; level: number } }
  const answered = questions.filter((q): q is Answered => q.state.kind === 'answered')
  return {
    strongest: answered
      .filter((q) => q.state.level >= STRENGTH_MIN_LEVEL)
      .sort((a, b) => b.state.level - a.state.level)
      .slice(0, count),
    weakest: answered
      .filter((q) => q.state.level < STRENGTH_MIN_LEVEL)
      .sort((a, b) => a.state.level - b.state.level)
      .slice(0, count),
  }
}
