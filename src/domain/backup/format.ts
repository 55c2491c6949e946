import { lazySchema, z } from '../zod.ts'
import { ActionFieldsSchema, dueDateIsPossible, hasTitle } from '../actions.ts'
import { AnswerSchema } from '../answer.ts'
import { AssessmentFieldsSchema, snapshotMatchesStatus } from '../assessment.ts'
import { CustomIndicatorSchema, IndicatorRecordSchema } from '../indicators.ts'
import { ObjectiveSchema } from '../objectives.ts'
import { OrganisationSchema } from '../organisation.ts'
import { DiscussionSchema, ParticipantSchema, RatingRecordSchema } from '../workshop.ts'
import { GuideSchema } from '../guide/schema.ts'
import { PracticeSheetSchema } from '../practiceSheet.ts'
import { SharedSheetSchema } from '../files/practiceSheets.ts'
import { SummarySchema } from '../files/summary.ts'

/**
 * The backup file: everything, or one organisation, nested so that every problem has a readable path
 * (`organisations[0].assessments[2].answers[14].response.level`). Built from the domain schemas, never retyped.
 */
export const BACKUP_FORMAT = 'cap-ess'
export const BACKUP_FORMAT_VERSION = 2
export { BACKUP_MAX_BYTES } from './limits.ts'

/** A workshop's records; absent from the assessments of files made without one (and from files before it existed). */
export const BackupWorkshopSchema = lazySchema(() =>
  z.strictObject({
    participants: z.array(ParticipantSchema.omit({ assessmentId: true })),
    ratings: z.array(RatingRecordSchema.omit({ assessmentId: true })),
    discussions: z.array(DiscussionSchema.omit({ assessmentId: true })),
  }),
)
export type BackupWorkshop = z.infer<typeof BackupWorkshopSchema>

export const BackupAssessmentSchema = lazySchema(() =>
  AssessmentFieldsSchema.omit({ organisationId: true })
    .extend({
      answers: z.array(AnswerSchema.omit({ assessmentId: true })),
      indicatorValues: z.array(IndicatorRecordSchema.omit({ assessmentId: true })),
      objectives: z.array(ObjectiveSchema.omit({ assessmentId: true })),
      workshop: BackupWorkshopSchema.optional(),
    })
    .refine(snapshotMatchesStatus, { error: 'validation.snapshotStatus', path: ['snapshot'] }),
)

export const BackupActionSchema = lazySchema(() =>
  ActionFieldsSchema.omit({ organisationId: true })
    .refine(dueDateIsPossible, { error: 'validation.dueBeforeCreation', path: ['dueDate'] })
    .refine(hasTitle, { error: 'validation.required', path: ['title'] }),
)

export const BackupOrganisationSchema = lazySchema(() =>
  OrganisationSchema.extend({
    assessments: z.array(BackupAssessmentSchema),
    actions: z.array(BackupActionSchema),
    customIndicators: z.array(CustomIndicatorSchema.omit({ organisationId: true })),
    /** The organisation's practice sheets; absent when it has none (and from files made before them). */
    practiceSheets: z.array(PracticeSheetSchema.omit({ organisationId: true })).optional(),
  }),
)

export const BackupEnvelopeSchema = lazySchema(() =>
  z.strictObject({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    exportedAt: z.iso.datetime(),
    appVersion: z.string().min(1).max(50),
    scope: z.enum(['all', 'organisation']),
    organisations: z.array(z.unknown()),
    /**
     * The network guides the file's assessments were made with (not the guides the app ships), so that the file
     * opens on a device that never loaded them. Absent when there are none.
     */
    guides: z.array(z.unknown()).max(50).optional(),
    /** What a network gathered from others (its sheet catalogue, its picture's summaries); in full backups only. */
    network: z.unknown().optional(),
  }),
)

export const BackupNetworkSchema = lazySchema(() =>
  z.strictObject({
    catalogue: z.array(SharedSheetSchema.extend({ importedAt: z.iso.datetime() })),
    summaries: z.array(SummarySchema.extend({ importedAt: z.iso.datetime() })),
  }),
)
export type BackupNetwork = z.infer<typeof BackupNetworkSchema>

export const BackupFileSchema = lazySchema(() =>
  BackupEnvelopeSchema.extend({
    organisations: z.array(BackupOrganisationSchema),
    guides: z.array(GuideSchema).optional(),
    network: BackupNetworkSchema.optional(),
  }),
)

export type BackupFile = z.infer<typeof BackupFileSchema>
export type BackupOrganisation = z.infer<typeof BackupOrganisationSchema>
