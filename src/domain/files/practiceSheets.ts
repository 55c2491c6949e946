import { lazySchema, z } from '../zod.ts'
import { problemsFromZod, shortValue, MAX_PROBLEMS, type ImportProblem } from '../backup/problems.ts'
import type { GuideIndex } from '../guide/guideIndex.ts'
import { ItemIdSchema } from '../guide/schema.ts'
import { RecordIdSchema, hasVisibleCharacter } from '../fields.ts'
import { LegalFormSchema, OrganisationSchema, RegionSchema, type Organisation } from '../organisation.ts'
import { PracticeSheetFieldsSchema, SHEET_SHORT_MAX, type PracticeSheet } from '../practiceSheet.ts'
import { SizeBandSchema, sizeBandOf } from '../sizeBand.ts'
import { latestAllowed, readEnvelope, type Refusal } from './envelope.ts'

/**
 * The practice-sheet file: shareable sheets, one or many, from one or several organisations. A sheet carries the
 * words of its theme, domaine and questions, so a catalogue reads it without the guide it was written with.
 */
export const SHEETS_FORMAT = 'cap-ess-practice-sheets'
export const SHEETS_FORMAT_VERSION = 1
export const SHEETS_MAX_BYTES = 20 * 1024 * 1024
export const SHEETS_PER_FILE_MAX = 2000

const Label = lazySchema(() =>
  z
    .string()
    .trim()
    .min(1)
    .max(SHEET_SHORT_MAX * 2),
)

export const SharedSheetSchema = lazySchema(() =>
  PracticeSheetFieldsSchema.omit({ shareable: true, themeId: true }).extend({
    id: RecordIdSchema,
    title: PracticeSheetFieldsSchema.shape.title.refine(hasVisibleCharacter, { error: 'validation.required' }),
    description: PracticeSheetFieldsSchema.shape.description.refine(hasVisibleCharacter, {
      error: 'validation.required',
    }),
    themeId: ItemIdSchema,
    guideId: ItemIdSchema,
    guideVersion: z.int().min(1),
    theme: z.strictObject({ number: z.int().min(1).max(99), label: Label }),
    domaine: Label.nullable(),
    questions: z.array(z.strictObject({ id: ItemIdSchema, text: z.string().trim().min(1).max(1000) })).max(20),
    organisation: z.strictObject({
      // The form's rule: a name made only of invisible characters names nothing (the catalogue would show a blank).
      name: OrganisationSchema.shape.name,
      legalForm: LegalFormSchema,
      region: RegionSchema,
      sizeBand: SizeBandSchema,
    }),
    updatedAt: z.iso.datetime(),
  }),
)
export type SharedSheet = z.infer<typeof SharedSheetSchema>

export const SheetsFileSchema = lazySchema(() =>
  z.strictObject({
    format: z.literal(SHEETS_FORMAT),
    formatVersion: z.literal(SHEETS_FORMAT_VERSION),
    exportedAt: z.iso.datetime(),
    appVersion: z.string().min(1).max(50),
    sheets: z.array(SharedSheetSchema).min(1).max(SHEETS_PER_FILE_MAX),
  }),
)
export type SheetsFile = z.infer<typeof SheetsFileSchema>

/** A sheet as it leaves the organisation: the guide's words resolved, its own headcount as a band. */
export function shareSheet(sheet: PracticeSheet, organisation: Organisation, guide: GuideIndex): SharedSheet {
  const theme = sheet.themeId ? guide.themeById.get(sheet.themeId) : undefined
  const domaine = theme?.domaines.find((d) => d.id === sheet.domaineId)
  return {
    id: sheet.id,
    title: sheet.title,
    themeId: sheet.themeId ?? '',
    domaineId: domaine ? domaine.id : null,
    questionIds: sheet.questionIds.filter((id) => guide.questionById.has(id)),
    description: sheet.description,
    since: sheet.since,
    involved: sheet.involved,
    results: sheet.results,
    advice: sheet.advice,
    contact: sheet.contact,
    guideId: sheet.guideId,
    guideVersion: sheet.guideVersion,
    theme: { number: theme?.number ?? 1, label: theme?.shortLabel ?? '' },
    domaine: domaine?.label ?? null,
    questions: sheet.questionIds.flatMap((id) => {
      const entry = guide.questionById.get(id)
      return entry ? [{ id, text: entry.question.text }] : []
    }),
    organisation: {
      name: organisation.name,
      legalForm: organisation.legalForm,
      region: organisation.region,
      sizeBand: sizeBandOf(organisation.employees),
    },
    updatedAt: sheet.updatedAt,
  }
}

export function sheetsFile(sheets: SharedSheet[], appVersion: string, now = new Date()): SheetsFile {
  return {
    format: SHEETS_FORMAT,
    formatVersion: SHEETS_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    appVersion,
    sheets,
  }
}

export type SheetsParse = { ok: true; file: SheetsFile } | Refusal

/** A sheet file checked whole: every problem located (`sheets[2].title`), nothing accepted from a broken file. */
export function parseSheetsFile(text: string, now = new Date()): SheetsParse {
  const read = readEnvelope(text, SHEETS_FORMAT, SHEETS_FORMAT_VERSION, SHEETS_MAX_BYTES)
  if (!read.ok) return read
  const parsed = SheetsFileSchema.safeParse(read.json)
  if (!parsed.success)
    return { ok: false, problems: problemsFromZod(parsed.error.issues, read.json).slice(0, MAX_PROBLEMS) }
  const problems: ImportProblem[] = []
  const latest = latestAllowed(now)
  const seen = new Set<string>()
  if (parsed.data.exportedAt > latest)
    problems.push({ path: 'exportedAt', key: 'import.problem.future', params: { value: parsed.data.exportedAt } })
  parsed.data.sheets.forEach((sheet, i) => {
    if (seen.has(sheet.id))
      problems.push({
        path: `sheets[${i}].id`,
        key: 'import.problem.duplicate',
        params: { value: shortValue(sheet.id) },
      })
    seen.add(sheet.id)
    if (sheet.updatedAt > latest)
      problems.push({
        path: `sheets[${i}].updatedAt`,
        key: 'import.problem.future',
        params: { value: sheet.updatedAt },
      })
  })
  return problems.length ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) } : { ok: true, file: parsed.data }
}
