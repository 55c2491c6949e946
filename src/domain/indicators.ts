import { z } from './zod.ts'
import { IndicatorUnitSchema, type IndicatorUnit } from './guide/schema.ts'

export const INDICATOR_TEXT_MAX = 2000
export const INDICATOR_NOTE_MAX = 2000
export const INDICATOR_LABEL_MAX = 200
export const CUSTOM_INDICATOR_PREFIX = 'custom.'

/** One value per exercise: a number, yes/no, a text, a date, or one percentage per category. */
export const IndicatorValueSchema = z.union([z.number(), z.boolean(), z.string(), z.record(z.string(), z.number().nullable())])
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>

export const IndicatorRecordSchema = z.strictObject({
  assessmentId: z.string().min(1),
  indicatorId: z.string().min(1),
  value: IndicatorValueSchema.nullable(),
  note: z.string().max(INDICATOR_NOTE_MAX),
  updatedAt: z.iso.datetime(),
})
export type IndicatorRecord = z.infer<typeof IndicatorRecordSchema>

/** The organisation's own indicators (method step 3: « des éléments peuvent être ajoutés »). */
export const CustomIndicatorUnitSchema = IndicatorUnitSchema.exclude(['percent-by-category'])

export const CustomIndicatorInputSchema = z.strictObject({
  label: z
    .string()
    .trim()
    .min(1, { error: 'validation.required' })
    .max(INDICATOR_LABEL_MAX, { error: 'validation.tooLong' }),
  themeId: z.string().min(1, { error: 'validation.choose' }),
  unit: z.enum(CustomIndicatorUnitSchema.options, { error: 'validation.choose' }),
})

export const CustomIndicatorSchema = z.strictObject({
  id: z.string().startsWith(CUSTOM_INDICATOR_PREFIX),
  organisationId: z.string().min(1),
  label: z.string().trim().min(1).max(INDICATOR_LABEL_MAX),
  themeId: z.string().min(1),
  unit: CustomIndicatorUnitSchema,
  createdAt: z.iso.datetime(),
})
export type CustomIndicator = z.infer<typeof CustomIndicatorSchema>

/** What the user typed: text for most units, a boolean for yes/no, one text per category. */
export type IndicatorDraft = string | boolean | Record<string, string>

export type ParsedValue = { ok: true; value: IndicatorValue | null } | { ok: false; error: string }

/** French input: spaces as thousands separators, a decimal comma. Empty text means « no value ». */
export function parseFrenchNumber(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$|€$|h$/i, '').replace(',', '.')
  if (cleaned === '') return null
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined
  return Number(cleaned)
}

function parseNumber(text: string, kind: 'percent' | 'amount' | 'ratio'): ParsedValue {
  const n = parseFrenchNumber(text)
  if (n === null) return { ok: true, value: null }
  if (n === undefined || !Number.isFinite(n)) return { ok: false, error: 'validation.decimal' }
  if (kind === 'ratio' && n <= 0) return { ok: false, error: 'validation.positive' }
  if (n < 0) return { ok: false, error: kind === 'percent' ? 'validation.percentRange' : 'validation.negative' }
  if (kind === 'percent' && n > 100) return { ok: false, error: 'validation.percentRange' }
  if (n > Number.MAX_SAFE_INTEGER) return { ok: false, error: 'validation.decimal' }
  return { ok: true, value: n }
}

/**
 * Checks a value against its indicator's unit before anything is written: a percentage is 0 to 100, a count,
 * hours or euros are not negative, a ratio is positive, a date is a real date.
 */
export function parseIndicatorDraft(unit: IndicatorUnit, draft: IndicatorDraft, categories: ReadonlyArray<string> = []): ParsedValue {
  switch (unit) {
    case 'boolean':
      return typeof draft === 'boolean' ? { ok: true, value: draft } : draft === '' ? { ok: true, value: null } : { ok: false, error: 'validation.choose' }
    case 'percent-by-category': {
      if (typeof draft !== 'object') return { ok: false, error: 'validation.invalid' }
      const value: Record<string, number | null> = {}
      for (const category of categories) {
        const parsed = parseNumber(draft[category] ?? '', 'percent')
        if (!parsed.ok) return parsed
        value[category] = parsed.value as number | null
      }
      return { ok: true, value: Object.values(value).every((v) => v === null) ? null : value }
    }
  }
  if (typeof draft !== 'string') return { ok: false, error: 'validation.invalid' }
  switch (unit) {
    case 'percent':
      return parseNumber(draft, 'percent')
    case 'number':
    case 'hours':
    case 'euros':
      return parseNumber(draft, 'amount')
    case 'ratio':
      return parseNumber(draft, 'ratio')
    case 'text': {
      const text = draft.trim()
      if (text.length > INDICATOR_TEXT_MAX) return { ok: false, error: 'validation.tooLong' }
      return { ok: true, value: text === '' ? null : text }
    }
    case 'date':
      if (draft.trim() === '') return { ok: true, value: null }
      return z.iso.date().safeParse(draft.trim()).success ? { ok: true, value: draft.trim() } : { ok: false, error: 'validation.date' }
  }
}
