import { lazySchema, z } from './zod.ts'
import { RecordIdSchema } from './fields.ts'

export const LEVEL_MIN = 0
export const LEVEL_MAX = 4
export const NOTE_MAX = 10_000
export const REASON_MAX = 500
export const EVIDENCE_ITEM_MAX = 300
export const EVIDENCE_COUNT_MAX = 50

export const LevelSchema = lazySchema(() => z.int().min(LEVEL_MIN).max(LEVEL_MAX))

/** A maturity level, « non applicable » (with an optional reason) or « je ne sais pas encore ». */
export const ResponseSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('level'), level: LevelSchema }),
    z.strictObject({ kind: z.literal('na'), reason: z.string().trim().max(REASON_MAX) }),
    z.strictObject({ kind: z.literal('unknown') }),
  ]),
)
export type Response = z.infer<typeof ResponseSchema>

/**
 * The profile said the question does not apply (legal form, size) but the organisation answers it anyway:
 * the reason is required so the choice can be explained at the AG.
 */
export const ApplicabilityOverrideSchema = lazySchema(() =>
  z.strictObject({
    reason: z.string().trim().min(1, { error: 'validation.required' }).max(REASON_MAX, { error: 'validation.tooLong' }),
  }),
)

export const AnswerSchema = lazySchema(() =>
  z.strictObject({
    assessmentId: RecordIdSchema,
    questionId: RecordIdSchema,
    response: ResponseSchema.nullable(),
    note: z.string().max(NOTE_MAX),
    evidence: z.array(z.string().trim().min(1).max(EVIDENCE_ITEM_MAX)).max(EVIDENCE_COUNT_MAX),
    applicabilityOverride: ApplicabilityOverrideSchema.nullable(),
    /** Copied from last year's assessment and not yet confirmed by the user (« inchangé » or a new answer). */
    carriedOver: z.boolean(),
    updatedAt: z.iso.datetime(),
  }),
)
export type Answer = z.infer<typeof AnswerSchema>

/** The maturity level given, or null for « non applicable », « je ne sais pas encore » or no answer. */
export function levelOf(answer: Answer | undefined): number | null {
  return answer?.response?.kind === 'level' ? answer.response.level : null
}

/** The fields one user gesture changes; everything else in the stored answer is left as it is. */
export const AnswerPatchSchema = lazySchema(() =>
  AnswerSchema.pick({
    response: true,
    note: true,
    evidence: true,
    applicabilityOverride: true,
    carriedOver: true,
  }).partial(),
)
export type AnswerPatch = z.infer<typeof AnswerPatchSchema>

export function emptyAnswer(assessmentId: string, questionId: string, updatedAt: string): Answer {
  return {
    assessmentId,
    questionId,
    response: null,
    note: '',
    evidence: [],
    applicabilityOverride: null,
    carriedOver: false,
    updatedAt,
  }
}

/** Any change to the response confirms a carried-over answer; notes and evidence alone do not. */
export function applyAnswerPatch(answer: Answer, patch: AnswerPatch, updatedAt: string): Answer {
  const confirms = 'response' in patch && !('carriedOver' in patch)
  return { ...answer, ...patch, ...(confirms ? { carriedOver: false } : {}), updatedAt }
}
