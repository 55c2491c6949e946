import type { z } from 'zod'
import { formatIssuePath } from '../issuePath.ts'

/** One problem in an imported file: where it is, and what is wrong, as an i18n key with its values. */
export interface ImportProblem {
  path: string
  key: string
  params: Record<string, string | number>
}

/** How many problems a message lists; a broken file can have thousands, people need the first few. */
export const MAX_PROBLEMS = 50

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'number',
  int: 'number',
  boolean: 'boolean',
  array: 'array',
  object: 'object',
  null: 'null',
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = root
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

/** A short, safe rendering of the offending value (imported text is only ever shown as text). */
export function shortValue(value: unknown): string {
  let text: string
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  } catch {
    text = String(value)
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** Turns zod issues into located problems a person can act on. `prefix` is the path of the validated part. */
export function problemsFromZod(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  input: unknown,
  prefix: ReadonlyArray<PropertyKey> = [],
): ImportProblem[] {
  return issues.map((issue): ImportProblem => {
    const path = [...prefix, ...issue.path]
    const where = formatIssuePath(path) || '(fichier)'
    const value = valueAt(input, issue.path)
    const last = issue.path.at(-1)
    if (last === 'level' && (issue.code === 'too_big' || issue.code === 'too_small' || issue.code === 'invalid_type')) {
      return { path: where, key: 'import.problem.level', params: { value: shortValue(value) } }
    }
    if (value === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom')
      return { path: where, key: 'import.problem.missing', params: {} }
    switch (issue.code) {
      case 'invalid_type':
        return {
          path: where,
          key: 'import.problem.type',
          params: { expected: EXPECTED[issue.expected] ?? 'other', value: shortValue(value) },
        }
      case 'too_big':
        return {
          path: where,
          key:
            issue.origin === 'string'
              ? 'import.problem.tooLong'
              : issue.origin === 'array'
                ? 'import.problem.tooMany'
                : 'import.problem.tooBig',
          params: { max: Number(issue.maximum), value: shortValue(value) },
        }
      case 'too_small':
        return {
          path: where,
          key:
            issue.origin === 'string'
              ? Number(issue.minimum) <= 1
                ? 'import.problem.empty'
                : 'import.problem.tooShort'
              : issue.origin === 'array'
                ? 'import.problem.tooFew'
                : 'import.problem.tooSmall',
          params: { min: Number(issue.minimum), value: shortValue(value) },
        }
      case 'invalid_value':
        return {
          path: where,
          key: 'import.problem.notAllowed',
          params: { value: shortValue(value), allowed: issue.values.map((v) => String(v)).join(', ') },
        }
      case 'unrecognized_keys':
        return {
          path: where,
          key: 'import.problem.unknownKeys',
          params: { keys: issue.keys.map((k) => shortValue(k)).join(', ') },
        }
      case 'invalid_format':
        return { path: where, key: 'import.problem.format', params: { value: shortValue(value) } }
      case 'custom':
        return {
          path: where,
          key: issue.message.startsWith('validation.') ? issue.message : 'import.problem.invalid',
          params: { value: shortValue(value) },
        }
      default:
        return { path: where, key: 'import.problem.invalid', params: { value: shortValue(value) } }
    }
  })
}
