import { lazySchema, z } from './zod.ts'
import { RECORD_ID_MAX, RecordIdSchema, hasVisibleCharacter } from './fields.ts'
import { IndicatorUnitSchema, type IndicatorUnit } from './guide/schema.ts'

export const INDICATOR_TEXT_MAX = 2000
export const INDICATOR_NOTE_MAX = 2000
export const INDICATOR_LABEL_MAX = 200
export const CUSTOM_INDICATOR_PREFIX = 'custom.'

/** One value per exercise: a number, yes/no, a text, a date, or one percentage per category. */
export const IndicatorValueSchema = lazySchema(() =>
  z.union([
    z.number(),
    z.boolean(),
    z.string().max(INDICATOR_TEXT_MAX),
    z.record(z.string().max(INDICATOR_LABEL_MAX), z.number().nullable()),
  ]),
)
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>

export const IndicatorRecordSchema = lazySchema(() =>
  z.strictObject({
    assessmentId: RecordIdSchema,
    indicatorId: RecordIdSchema,
    value: IndicatorValueSchema.nullable(),
    note: z.string().max(INDICATOR_NOTE_MAX),
    updatedAt: z.iso.datetime(),
  }),
)
export type IndicatorRecord = z.infer<typeof IndicatorRecordSchema>

/** What the user changes on an indicator: its value (checked against the unit first) and its note. */
export const IndicatorPatchSchema = lazySchema(() => IndicatorRecordSchema.pick({ value: true, note: true }).partial())
export type IndicatorPatch = z.infer<typeof IndicatorPatchSchema>

/** An indicator of the exercise before anything is recorded for it. */
export function emptyIndicatorRecord(assessmentId: string, indicatorId: string, updatedAt: string): IndicatorRecord {
  return { assessmentId, indicatorId, value: null, note: '', updatedAt }
}

/** The organisation's own indicators (method step 3: « des éléments peuvent être ajoutés »). */
export const CustomIndicatorUnitSchema = lazySchema(() => IndicatorUnitSchema.exclude(['percent-by-category']))

export const CustomIndicatorInputSchema = lazySchema(() =>
  z.strictObject({
    label: z
      .string()
      .trim()
      .min(1, { error: 'validation.required' })
      .max(INDICATOR_LABEL_MAX, { error: 'validation.tooLong' })
      .refine(hasVisibleCharacter, { error: 'validation.required' }),
    themeId: z.string().min(1, { error: 'validation.choose' }).max(RECORD_ID_MAX, { error: 'validation.choose' }),
    unit: z.enum(CustomIndicatorUnitSchema.options, { error: 'validation.choose' }),
  }),
)

export const CustomIndicatorSchema = lazySchema(() =>
  z.strictObject({
    id: RecordIdSchema.startsWith(CUSTOM_INDICATOR_PREFIX),
    organisationId: RecordIdSchema,
    label: z
      .string()
      .trim()
      .min(1)
      .max(INDICATOR_LABEL_MAX)
      .refine(hasVisibleCharacter, { error: 'validation.required' }),
    themeId: RecordIdSchema,
    unit: CustomIndicatorUnitSchema,
    createdAt: z.iso.datetime(),
  }),
)
export type CustomIndicator = z.infer<typeof CustomIndicatorSchema>

/** What the user typed: text for most units, a boolean for yes/no, one text per category. */
export type IndicatorDraft = string | boolean | Record<string, string>

export type ParsedValue = { ok: true; value: IndicatorValue | null } | { ok: false; error: string }

/** French input: spaces as thousands separators, a decimal comma. Empty text means « no value ». */
export function parseFrenchNumber(text: string): number | null | undefined {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$|€$|h$/i, '')
    .replace(',', '.')
  if (cleaned === '') return null
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined
  return Number(cleaned)
}

/**
 * Whether a value fits its indicator's unit: a percentage is 0 to 100, a count, hours or euros are not negative,
 * a ratio is positive, a date is a real date, a text is not too long, per-category percentages name only the
 * indicator's categories. The forms check what is typed with it; the import checks every value of a file.
 */
export function indicatorValueProblem(
  unit: IndicatorUnit,
  value: IndicatorValue | null,
  categories: ReadonlyArray<string> = [],
): string | null {
  if (value === null) return null
  const percent = (n: unknown) => (typeof n === 'number' && n >= 0 && n <= 100 ? null : 'validation.percentRange')
  switch (unit) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'validation.choose'
    case 'percent-by-category': {
      if (typeof value !== 'object') return 'validation.invalid'
      for (const [category, n] of Object.entries(value)) {
        if (!categories.includes(category)) return 'validation.invalid'
        if (n !== null && percent(n)) return 'validation.percentRange'
      }
      return null
    }
    case 'percent':
      return percent(value)
    case 'number':
    case 'hours':
    case 'euros':
    case 'ratio':
      if (typeof value !== 'number') return 'validation.decimal'
      if (value > Number.MAX_SAFE_INTEGER) return 'validation.decimal'
      if (unit === 'ratio') return value > 0 ? null : 'validation.positive'
      return value >= 0 ? null : 'validation.negative'
    case 'text':
      if (typeof value !== 'string' || !hasVisibleCharacter(value)) return 'validation.invalid'
      return value.length > INDICATOR_TEXT_MAX ? 'validation.tooLong' : null
    case 'date':
      return typeof value === 'string' && z.iso.date().safeParse(value).success ? null : 'validation.date'
  }
}

/** What was typed, read as a value of the unit's type; ranges are `indicatorValueProblem`'s. */
function readDraft(unit: IndicatorUnit, draft: IndicatorDraft, categories: ReadonlyArray<string>): ParsedValue {
  const number = (text: string): ParsedValue => {
    const n = parseFrenchNumber(text)
    return n === undefined || (n !== null && !Number.isFinite(n))
      ? { ok: false, error: 'validation.decimal' }
      : { ok: true, value: n }
  }
  switch (unit) {
    case 'boolean':
      return typeof draft === 'boolean'
        ? { ok: true, value: draft }
        : draft === ''
          ? { ok: true, value: null }
          : { ok: false, error: 'validation.choose' }
    case 'percent-by-category': {
      if (typeof draft !== 'object') return { ok: false, error: 'validation.invalid' }
      const value: Record<string, number | null> = {}
      for (const category of categories) {
        const read = number(draft[category] ?? '')
        if (!read.ok) return read
        value[category] = read.value as number | null
      }
      return { ok: true, value: Object.values(value).every((v) => v === null) ? null : value }
    }
  }
  if (typeof draft !== 'string') return { ok: false, error: 'validation.invalid' }
  const text = draft.trim()
  if (unit === 'text' || unit === 'date') return { ok: true, value: text === '' ? null : text }
  return number(draft)
}

/** Checks what the user typed against the indicator's unit before anything is written. */
export function parseIndicatorDraft(
  unit: IndicatorUnit,
  draft: IndicatorDraft,
  categories: ReadonlyArray<string> = [],
): ParsedValue {
  const read = readDraft(unit, draft, categories)
  if (!read.ok) return read
  const problem = indicatorValueProblem(unit, read.value, categories)
  return problem ? { ok: false, error: problem } : read
}
