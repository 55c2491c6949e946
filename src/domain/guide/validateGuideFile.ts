import type { z } from 'zod'
import { formatIssuePath } from '../issuePath.ts'
import { guideIntegrityProblems } from './integrity.ts'
import { GuideSchema, MaturityScaleSchema } from './schema.ts'

/**
 * Validates one file of guide-data/ and returns readable problems, each naming the file and the path inside it
 * (`guide-data/guide.csess-2016.v1.json: themes[2].domaines[0].id: …`). Used by the build and by the tests.
 */
export function validateGuideFile(fileName: string, json: unknown): string[] {
  const format = typeof json === 'object' && json !== null && 'format' in json ? json.format : undefined
  const fromIssues = (issues: z.core.$ZodIssue[]) =>
    issues.map((issue) => `${fileName}: ${formatIssuePath(issue.path) || '(racine)'}: ${issue.message}`)

  if (format === 'cap-ess-guide') {
    const parsed = GuideSchema.safeParse(json, { error: inFrench })
    if (!parsed.success) return fromIssues(parsed.error.issues)
    return guideIntegrityProblems(parsed.data).map((p) => `${fileName}: ${p}`)
  }
  if (format === 'cap-ess-maturity-scale') {
    const parsed = MaturityScaleSchema.safeParse(json, { error: inFrench })
    return parsed.success ? [] : fromIssues(parsed.error.issues)
  }
  return [
    `${fileName}: format: attendu « cap-ess-guide » ou « cap-ess-maturity-scale », trouvé ${JSON.stringify(format)}`,
  ]
}

/**
 * zod's own messages in French (the guide's schema gives its own where it has one): a network's guide file is
 * written by people, and its problems are read by them, at build time and in the app alike.
 */
function inFrench(issue: z.core.$ZodRawIssue): string {
  const limit = (issue as { maximum?: unknown; minimum?: unknown }).maximum ?? (issue as { minimum?: unknown }).minimum
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'valeur manquante'
        : `type attendu : ${TYPES[issue.expected] ?? issue.expected}`
    case 'too_big':
      return issue.origin === 'string'
        ? `texte trop long (${limit} caractères au plus)`
        : `trop d’éléments (${limit} au plus)`
    case 'too_small':
      return issue.origin === 'string' ? 'texte vide' : `pas assez d’éléments (${limit} au moins)`
    case 'unrecognized_keys':
      return `clé inconnue : ${issue.keys.map((k) => `« ${k} »`).join(', ')}`
    case 'invalid_value':
      return `valeur attendue : ${issue.values.map((v) => `« ${String(v)} »`).join(' ou ')}`
    case 'invalid_format':
      return issue.format === 'url'
        ? 'adresse invalide'
        : issue.format === 'date'
          ? 'date invalide (AAAA-MM-JJ)'
          : 'format invalide'
    default:
      return 'valeur invalide'
  }
}

const TYPES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'vrai ou faux',
  array: 'une liste',
  object: 'un objet',
}

/** Parses the text of a guide-data file; a JSON syntax error is reported like any other problem. */
export function validateGuideFileText(fileName: string, text: string): string[] {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return [`${fileName}: JSON invalide: ${(error as Error).message}`]
  }
  return validateGuideFile(fileName, json)
}

/**
 * A valid guide-data file as the app reads it: parsed by its schema (defaults filled, texts trimmed). The build ships
 * this, so the app does not parse its own guides again on every question page.
 */
export function parsedGuideFile(json: unknown): unknown {
  const format = typeof json === 'object' && json !== null && 'format' in json ? json.format : undefined
  return format === 'cap-ess-maturity-scale' ? MaturityScaleSchema.parse(json) : GuideSchema.parse(json)
}
