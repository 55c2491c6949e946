import { ValidationError } from '@/domain/validation'
import { AssessmentLockedError } from './locks'

/** Why a write failed, in the terms the user can act on. */
export type WriteErrorKind = 'quota' | 'locked' | 'refused' | 'invalid' | 'unknown'

export function writeErrorKind(error: unknown): WriteErrorKind {
  if (error instanceof AssessmentLockedError) return 'locked'
  if (error instanceof ValidationError) return 'invalid'
  const names = [error, (error as { inner?: unknown } | null)?.inner].map((e) => (e as { name?: string } | null)?.name)
  if (names.includes('QuotaExceededError')) return 'quota'
  if (
    names.some(
      (n) =>
        n &&
        [
          'InvalidStateError',
          'UnknownError',
          'DatabaseClosedError',
          'OpenFailedError',
          'MissingAPIError',
          'SecurityError',
        ].includes(n),
    )
  )
    return 'refused'
  return 'unknown'
}
