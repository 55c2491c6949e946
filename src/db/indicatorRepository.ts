import {
  CUSTOM_INDICATOR_PREFIX,
  CustomIndicatorInputSchema,
  CustomIndicatorSchema,
  IndicatorRecordSchema,
  emptyIndicatorRecord,
  type CustomIndicator,
  type IndicatorPatch,
  type IndicatorRecord,
} from '@/domain/indicators'
import { parseInput } from '@/domain/validation'
import { database, newId, nowIso } from './database'
import { findItem, putItem } from './itemSets'
import { RecordGoneError, assertDraft, madeOnScreen, stillToWrite, type WriteOptions } from './locks'
import { noteOwnWrite } from './ownWrites'

/** One write per change, like answers; the value must already be checked against the unit (parseIndicatorDraft). */
export async function saveIndicatorValue(
  assessmentId: string,
  indicatorId: string,
  patch: IndicatorPatch,
  db = database(),
  options: WriteOptions = {},
): Promise<IndicatorRecord | undefined> {
  return db.transaction('rw', [db.indicatorSets, db.assessments, db.customIndicators], async () => {
    const [, set] = await Promise.all([assertDraft(db, assessmentId), db.indicatorSets.get(assessmentId)])
    // A value of the organisation's own indicator waits for the indicator itself (its creation may have failed).
    if (indicatorId.startsWith(CUSTOM_INDICATOR_PREFIX) && !(await db.customIndicators.get(indicatorId)))
      throw new RecordGoneError('Indicator', indicatorId)
    const now = nowIso()
    const matches = (v: { indicatorId: string }) => v.indicatorId === indicatorId
    const stored = findItem<IndicatorRecord>(set, matches) ?? emptyIndicatorRecord(assessmentId, indicatorId, now)
    const toWrite = stillToWrite(patch, stored, options)
    if (!toWrite) return undefined
    const record = IndicatorRecordSchema.parse({ ...stored, ...toWrite, updatedAt: now })
    const put = await putItem(db.indicatorSets, set, record, matches)
    if (madeOnScreen(options)) noteOwnWrite(db, 'indicatorSets', assessmentId, assessmentId, put)
    return record
  })
}

export async function listCustomIndicators(organisationId: string, db = database()): Promise<CustomIndicator[]> {
  return db.customIndicators.where('organisationId').equals(organisationId).sortBy('createdAt')
}

/** A new id for one of the organisation's own indicators (the form makes it before the first write). */
export function newCustomIndicatorId(): string {
  return `${CUSTOM_INDICATOR_PREFIX}${newId()}`
}

/**
 * Creates the organisation's own indicator with this id, or changes its fields. Throws a ValidationError (nothing
 * written) when a field is wrong. A replayed creation never duplicates: the id is the form's.
 */
export async function saveCustomIndicator(
  organisationId: string,
  id: string,
  input: unknown,
  db = database(),
  options: WriteOptions = {},
): Promise<CustomIndicator | undefined> {
  const fields = parseInput(CustomIndicatorInputSchema, input)
  return db.transaction('rw', db.customIndicators, db.organisations, async () => {
    if (!(await db.organisations.get(organisationId))) throw new RecordGoneError('Organisation', organisationId)
    const existing = await db.customIndicators.get(id)
    // A replayed creation of an indicator that exists was stored already.
    if (existing && options.replayOver) return undefined
    const indicator = CustomIndicatorSchema.parse({
      ...existing,
      id,
      organisationId,
      ...fields,
      createdAt: existing?.createdAt ?? nowIso(),
    })
    await db.customIndicators.put(indicator)
    return indicator
  })
}
