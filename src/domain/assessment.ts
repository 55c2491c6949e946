import { z } from 'zod'

/** Exercises the app accepts. The law dates from 2014; 2100 only catches typing mistakes. */
export const YEAR_MIN = 2000
export const YEAR_MAX = 2100
export const PARTICIPANTS_MAX = 2000

export const AssessmentStatusSchema = z.enum(['draft', 'completed'])
export type AssessmentStatus = z.infer<typeof AssessmentStatusSchema>

const YearSchema = z
  .number({ error: 'validation.number' })
  .int({ error: 'validation.integer' })
  .min(YEAR_MIN, { error: 'validation.yearRange' })
  .max(YEAR_MAX, { error: 'validation.yearRange' })

/** What the user chooses when starting an assessment. Messages are i18n keys. */
export const AssessmentInputSchema = z.strictObject({
  year: YearSchema,
  retainedThemeIds: z.array(z.string().min(1)).min(1, { error: 'validation.noTheme' }),
  participants: z.string().trim().max(PARTICIPANTS_MAX, { error: 'validation.tooLong' }),
})
export type AssessmentInput = z.input<typeof AssessmentInputSchema>

export const AssessmentSchema = z.strictObject({
  id: z.string().min(1),
  organisationId: z.string().min(1),
  year: z.int().min(YEAR_MIN).max(YEAR_MAX),
  guideId: z.string().min(1),
  guideVersion: z.int().min(1),
  status: AssessmentStatusSchema,
  retainedThemeIds: z.array(z.string().min(1)).min(1),
  participants: z.string().max(PARTICIPANTS_MAX),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type Assessment = z.infer<typeof AssessmentSchema>

/**
 * The exercise a new assessment is most likely about: the AG held in the first half of a year presents the
 * exercise that just closed, so until June we propose last year, from July the current one.
 */
export function defaultExerciseYear(today: Date): number {
  return today.getMonth() < 6 ? today.getFullYear() - 1 : today.getFullYear()
}
