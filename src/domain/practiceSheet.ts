import { lazySchema, z } from './zod.ts'
import { ItemIdSchema } from './guide/schema.ts'
import { RecordIdSchema, hasVisibleCharacter } from './fields.ts'

/**
 * A practice sheet (« fiche bonne pratique »): a practice an organisation runs, told so that a peer can learn
 * from it. Private by default; only sheets marked shareable leave in a sheet file.
 */
export const SHEET_TITLE_MAX = 160
export const SHEET_TEXT_MAX = 3000
export const SHEET_SHORT_MAX = 200
export const SHEET_QUESTIONS_MAX = 20

const text = (max: number) => z.string().trim().max(max, { error: 'validation.tooLong' })

/** The fields a person writes; every one may be empty while the sheet is drafted, except the title on export. */
export const PracticeSheetFieldsSchema = lazySchema(() =>
  z.strictObject({
    title: text(SHEET_TITLE_MAX),
    themeId: ItemIdSchema.nullable(),
    domaineId: ItemIdSchema.nullable(),
    questionIds: z.array(ItemIdSchema).max(SHEET_QUESTIONS_MAX),
    /** What the practice is. */
    description: text(SHEET_TEXT_MAX),
    /** Since when (a year, « depuis la création »…). */
    since: text(SHEET_SHORT_MAX),
    /** Who is involved (the board, the CSE, users…). */
    involved: text(SHEET_TEXT_MAX),
    /** Results and indicators. */
    results: text(SHEET_TEXT_MAX),
    /** What the organisation would tell a peer who wants to start. */
    advice: text(SHEET_TEXT_MAX),
    /** A contact, only if the organisation chooses to give one. */
    contact: text(SHEET_SHORT_MAX),
    shareable: z.boolean(),
  }),
)
export type PracticeSheetFields = z.infer<typeof PracticeSheetFieldsSchema>

export const PracticeSheetSchema = lazySchema(() =>
  PracticeSheetFieldsSchema.extend({
    id: RecordIdSchema,
    organisationId: RecordIdSchema,
    /** The guide its theme and questions come from. */
    guideId: ItemIdSchema,
    guideVersion: z.int().min(1),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  }),
)
export type PracticeSheet = z.infer<typeof PracticeSheetSchema>

/** One change to a sheet; the first change of a new id creates it, and names the guide it is written against. */
export const PracticeSheetPatchSchema = lazySchema(() =>
  PracticeSheetFieldsSchema.partial().extend({
    guideId: ItemIdSchema.optional(),
    guideVersion: z.int().min(1).optional(),
  }),
)
export type PracticeSheetPatch = z.infer<typeof PracticeSheetPatchSchema>

export const EMPTY_SHEET: PracticeSheetFields = {
  title: '',
  themeId: null,
  domaineId: null,
  questionIds: [],
  description: '',
  since: '',
  involved: '',
  results: '',
  advice: '',
  contact: '',
  shareable: false,
}

/** A sheet can leave the app once it says what it is about: a title and a description. */
export function sheetReadyProblems(
  sheet: Pick<PracticeSheetFields, 'title' | 'description' | 'themeId'>,
): ('title' | 'description' | 'themeId')[] {
  const missing: ('title' | 'description' | 'themeId')[] = []
  if (!hasVisibleCharacter(sheet.title)) missing.push('title')
  if (sheet.themeId === null) missing.push('themeId')
  if (!hasVisibleCharacter(sheet.description)) missing.push('description')
  return missing
}

/** The level from which an answer offers « nous avons une pratique à partager » (an established practice). */
export const SHARE_FROM_LEVEL = 3
