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

/** Rows of one table grouped into one record per assessment (see ItemSet), their assessment's id dropped. */
async function groupRows(tx: Transaction, from: string, to: string): Promise<void> {
  const sets = new Map<string, { assessmentId: string; updatedAt: string; items: Record<string, unknown>[] }>()
  for (const { assessmentId, ...item } of (await tx.table(from).toArray()) as {
    assessmentId: string
    updatedAt: string
  }[]) {
    const set = sets.get(assessmentId)
    if (!set) sets.set(assessmentId, { assessmentId, updatedAt: item.updatedAt, items: [item] })
    else {
      set.items.push(item)
      if (item.updatedAt > set.updatedAt) set.updatedAt = item.updatedAt
    }
  }
  await tx.table(to).bulkAdd([...sets.values()])
}

export async function upgradeToV7(tx: Transaction): Promise<void> {
  await groupRows(tx, 'answers', 'answerSets')
  await groupRows(tx, 'indicatorValues', 'indicatorSets')
  await groupRows(tx, 'objectives', 'objectiveSets')
}
