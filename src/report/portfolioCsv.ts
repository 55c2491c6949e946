import type { ExerciseStage } from '@/domain/portfolio'
import { csvDate, toCsv, type Cell } from './csv'

/** One exercise of one organisation, as the portfolio's file lists it (scores 0–100, frozen or live for a draft). */
export interface PortfolioExercise {
  organisation: string
  legalForm: string
  region: string
  tags: string[]
  archived: boolean
  year: number
  stage: ExerciseStage
  global: { score: number | null; coverage: number | null; answered: number; applicable: number }
  /** By theme id; a theme not retained that year is absent. */
  themes: ReadonlyMap<string, number | null>
  presentedAt: string | null
}

export interface PortfolioCsvText {
  column(key: string, params?: Record<string, string | number>): string
  stage(stage: ExerciseStage): string
  yes: string
  no: string
}

/**
 * The whole portfolio in one spreadsheet, one row per organisation and exercise, in the same French Excel format as
 * the other exports: stage, global score and coverage, then one column per theme of the guide (empty when the theme
 * was not retained, or has no score).
 */
export function portfolioCsv(
  exercises: ReadonlyArray<PortfolioExercise>,
  themes: ReadonlyArray<{ id: string; number: number; shortLabel: string }>,
  text: PortfolioCsvText,
): string {
  const header = [
    text.column('organisation'),
    text.column('legalForm'),
    text.column('region'),
    text.column('tags'),
    text.column('archived'),
    text.column('year'),
    text.column('stage'),
    text.column('globalScore'),
    text.column('coverage'),
    text.column('answered'),
    text.column('applicable'),
    text.column('presentedAt'),
    ...themes.map((t) => text.column('themeScore', { number: t.number, theme: t.shortLabel })),
  ]
  const rows: Cell[][] = exercises.map((e) => [
    e.organisation,
    e.legalForm,
    e.region,
    e.tags.join(', '),
    e.archived ? text.yes : text.no,
    e.year,
    text.stage(e.stage),
    e.global.score,
    e.global.coverage,
    e.global.answered,
    e.global.applicable,
    csvDate(e.presentedAt),
    ...themes.map((t) => e.themes.get(t.id) ?? null),
  ])
  return toCsv(header, rows)
}
