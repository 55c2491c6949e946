import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  DiscussionSchema,
  RatingSchema,
  debateOrder,
  ratingFromKey,
  spreadOf,
  toDebate,
  type Rating,
} from '@/domain/workshop'

describe('the spread of a question', () => {
  it('gives min, max and median of the levels, and counts « non applicable » and « je ne sais pas » apart', () => {
    const s = spreadOf([2, 3, 'na', 1, null, 'unknown', 3])
    expect(s).toMatchObject({
      count: 4,
      levels: [0, 1, 1, 2, 0],
      na: 1,
      unknown: 1,
      min: 1,
      max: 3,
      median: 2.5,
      suggested: 2,
    })
  })

  it('has no median and suggests nothing when nobody gave a level', () => {
    expect(spreadOf(['na', 'unknown', null])).toMatchObject({
      count: 0,
      min: null,
      max: null,
      median: null,
      suggested: null,
      disputed: false,
    })
  })

  it('takes the middle rating for an odd count, and rounds a median between two levels down', () => {
    expect(spreadOf([4, 0, 2]).median).toBe(2)
    expect(spreadOf([1, 2]).median).toBe(1.5)
    expect(spreadOf([1, 2]).suggested).toBe(1)
  })

  it('adds a show of hands to the participants’ ratings', () => {
    const s = spreadOf([4], { levels: [0, 2, 5, 0, 0], na: 1, unknown: 0 })
    expect(s).toMatchObject({ count: 8, levels: [0, 2, 5, 0, 1], na: 1, min: 1, max: 4, median: 2 })
  })
})

describe('« à débattre »', () => {
  it('flags a range of three levels or more', () => {
    expect(spreadOf([0, 3]).disputed).toBe(true)
    expect(spreadOf([1, 4, 2, 2]).disputed).toBe(true)
    expect(spreadOf([1, 3, 2, 2]).disputed).toBe(false)
  })

  it('flags two camps even when the range is two levels', () => {
    expect(spreadOf([1, 1, 3, 3]).twoCamps).toBe(true)
    expect(spreadOf([1, 1, 3, 3]).disputed).toBe(true)
    expect(spreadOf([1, 1, 2, 3, 3]).disputed).toBe(true)
  })

  it('does not call a crowd in the middle two camps', () => {
    expect(spreadOf([1, 1, 2, 2, 2, 3, 3]).twoCamps).toBe(false)
    expect(spreadOf([1, 2, 2, 2, 3]).disputed).toBe(false)
  })

  it('never flags a single voice, whatever it says', () => {
    expect(spreadOf([0]).disputed).toBe(false)
    expect(spreadOf([4, 'na', 'unknown']).disputed).toBe(false)
  })

  it('can be set by hand on any question', () => {
    const calm = spreadOf([2, 2])
    expect(toDebate(calm, undefined)).toBe(false)
    expect(toDebate(calm, { flagged: true })).toBe(true)
    expect(toDebate(spreadOf([0, 4]), { flagged: false })).toBe(true)
  })

  it('lists the questions to debate first, each group in the guide’s order', () => {
    const questions = ['q1', 'q2', 'q3', 'q4', 'q5']
    const disputed = new Set(['q4', 'q2'])
    expect(debateOrder(questions, (q) => disputed.has(q))).toEqual(['q2', 'q4', 'q1', 'q3', 'q5'])
  })

  it('holds for any ratings: min ≤ suggested ≤ median ≤ max, and the counts add up', () => {
    const rating = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom<Rating>('na', 'unknown'), fc.constant(null))
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 40 }), (ratings) => {
        const s = spreadOf(ratings)
        expect(s.count + s.na + s.unknown).toBe(ratings.filter((r) => r !== null).length)
        if (s.count === 0) return
        expect(s.min!).toBeLessThanOrEqual(s.suggested!)
        expect(s.suggested!).toBeLessThanOrEqual(s.median!)
        expect(s.median!).toBeLessThanOrEqual(s.max!)
        if (s.max! - s.min! >= 3) expect(s.disputed).toBe(true)
      }),
    )
  })
})

describe('the grid’s keys and records', () => {
  it('reads digits 0 to 4, n and ?, and nothing else', () => {
    expect(['0', '4', 'n', 'N', '?', '5', 'a', ' '].map((key) => ratingFromKey(key))).toEqual([
      0,
      4,
      'na',
      'na',
      'unknown',
      undefined,
      undefined,
      undefined,
    ])
  })

  it('reads the digit row by its place on an AZERTY keyboard, where it types « à & é " \' » without Shift', () => {
    expect([
      ratingFromKey('à', 'Digit0'),
      ratingFromKey('&', 'Digit1'),
      ratingFromKey('é', 'Digit2'),
      ratingFromKey('"', 'Digit3'),
      ratingFromKey("'", 'Digit4'),
    ]).toEqual([0, 1, 2, 3, 4])
    expect(ratingFromKey('3', 'Numpad3')).toBe(3)
    expect(ratingFromKey('-', 'Digit6')).toBeUndefined()
  })

  it('refuses a level outside 0–4 and a negative show of hands', () => {
    expect(RatingSchema.safeParse(5).success).toBe(false)
    expect(RatingSchema.safeParse('maybe').success).toBe(false)
    const discussion = {
      assessmentId: 'a',
      questionId: 'q',
      flagged: false,
      note: '',
      dissent: '',
      updatedAt: '2026-12-01T10:00:00.000Z',
    }
    expect(
      DiscussionSchema.safeParse({ ...discussion, hands: { levels: [0, 1, 2, 3, 4], na: 0, unknown: 0 } }).success,
    ).toBe(true)
    expect(
      DiscussionSchema.safeParse({ ...discussion, hands: { levels: [0, -1, 2, 3, 4], na: 0, unknown: 0 } }).success,
    ).toBe(false)
    expect(
      DiscussionSchema.safeParse({ ...discussion, hands: { levels: [0, 1, 2, 3], na: 0, unknown: 0 } }).success,
    ).toBe(false)
  })
})
