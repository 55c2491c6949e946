import { EMPTY_SHEET, PracticeSheetPatchSchema, PracticeSheetSchema, type PracticeSheet } from '@/domain/practiceSheet'
import { parseInput, ValidationError, fieldErrorsFromZod } from '@/domain/validation'
import { database, newId, nowIso } from './database'
import { RecordGoneError, stillToWrite, type WriteOptions } from './locks'

export async function listPracticeSheets(organisationId: string, db = database()): Promise<PracticeSheet[]> {
  return db.practiceSheets.where('organisationId').equals(organisationId).toArray()
}

export async function getPracticeSheet(id: string, db = database()): Promise<PracticeSheet | undefined> {
  return db.practiceSheets.get(id)
}

/** A new sheet's id, made before its first write (so a replayed creation never makes two sheets). */
export const newPracticeSheetId = newId

/**
 * One change to a sheet, through the one writer: only the fields given are replaced. The first change of a new id
 * creates the sheet (private, empty) against the guide it names. Throws a ValidationError when a field is wrong.
 */
export async function savePracticeSheet(
  organisationId: string,
  id: string,
  input: unknown,
  db = database(),
  options: WriteOptions = {},
): Promise<PracticeSheet | undefined> {
  const { guideId, guideVersion, ...parsed } = parseInput(PracticeSheetPatchSchema, input)
  return db.transaction('rw', db.practiceSheets, db.organisations, async () => {
    const existing = await db.practiceSheets.get(id)
    const fields = existing ? stillToWrite(parsed, existing, options) : parsed
    if (!fields) return undefined
    const now = nowIso()
    let base: Omit<PracticeSheet, 'updatedAt'>
    if (existing) base = existing
    else {
      if (!(await db.organisations.get(organisationId))) throw new RecordGoneError('Organisation', organisationId)
      // Only a sheet's first change names its guide: a later change finding no sheet comes after a deletion (another
      // tab's typing, a replayed journal) and must not bring the sheet back.
      if (!guideId || !guideVersion) throw new RecordGoneError('Practice sheet', id)
      base = { ...EMPTY_SHEET, id, organisationId, guideId, guideVersion, createdAt: now }
    }
    const checked = PracticeSheetSchema.safeParse({ ...base, ...fields, updatedAt: now })
    if (!checked.success) throw new ValidationError(fieldErrorsFromZod(checked.error))
    await db.practiceSheets.put(checked.data)
    return checked.data
  })
}

export async function deletePracticeSheet(id: string, db = database()): Promise<void> {
  await db.practiceSheets.delete(id)
}
