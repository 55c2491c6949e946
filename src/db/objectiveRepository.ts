import { ObjectiveSchema, type Objective, type ObjectivePatch } from '@/domain/objectives'
import { database, nowIso } from './database'
import { assertDraft, stillToWrite, type WriteOptions } from './locks'

export async function listObjectives(assessmentIds: string[], db = database()): Promise<Objective[]> {
  return db.objectives.where('assessmentId').anyOf(assessmentIds).toArray()
}

/** Targets must already be checked against the subject (parseTarget); this only refuses malformed records. */
export async function saveObjective(
  key: Pick<Objective, 'assessmentId' | 'subjectKind' | 'subjectId'>,
  patch: ObjectivePatch,
  db = database(),
  options: WriteOptions = {},
): Promise<Objective | undefined> {
  return db.transaction('rw', db.objectives, db.assessments, async () => {
    await assertDraft(db, key.assessmentId)
    const now = nowIso()
    const stored = (await db.objectives.get([key.assessmentId, key.subjectId])) ?? {
      ...key,
      comparator: 'at-least' as const,
      oneYear: null,
      threeYear: null,
      updatedAt: now,
    }
    const toWrite = stillToWrite(patch, stored, options)
    if (!toWrite) return undefined
    const objective = ObjectiveSchema.parse({ ...stored, ...toWrite, updatedAt: now })
    await db.objectives.put(objective)
    return objective
  })
}
