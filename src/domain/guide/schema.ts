import { lazySchema, z } from '../zod.ts'
import { LegalFormSchema } from '../organisation.ts'

/**
 * The guide as data. One JSON file per guide version lives in guide-data/ and is checked against these
 * schemas at build time (vite plugin) and test time. Types are inferred from here, never written twice.
 */

/** Stable ids: lower-case words joined by dots or dashes (`gov.rules.explicit`). Never reused. */
export const ItemIdSchema = lazySchema(() =>
  z
    .string()
    .max(120, { error: 'identifiant trop long (120 caractères au plus)' })
    .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, { error: 'identifiant invalide (minuscules, chiffres, points, tirets)' }),
)

/**
 * Texts of the guide, bounded like the forms' fields: a network's guide file is read on a phone too, and a question of
 * nine megabytes would hold its page for seconds. The shipped guide's longest text is under 600 characters.
 */
export const GUIDE_TEXT_MAX = 5000
export const GUIDE_LABEL_MAX = 500
const TextSchema = lazySchema(() =>
  z
    .string()
    .trim()
    .min(1, { error: 'texte vide' })
    .max(GUIDE_TEXT_MAX, { error: `texte trop long (${GUIDE_TEXT_MAX} caractères au plus)` }),
)
/** A title, a label, a question: a line or two. */
const LabelSchema = lazySchema(() =>
  z
    .string()
    .trim()
    .min(1, { error: 'texte vide' })
    .max(GUIDE_LABEL_MAX, { error: `texte trop long pour un titre (${GUIDE_LABEL_MAX} caractères au plus)` }),
)

/** Where an item comes from (guide-reference.md, "Provenance tags"). */
export const ProvenanceSchema = lazySchema(() => z.enum(['official', 'official-incomplete', 'proposed']))

/**
 * Applicability rule on the organisation's profile. Every condition given must hold.
 * An item whose rule fails is pre-marked « non applicable »; the user may override with a reason.
 */
export const ApplicabilitySchema = lazySchema(() =>
  z
    .strictObject({
      legalForms: z.array(LegalFormSchema).min(1).optional(),
      excludedLegalForms: z.array(LegalFormSchema).min(1).optional(),
      minEmployees: z.int().min(1).optional(),
      requiresVolunteers: z.literal(true).optional(),
    })
    .refine((rule) => Object.keys(rule).length > 0, { error: 'règle d’applicabilité vide' }),
)

export const IndicatorUnitSchema = lazySchema(() =>
  z.enum(['percent', 'percent-by-category', 'number', 'ratio', 'hours', 'euros', 'boolean', 'text', 'date']),
)

/**
 * How a question is answered. « maturity »: on the 0–4 scale, scored. « fact »: a value (a number, a share, an
 * amount, a short text) kept in the theme's indicator the question names, not scored. « reflection »: free text for
 * the debate, not scored. Only maturity questions enter scores and coverage.
 */
export const AnswerKindSchema = lazySchema(() => z.enum(['maturity', 'fact', 'reflection']))
export type AnswerKind = z.infer<typeof AnswerKindSchema>

export const QuestionSchema = lazySchema(() =>
  z.strictObject({
    id: ItemIdSchema,
    text: LabelSchema,
    help: TextSchema,
    kind: AnswerKindSchema.default('maturity'),
    /**
     * A short line on how to answer: for a maturity question, what 0 and 4 mean for it where the generic scale reads
     * unclear; for a fact, what to enter.
     */
    answerHint: LabelSchema.optional(),
    /** The indicator that holds a fact question's value (an indicator of the same theme). */
    indicatorId: ItemIdSchema.optional(),
    provenance: ProvenanceSchema,
    provenanceNote: TextSchema.optional(),
    weight: z.number().positive().max(10).default(1),
    applicability: ApplicabilitySchema.optional(),
    legalNote: TextSchema.optional(),
    related: z.array(ItemIdSchema).optional(),
  }),
)

export const DomaineSchema = lazySchema(() =>
  z.strictObject({
    id: ItemIdSchema,
    label: LabelSchema,
    provenance: ProvenanceSchema,
    applicability: ApplicabilitySchema.optional(),
    questions: z.array(QuestionSchema).min(1).max(100),
  }),
)

export const IndicatorSchema = lazySchema(() =>
  z.strictObject({
    id: ItemIdSchema,
    label: LabelSchema,
    unit: IndicatorUnitSchema,
    suffix: LabelSchema.optional(),
    categories: z.array(LabelSchema).min(2).max(50).optional(),
    provenance: ProvenanceSchema,
    domaineId: ItemIdSchema,
    applicability: ApplicabilitySchema.optional(),
    legalNote: TextSchema.optional(),
  }),
)

export const PracticeSchema = lazySchema(() =>
  z.strictObject({
    text: TextSchema,
    provenance: ProvenanceSchema,
    note: TextSchema.optional(),
  }),
)

const TaggedListSchema = lazySchema(() =>
  z.strictObject({
    provenance: ProvenanceSchema,
    items: z.array(TextSchema).min(1).max(50),
  }),
)

export const ThemeSchema = lazySchema(() =>
  z.strictObject({
    id: ItemIdSchema,
    number: z.int().min(1).max(99),
    officialTitle: LabelSchema,
    shortLabel: LabelSchema,
    subtitle: LabelSchema,
    legalBasis: TextSchema,
    definition: TextSchema,
    keyIdeas: TaggedListSchema,
    stakes: TaggedListSchema,
    applicability: ApplicabilitySchema.optional(),
    domaines: z.array(DomaineSchema).min(1).max(50),
    indicators: z.array(IndicatorSchema).max(200),
    practices: z.array(PracticeSchema).max(200),
    sources: z.array(z.url().max(2000)).min(1).max(50),
  }),
)

/** Documents the organisation already produces, suggested as evidence (guide-reference.md, last table). */
export const EvidenceDocumentSchema = lazySchema(() =>
  z.strictObject({
    id: ItemIdSchema,
    label: LabelSchema,
    producedBy: LabelSchema,
    applicability: ApplicabilitySchema.optional(),
    evidenceFor: z.array(ItemIdSchema).min(1),
  }),
)

/**
 * How answers made with the previous guide version carry over to this one: questions renamed (old id → new id),
 * questions removed, and questions no longer scored (now a fact or a reflection: their answers keep the note and
 * the evidence, not the level). Ids absent from every list are unchanged.
 */
export const GuideMigrationSchema = lazySchema(() =>
  z.strictObject({
    fromVersion: z.int().min(1),
    renamed: z.record(ItemIdSchema, ItemIdSchema),
    removed: z.array(ItemIdSchema),
    notesOnly: z.array(ItemIdSchema).default([]),
  }),
)

export const GuideSchema = lazySchema(() =>
  z.strictObject({
    format: z.literal('cap-ess-guide'),
    id: ItemIdSchema,
    version: z.int().min(1),
    title: LabelSchema,
    shortTitle: LabelSchema,
    publisher: LabelSchema,
    adoptedOn: z.iso.date(),
    legalBasis: TextSchema,
    language: z.literal('fr'),
    themes: z.array(ThemeSchema).min(1).max(99),
    documents: z.array(EvidenceDocumentSchema).max(200),
    migration: GuideMigrationSchema.optional(),
  }),
)

const BilingualSchema = lazySchema(() => z.strictObject({ fr: TextSchema, en: TextSchema }))

export const MaturityLevelSchema = lazySchema(() =>
  z.strictObject({
    level: z.int().min(0).max(4),
    label: BilingualSchema,
    description: BilingualSchema,
  }),
)

/** The maturity scale is data too: five levels, 0 to 4, in order. */
export const MaturityScaleSchema = lazySchema(() =>
  z.strictObject({
    format: z.literal('cap-ess-maturity-scale'),
    id: ItemIdSchema,
    levels: z
      .array(MaturityLevelSchema)
      .length(5)
      .refine((levels) => levels.every((l, i) => l.level === i), {
        error: 'les niveaux doivent aller de 0 à 4, dans l’ordre',
      }),
  }),
)

export type Provenance = z.infer<typeof ProvenanceSchema>
export type Applicability = z.infer<typeof ApplicabilitySchema>
export type IndicatorUnit = z.infer<typeof IndicatorUnitSchema>
export type Question = z.infer<typeof QuestionSchema>
export type Domaine = z.infer<typeof DomaineSchema>
export type Indicator = z.infer<typeof IndicatorSchema>
export type Practice = z.infer<typeof PracticeSchema>
export type Theme = z.infer<typeof ThemeSchema>
export type EvidenceDocument = z.infer<typeof EvidenceDocumentSchema>
export type Guide = z.infer<typeof GuideSchema>
export type GuideMigration = z.infer<typeof GuideMigrationSchema>
export type MaturityLevel = z.infer<typeof MaturityLevelSchema>
export type MaturityScale = z.infer<typeof MaturityScaleSchema>
