import { describe, expect, it } from 'vitest'
import {
  progress,
  sameState,
  scoreAssessment,
  strongestAndWeakest,
  toPercent,
  type QuestionState,
} from '@/domain/scoring'
import { answer, answers, level, miniIndex, na, profile, unknown } from '../fixtures/factories'

const index = miniIndex({
  t1: { d1: [{ id: 'q1' }, { id: 'q2' }], d2: [{ id: 'q3' }] },
  t2: { d1: [{ id: 'q4' }, { id: 'q5' }] },
  t3: { d1: [{ id: 'q6' }] },
})
const all = ['t1', 't2', 't3']
const score = (map = answers(), retained = all, p = profile()) => scoreAssessment(index, retained, p, map)
const theme = (result: ReturnType<typeof score>, id: string) => result.themes.find((t) => t.themeId === id)!

describe('scoreAssessment', () => {
  it('scores a question as level / 4 and a theme as the mean of its answered questions', () => {
    const result = score(answers(answer('q1', level(4)), answer('q2', level(2)), answer('q3', level(1))))
    expect(theme(result, 't1').score).toBeCloseTo((1 + 0.5 + 0.25) / 3)
    expect(theme(result, 't1').domaines.map((d) => d.score)).toEqual([0.75, 0.25])
  })

  it('leaves « non applicable » out of both the sum and the divisor', () => {
    const result = score(answers(answer('q1', level(4)), answer('q2', na('pas de salariés'))))
    const t1 = theme(result, 't1')
    expect(t1.score).toBe(1)
    expect(t1.applicable).toBe(2)
    expect(t1.answered).toBe(1)
    expect(t1.coverage).toBe(0.5)
  })

  it('counts « je ne sais pas encore » as unanswered: out of the score, inside the coverage', () => {
    const t1 = theme(score(answers(answer('q1', level(2)), answer('q2', unknown))), 't1')
    expect(t1.score).toBe(0.5)
    expect(t1.answered).toBe(1)
    expect(t1.applicable).toBe(3)
    expect(t1.coverage).toBeCloseTo(1 / 3)
  })

  it('weights questions inside a theme', () => {
    const weighted = miniIndex({
      t: {
        d: [
          { id: 'a', weight: 3 },
          { id: 'b', weight: 1 },
        ],
      },
    })
    const result = scoreAssessment(weighted, ['t'], profile(), answers(answer('a', level(4)), answer('b', level(0))))
    expect(result.themes[0].score).toBe(0.75)
  })

  it('gives a theme with no answer no score and keeps it out of the global mean', () => {
    const result = score(answers(answer('q4', level(4)), answer('q5', level(4))))
    expect(theme(result, 't1').score).toBeNull()
    expect(theme(result, 't1').coverage).toBe(0)
    expect(result.global.score).toBe(1)
  })

  it('gives a theme with only « non applicable » neither score nor coverage', () => {
    const result = score(answers(answer('q6', na()), answer('q4', level(0))))
    expect(theme(result, 't3')).toMatchObject({ score: null, coverage: null, applicable: 0, answered: 0 })
    expect(result.global.score).toBe(0)
  })

  it('makes the global score the plain mean of theme scores, whatever their size', () => {
    // t1 has 3 answered questions at 1, t2 one at 0: a pooled mean would give 0.75, the plain mean 0.5.
    const result = score(
      answers(answer('q1', level(4)), answer('q2', level(4)), answer('q3', level(4)), answer('q4', level(0))),
    )
    expect(result.global.score).toBe(0.5)
    expect(result.global.answered).toBe(4)
    expect(result.global.applicable).toBe(6)
  })

  it('scores only the retained themes', () => {
    const result = score(answers(answer('q1', level(4)), answer('q4', level(0))), ['t1'])
    expect(result.themes.map((t) => t.themeId)).toEqual(['t1'])
    expect(result.global.score).toBe(1)
  })

  it('returns no global score when nothing is answered', () => {
    expect(score().global).toEqual({ score: null, answered: 0, applicable: 6, coverage: 0 })
  })

  it('leaves out questions the profile excludes, unless the user overrides with a reason', () => {
    const ruled = miniIndex({ t: { d: [{ id: 'emp', applicability: { minEmployees: 11 } }, { id: 'all' }] } })
    const map = answers(answer('emp', level(0)), answer('all', level(4)))
    const small = scoreAssessment(ruled, ['t'], profile({ employees: 3 }), map)
    expect(small.themes[0]).toMatchObject({ score: 1, applicable: 1 })
    expect(small.questions[0].state).toEqual({
      kind: 'not-applicable',
      by: 'profile',
      reasons: [{ kind: 'min-employees', min: 11 }],
    })

    map.set('emp', answer('emp', level(0), { applicabilityOverride: { reason: 'CSE volontaire' } }))
    expect(scoreAssessment(ruled, ['t'], profile({ employees: 3 }), map).themes[0]).toMatchObject({
      score: 0.5,
      applicable: 2,
    })
  })

  it('applies theme-level rules to every question of the theme', () => {
    const ruled = miniIndex({ emp: { d: [{ id: 'x' }, { id: 'y' }] } }, { emp: { minEmployees: 1 } })
    const result = scoreAssessment(ruled, ['emp'], profile({ employees: 0 }), answers())
    expect(result.themes[0]).toMatchObject({ score: null, applicable: 0, coverage: null })
  })
})

describe('toPercent', () => {
  it('rounds to the nearest integer, halves up, despite floating point', () => {
    expect(toPercent(0.125)).toBe(13)
    expect(toPercent(0.5)).toBe(50)
    expect(toPercent(2 / 3)).toBe(67)
    expect(toPercent(1 / 3)).toBe(33)
    expect(toPercent(0.005)).toBe(1)
    expect(toPercent(0.0049)).toBe(0)
    expect(toPercent(1)).toBe(100)
    expect(toPercent(0)).toBe(0)
  })
})

describe('progress', () => {
  it('counts as coverage does: levels out of the questions that apply (« non applicable » and profile exclusions leave both)', () => {
    const ruled = miniIndex({
      t: { d: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd', applicability: { requiresVolunteers: true } }] },
    })
    const result = scoreAssessment(
      ruled,
      ['t'],
      profile({ volunteers: 0 }),
      answers(answer('a', level(1)), answer('b', na()), answer('c', unknown)),
    )
    expect(progress(result.questions)).toEqual({ done: 1, total: 2 })
    expect(result.themes[0]).toMatchObject({ answered: 1, applicable: 2 })
  })
})

describe('answer kinds', () => {
  const kinds = miniIndex({
    t: { d: [{ id: 'm' }, { id: 'f', kind: 'fact', indicatorId: 't.ind' }, { id: 'r', kind: 'reflection' }] },
  })

  it('scores maturity questions only: facts and reflections enter neither the score nor the coverage', () => {
    const result = scoreAssessment(
      kinds,
      ['t'],
      profile(),
      answers(answer('m', level(2)), answer('f', null, { note: 'en note' }), answer('r', null, { note: 'des idées' })),
    )
    expect(result.questions.map((q) => q.entry.question.id)).toEqual(['m'])
    expect(result.themes[0]).toMatchObject({ score: 0.5, answered: 1, applicable: 1, coverage: 1 })
  })

  it('says « no scored question applies » for a theme of facts and reflections only: applicable 0, no score', () => {
    const unscored = miniIndex({
      t: {
        d: [
          { id: 'f', kind: 'fact', indicatorId: 't.ind' },
          { id: 'r', kind: 'reflection' },
        ],
      },
    })
    expect(scoreAssessment(unscored, ['t'], profile(), new Map()).themes[0]).toMatchObject({
      score: null,
      applicable: 0,
      coverage: null,
    })
  })
})

describe('strongestAndWeakest', () => {
  it('lists strengths from level 3 and axes de progrès below, never the same question twice', () => {
    const result = score(
      answers(
        answer('q1', level(4)),
        answer('q2', level(3)),
        answer('q3', level(2)),
        answer('q4', level(0)),
        answer('q5', unknown),
      ),
    )
    const { strongest, weakest } = strongestAndWeakest(result.questions, 5)
    expect(strongest.map((q) => q.entry.question.id)).toEqual(['q1', 'q2'])
    expect(weakest.map((q) => q.entry.question.id)).toEqual(['q4', 'q3'])
  })

  it('keeps at most `count` of each', () => {
    const result = score(answers(answer('q1', level(4)), answer('q2', level(4)), answer('q3', level(4))))
    expect(strongestAndWeakest(result.questions, 2).strongest).toHaveLength(2)
  })
})

describe('sameState', () => {
  const states: QuestionState[] = [
    { kind: 'unanswered' },
    { kind: 'answered', level: 2, score: 0.5 },
    { kind: 'answered', level: 3, score: 0.75 },
    { kind: 'not-applicable', by: 'user', reason: 'pas de salariés' },
    { kind: 'not-applicable', by: 'user', reason: 'autre raison' },
    { kind: 'not-applicable', by: 'profile', reasons: [{ kind: 'legal-form' }] },
    { kind: 'not-applicable', by: 'profile', reasons: [{ kind: 'min-employees', min: 50 }] },
  ]

  it('holds for equal copies and for no two different states', () => {
    states.forEach((a, i) =>
      states.forEach((b, j) => {
        expect(sameState(a, structuredClone(b))).toBe(i === j)
      }),
    )
  })
})
