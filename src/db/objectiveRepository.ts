import { ObjectiveSchema, type Objective, type ObjectivePatch } from '@/domain/objectives'
import { database, nowIso } from './database'
import { findItem, putItem, readItems } from './itemSets'
import { assertDraft, stillToWrite, type WriteOptions } from './locks'

export async function listObjectives(assessmentIds: string[], db = database()): Promise<Objective[]> {
  return readItems<Objective>(db.objectiveSets, assessmentIds)
}

/** Targets must already be checked against the subject (parseTarget); this only refuses malformed records. */
export async function saveObjective(
  key: Pick<Objective, 'assessmentId' | 'subjectKind' | 'subjectId'>,
  patch: ObjectivePatch,
  db = database(),
  options: WriteOptions = {},
): Promise<Objective | undefined> {
  return db.transaction('rw', db.objectiveSets, db.assessments, async () => {
    const [, set] = await Promise.all([assertDraft(db, key.assessmentId), db.objectiveSets.get(key.assessmentId)])
    const now = nowIso()
    const matches = (o: { subjectId: string }) => o.subjectId === key.subjectId
    const stored = findItem<Objective>(set, matches) ?? {
      ...key,
      comparator: 'at-least' as const,
      oneYear: null,
      threeYear: null,
      updatedAt: now,
    }
    const toWrite = stillToWrite(patch, stored, options)
    if (!toWrite) return undefined
    const objective = ObjectiveSchema.parse({ ...stored, ...toWrite, updatedAt: now })
    await putItem(db.objectiveSets, set, objective, matches)
    return objective
  })
}
