import {
  CUSTOM_INDICATOR_PREFIX,
  CustomIndicatorInputSchema,
  CustomIndicatorSchema,
  IndicatorRecordSchema,
  type CustomIndicator,
  type IndicatorRecord,
} from '@/domain/indicators'
import { parseInput } from '@/domain/validation'
import { database, newId, nowIso } from './database'
import { assertDraft } from './locks'

export async function listIndicatorValues(assessmentIds: string[], db = database()): Promise<IndicatorRecord[]> {
  return db.indicatorValues.where('assessmentId').anyOf(assessmentIds).toArray()
}

/** One write per change, like answers; the value must already be checked against the unit (parseIndicatorDraft). */
export async function saveIndicatorValue(
  assessmentId: string,
  indicatorId: string,
  patch: Partial<Pick<IndicatorRecord, 'value' | 'note'>>,
  db = database(),
): Promise<IndicatorRecord> {
  return db.transaction('rw', db.indicatorValues, db.assessments, async () => {
    await assertDraft(db, assessmentId)
    const now = nowIso()
    const stored = (await db.indicatorValues.get([assessmentId, indicatorId])) ?? { assessmentId, indicatorId, value: null, note: '', updatedAt: now }
    const record = IndicatorRecordSchema.parse({ ...stored, ...patch, updatedAt: now })
    await db.indicatorValues.put(record)
    return record
  })
}

export async function listCustomIndicators(organisationId: string, db = database()): Promise<CustomIndicator[]> {
  return db.customIndicators.where('organisationId').equals(organisationId).sortBy('createdAt')
}

export async function createCustomIndicator(organisationId: string, input: unknown, db = database()): Promise<CustomIndicator> {
  const fields = parseInput(CustomIndicatorInputSchema, input)
  const indicator = CustomIndicatorSchema.parse({ id: `${CUSTOM_INDICATOR_PREFIX}${newId()}`, organisationId, ...fields, createdAt: nowIso() })
  await db.customIndicators.add(indicator)
  return indicator
}
