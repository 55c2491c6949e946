import type { QuestionEntry } from '../guide/guideIndex.ts'
import {
  spreadOf,
  toDebate,
  type Discussion,
  type Participant,
  type ParticipantRole,
  type Rating,
  type RatingRecord,
} from '../workshop.ts'

/** A workshop's records for one assessment, as the report reads them. */
export interface WorkshopRecords {
  participants: ReadonlyArray<Participant>
  ratings: ReadonlyArray<RatingRecord>
  discussions: ReadonlyArray<Discussion>
}

/** Who took part: counts by role; names only when the organisation chose to show them. */
export interface ReportWorkshop {
  people: number
  byRole: { role: ParticipantRole; count: number }[]
  names: { name: string; role: ParticipantRole }[] | null
}

export interface DisputedQuestion {
  questionId: string
  /** Its number in the theme, as in the annex. */
  n: number
  text: string
  min: number | null
  max: number | null
  views: number
  agreed: Rating | null
  dissent: string
}

/** One theme's workshop: how many people gave a view, and where they disagreed. */
export interface ReportThemeWorkshop {
  people: number
  disputed: DisputedQuestion[]
}

const ROLE_ORDER: ParticipantRole[] = ['board', 'employee', 'volunteer', 'user', 'partner', 'other']

export function reportWorkshop(records: WorkshopRecords | null, showNames: boolean): ReportWorkshop | null {
  if (!records || records.participants.length === 0) return null
  const byRole = ROLE_ORDER.map((role) => ({
    role,
    count: records.participants.filter((p) => p.role === role).length,
  })).filter((r) => r.count > 0)
  return {
    people: records.participants.length,
    byRole,
    names: showNames ? records.participants.map((p) => ({ name: p.name, role: p.role })) : null,
  }
}

/**
 * A theme's part of the workshop. People: those who gave a view on one of its questions, or the largest show of
 * hands on one of them when the room voted that way (hands are anonymous: they cannot be added to named views
 * without counting someone twice). Disputed: the « à débattre » questions, by the spread or by hand.
 */
export function themeWorkshop(
  records: WorkshopRecords | null,
  entries: ReadonlyArray<{ entry: QuestionEntry; n: number }>,
  agreedOf: (questionId: string) => Rating | null,
): ReportThemeWorkshop | null {
  if (!records) return null
  const ids = new Set(entries.map((e) => e.entry.question.id))
  const raters = new Set(
    records.ratings.filter((r) => r.rating !== null && ids.has(r.questionId)).map((r) => r.participantId),
  )
  const discussions = new Map(records.discussions.filter((d) => ids.has(d.questionId)).map((d) => [d.questionId, d]))
  const hands = Math.max(
    0,
    ...[...discussions.values()].map((d) =>
      d.hands ? d.hands.levels.reduce((a, b) => a + b, 0) + d.hands.na + d.hands.unknown : 0,
    ),
  )
  const people = Math.max(raters.size, hands)
  if (people === 0 && discussions.size === 0) return null
  const disputed = entries.flatMap(({ entry, n }) => {
    const id = entry.question.id
    const ratings = records.ratings.filter((r) => r.questionId === id).map((r) => r.rating)
    const discussion = discussions.get(id)
    const spread = spreadOf(ratings, discussion?.hands ?? null)
    if (!toDebate(spread, discussion)) return []
    return [
      {
        questionId: id,
        n,
        text: entry.question.text,
        min: spread.min,
        max: spread.max,
        views: spread.count + spread.na + spread.unknown,
        agreed: agreedOf(id),
        dissent: discussion?.dissent.trim() ?? '',
      },
    ]
  })
  return { people, disputed }
}
