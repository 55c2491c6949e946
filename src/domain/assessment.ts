import { lazySchema, z } from './zod.ts'
import { RecordIdSchema } from './fields.ts'
import { ItemIdSchema } from './guide/schema.ts'
import { ScoreSnapshotSchema } from './snapshot.ts'

/** Exercises the app accepts. The law dates from 2014; 2100 only catches typing mistakes. */
export const YEAR_MIN = 2000
export const YEAR_MAX = 2100
export const PARTICIPANTS_MAX = 2000

export const AssessmentStatusSchema = lazySchema(() => z.enum(['draft', 'completed']))
export type AssessmentStatus = z.infer<typeof AssessmentStatusSchema>

const YearSchema = lazySchema(() =>
  z
    .number({ error: 'validation.yearRange' })
    .int({ error: 'validation.yearRange' })
    .min(YEAR_MIN, { error: 'validation.yearRange' })
    .max(YEAR_MAX, { error: 'validation.yearRange' }),
)

/** What the user chooses when starting an assessment. Messages are i18n keys. */
export const AssessmentInputSchema = lazySchema(() =>
  z.strictObject({
    year: YearSchema,
    retainedThemeIds: z.array(z.string().min(1)).min(1, { error: 'validation.noTheme' }),
    participants: z.string().trim().max(PARTICIPANTS_MAX, { error: 'validation.tooLong' }),
  }),
)

export const AG_TEXT_MAX = 10_000

const agText = lazySchema(() =>
  z.string({ error: 'validation.invalid' }).trim().max(AG_TEXT_MAX, { error: 'validation.tooLong' }),
)

/**
 * The texts of the AG report: why these themes and how the work was done (written before the AG), then the
 * debate (questions raised, objectives adopted), written after it. They are the report's, not the answers':
 * they can be written on a completed assessment, whose answers stay locked.
 */
export const AgRecordSchema = lazySchema(() =>
  z.strictObject({
    approach: agText,
    questionsRaised: agText,
    objectivesAdopted: agText,
    /** The workshop's participants named in the report (absent or false: counts by role only). */
    showParticipantNames: z.boolean().optional(),
  }),
)
export type AgRecord = z.infer<typeof AgRecordSchema>

export const EMPTY_AG_RECORD: AgRecord = { approach: '', questionsRaised: '', objectivesAdopted: '' }

/** One change to the AG page (a date checked with `agDateProblem` first, or one of the texts as typed). */
export const AgRecordPatchSchema = lazySchema(() =>
  AgRecordSchema.partial().extend({ presentedAt: z.iso.date().nullable().optional() }),
)
export type AgRecordPatch = z.infer<typeof AgRecordPatchSchema>

/** The assessment with a change of its AG page applied: the date, and the texts over the ones it had. */
export function applyAgRecordPatch<A extends Pick<Assessment, 'presentedAt' | 'agRecord'>>(
  assessment: A,
  patch: Partial<AgRecordPatch>,
): A {
  const { presentedAt, ...texts } = patch
  return {
    ...assessment,
    ...(presentedAt !== undefined ? { presentedAt } : {}),
    agRecord: { ...EMPTY_AG_RECORD, ...assessment.agRecord, ...texts },
  }
}

/** The AG page's fields as the form shows them (the date and the texts), for a change's base. */
export function agFieldsOf(assessment: Pick<Assessment, 'presentedAt' | 'agRecord'>) {
  return { presentedAt: assessment.presentedAt, ...EMPTY_AG_RECORD, ...assessment.agRecord }
}

/** The fields; `AssessmentSchema` adds the rule that ties status and snapshot (zod cannot omit fields of a refined object). */
export const AssessmentFieldsSchema = lazySchema(() =>
  z.strictObject({
    id: RecordIdSchema,
    organisationId: RecordIdSchema,
    year: z.int().min(YEAR_MIN).max(YEAR_MAX),
    guideId: ItemIdSchema,
    guideVersion: z.int().min(1),
    status: AssessmentStatusSchema,
    retainedThemeIds: z.array(ItemIdSchema).min(1),
    participants: z.string().max(PARTICIPANTS_MAX),
    /** The assessment this one was pre-filled from, if any. */
    previousAssessmentId: RecordIdSchema.nullable(),
    completedAt: z.iso.datetime().nullable(),
    /** Frozen scores, present exactly when the status is « completed ». */
    snapshot: ScoreSnapshotSchema.nullable(),
    /** The date of the assemblée générale where it was presented. */
    presentedAt: z.iso.date().nullable(),
    /** What the AG report says beyond the answers (absent until first written; format 2 files may lack it). */
    agRecord: AgRecordSchema.optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  }),
)

/** A completed assessment has a snapshot, a draft has none. */
export function snapshotMatchesStatus(a: Pick<z.infer<typeof AssessmentFieldsSchema>, 'status' | 'snapshot'>): boolean {
  return (a.status === 'completed') === (a.snapshot !== null)
}

export const AssessmentSchema = lazySchema(() =>
  AssessmentFieldsSchema.refine(snapshotMatchesStatus, { error: 'validation.snapshotStatus', path: ['snapshot'] }),
)
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
