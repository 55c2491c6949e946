import { describe, expect, it } from 'vitest'
import { luhnIsValid, normaliseSiren, sirenProblem } from '@/domain/siren'

describe('sirenProblem', () => {
  it('accepts SIRENs whose Luhn key is right, with or without spaces', () => {
    expect(sirenProblem('732829320')).toBeNull()
    expect(sirenProblem('732 829 320')).toBeNull()
    expect(sirenProblem('552\u00a0100\u00a0554')).toBeNull()
  })

  it('rejects a wrong key', () => {
    expect(sirenProblem('732829321')).toBe('key')
    expect(sirenProblem('123456789')).toBe('key')
  })

  it('rejects anything that is not 9 digits', () => {
    expect(sirenProblem('73282932')).toBe('format')
    expect(sirenProblem('7328293200')).toBe('format')
    expect(sirenProblem('73282932A')).toBe('format')
    expect(sirenProblem('')).toBe('format')
  })

  it('accepts La Poste: the Luhn exception concerns its SIRETs, not its SIREN', () => {
    expect(sirenProblem('356 000 000')).toBeNull()
  })
})

describe('luhnIsValid', () => {
  it('doubles every second digit from the right', () => {
    expect(luhnIsValid('79927398713')).toBe(true)
    expect(luhnIsValid('79927398710')).toBe(false)
  })
})

describe('normaliseSiren', () => {
  it('drops the separators people type', () => {
    expect(normaliseSiren(' 732.829-320\u202f')).toBe('732829320')
  })
})
