import { ObjectiveSchema, emptyObjective, type Objective, type ObjectivePatch } from '@/domain/objectives'
import { database, nowIso } from './database'
import { findItem, putItem } from './itemSets'
import { assertDraft, madeOnScreen, stillToWrite, type WriteOptions } from './locks'
import { noteOwnWrite } from './ownWrites'

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
    const stored = findItem<Objective>(set, matches) ?? emptyObjective(key, now)
    const toWrite = stillToWrite(patch, stored, options)
    if (!toWrite) return undefined
    const objective = ObjectiveSchema.parse({ ...stored, ...toWrite, updatedAt: now })
    const put = await putItem(db.objectiveSets, set, objective, matches)
    if (madeOnScreen(options)) noteOwnWrite(db, 'objectiveSets', key.assessmentId, key.assessmentId, put)
    return objective
  })
}
