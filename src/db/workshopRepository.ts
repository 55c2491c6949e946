import { ValidationError } from '@/domain/validation'
import {
  DiscussionSchema,
  PARTICIPANTS_PER_ASSESSMENT_MAX,
  ParticipantSchema,
  RatingRecordSchema,
  emptyDiscussion,
  emptyParticipant,
  emptyRating,
  type Discussion,
  type DiscussionPatch,
  type Participant,
  type ParticipantPatch,
  type RatingPatch,
  type RatingRecord,
} from '@/domain/workshop'
import type { Sheet } from '@/domain/participantSheet'
import { database, nowIso } from './database'
import { RecordGoneError, assertDraft, madeOnScreen, stillToWrite, type WriteOptions } from './locks'
import { noteOwnWrite } from './ownWrites'

/**
 * A participant's name or role; the first write creates the participant (the patch then carries both). Like every
 * workshop record, refused once the assessment is completed: the workshop is part of the self-assessment.
 */
export async function saveParticipant(
  assessmentId: string,
  id: string,
  patch: ParticipantPatch,
  db = database(),
  options: WriteOptions = {},
): Promise<Participant | undefined> {
  return db.transaction('rw', db.participants, db.assessments, async () => {
    await assertDraft(db, assessmentId)
    const now = nowIso()
    const stored = await db.participants.get([assessmentId, id])
    if (
      !stored &&
      (await db.participants.where('assessmentId').equals(assessmentId).count()) >= PARTICIPANTS_PER_ASSESSMENT_MAX
    ) {
      throw new ValidationError({
        name: { key: 'workshop.participants.tooMany', params: { max: PARTICIPANTS_PER_ASSESSMENT_MAX } },
      })
    }
    const base = stored ?? emptyParticipant(assessmentId, id, now)
    const toWrite = stillToWrite(patch, base, options)
    if (!toWrite) return undefined
    const participant = ParticipantSchema.parse({ ...base, ...toWrite, updatedAt: now })
    await db.participants.put(participant)
    if (madeOnScreen(options)) noteOwnWrite(db, 'participants', assessmentId, [assessmentId, id], participant)
    return participant
  })
}

/** Removes a participant and every rating they gave, in one transaction. */
export async function deleteParticipant(assessmentId: string, id: string, db = database()): Promise<void> {
  await db.transaction('rw', [db.participants, db.ratings, db.assessments], async () => {
    await assertDraft(db, assessmentId)
    await db.ratings
      .where('assessmentId')
      .equals(assessmentId)
      .filter((r) => r.participantId === id)
      .delete()
    await db.participants.delete([assessmentId, id])
  })
}

/** One participant's rating of one question. The participant must exist: a rating never names nobody. */
export async function saveRating(
  assessmentId: string,
  participantId: string,
  questionId: string,
  patch: RatingPatch,
  db = database(),
  options: WriteOptions = {},
): Promise<RatingRecord | undefined> {
  return db.transaction('rw', [db.ratings, db.participants, db.assessments], async () => {
    await assertDraft(db, assessmentId)
    if (!(await db.participants.get([assessmentId, participantId])))
      throw new RecordGoneError('Participant', participantId)
    const stored =
      (await db.ratings.get([assessmentId, participantId, questionId])) ??
      emptyRating(assessmentId, participantId, questionId, nowIso())
    const toWrite = stillToWrite(patch, stored, options)
    if (!toWrite) return undefined
    const record = RatingRecordSchema.parse({ ...stored, ...toWrite, updatedAt: nowIso() })
    await db.ratings.put(record)
    if (madeOnScreen(options))
      noteOwnWrite(db, 'ratings', assessmentId, [assessmentId, participantId, questionId], record)
    return record
  })
}

/** Many ratings at once (a participant's file merged by the facilitator): all of them or none. */
export async function saveRatings(
  assessmentId: string,
  records: ReadonlyArray<Omit<RatingRecord, 'assessmentId' | 'updatedAt'>>,
  db = database(),
): Promise<void> {
  await db.transaction('rw', [db.ratings, db.participants, db.assessments], async () => {
    await assertDraft(db, assessmentId)
    const now = nowIso()
    const rows = records.map((r) => RatingRecordSchema.parse({ ...r, assessmentId, updatedAt: now }))
    for (const participantId of new Set(rows.map((r) => r.participantId))) {
      if (!(await db.participants.get([assessmentId, participantId])))
        throw new RecordGoneError('Participant', participantId)
    }
    await db.ratings.bulkPut(rows)
  })
}

/**
 * Participants' sheets (files or QR codes) merged in one transaction: each sheet's participant is created, or
 * renamed if the sheet was handed in before, and their ratings replace the earlier ones. All sheets or none.
 */
export async function importSheets(
  assessmentId: string,
  sheets: ReadonlyArray<Pick<Sheet, 'participant' | 'ratings'>>,
  db = database(),
): Promise<void> {
  await db.transaction('rw', [db.participants, db.ratings, db.assessments], async () => {
    await assertDraft(db, assessmentId)
    const now = nowIso()
    const count = await db.participants.where('assessmentId').equals(assessmentId).count()
    const fresh = (
      await db.participants.bulkGet(sheets.map((s) => [assessmentId, s.participant.id] as [string, string]))
    ).filter((p) => !p).length
    if (count + fresh > PARTICIPANTS_PER_ASSESSMENT_MAX)
      throw new ValidationError({
        name: { key: 'workshop.participants.tooMany', params: { max: PARTICIPANTS_PER_ASSESSMENT_MAX } },
      })
    for (const [i, { participant, ratings }] of sheets.entries()) {
      const stored = await db.participants.get([assessmentId, participant.id])
      // Participants are listed by arrival: sheets merged together arrive a millisecond apart, in the order received.
      const arrived = new Date(Date.parse(now) + i).toISOString()
      await db.participants.put(
        ParticipantSchema.parse({
          assessmentId,
          ...participant,
          createdAt: stored?.createdAt ?? arrived,
          updatedAt: now,
        }),
      )
      await db.ratings
        .where('assessmentId')
        .equals(assessmentId)
        .filter((r) => r.participantId === participant.id)
        .delete()
      await db.ratings.bulkPut(
        Object.entries(ratings).map(([questionId, rating]) =>
          RatingRecordSchema.parse({ assessmentId, participantId: participant.id, questionId, rating, updatedAt: now }),
        ),
      )
    }
  })
}

/** The « à débattre » marker, the debate's note, a dissent or a show of hands for one question. */
export async function saveDiscussion(
  assessmentId: string,
  questionId: string,
  patch: DiscussionPatch,
  db = database(),
  options: WriteOptions = {},
): Promise<Discussion | undefined> {
  return db.transaction('rw', db.discussions, db.assessments, async () => {
    await assertDraft(db, assessmentId)
    const stored =
      (await db.discussions.get([assessmentId, questionId])) ?? emptyDiscussion(assessmentId, questionId, nowIso())
    const toWrite = stillToWrite(patch, stored, options)
    if (!toWrite) return undefined
    const discussion = DiscussionSchema.parse({ ...stored, ...toWrite, updatedAt: nowIso() })
    await db.discussions.put(discussion)
    if (madeOnScreen(options)) noteOwnWrite(db, 'discussions', assessmentId, [assessmentId, questionId], discussion)
    return discussion
  })
}
