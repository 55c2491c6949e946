import { lazySchema, z } from './zod.ts'
import { LEVEL_MAX, levelOf, type Answer } from './answer.ts'
import { RecordIdSchema } from './fields.ts'
import type { IndicatorUnit } from './guide/schema.ts'
import { parseFrenchNumber, type IndicatorRecord, type IndicatorValue } from './indicators.ts'

/**
 * Objectives at 1 year and 3 years for a question (a maturity level) or an indicator (a value), set during an
 * exercise (method step 7) and checked against the following exercises.
 */
export const ComparatorSchema = lazySchema(() => z.enum(['at-least', 'at-most']))
export type Comparator = z.infer<typeof ComparatorSchema>

export const TargetSchema = lazySchema(() => z.union([z.number().min(0), z.boolean()]).nullable())
export type Target = z.infer<typeof TargetSchema>

export const ObjectiveSchema = lazySchema(() =>
  z.strictObject({
    assessmentId: RecordIdSchema,
    subjectKind: z.enum(['question', 'indicator']),
    subjectId: RecordIdSchema,
    comparator: ComparatorSchema,
    oneYear: TargetSchema,
    threeYear: TargetSchema,
    updatedAt: z.iso.datetime(),
  }),
)
export type Objective = z.infer<typeof ObjectiveSchema>
/** What the user changes on an objective; its subject and dates are the app's. */
export const ObjectivePatchSchema = lazySchema(() =>
  ObjectiveSchema.pick({ comparator: true, oneYear: true, threeYear: true }).partial(),
)
export type ObjectivePatch = z.infer<typeof ObjectivePatchSchema>

/** An objective before any target is set (« au moins », nothing at 1 or 3 years). */
export function emptyObjective(
  subject: Pick<Objective, 'assessmentId' | 'subjectKind' | 'subjectId'>,
  updatedAt: string,
): Objective {
  return { ...subject, comparator: 'at-least', oneYear: null, threeYear: null, updatedAt }
}

/** What kind of target a subject takes: a level 0–4 for a question, else the indicator's unit. */
export type TargetKind = 'level' | IndicatorUnit

export type ParsedTarget = { ok: true; value: Target } | { ok: false; error: string }

/** Only numbers and yes/no can be targets; text, dates and per-category percentages are followed by hand. */
export function acceptsTarget(kind: TargetKind): boolean {
  return !['text', 'date', 'percent-by-category'].includes(kind)
}

/**
 * Whether a target fits its subject: a level is a whole number from 0 to 4, a percentage at most 100, a yes/no
 * target a boolean, any other number not negative. The forms check what is typed with it, the import each file.
 */
export function targetProblem(kind: TargetKind, target: Target): string | null {
  if (target === null) return null
  if (kind === 'boolean') return typeof target === 'boolean' ? null : 'validation.choose'
  if (typeof target !== 'number' || !acceptsTarget(kind)) return 'validation.invalid'
  if (target < 0) return 'validation.targetNegative'
  if (kind === 'level' && (!Number.isInteger(target) || target > LEVEL_MAX)) return 'validation.levelRange'
  if (kind === 'percent' && target > 100) return 'validation.percentRange'
  return target > Number.MAX_SAFE_INTEGER ? 'validation.decimal' : null
}

export function parseTarget(kind: TargetKind, draft: string | boolean): ParsedTarget {
  if (!acceptsTarget(kind)) return { ok: false, error: 'validation.invalid' }
  let target: Target
  if (typeof draft === 'boolean') target = draft
  else if (kind === 'boolean') {
    if (draft !== '') return { ok: false, error: 'validation.choose' }
    target = null
  } else {
    const n = parseFrenchNumber(draft)
    if (n === undefined) return { ok: false, error: 'validation.decimal' }
    target = n
  }
  const problem = targetProblem(kind, target)
  return problem ? { ok: false, error: problem } : { ok: true, value: target }
}

/** true/false when the target can be judged; null when there is no target or no value to judge it by. */
export function targetMet(
  target: Target,
  comparator: Comparator,
  actual: IndicatorValue | null | undefined,
): boolean | null {
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
  return objective.subjectKind === 'question'
    ? levelOf(exercise.answers.get(objective.subjectId))
    : (exercise.indicators.get(objective.subjectId)?.value ?? null)
}
