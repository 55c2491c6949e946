import { z } from 'zod'
import { ScoreSnapshotSchema } from './snapshot.ts'

/** Exercises the app accepts. The law dates from 2014; 2100 only catches typing mistakes. */
export const YEAR_MIN = 2000
export const YEAR_MAX = 2100
export const PARTICIPANTS_MAX = 2000

export const AssessmentStatusSchema = z.enum(['draft', 'completed'])
export type AssessmentStatus = z.infer<typeof AssessmentStatusSchema>

const YearSchema = z
  .number({ error: 'validation.yearRange' })
  .int({ error: 'validation.yearRange' })
  .min(YEAR_MIN, { error: 'validation.yearRange' })
  .max(YEAR_MAX, { error: 'validation.yearRange' })

/** What the user chooses when starting an assessment. Messages are i18n keys. */
export const AssessmentInputSchema = z.strictObject({
  year: YearSchema,
  retainedThemeIds: z.array(z.string().min(1)).min(1, { error: 'validation.noTheme' }),
  participants: z.string().trim().max(PARTICIPANTS_MAX, { error: 'validation.tooLong' }),
})

/** The fields; `AssessmentSchema` adds the rule that ties status and snapshot (zod cannot omit fields of a refined object). */
export const AssessmentFieldsSchema = z.strictObject({
  id: z.string().min(1),
  organisationId: z.string().min(1),
  year: z.int().min(YEAR_MIN).max(YEAR_MAX),
  guideId: z.string().min(1),
  guideVersion: z.int().min(1),
  status: AssessmentStatusSchema,
  retainedThemeIds: z.array(z.string().min(1)).min(1),
  participants: z.string().max(PARTICIPANTS_MAX),
  /** The assessment this one was pre-filled from, if any. */
  previousAssessmentId: z.string().min(1).nullable(),
  completedAt: z.iso.datetime().nullable(),
  /** Frozen scores, present exactly when the status is « completed ». */
  snapshot: ScoreSnapshotSchema.nullable(),
  /** The date of the assemblée générale where it was presented. */
  presentedAt: z.iso.date().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})

/** A completed assessment has a snapshot, a draft has none. */
export function snapshotMatchesStatus(a: Pick<z.infer<typeof AssessmentFieldsSchema>, 'status' | 'snapshot'>): boolean {
  return (a.status === 'completed') === (a.snapshot !== null)
}

export const AssessmentSchema = AssessmentFieldsSchema.refine(snapshotMatchesStatus, { error: 'validation.snapshotStatus', path: ['snapshot'] })
export type Assessment = z.infer<typeof AssessmentSchema>

/**
 * The AG that approves the accounts of an exercise is held after it closes, usually within six months:
 * a date from the exercise year to two years after catches typing mistakes without forbidding late AGs.
 */
export function agDateProblem(date: string, exerciseYear: number): string | null {
  if (!z.iso.date().safeParse(date).success) return 'validation.date'
  const year = Number(date.slice(0, 4))
  return year < exerciseYear || year > exerciseYear + 2 ? 'validation.agDateRange' : null
}

/**
 * The exercise a new assessment is most likely about: the AG held in the first half of a year presents the
 * exercise that just closed, so until June we propose last year, from July the current one.
 */
export function defaultExerciseYear(today: Date): number {
  return today.getMonth() < 6 ? today.getFullYear() - 1 : today.getFullYear()
}
