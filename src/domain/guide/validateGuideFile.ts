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
    const parsed = GuideSchema.safeParse(json)
    if (!parsed.success) return fromIssues(parsed.error.issues)
    return guideIntegrityProblems(parsed.data).map((p) => `${fileName}: ${p}`)
  }
  if (format === 'cap-ess-maturity-scale') {
    const parsed = MaturityScaleSchema.safeParse(json)
    return parsed.success ? [] : fromIssues(parsed.error.issues)
  }
  return [
    `${fileName}: format: attendu « cap-ess-guide » ou « cap-ess-maturity-scale », trouvé ${JSON.stringify(format)}`,
  ]
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
