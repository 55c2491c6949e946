import { describe, expect, it, vi } from 'vitest'
import { lazySchema, z } from '@/domain/zod'
import { AnswerPatchSchema, AnswerSchema } from '@/domain/answer'

describe('lazySchema', () => {
  it('builds the schema on first use only, once', () => {
    const build = vi.fn(() => z.strictObject({ n: z.int().min(1) }))
    const schema = lazySchema(build)
    expect(build).not.toHaveBeenCalled()
    expect(schema.parse({ n: 2 })).toEqual({ n: 2 })
    expect(schema.safeParse({ n: 0 }).success).toBe(false)
    expect(build).toHaveBeenCalledTimes(1)
  })

  it("stands for its schema inside other schemas, with zod's methods, errors and instanceof", () => {
    const Inner = lazySchema(() => z.enum(['a', 'b']))
    const Outer = lazySchema(() => z.strictObject({ list: z.array(Inner).max(2), maybe: Inner.optional() }))
    expect(Outer.parse({ list: ['a', 'b'] })).toEqual({ list: ['a', 'b'] })
    const failed = Outer.safeParse({ list: ['c'] })
    expect(failed.success).toBe(false)
    expect(failed.error?.issues[0].path).toEqual(['list', 0])
    expect(Inner instanceof z.ZodEnum).toBe(true)
    expect(Outer.pick({ maybe: true }).parse({})).toEqual({})
  })

  it("keeps the app's schemas working as before (a derived schema of a lazy one)", () => {
    const answer = {
      assessmentId: 'a',
      questionId: 'q',
      response: { kind: 'level', level: 3 },
      note: '',
      evidence: [],
      applicabilityOverride: null,
      carriedOver: false,
      updatedAt: '2026-01-01T00:00:00.000Z',
    }
    expect(AnswerSchema.parse(answer)).toEqual(answer)
    expect(AnswerPatchSchema.safeParse({ response: { kind: 'level', level: 5 } }).success).toBe(false)
    expect(Object.keys(AnswerPatchSchema.shape).sort()).toEqual([
      'applicabilityOverride',
      'carriedOver',
      'evidence',
      'note',
      'response',
    ])
  })
})
