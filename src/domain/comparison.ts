import { levelOf, type Answer } from './answer.ts'
import type { ScoreSnapshot } from './snapshot.ts'
import { toPercent } from './scoring.ts'

/** How one question moved from one exercise to the other. */
export type QuestionChange = 'better' | 'worse' | 'same' | 'new' | 'no-longer'

export function compareLevels(before: number | null, after: number | null): QuestionChange | null {
  if (before === null && after === null) return null
  if (before === null) return 'new'
  if (after === null) return 'no-longer'
  if (after > before) return 'better'
  if (after < before) return 'worse'
  return 'same'
}

export interface QuestionComparison {
  questionId: string
  before: number | null
  after: number | null
  change: QuestionChange
}

export interface ThemeComparison {
  themeId: string
  /** Scores on 0..100 as displayed (rounded), null when the theme had none. */
  before: number | null
  after: number | null
  /** Points gained or lost, from the displayed scores, so it matches what people read. */
  delta: number | null
  /** How many scored answers each score rests on, out of the questions that applied; null when the theme had none. */
  beforeCoverage: Coverage | null
  afterCoverage: Coverage | null
  questions: QuestionComparison[]
}

export interface Coverage {
  answered: number
  applicable: number
}

const coverageOf = (theme: { answered: number; applicable: number } | undefined): Coverage | null =>
  theme ? { answered: theme.answered, applicable: theme.applicable } : null

const displayed = (score: number | null | undefined) =>
  score === null || score === undefined ? null : toPercent(score)

/**
 * Compares two exercises theme by theme and question by question. `beforeAnswers` must already be keyed by the
 * current guide's ids (see prefill / migration). Themes are those of `themeIds`, in that order.
 */
export function compareAssessments(input: {
  themeIds: ReadonlyArray<string>
  questionIdsOfTheme: (themeId: string) => string[]
  before: { snapshot: ScoreSnapshot; answers: ReadonlyMap<string, Answer> }
  after: { snapshot: ScoreSnapshot; answers: ReadonlyMap<string, Answer> }
}): ThemeComparison[] {
  return input.themeIds.map((themeId) => {
    const beforeTheme = input.before.snapshot.themes.find((t) => t.themeId === themeId)
    const afterTheme = input.after.snapshot.themes.find((t) => t.themeId === themeId)
    const before = displayed(beforeTheme?.score)
    const after = displayed(afterTheme?.score)
    const questions: QuestionComparison[] = []
    for (const questionId of input.questionIdsOfTheme(themeId)) {
      const b = levelOf(input.before.answers.get(questionId))
      const a = levelOf(input.after.answers.get(questionId))
      const change = compareLevels(b, a)
      if (change) questions.push({ questionId, before: b, after: a, change })
    }
    return {
      themeId,
      before,
      after,
      delta: before !== null && after !== null ? after - before : null,
      beforeCoverage: coverageOf(beforeTheme),
      afterCoverage: coverageOf(afterTheme),
      questions,
    }
  })
}

/** Counts of each kind of change, for a one-line summary per theme. */
export function countChanges(questions: ReadonlyArray<QuestionComparison>): Record<QuestionChange, number> {
  const counts: Record<QuestionChange, number> = { better: 0, worse: 0, same: 0, new: 0, 'no-longer': 0 }
  for (const q of questions) counts[q.change]++
  return counts
}
