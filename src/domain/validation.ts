import type { z } from 'zod'
import { formatIssuePath } from './issuePath.ts'

/** One problem with one form field: an i18n key and the values the message needs. */
export interface FieldError {
  key: string
  params: Record<string, number | string>
}
export type FieldErrors = Record<string, FieldError>

/** Thrown before anything is written, so a form can show each message beside its field. */
export class ValidationError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(`Invalid input: ${Object.keys(fieldErrors).join(', ')}`)
    this.name = 'ValidationError'
  }
}

function paramsOf(issue: z.core.$ZodIssue): Record<string, number | string> {
  const params: Record<string, number | string> = {}
  if ('maximum' in issue && (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint'))
    params.max = Number(issue.maximum)
  if ('minimum' in issue && (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint'))
    params.min = Number(issue.minimum)
  return params
}

/** Keeps the first problem of each field; zod's own messages (not i18n keys) fall back to a generic one. */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const field = formatIssuePath(issue.path.slice(0, 1)) || '_form'
    if (errors[field]) continue
    const key = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid'
    errors[field] = { key, params: paramsOf(issue) }
  }
  return errors
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error))
  return parsed.data
}
