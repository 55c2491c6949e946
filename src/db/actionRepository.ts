import { ActionPatchSchema, ActionSchema, NEW_ACTION, doneAtAfter, type Action } from '@/domain/actions'
import { parseInput, ValidationError, fieldErrorsFromZod } from '@/domain/validation'
import { database, newId, nowIso } from './database'
import { RecordGoneError, stillToWrite, type WriteOptions } from './locks'

export async function listActions(organisationId: string, db = database()): Promise<Action[]> {
  return db.actions.where('organisationId').equals(organisationId).toArray()
}

/** A new action's id, made by the form before its first write (so a replayed creation never duplicates it). */
export const newActionId = newId

/** Cross-field rules (a due date before the creation date) come back as field errors too. */
function validAction(record: unknown): Action {
  const parsed = ActionSchema.safeParse(record)
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error))
  return parsed.data
}

/**
 * One change to an action: only the fields given are replaced (a quick status change does not rewrite a title
 * edited in another tab). The first change of a new id creates the action, with the form's defaults for the
 * rest. Throws a ValidationError (nothing written) when a field is wrong.
 */
export async function saveActionPatch(
  organisationId: string,
  id: string,
  input: unknown,
  db = database(),
  options: WriteOptions = {},
): Promise<Action | undefined> {
  const { originAssessmentId, ...parsed } = parseInput(ActionPatchSchema, input)
  return db.transaction('rw', db.actions, db.organisations, async () => {
    const existing = await db.actions.get(id)
    const fields = existing ? stillToWrite(parsed, existing, options) : parsed
    if (!fields) return undefined
    const now = nowIso()
    let base: Omit<Action, 'updatedAt'>
    if (existing) base = existing
    else {
      if (!(await db.organisations.get(organisationId))) throw new RecordGoneError('Organisation', organisationId)
      base = {
        ...NEW_ACTION,
        id,
        organisationId,
        originAssessmentId: originAssessmentId ?? null,
        doneAt: null,
        createdAt: now,
      }
    }
    const status = fields.status ?? base.status
    const action = validAction({
      ...base,
      ...fields,
      doneAt: doneAtAfter(existing ?? null, status, now),
      updatedAt: now,
    })
    await db.actions.put(action)
    return action
  })
}
