import type { Transaction } from 'dexie'

/**
 * Data-shape upgrades between Dexie versions. Each keeps the old record's fields and adds what the new schema
 * requires, so that nothing a user entered is lost; tests/db/upgrades.test.ts opens a real v1 database with them.
 */

/** Shapes as version 1 stored them (kept here, typed, rather than guessed in the upgrade). */
export interface AssessmentV1 {
  id: string
  organisationId: string
  year: number
  guideId: string
  guideVersion: number
  status: 'draft' | 'completed'
  retainedThemeIds: string[]
  participants: string
  createdAt: string
  updatedAt: string
}

export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('assessments')
    .toCollection()
    .modify((assessment: AssessmentV1 & Record<string, unknown>) => {
      assessment.previousAssessmentId ??= null
      assessment.completedAt ??= null
      assessment.snapshot ??= null
      assessment.presentedAt ??= null
      // v1 had no way to complete an assessment; a stray « completed » without scores goes back to draft.
      if (assessment.status === 'completed' && assessment.snapshot === null) assessment.status = 'draft'
    })
  await tx
    .table('answers')
    .toCollection()
    .modify((answer: Record<string, unknown>) => {
      answer.carriedOver ??= false
    })
}
