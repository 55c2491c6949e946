import { NOTE_SAVE_DELAY_MS } from '@/constants'
import { ActionPatchSchema, type Action, type ActionPatch } from '@/domain/actions'
import { AnswerPatchSchema, type Answer, type AnswerPatch } from '@/domain/answer'
import { AgRecordPatchSchema, type AgRecordPatch, type Assessment } from '@/domain/assessment'
import {
  CustomIndicatorInputSchema,
  IndicatorPatchSchema,
  type CustomIndicator,
  type IndicatorPatch,
  type IndicatorRecord,
} from '@/domain/indicators'
import { ObjectivePatchSchema, type Objective, type ObjectivePatch } from '@/domain/objectives'
import {
  DiscussionPatchSchema,
  ParticipantPatchSchema,
  RatingPatchSchema,
  type Discussion,
  type DiscussionPatch,
  type Participant,
  type ParticipantPatch,
  type RatingPatch,
  type RatingRecord,
} from '@/domain/workshop'
import { OrganisationMetaPatchSchema, type Organisation, type OrganisationMetaPatch } from '@/domain/organisation'
import {
  ParticipantDraftPatchSchema,
  type ParticipantDraft,
  type ParticipantDraftPatch,
} from '@/domain/participantSheet'
import { PracticeSheetPatchSchema, type PracticeSheet, type PracticeSheetPatch } from '@/domain/practiceSheet'
import { lazySchema, z } from '@/domain/zod'
import { saveActionPatch } from '../actionRepository'
import { saveAnswerPatch } from '../answerRepository'
import { saveAgPatch } from '../assessmentWrites'
import { saveCustomIndicator, saveIndicatorValue } from '../indicatorRepository'
import { saveObjective } from '../objectiveRepository'
import { saveOrganisationMeta } from '../organisationWrites'
import { savePracticeSheet } from '../practiceSheetRepository'
import { saveParticipantDraft } from '../participantDraftRepository'
import { saveDiscussion, saveParticipant, saveRating } from '../workshopRepository'
import { EditWriter, type EditKey, type EditKinds } from './editWriter'
import { EditJournal } from './journal'

export { EditWriter, type EditKey, type SaveState, type SaveStatus } from './editWriter'

/** An objective names its subject's kind, so its first write can create it. */
const ObjectiveEditSchema = lazySchema(() =>
  ObjectivePatchSchema.extend({ subjectKind: z.enum(['question', 'indicator']) }),
)
export type ObjectiveEdit = ObjectivePatch & { subjectKind: Objective['subjectKind'] }

/** Every kind of edit the app makes, with what one change carries and what a write returns. */
export interface Edits {
  [kind: string]: { patch: object; result: unknown }
  /** Scope: the assessment; id: the question. */
  answer: { patch: AnswerPatch; result: Answer }
  /** Scope: the assessment; id: the indicator. */
  indicator: { patch: IndicatorPatch; result: IndicatorRecord }
  /** Scope: the assessment; id: the question or indicator. */
  objective: { patch: ObjectiveEdit; result: Objective }
  /** Scope: the assessment; id: always `ag`. */
  agRecord: { patch: AgRecordPatch; result: Assessment }
  /** Scope: the organisation; id: the action's. */
  action: { patch: ActionPatch; result: Action }
  /** Scope: the organisation; id: the indicator's (`custom.…`). */
  customIndicator: { patch: z.input<typeof CustomIndicatorInputSchema>; result: CustomIndicator }
  /** Scope: the assessment; id: the participant's. */
  participant: { patch: ParticipantPatch; result: Participant }
  /** Scope: the assessment; id: `ratingId(participant, question)`. */
  rating: { patch: RatingPatch; result: RatingRecord }
  /** Scope: the assessment; id: the question. */
  discussion: { patch: DiscussionPatch; result: Discussion }
  /** Scope: the organisation; id: always `meta` (its tags and archive mark). */
  organisationMeta: { patch: OrganisationMetaPatch; result: Organisation }
  /** Scope: the organisation; id: the sheet's. */
  practiceSheet: { patch: PracticeSheetPatch; result: PracticeSheet }
  /** Scope: the workshop's assessment, on a participant's own device; id: always `draft`. */
  participantDraft: { patch: ParticipantDraftPatch; result: ParticipantDraft }
}

/** A rating's id within its assessment; neither part may contain the separator (UUIDs and guide ids do not). */
export const ratingId = (participantId: string, questionId: string) => `${participantId}|${questionId}`
/** The participant and the question of a rating's id (see `ratingId`). */
export const ratingParts = (id: string): [string, string] => {
  // Participant ids never hold « | » (ParticipantIdSchema); a guide's ids neither.
  const at = id.indexOf('|')
  return [id.slice(0, at), id.slice(at + 1)]
}

const valid =
  <T>(schema: z.ZodType) =>
  (value: unknown): value is T =>
    schema.safeParse(value).success

/** How each kind is checked when replayed and written: always through its repository, in one transaction. */
export const EDIT_KINDS: EditKinds<Edits> = {
  answer: {
    isPatch: valid<AnswerPatch>(AnswerPatchSchema),
    write: (assessmentId, questionId, patch, replayOver) =>
      saveAnswerPatch(assessmentId, questionId, patch, undefined, { replayOver }),
  },
  indicator: {
    isPatch: valid<IndicatorPatch>(IndicatorPatchSchema),
    write: (assessmentId, indicatorId, patch, replayOver) =>
      saveIndicatorValue(assessmentId, indicatorId, patch, undefined, { replayOver }),
  },
  objective: {
    isPatch: valid<ObjectiveEdit>(ObjectiveEditSchema),
    write: (assessmentId, subjectId, { subjectKind, ...patch }, replayOver) =>
      saveObjective({ assessmentId, subjectKind, subjectId }, patch, undefined, { replayOver }),
  },
  agRecord: {
    isPatch: valid<AgRecordPatch>(AgRecordPatchSchema),
    write: (assessmentId, _id, patch, replayOver) => saveAgPatch(assessmentId, patch, undefined, { replayOver }),
  },
  action: {
    isPatch: valid<ActionPatch>(ActionPatchSchema),
    write: (organisationId, id, patch, replayOver) =>
      saveActionPatch(organisationId, id, patch, undefined, { replayOver }),
  },
  customIndicator: {
    isPatch: valid<z.input<typeof CustomIndicatorInputSchema>>(CustomIndicatorInputSchema),
    write: (organisationId, id, patch, replayOver) =>
      saveCustomIndicator(organisationId, id, patch, undefined, { replayOver }),
  },
  participant: {
    isPatch: valid<ParticipantPatch>(ParticipantPatchSchema),
    write: (assessmentId, id, patch, replayOver) => saveParticipant(assessmentId, id, patch, undefined, { replayOver }),
  },
  rating: {
    isPatch: valid<RatingPatch>(RatingPatchSchema),
    write: (assessmentId, id, patch, replayOver) =>
      saveRating(assessmentId, ...ratingParts(id), patch, undefined, { replayOver }),
  },
  discussion: {
    isPatch: valid<DiscussionPatch>(DiscussionPatchSchema),
    write: (assessmentId, questionId, patch, replayOver) =>
      saveDiscussion(assessmentId, questionId, patch, undefined, { replayOver }),
  },
  organisationMeta: {
    isPatch: valid<OrganisationMetaPatch>(OrganisationMetaPatchSchema),
    write: (organisationId, _id, patch, replayOver) =>
      saveOrganisationMeta(organisationId, patch, undefined, { replayOver }),
  },
  practiceSheet: {
    isPatch: valid<PracticeSheetPatch>(PracticeSheetPatchSchema),
    write: (organisationId, id, patch, replayOver) =>
      savePracticeSheet(organisationId, id, patch, undefined, { replayOver }),
  },
  participantDraft: {
    isPatch: valid<ParticipantDraftPatch>(ParticipantDraftPatchSchema),
    write: (assessmentId, _id, patch, replayOver) =>
      saveParticipantDraft(assessmentId, patch, undefined, { replayOver }),
  },
}

// `npm run bench` builds with `--mode bench` and switches a kind's write off there, to measure what a save adds to the
// click's own update (the same click, the same run). A production build drops this line.
if (import.meta.env.MODE === 'bench' && typeof window !== 'undefined')
  Object.assign(window, { capEssEditKinds: EDIT_KINDS })

/** What the fields an edit changes held before it, read from the record the screen shows (see `EditWriter.edit`). */
export function baseOf<P extends object>(shown: object, patch: P): Partial<P> {
  return Object.fromEntries(
    Object.keys(patch).map((field) => [field, (shown as Record<string, unknown>)[field] ?? null]),
  ) as Partial<P>
}

/** The records edits are made to, named the same way everywhere. */
export const editKeys = {
  answer: (assessmentId: string, questionId: string): EditKey<'answer'> => ({
    kind: 'answer',
    scope: assessmentId,
    id: questionId,
  }),
  indicator: (assessmentId: string, indicatorId: string): EditKey<'indicator'> => ({
    kind: 'indicator',
    scope: assessmentId,
    id: indicatorId,
  }),
  objective: (assessmentId: string, subjectId: string): EditKey<'objective'> => ({
    kind: 'objective',
    scope: assessmentId,
    id: subjectId,
  }),
  agRecord: (assessmentId: string): EditKey<'agRecord'> => ({ kind: 'agRecord', scope: assessmentId, id: 'ag' }),
  action: (organisationId: string, actionId: string): EditKey<'action'> => ({
    kind: 'action',
    scope: organisationId,
    id: actionId,
  }),
  customIndicator: (organisationId: string, indicatorId: string): EditKey<'customIndicator'> => ({
    kind: 'customIndicator',
    scope: organisationId,
    id: indicatorId,
  }),
  participant: (assessmentId: string, participantId: string): EditKey<'participant'> => ({
    kind: 'participant',
    scope: assessmentId,
    id: participantId,
  }),
  rating: (assessmentId: string, participantId: string, questionId: string): EditKey<'rating'> => ({
    kind: 'rating',
    scope: assessmentId,
    id: ratingId(participantId, questionId),
  }),
  discussion: (assessmentId: string, questionId: string): EditKey<'discussion'> => ({
    kind: 'discussion',
    scope: assessmentId,
    id: questionId,
  }),
  organisationMeta: (organisationId: string): EditKey<'organisationMeta'> => ({
    kind: 'organisationMeta',
    scope: organisationId,
    id: 'meta',
  }),
  practiceSheet: (organisationId: string, sheetId: string): EditKey<'practiceSheet'> => ({
    kind: 'practiceSheet',
    scope: organisationId,
    id: sheetId,
  }),
  participantDraft: (assessmentId: string): EditKey<'participantDraft'> => ({
    kind: 'participantDraft',
    scope: assessmentId,
    id: 'draft',
  }),
}

/**
 * Kinds that are not records of an assessment: an organisation's (its actions, indicators, tags, sheets), and a
 * participant's draft on their own device, which belongs to the device until it is handed in.
 */
const NOT_THE_ASSESSMENTS = new Set([
  'action',
  'customIndicator',
  'organisationMeta',
  'practiceSheet',
  'participantDraft',
])
/** Edits of one assessment: its answers, indicators, objectives, AG texts and workshop. */
export const ofAssessment = (assessmentId: string) => (key: EditKey) =>
  key.scope === assessmentId && !NOT_THE_ASSESSMENTS.has(key.kind)

let current: EditWriter<Edits> | null = null

/**
 * The tab's writer. Everything waiting is written at once when the tab is hidden or left (a phone switching apps,
 * a closed laptop); what even that cannot finish is in the journal.
 */
export function editWriter(): EditWriter<Edits> {
  if (current) return current
  const storage = typeof localStorage === 'undefined' ? null : localStorage
  const writer = new EditWriter<Edits>(EDIT_KINDS, new EditJournal(storage), { delayMs: NOTE_SAVE_DELAY_MS })
  if (typeof window !== 'undefined') {
    const flush = () => void writer.flush()
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush())
  }
  current = writer
  return writer
}

/** Tests start each case with a writer of their own (a fresh journal, no timers left from the previous case). */
export function useEditWriter(writer: EditWriter<Edits> | null): void {
  current = writer
}
