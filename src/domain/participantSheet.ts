import { lazySchema, z } from './zod.ts'
import { problemsFromZod } from './backup/problems.ts'
import { latestAllowed, newerThan, readEnvelope, tooLarge } from './files/envelope.ts'
import { RecordIdSchema } from './fields.ts'
import { ItemIdSchema } from './guide/schema.ts'
import type { GuideIndex } from './guide/guideIndex.ts'
import {
  ParticipantIdSchema,
  ParticipantNameSchema,
  ParticipantRoleSchema,
  RatingSchema,
  type ParticipantRole,
  type Rating,
} from './workshop.ts'

/**
 * Participants on their own devices, with no server: the facilitator hands out a session (a link or a QR code of it),
 * each participant answers on their phone and hands back a sheet (a small file, or a QR code the facilitator's
 * camera reads). A sheet is checked like a backup: against the session it answers and the guide version it names,
 * with a located message for each problem, and merged all or nothing.
 */

/** What a participant's device needs to show the questionnaire. Carried in the link (`/participer?s=…`). */
export const SessionSchema = lazySchema(() =>
  z.strictObject({
    v: z.literal(1),
    /** The assessment the sheets go back to. */
    a: RecordIdSchema,
    g: ItemIdSchema,
    gv: z.int().min(1),
    y: z.int().min(2000).max(2100),
    t: z.array(ItemIdSchema).min(1).max(20),
    /** The organisation's name, so participants know which workshop they answer. */
    o: z.string().max(200),
    /** Questions that do not apply to the organisation (its legal form, its size): not asked. */
    x: z.array(ItemIdSchema).max(300).optional(),
  }),
)
export type Session = z.infer<typeof SessionSchema>

export const SHEET_FORMAT = 'cap-ess-participant'
export const SHEET_FORMAT_VERSION = 1
export const SHEET_MAX_BYTES = 200_000
/**
 * The compact form read from a QR code: the prefix with its format version, then the fields separated by « | ».
 * A code of a later version (`CAPESS-P2|…`) is recognised as one, and refused as a file of a newer app is.
 */
export const QR_PREFIX = `CAPESS-P${SHEET_FORMAT_VERSION}`
const QR_CODE = /^CAPESS-P(\d+)\|/

export const SheetSchema = lazySchema(() =>
  z.strictObject({
    format: z.literal(SHEET_FORMAT),
    formatVersion: z.literal(SHEET_FORMAT_VERSION),
    assessmentId: RecordIdSchema,
    guideId: ItemIdSchema,
    guideVersion: z.int().min(1),
    /** Made on the participant's device: a sheet handed in twice replaces the first, never adds a second person. */
    participant: z.strictObject({ id: ParticipantIdSchema, name: ParticipantNameSchema, role: ParticipantRoleSchema }),
    ratings: z.record(z.string().min(1).max(100), RatingSchema),
    exportedAt: z.iso.datetime(),
  }),
)
export type Sheet = z.infer<typeof SheetSchema>

/**
 * A participant's answers on their own device, until handed in: who they are (the id names them on the
 * facilitator's side, so a sheet handed in twice replaces the first) and their views so far.
 */
export const ParticipantDraftSchema = lazySchema(() =>
  z.object({
    id: ParticipantIdSchema,
    name: z.string().max(200),
    role: ParticipantRoleSchema,
    ratings: z.record(z.string().max(100), RatingSchema),
  }),
)
export type ParticipantDraft = z.infer<typeof ParticipantDraftSchema>

/** One change to a draft: it always names the draft's id, so the first write creates it. */
export const ParticipantDraftPatchSchema = lazySchema(() => ParticipantDraftSchema.partial().required({ id: true }))
export type ParticipantDraftPatch = z.infer<typeof ParticipantDraftPatchSchema>

export interface SheetProblem {
  /** Where in the sheet (« ratings.gov.rules.explicit »), empty for the sheet as a whole. */
  path: string
  key: string
  params: Record<string, string | number>
}

export type SheetResult = { ok: true; sheet: Sheet } | { ok: false; problems: SheetProblem[] }

/** The questions a session rates, in the guide's order: the scored ones of its themes that apply to the organisation. */
export function sessionQuestionIds(guide: GuideIndex, session: Pick<Session, 't' | 'x'>): string[] {
  const retained = new Set(session.t)
  const excluded = new Set(session.x ?? [])
  return guide.guide.themes
    .filter((t) => retained.has(t.id))
    .flatMap((t) =>
      guide
        .questionsOfTheme(t.id)
        .filter((e) => e.question.kind === 'maturity' && !excluded.has(e.question.id))
        .map((e) => e.question.id),
    )
}

/**
 * A short fingerprint of the questions a QR code's ratings follow (FNV-1a): if the retained themes or the profile
 * changed after the link was handed out, the positions would fall on other questions, and the code is refused.
 */
export function questionsFingerprint(questionIds: ReadonlyArray<string>): string {
  let hash = 0x811c9dc5
  for (const char of questionIds.join(',')) {
    hash ^= char.codePointAt(0)!
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(36)
}

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
const fromBase64Url = (code: string) =>
  new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from(atob(code.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  )

export function encodeSession(session: Session): string {
  return toBase64Url(JSON.stringify(session))
}

/** The session of a link, or null when the link is damaged (cut short by a messaging app, typed by hand…). */
export function decodeSession(code: string): Session | null {
  try {
    const parsed = SessionSchema.safeParse(JSON.parse(fromBase64Url(code)))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

const RATING_CHARS: Record<string, Rating> = { '0': 0, '1': 1, '2': 2, '3': 3, '4': 4, n: 'na', u: 'unknown' }
const charOf = (rating: Rating | undefined) =>
  rating === undefined ? '-' : rating === 'na' ? 'n' : rating === 'unknown' ? 'u' : String(rating)

/**
 * The sheet as a QR code's text: ratings as one character per question of the session, in the guide's order, so
 * a full questionnaire fits a code a laptop camera reads at arm's length (about 200 characters).
 */
export function sheetToQr(sheet: Sheet, questionIds: ReadonlyArray<string>): string {
  const { participant } = sheet
  const ratings = questionIds.map((id) => charOf(sheet.ratings[id])).join('')
  return [
    QR_PREFIX,
    sheet.assessmentId,
    sheet.guideId,
    sheet.guideVersion,
    questionsFingerprint(questionIds),
    participant.id,
    participant.role,
    ratings,
    encodeURIComponent(participant.name),
  ].join('|')
}

export interface SheetContext {
  session: Pick<Session, 'a' | 'g' | 'gv' | 't' | 'x'>
  guide: GuideIndex
  now?: Date
}

const problem = (path: string, key: string, params: Record<string, string | number> = {}): SheetProblem => ({
  path,
  key,
  params,
})

/**
 * Reads a sheet handed in as a file (JSON) or a QR code (compact text), and checks it against the session: both go
 * through the same envelope (kind, format version) and the same checks of their questions.
 */
export function parseSheet(text: string, context: SheetContext): SheetResult {
  if (text.length > SHEET_MAX_BYTES) return tooLarge(SHEET_MAX_BYTES)
  const trimmed = text.trim()
  const code = QR_CODE.exec(trimmed)
  let raw: { value: unknown } | { problems: SheetProblem[] }
  if (code) {
    raw = newerThan(Number(code[1]), SHEET_FORMAT_VERSION) ?? fromQr(trimmed, context)
  } else if (trimmed.startsWith('{')) {
    const envelope = readEnvelope(trimmed, SHEET_FORMAT, SHEET_FORMAT_VERSION, SHEET_MAX_BYTES)
    raw = envelope.ok ? { value: envelope.json } : envelope
  } else raw = { problems: [problem('', 'workshop.sheet.problem.notASheet')] }
  if ('problems' in raw) return { ok: false, problems: raw.problems }
  const parsed = SheetSchema.safeParse(raw.value)
  // Located as a backup's problems are: the field, and what is wrong with it (a key nobody expects included).
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error.issues, raw.value).slice(0, 20) }
  const sheet = parsed.data
  if (sheet.assessmentId !== context.session.a)
    return { ok: false, problems: [problem('assessmentId', 'workshop.sheet.problem.otherWorkshop')] }
  if (sheet.guideId !== context.session.g || sheet.guideVersion !== context.session.gv)
    return { ok: false, problems: [problem('guideVersion', 'workshop.sheet.problem.otherGuide')] }
  // The questions the session asks (the profile's exclusions left out), as for a code: a file rates no other.
  const known = new Set(sessionQuestionIds(context.guide, context.session))
  const problems = Object.keys(sheet.ratings)
    .filter((id) => !known.has(id))
    .map((id) => problem(`ratings.${id}`, 'workshop.sheet.problem.unknownQuestion', { value: id }))
  if (sheet.exportedAt > latestAllowed(context.now ?? new Date()))
    problems.push(problem('exportedAt', 'import.problem.future', { value: sheet.exportedAt }))
  return problems.length ? { ok: false, problems } : { ok: true, sheet }
}

function fromQr(text: string, context: SheetContext): { value: unknown } | { problems: SheetProblem[] } {
  const parts = text.split('|')
  if (parts.length !== 9) return { problems: [problem('', 'workshop.sheet.problem.notASheet')] }
  const [, assessmentId, guideId, guideVersion, fingerprint, id, role, ratingText, encodedName] = parts
  if (assessmentId !== context.session.a)
    return { problems: [problem('assessmentId', 'workshop.sheet.problem.otherWorkshop')] }
  const questionIds = sessionQuestionIds(context.guide, context.session)
  if (ratingText.length !== questionIds.length || fingerprint !== questionsFingerprint(questionIds)) {
    return { problems: [problem('ratings', 'workshop.sheet.problem.otherQuestions')] }
  }
  const ratings: Record<string, Rating> = {}
  for (const [i, char] of [...ratingText].entries()) {
    if (char === '-') continue
    if (!(char in RATING_CHARS))
      return { problems: [problem(`ratings.${questionIds[i]}`, 'workshop.sheet.problem.invalid')] }
    ratings[questionIds[i]] = RATING_CHARS[char]
  }
  let name: string
  try {
    name = decodeURIComponent(encodedName)
  } catch {
    return { problems: [problem('participant.name', 'workshop.sheet.problem.invalid')] }
  }
  return {
    value: {
      format: SHEET_FORMAT,
      formatVersion: 1,
      assessmentId,
      guideId,
      guideVersion: Number(guideVersion),
      participant: { id, name, role: role as ParticipantRole },
      ratings,
      exportedAt: (context.now ?? new Date()).toISOString(),
    },
  }
}
