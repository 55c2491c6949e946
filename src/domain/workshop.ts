import { lazySchema, z } from './zod.ts'
import { LEVEL_MAX, LEVEL_MIN, LevelSchema, NOTE_MAX } from './answer.ts'
import { RecordIdSchema, hasVisibleCharacter } from './fields.ts'

/**
 * The workshop: several people rate each question, the group agrees on one answer. Each participant's rating is
 * kept beside the agreed level (the assessment's answer, the only one scored); a question's discussion holds the
 * « à débattre » marker set by hand, the note on the debate, a recorded dissent and the counts of a show of hands.
 */

export const PARTICIPANT_ROLES = ['board', 'employee', 'volunteer', 'user', 'partner', 'other'] as const
export const ParticipantRoleSchema = lazySchema(() => z.enum(PARTICIPANT_ROLES))
export type ParticipantRole = z.infer<typeof ParticipantRoleSchema>

export const PARTICIPANT_NAME_MAX = 80
/** A room, not a stadium: the bound only catches a runaway import. */
export const PARTICIPANTS_PER_ASSESSMENT_MAX = 200
/** Hands raised for one level: a large AG, not more. */
export const HANDS_MAX = 10_000

export const ParticipantNameSchema = lazySchema(() =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(PARTICIPANT_NAME_MAX, { error: 'validation.tooLong' })
    .refine(hasVisibleCharacter, { error: 'validation.required' }),
)

/** A participant's id never holds « | »: a rating's key joins it to the question's id with that sign. */
export const ParticipantIdSchema = lazySchema(() => RecordIdSchema.regex(/^[^|]+$/, { error: 'validation.invalid' }))

export const ParticipantSchema = lazySchema(() =>
  z.strictObject({
    assessmentId: RecordIdSchema,
    id: ParticipantIdSchema,
    /** A name or initials, as the group wants to appear. */
    name: ParticipantNameSchema,
    role: ParticipantRoleSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  }),
)
export type Participant = z.infer<typeof ParticipantSchema>

export const ParticipantPatchSchema = lazySchema(() => ParticipantSchema.pick({ name: true, role: true }).partial())
export type ParticipantPatch = z.infer<typeof ParticipantPatchSchema>

/** One person's rating of one question: a level, « non applicable » or « je ne sais pas ». */
export const RatingSchema = lazySchema(() => z.union([LevelSchema, z.enum(['na', 'unknown'])]))
export type Rating = z.infer<typeof RatingSchema>

export const RatingRecordSchema = lazySchema(() =>
  z.strictObject({
    assessmentId: RecordIdSchema,
    participantId: ParticipantIdSchema,
    questionId: RecordIdSchema,
    /** Null once a rating is cleared: the record stays, nothing is counted. */
    rating: RatingSchema.nullable(),
    updatedAt: z.iso.datetime(),
  }),
)
export type RatingRecord = z.infer<typeof RatingRecordSchema>

export const RatingPatchSchema = lazySchema(() => RatingRecordSchema.pick({ rating: true }))
export type RatingPatch = z.infer<typeof RatingPatchSchema>

const HandCount = lazySchema(() =>
  z
    .int({ error: 'validation.integer' })
    .min(0, { error: 'validation.negative' })
    .max(HANDS_MAX, { error: 'validation.tooLarge' }),
)

/** A show of hands: how many people chose each level (0 to 4), « non applicable » and « je ne sais pas ». */
export const HandsSchema = lazySchema(() =>
  z.strictObject({
    levels: z.array(HandCount).length(LEVEL_MAX - LEVEL_MIN + 1),
    na: HandCount,
    unknown: HandCount,
  }),
)
export type Hands = z.infer<typeof HandsSchema>

export const NO_HANDS: Hands = { levels: [0, 0, 0, 0, 0], na: 0, unknown: 0 }

export const DiscussionSchema = lazySchema(() =>
  z.strictObject({
    assessmentId: RecordIdSchema,
    questionId: RecordIdSchema,
    /** « À débattre », set by hand (the spread may also say so, see `spreadOf`). */
    flagged: z.boolean(),
    /** What the group said before agreeing. */
    note: z.string().max(NOTE_MAX, { error: 'validation.tooLong' }),
    /** A view that did not join the agreed answer, recorded when its holders want it to be. */
    dissent: z.string().max(NOTE_MAX, { error: 'validation.tooLong' }),
    hands: HandsSchema.nullable(),
    updatedAt: z.iso.datetime(),
  }),
)
export type Discussion = z.infer<typeof DiscussionSchema>

export const DiscussionPatchSchema = lazySchema(() =>
  DiscussionSchema.pick({ flagged: true, note: true, dissent: true, hands: true }).partial(),
)
export type DiscussionPatch = z.infer<typeof DiscussionPatchSchema>

/** A participant before their first write names them (the first write carries the name and the role). */
export function emptyParticipant(assessmentId: string, id: string, at: string): Participant {
  return { assessmentId, id, name: '', role: 'other', createdAt: at, updatedAt: at }
}

/** A participant's view of a question before they give one. */
export function emptyRating(assessmentId: string, participantId: string, questionId: string, at: string): RatingRecord {
  return { assessmentId, participantId, questionId, rating: null, updatedAt: at }
}

export function emptyDiscussion(assessmentId: string, questionId: string, updatedAt: string): Discussion {
  return { assessmentId, questionId, flagged: false, note: '', dissent: '', hands: null, updatedAt }
}

/** Levels at least this far apart (0 and 3, 1 and 4…) mean the group does not see the practice the same way. */
export const DISAGREEMENT_RANGE = 3

export interface Spread {
  /** How many people gave a level (ratings and hands together). */
  count: number
  /** People per level, 0 to 4. */
  levels: number[]
  na: number
  unknown: number
  min: number | null
  max: number | null
  /** The middle of the levels given (2.5 between two middles). */
  median: number | null
  /** What the agreed level is pre-filled with: the median, rounded down when it falls between two levels. */
  suggested: number | null
  /** Two groups at both ends (see `twoCamps`), fewer people in between. */
  twoCamps: boolean
  /** A range of `DISAGREEMENT_RANGE` levels or more, or two camps: « à débattre ». */
  disputed: boolean
}

/**
 * The spread of one question's ratings, the participants' and a show of hands together (both are people in the
 * room). Two camps: at least two people at 0–1 and two at 3–4, each group larger than the one at 2 (« 1, 1, 3, 3 »
 * is a split, « 1, 2, 2, 2, 3 » is not).
 */
export function spreadOf(ratings: ReadonlyArray<Rating | null>, hands: Hands | null = null): Spread {
  const levels = [...(hands?.levels ?? NO_HANDS.levels)]
  let na = hands?.na ?? 0
  let unknown = hands?.unknown ?? 0
  for (const rating of ratings) {
    if (rating === null) continue
    if (rating === 'na') na++
    else if (rating === 'unknown') unknown++
    else levels[rating]++
  }
  const count = levels.reduce((a, b) => a + b, 0)
  if (count === 0)
    return {
      count,
      levels,
      na,
      unknown,
      min: null,
      max: null,
      median: null,
      suggested: null,
      twoCamps: false,
      disputed: false,
    }
  const min = levels.findIndex((n) => n > 0)
  const max = levels.length - 1 - [...levels].reverse().findIndex((n) => n > 0)
  const median = (levelAt(levels, Math.floor((count - 1) / 2)) + levelAt(levels, Math.floor(count / 2))) / 2
  const low = levels[0] + levels[1]
  const high = levels[3] + levels[4]
  const twoCamps = low >= 2 && high >= 2 && levels[2] < Math.min(low, high)
  return {
    count,
    levels,
    na,
    unknown,
    min,
    max,
    median,
    suggested: Math.floor(median),
    twoCamps,
    disputed: count >= 2 && (max - min >= DISAGREEMENT_RANGE || twoCamps),
  }
}

/** The level of the `index`-th rating, ratings sorted from 0 to 4. */
function levelAt(levels: ReadonlyArray<number>, index: number): number {
  let seen = 0
  for (const [level, n] of levels.entries()) {
    seen += n
    if (index < seen) return level
  }
  return levels.length - 1
}

/** « À débattre »: the spread says so, or someone marked it by hand. */
export function toDebate(
  spread: Pick<Spread, 'disputed'>,
  discussion: Pick<Discussion, 'flagged'> | undefined,
): boolean {
  return spread.disputed || (discussion?.flagged ?? false)
}

/** Questions to debate first, each group in the guide's order (the sort is stable). */
export function debateOrder<T>(items: ReadonlyArray<T>, isToDebate: (item: T) => boolean): T[] {
  return [...items].sort((a, b) => Number(isToDebate(b)) - Number(isToDebate(a)))
}

/**
 * A rating typed in the grid or on the projector: a digit, « n » for non applicable, « ? » for « je ne sais pas ».
 * The digit row is read by its place (`code`) too: on a French AZERTY keyboard it types « & é " ' ( » without Shift.
 */
export function ratingFromKey(key: string, code = ''): Rating | undefined {
  if (/^[0-4]$/.test(key)) return Number(key)
  const place = /^(?:Digit|Numpad)([0-4])$/.exec(code)
  if (place) return Number(place[1])
  if (key === 'n' || key === 'N') return 'na'
  if (key === '?') return 'unknown'
  return undefined
}
