import type { Answer, Response } from './answer.ts'
import { unmetConditions } from './applicability.ts'
import type { Assessment } from './assessment.ts'
import type { GuideIndex } from './guide/guideIndex.ts'
import { migrateQuestionIds } from './guide/migration.ts'
import type { GuideMigration, Indicator, Theme } from './guide/schema.ts'
import type { IndicatorRecord } from './indicators.ts'
import type { Objective } from './objectives.ts'
import type { OrganisationProfile } from './organisation.ts'
import {
  progress,
  questionState,
  scoreAssessment,
  type AssessmentScores,
  type QuestionScore,
  type QuestionState,
} from './scoring.ts'
import { takeSnapshot, type ScoreSnapshot } from './snapshot.ts'
import type { Rating } from './workshop.ts'

/**
 * One exercise (an assessment and what was recorded for it), read the same way by every screen and document:
 * which profile decides what applies, which questions the profile rules out, the state of each question, the scores
 * shown (frozen or live), the questions a workshop rates, a rating as an answer and back, and its data moved to the
 * current guide's ids. Stores, pages and documents ask these functions; none decides on its own.
 */

/**
 * The profile that decides which questions and indicators apply: the one frozen with a completed exercise's scores,
 * so its answers, strengths and report stay as they were when the organisation grows or changes form; today's for
 * a draft.
 */
export function exerciseProfile(
  assessment: Pick<Assessment, 'snapshot'>,
  organisation: OrganisationProfile,
): OrganisationProfile {
  return assessment.snapshot?.profile ?? organisation
}

/** Scores computed now from the answers, with the exercise's own profile (retained themes only). */
export function liveScores(
  guide: GuideIndex,
  assessment: Pick<Assessment, 'snapshot' | 'retainedThemeIds'>,
  organisation: OrganisationProfile,
  answers: ReadonlyMap<string, Answer>,
): AssessmentScores {
  return scoreAssessment(guide, assessment.retainedThemeIds, exerciseProfile(assessment, organisation), answers)
}

/**
 * The scores an exercise shows: frozen at completion (history never re-scores an old year), live for a draft.
 * `live` is asked for only when there is no snapshot.
 */
export function shownScores(
  assessment: Pick<Assessment, 'snapshot' | 'updatedAt' | 'guideId' | 'guideVersion'>,
  live: () => AssessmentScores,
  organisation: OrganisationProfile,
): ScoreSnapshot {
  return assessment.snapshot ?? takeSnapshot(live(), assessment, assessment.updatedAt, organisation)
}

/** The snapshot frozen when an exercise is completed, with the profile that decided what applied. */
export function completionSnapshot(
  guide: GuideIndex,
  assessment: Assessment,
  organisation: OrganisationProfile,
  answers: ReadonlyMap<string, Answer>,
  takenAt: string,
): ScoreSnapshot {
  return takeSnapshot(
    scoreAssessment(guide, assessment.retainedThemeIds, organisation, answers),
    assessment,
    takenAt,
    organisation,
  )
}

/** Every question of one theme with its state for this exercise, retained or not (a theme left out can be read). */
export function themeQuestions(
  guide: GuideIndex,
  themeId: string,
  assessment: Pick<Assessment, 'snapshot'>,
  organisation: OrganisationProfile,
  answers: ReadonlyMap<string, Answer>,
): QuestionScore[] {
  const profile = exerciseProfile(assessment, organisation)
  return guide
    .questionsOfTheme(themeId)
    .map((entry) => ({ entry, state: questionState(entry, answers.get(entry.question.id), profile) }))
}

/**
 * A question the organisation's profile rules out (a CSE question below 11 employees, say), unless the organisation
 * chose to answer it anyway: shown greyed with the reason, never counted, never rated in a workshop.
 */
export function isExcludedByProfile(state: QuestionState): state is Extract<QuestionState, { by: 'profile' }> {
  return state.kind === 'not-applicable' && state.by === 'profile'
}

/**
 * Whether a workshop rates this question: a scored one the profile does not rule out (facts and reflections are
 * answered once, on the theme page).
 */
export function workshopRates({ entry, state }: QuestionScore): boolean {
  return entry.question.kind === 'maturity' && !isExcludedByProfile(state)
}

/** A workshop's questions in one theme, with their number on the theme page (the guide's order). */
export function workshopQuestions(questions: ReadonlyArray<QuestionScore>): Array<QuestionScore & { n: number }> {
  return questions.map((q, i) => ({ ...q, n: i + 1 })).filter(workshopRates)
}

/**
 * The scored questions of the retained themes that the profile rules out: a participant's device, which does not
 * know the organisation's profile, leaves them out too (`Session.x`).
 */
export function workshopExclusions(
  guide: GuideIndex,
  assessment: Pick<Assessment, 'snapshot' | 'retainedThemeIds'>,
  organisation: OrganisationProfile,
  answers: ReadonlyMap<string, Answer>,
): string[] {
  return assessment.retainedThemeIds.flatMap((themeId) =>
    themeQuestions(guide, themeId, assessment, organisation, answers)
      .filter((q) => q.entry.question.kind === 'maturity' && isExcludedByProfile(q.state))
      .map((q) => q.entry.question.id),
  )
}

/** An answer's response as a workshop rating (the agreed answer beside the participants' views). */
export function ratingOfResponse(response: Response | null | undefined): Rating | null {
  if (!response) return null
  return response.kind === 'level' ? response.level : response.kind
}

/** A rating (a view, or the level the room agreed) as an answer's response; « non applicable » with its reason. */
export function responseOfRating(rating: Rating, naReason = ''): Response {
  if (rating === 'na') return { kind: 'na', reason: naReason }
  if (rating === 'unknown') return { kind: 'unknown' }
  return { kind: 'level', level: rating }
}

/**
 * What a question's state says as a rating, for the anonymised summary: the level, « na » for a question that does
 * not apply (by the profile or by choice), « unknown » for « je ne sais pas encore », null when unanswered.
 */
export function ratingOfState(state: QuestionState, answer: Answer | undefined): Rating | null {
  if (state.kind === 'answered') return state.level
  if (state.kind === 'not-applicable') return 'na'
  return answer?.response?.kind === 'unknown' ? 'unknown' : null
}

/** A question's state in one word, for the list of a theme's questions (facts and reflections included). */
export type QuestionStatus = 'answered' | 'na' | 'unknown' | 'open' | 'excluded'

/**
 * A fact is done when its indicator has a value, a reflection when its note has text; a scored question when it has
 * a level (« non applicable » and « je ne sais pas » say so).
 */
export function questionStatus(
  { entry, state }: QuestionScore,
  answer: Answer | undefined,
  factValue: unknown,
): QuestionStatus {
  const { question } = entry
  if (state.kind === 'not-applicable') return isExcludedByProfile(state) ? 'excluded' : 'na'
  if (question.kind === 'fact') return factValue != null ? 'answered' : 'open'
  if (question.kind === 'reflection') return answer?.note.trim() ? 'answered' : 'open'
  if (state.kind === 'answered') return 'answered'
  return answer?.response?.kind === 'unknown' ? 'unknown' : 'open'
}

/** Progress (scored questions answered, out of those that apply) per retained theme. */
export function progressByTheme(scores: AssessmentScores): Map<string, { done: number; total: number }> {
  const byTheme = new Map<string, QuestionScore[]>()
  for (const q of scores.questions) byTheme.set(q.entry.theme.id, [...(byTheme.get(q.entry.theme.id) ?? []), q])
  return new Map(scores.themes.map((t) => [t.themeId, progress(byTheme.get(t.themeId) ?? [])]))
}

/** Whether an indicator applies to the exercise's profile (its own rule and its theme's). */
export function indicatorApplies(theme: Theme, indicator: Indicator, profile: OrganisationProfile): boolean {
  return (
    unmetConditions(theme.applicability, profile).length === 0 &&
    unmetConditions(indicator.applicability, profile).length === 0
  )
}

/** What is still open before an exercise is completed: the user sees it and confirms before the scores freeze. */
export interface CompletionGaps {
  unanswered: number
  unknown: number
  carriedOver: number
}

export function completionGaps(scores: AssessmentScores, answers: ReadonlyMap<string, Answer>): CompletionGaps {
  const gaps: CompletionGaps = { unanswered: 0, unknown: 0, carriedOver: 0 }
  for (const { entry, state } of scores.questions) {
    if (isExcludedByProfile(state)) continue
    const answer = answers.get(entry.question.id)
    if (answer?.carriedOver) gaps.carriedOver++
    if (state.kind !== 'unanswered') continue
    if (answer?.response?.kind === 'unknown') gaps.unknown++
    else gaps.unanswered++
  }
  return gaps
}

/** One exercise with everything recorded for it, as the history, the comparison and the AG report read it. */
export interface ExerciseData {
  assessment: Assessment
  /** The profile that decides what applies (`exerciseProfile`). */
  profile: OrganisationProfile
  /** Frozen for a completed assessment, computed live for a draft. */
  snapshot: ScoreSnapshot
  /** Answers keyed by the current guide's question ids (older guide versions migrated). */
  answers: ReadonlyMap<string, Answer>
  indicators: ReadonlyMap<string, IndicatorRecord>
  objectives: ReadonlyMap<string, Objective>
}

/**
 * Builds one exercise from its stored records. `ownGuide` is the guide version it was made with (its scores are
 * computed with it); `steps` move its question ids to the current version, for comparison and reports.
 */
export function exerciseData(input: {
  assessment: Assessment
  organisation: OrganisationProfile
  ownGuide: GuideIndex
  steps: ReadonlyArray<GuideMigration>
  answers: ReadonlyArray<Answer>
  indicators: ReadonlyArray<IndicatorRecord>
  objectives: ReadonlyArray<Objective>
}): ExerciseData {
  const { assessment, organisation } = input
  const raw = new Map(input.answers.map((a) => [a.questionId, a]))
  const { mapping } = migrateQuestionIds(
    new Set([...raw.keys(), ...input.objectives.map((o) => o.subjectId)]),
    input.steps,
  )
  const profile = exerciseProfile(assessment, organisation)
  return {
    assessment,
    profile,
    snapshot: shownScores(assessment, () => liveScores(input.ownGuide, assessment, organisation, raw), profile),
    answers: new Map([...raw].flatMap(([id, a]) => (mapping.has(id) ? [[mapping.get(id)!, a] as const] : []))),
    indicators: new Map(input.indicators.map((v) => [v.indicatorId, v])),
    objectives: new Map(
      input.objectives.flatMap((o) => {
        if (o.subjectKind !== 'question') return [[o.subjectId, o] as const]
        const id = mapping.get(o.subjectId)
        return id ? [[id, { ...o, subjectId: id }] as const] : []
      }),
    ),
  }
}
