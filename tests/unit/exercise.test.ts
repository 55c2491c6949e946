import { describe, expect, it } from 'vitest'
import type { Assessment } from '@/domain/assessment'
import { completionGaps, exerciseData, exerciseProfile, liveScores, themeQuestions } from '@/domain/exercise'
import { indexGuide } from '@/domain/guide/guideIndex'
import { migrationSteps } from '@/domain/guide/migration'
import { takeSnapshot } from '@/domain/snapshot'
import { answer, answers, level, miniIndex, profile, unknown } from '../fixtures/factories'
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
})
