import type { Assessment } from './assessment.ts'

/** What the organisation should do next, shown first on its home page. */
export type NextStep =
  | { kind: 'first-assessment' }
  | { kind: 'continue'; assessmentId: string; year: number }
  | { kind: 'record-ag'; assessmentId: string; year: number }
  | { kind: 'next-year'; previousAssessmentId: string; year: number }

/** Follows the guide's yearly cycle: assess, complete, present at the AG, then start the next exercise. */
export function nextStep(
  assessments: ReadonlyArray<Pick<Assessment, 'id' | 'year' | 'status' | 'presentedAt'>>,
): NextStep {
  const latest = [...assessments].sort((a, b) => b.year - a.year)[0]
  if (!latest) return { kind: 'first-assessment' }
  if (latest.status === 'draft') return { kind: 'continue', assessmentId: latest.id, year: latest.year }
  if (!latest.presentedAt) return { kind: 'record-ag', assessmentId: latest.id, year: latest.year }
  return { kind: 'next-year', previousAssessmentId: latest.id, year: latest.year + 1 }
}

/** The most recent assessment before `year`, the natural source to pre-fill or compare with. */
export function previousOf<A extends Pick<Assessment, 'year'>>(
  assessments: ReadonlyArray<A>,
  year: number,
): A | undefined {
  return assessments.filter((a) => a.year < year).sort((a, b) => b.year - a.year)[0]
}
