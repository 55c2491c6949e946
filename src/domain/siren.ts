/**
 * SIREN: the 9-digit French company number, whose last digit is a Luhn key.
 * (La Poste's exception to the Luhn rule concerns the SIRET of its establishments, not its SIREN.)
 */

/** Strips the spaces, dots and non-breaking spaces people type or paste ("123 456 789"). */
export function normaliseSiren(input: string): string {
  return input.replace(/[\s.\u00a0\u202f-]/g, '')
}

export function luhnIsValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

export type SirenProblem = 'format' | 'key'

/** Returns null when the SIREN is valid, or what is wrong with it. */
export function sirenProblem(input: string): SirenProblem | null {
  const digits = normaliseSiren(input)
  if (!/^\d{9}$/.test(digits)) return 'format'
  return luhnIsValid(digits) ? null : 'key'
}
