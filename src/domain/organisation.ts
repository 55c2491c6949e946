import { lazySchema, z } from './zod.ts'
import { RecordIdSchema, namesSomething } from './fields.ts'
import { sirenProblem, normaliseSiren } from './siren.ts'

/** Legal forms of the ESS (loi du 31 juillet 2014, art. 1). Coops are split because révision coopérative applies to them. */
export const LEGAL_FORMS = [
  'association',
  'scop',
  'scic',
  'cooperative-other',
  'mutuelle',
  'fondation',
  // Not among the forms art. 1 lists: a fonds de dotation may use the guide voluntarily, the duty is not established.
  'fonds-dotation',
  'societe-commerciale-ess',
  'other',
] as const
export const LegalFormSchema = lazySchema(() => z.enum(LEGAL_FORMS))
export type LegalForm = z.infer<typeof LegalFormSchema>

export const COOPERATIVE_FORMS: readonly LegalForm[] = ['scop', 'scic', 'cooperative-other']

/**
 * How article 3 of the 2014 law reads for a legal form: the ESS forms of its article 1 present to their AG; a
 * fondation has no AG (presenting to its board is a reading of the law, not the law); other structures, fonds de
 * dotation first, use the guide of their own will.
 */
export type LegalFormReading = 'ess' | 'fondation' | 'voluntary'
export function legalFormReading(form: LegalForm): LegalFormReading {
  if (form === 'fondation') return 'fondation'
  if (form === 'fonds-dotation' || form === 'other') return 'voluntary'
  return 'ess'
}

/** INSEE region codes (2016 map): 13 metropolitan regions and 5 overseas ones, plus "abroad / other". */
export const REGIONS = [
  '84',
  '27',
  '53',
  '24',
  '94',
  '44',
  '32',
  '11',
  '28',
  '75',
  '76',
  '52',
  '93',
  '01',
  '02',
  '03',
  '04',
  '06',
  'other',
] as const
export const RegionSchema = lazySchema(() => z.enum(REGIONS))
export type Region = z.infer<typeof RegionSchema>

/**
 * Upper bounds only catch typing mistakes (an extra zero, a pasted phone number): the largest ESS employers
 * have tens of thousands of employees, the largest mutuelles a few million members.
 */
export const ORGANISATION_LIMITS = {
  nameMax: 200,
  employeesMax: 500_000,
  volunteersMax: 5_000_000,
  membersMax: 50_000_000,
} as const

const count = (max: number) =>
  z
    .number({ error: 'validation.number' })
    .int({ error: 'validation.integer' })
    .min(0, { error: 'validation.negative' })
    .max(max, { error: 'validation.tooLarge' })

/**
 * What the user types in the organisation form. Error messages are i18n keys, so the domain stays free of UI
 * code while every message still reaches the user in their language.
 */
export const OrganisationInputSchema = lazySchema(() =>
  z.strictObject({
    name: z
      .string()
      .trim()
      .min(1, { error: 'validation.required' })
      .max(ORGANISATION_LIMITS.nameMax, { error: 'validation.tooLong' })
      .refine(namesSomething, { error: 'validation.nameNoLetters' }),
    legalForm: z.enum(LEGAL_FORMS, { error: 'validation.choose' }),
    employees: count(ORGANISATION_LIMITS.employeesMax),
    volunteers: count(ORGANISATION_LIMITS.volunteersMax),
    members: count(ORGANISATION_LIMITS.membersMax),
    region: z.enum(REGIONS, { error: 'validation.choose' }),
    siren: z
      .string()
      .trim()
      .transform((s) => (s === '' ? null : normaliseSiren(s)))
      .refine((s) => s === null || sirenProblem(s) !== 'format', { error: 'validation.sirenFormat' })
      .refine((s) => s === null || sirenProblem(s) !== 'key', { error: 'validation.sirenKey' }),
  }),
)
export type OrganisationInput = z.input<typeof OrganisationInputSchema>

export const OrganisationSchema = lazySchema(() =>
  z.strictObject({
    id: RecordIdSchema,
    name: z
      .string()
      .trim()
      .min(1)
      .max(ORGANISATION_LIMITS.nameMax)
      .refine(namesSomething, { error: 'validation.nameNoLetters' }),
    legalForm: LegalFormSchema,
    employees: z.int().min(0).max(ORGANISATION_LIMITS.employeesMax),
    volunteers: z.int().min(0).max(ORGANISATION_LIMITS.volunteersMax),
    members: z.int().min(0).max(ORGANISATION_LIMITS.membersMax),
    region: RegionSchema,
    siren: z
      .string()
      .regex(/^\d{9}$/)
      .nullable(),
    /** A facilitator's own labels (« DLA 2026 », « insertion »); absent in files made before the portfolio. */
    tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    /** Set when the facilitator archives the organisation: kept, but out of the portfolio's default view. */
    archivedAt: z.iso.datetime().nullable().optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  }),
)
export type Organisation = z.infer<typeof OrganisationSchema>

/** What the portfolio changes on an organisation, besides its form. */
export const OrganisationMetaPatchSchema = lazySchema(() => OrganisationSchema.pick({ tags: true, archivedAt: true }))
export type OrganisationMetaPatch = z.infer<typeof OrganisationMetaPatchSchema>

/** The part of an organisation that applicability rules read. */
export const OrganisationProfileSchema = lazySchema(() =>
  OrganisationSchema.pick({ legalForm: true, employees: true, volunteers: true, members: true }),
)
export type OrganisationProfile = z.infer<typeof OrganisationProfileSchema>
