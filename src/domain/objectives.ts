import { z } from './zod.ts'
import { levelOf, type Answer } from './answer.ts'
import type { IndicatorUnit } from './guide/schema.ts'
import { parseFrenchNumber, type IndicatorRecord, type IndicatorValue } from './indicators.ts'

/**
 * Objectives at 1 year and 3 years for a question (a maturity level) or an indicator (a value), set during an
 * exercise (method step 7) and checked against the following exercises.
 */
export const ComparatorSchema = z.enum(['at-least', 'at-most'])
export type Comparator = z.infer<typeof ComparatorSchema>

export const TargetSchema = z.union([z.number().min(0), z.boolean()]).nullable()
export type Target = z.infer<typeof TargetSchema>

export const ObjectiveSchema = z.strictObject({
  assessmentId: z.string().min(1),
  subjectKind: z.enum(['question', 'indicator']),
  subjectId: z.string().min(1),
  comparator: ComparatorSchema,
  oneYear: TargetSchema,
  threeYear: TargetSchema,
  updatedAt: z.iso.datetime(),
})
export type Objective = z.infer<typeof ObjectiveSchema>
/** What the user changes on an objective; its subject and dates are the app's. */
export type ObjectivePatch = Partial<Pick<Objective, 'comparator' | 'oneYear' | 'threeYear'>>

/** What kind of target a subject takes: a level 0–4 for a question, else the indicator's unit. */
export type TargetKind = 'level' | IndicatorUnit

export type ParsedTarget = { ok: true; value: Target } | { ok: false; error: string }

/** Only numbers and yes/no can be targets; text, dates and per-category percentages are followed by hand. */
export function acceptsTarget(kind: TargetKind): boolean {
  return !['text', 'date', 'percent-by-category'].includes(kind)
}

export function parseTarget(kind: TargetKind, draft: string | boolean): ParsedTarget {
  if (kind === 'boolean') {
    if (draft === '') return { ok: true, value: null }
    return typeof draft === 'boolean' ? { ok: true, value: draft } : { ok: false, error: 'validation.choose' }
  }
  if (typeof draft !== 'string' || !acceptsTarget(kind)) return { ok: false, error: 'validation.invalid' }
  const n = parseFrenchNumber(draft)
  if (n === null) return { ok: true, value: null }
  if (n === undefined) return { ok: false, error: 'validation.decimal' }
  if (n < 0) return { ok: false, error: 'validation.targetNegative' }
  if (kind === 'level' && (!Number.isInteger(n) || n > 4)) return { ok: false, error: 'validation.levelRange' }
  if (kind === 'percent' && n > 100) return { ok: false, error: 'validation.percentRange' }
  return { ok: true, value: n }
}

/** true/false when the target can be judged; null when there is no target or no value to judge it by. */
export function targetMet(target: Target, comparator: Comparator, actual: IndicatorValue | null | undefined): boolean | null {
  if (target === null || actual === null || actual === undefined) return null
  if (typeof target === 'boolean') return typeof actual === 'boolean' ? actual === target : null
  if (typeof actual !== 'number') return null
  return comparator === 'at-least' ? actual >= target : actual <= target
}

/** What an exercise recorded for an objective's subject: the level of the question, or the indicator's value. */
export function recordedValue(
  objective: Pick<Objective, 'subjectKind' | 'subjectId'>,
  exercise: { answers: ReadonlyMap<string, Answer>; indicators: ReadonlyMap<string, IndicatorRecord> },
): IndicatorValue | null {
  return objective.subjectKind === 'question' ? levelOf(exercise.answers.get(objective.subjectId)) : (exercise.indicators.get(objective.subjectId)?.value ?? null)
}
