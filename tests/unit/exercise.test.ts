import { describe, expect, it } from 'vitest'
import type { Assessment } from '@/domain/assessment'
import {
  completionGaps,
  exerciseData,
  exerciseProfile,
  isExcludedByProfile,
  liveScores,
  progressByTheme,
  questionStatus,
  ratingOfResponse,
  ratingOfState,
  responseOfRating,
  themeQuestions,
  workshopExclusions,
  workshopQuestions,
} from '@/domain/exercise'
import { guideKey, parseGuideKey } from '@/domain/guide/current'
import { indexGuide } from '@/domain/guide/guideIndex'
import { migrationSteps } from '@/domain/guide/migration'
import { takeSnapshot } from '@/domain/snapshot'
import { answer, answers, level, miniIndex, na, profile, unknown } from '../fixtures/factories'
import { guideV1, guideV2 } from '../fixtures/guideVersions'

const T = '2026-03-01T10:00:00.000Z'
function assessment(extra: Partial<Assessment> = {}): Assessment {
  return {
    id: 'a1',
    organisationId: 'org',
    year: 2025,
    guideId: 'mini',
    guideVersion: 1,
    status: 'draft',
    retainedThemeIds: ['t'],
    participants: '',
    previousAssessmentId: null,
    completedAt: null,
    snapshot: null,
    presentedAt: null,
    createdAt: T,
    updatedAt: T,
    ...extra,
  }
}

// One question for organisations with employees, one for everyone.
const guide = miniIndex({
  t: { d: [{ id: 't.d.staff', applicability: { minEmployees: 1 } }, { id: 't.d.all' }, { id: 't.d.other' }] },
})

describe('one exercise, read the same way everywhere', () => {
  it('decides what applies with the profile frozen at completion, today’s for a draft', () => {
    const withStaff = profile({ employees: 12 })
    const noStaff = profile({ employees: 0 })
    const given = answers(answer('t.d.staff', level(4)), answer('t.d.all', level(0)))
    const frozen = takeSnapshot(liveScores(guide, assessment(), withStaff, given), assessment(), T, withStaff)
    const completed = assessment({ status: 'completed', snapshot: frozen, completedAt: T })

    // The organisation has no employees any more: the completed year still counts its employee question.
    expect(exerciseProfile(completed, noStaff)).toEqual(withStaff)
    expect(liveScores(guide, completed, noStaff, given).global.score).toBe(0.5)
    expect(themeQuestions(guide, 't', completed, noStaff, given)[0].state).toMatchObject({ kind: 'answered', level: 4 })
    // A draft follows today's profile.
    expect(exerciseProfile(assessment(), noStaff)).toEqual(noStaff)
    expect(liveScores(guide, assessment(), noStaff, given).global.score).toBe(0)
    expect(themeQuestions(guide, 't', assessment(), noStaff, given)[0].state).toMatchObject({
      kind: 'not-applicable',
      by: 'profile',
    })
  })

  it('shows the frozen scores of a completed exercise and live ones for a draft, its data under today’s question ids', () => {
    const steps = migrationSteps([guideV1, guideV2], 1, 2)
    const stored = [answer('t.d.kept', level(2)), answer('t.d.old-name', level(4)), answer('t.d.gone', level(1))]
    const draft = exerciseData({
      assessment: assessment(),
      organisation: profile(),
      ownGuide: indexGuide(guideV1),
      steps,
      answers: stored,
      indicators: [],
      objectives: [
        {
          assessmentId: 'a1',
          subjectKind: 'question',
          subjectId: 't.d.old-name',
          comparator: 'at-least',
          oneYear: 4,
          threeYear: null,
          updatedAt: T,
        },
      ],
    })
    // Scored with its own guide version (three questions), read under version 2's ids (the removed one dropped).
    expect(draft.snapshot.global).toMatchObject({ answered: 3, applicable: 3 })
    expect([...draft.answers.keys()].sort()).toEqual(['t.d.kept', 't.d.new-name'])
    expect(draft.objectives.get('t.d.new-name')).toMatchObject({ subjectId: 't.d.new-name', oneYear: 4 })

    const frozen = { ...draft.snapshot, takenAt: '2026-04-01T00:00:00.000Z' }
    const completed = exerciseData({
      assessment: assessment({ status: 'completed', snapshot: frozen, completedAt: T }),
      organisation: profile(),
      ownGuide: indexGuide(guideV1),
      steps,
      answers: [],
      indicators: [],
      objectives: [],
    })
    expect(completed.snapshot).toBe(frozen)
  })

  it('lists what is still open before completing: unanswered, « je ne sais pas », carried over and not confirmed', () => {
    const given = answers(answer('t.d.all', unknown), answer('t.d.other', level(3), { carriedOver: true }))
    expect(completionGaps(liveScores(guide, assessment(), profile({ employees: 0 }), given), given)).toEqual({
      unanswered: 0,
      unknown: 1,
      carriedOver: 1,
    })
    expect(completionGaps(liveScores(guide, assessment(), profile({ employees: 3 }), given), given)).toEqual({
      unanswered: 1,
      unknown: 1,
      carriedOver: 1,
    })
  })

  it('says which questions the profile rules out, unless the organisation answers one anyway', () => {
    const noStaff = profile({ employees: 0 })
    const [staff, all] = themeQuestions(guide, 't', assessment(), noStaff, new Map())
    expect(isExcludedByProfile(staff.state)).toBe(true)
    expect(isExcludedByProfile(all.state)).toBe(false)
    const overridden = answers(
      answer('t.d.staff', level(2), { applicabilityOverride: { reason: 'Un salarié mis à disposition' } }),
    )
    expect(isExcludedByProfile(themeQuestions(guide, 't', assessment(), noStaff, overridden)[0].state)).toBe(false)
    // Not applicable by the organisation's own choice is not ruled out by the profile.
    const chosen = answers(answer('t.d.all', na('Pas concerné')))
    expect(isExcludedByProfile(themeQuestions(guide, 't', assessment(), noStaff, chosen)[1].state)).toBe(false)
  })

  it('gives a workshop the scored questions that apply, numbered as on the theme page, and the others to leave out', () => {
    const mixed = miniIndex({
      t: {
        d: [
          { id: 't.d.fact', kind: 'fact' },
          { id: 't.d.staff', applicability: { minEmployees: 1 } },
          { id: 't.d.all' },
          { id: 't.d.think', kind: 'reflection' },
        ],
      },
    })
    const noStaff = profile({ employees: 0 })
    const rated = workshopQuestions(themeQuestions(mixed, 't', assessment(), noStaff, new Map()))
    expect(rated.map((q) => [q.entry.question.id, q.n])).toEqual([['t.d.all', 3]])
    expect(workshopExclusions(mixed, assessment(), noStaff, new Map())).toEqual(['t.d.staff'])
    expect(workshopExclusions(mixed, assessment(), profile({ employees: 4 }), new Map())).toEqual([])
  })

  it('turns a rating into an answer and back, « non applicable » keeping its reason', () => {
    expect(responseOfRating(3)).toEqual(level(3))
    expect(responseOfRating(0)).toEqual(level(0))
    expect(responseOfRating('na', 'Pas de salariés')).toEqual(na('Pas de salariés'))
    expect(responseOfRating('unknown')).toEqual(unknown)
    for (const rating of [0, 1, 2, 3, 4, 'na', 'unknown'] as const)
      expect(ratingOfResponse(responseOfRating(rating))).toBe(rating)
    expect(ratingOfResponse(null)).toBeNull()
    expect(ratingOfResponse(undefined)).toBeNull()
  })

  it('says each question’s state as a rating (the summary) and in one word (the theme’s list)', () => {
    const mixed = miniIndex({
      t: {
        d: [
          { id: 't.d.staff', applicability: { minEmployees: 1 } },
          { id: 't.d.a' },
          { id: 't.d.b' },
          { id: 't.d.c' },
          { id: 't.d.d' },
          { id: 't.d.fact', kind: 'fact', indicatorId: 't.ind' },
          { id: 't.d.think', kind: 'reflection' },
        ],
      },
    })
    const given = answers(
      answer('t.d.a', level(0)),
      answer('t.d.b', na('Pas concerné')),
      answer('t.d.c', unknown),
      answer('t.d.think', null, { note: 'À débattre en AG' }),
    )
    const questions = themeQuestions(mixed, 't', assessment(), profile({ employees: 0 }), given)
    const ids = questions.map((q) => q.entry.question.id)
    expect(questions.map((q) => ratingOfState(q.state, given.get(q.entry.question.id)))).toEqual([
      'na',
      0,
      'na',
      'unknown',
      null,
      null,
      null,
    ])
    const factValue = (id: string) => (id === 't.d.fact' ? 42 : undefined)
    expect(questions.map((q, i) => questionStatus(q, given.get(ids[i]), factValue(ids[i])))).toEqual([
      'excluded',
      'answered',
      'na',
      'unknown',
      'open',
      'answered',
      'answered',
    ])
    expect(questionStatus(questions[5], undefined, null)).toBe('open')
  })

  it('counts progress per retained theme as coverage does', () => {
    const two = miniIndex({ a: { d: [{ id: 'a.d.1' }, { id: 'a.d.2' }] }, b: { d: [{ id: 'b.d.1' }] } })
    const scores = liveScores(
      two,
      assessment({ retainedThemeIds: ['a', 'b'] }),
      profile(),
      answers(answer('a.d.1', level(2))),
    )
    expect([...progressByTheme(scores)]).toEqual([
      ['a', { done: 1, total: 2 }],
      ['b', { done: 0, total: 1 }],
    ])
  })
})

describe('a guide version as one string', () => {
  it('names a version and reads it back; anything else is not one', () => {
    expect(guideKey({ guideId: 'csess-2016', guideVersion: 2 })).toBe('csess-2016@2')
    expect(parseGuideKey('csess-2016@2')).toEqual({ guideId: 'csess-2016', guideVersion: 2 })
    expect(parseGuideKey('cress-pdl.guide@12')).toEqual({ guideId: 'cress-pdl.guide', guideVersion: 12 })
    for (const wrong of ['csess-2016', '@2', 'csess-2016@', 'csess-2016@0', 'csess-2016@1.5', ''])
      expect(parseGuideKey(wrong)).toBeNull()
  })
})
