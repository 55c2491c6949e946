import { ActionInputSchema, ActionSchema, doneAtAfter, type Action } from '@/domain/actions'
import { parseInput, ValidationError, fieldErrorsFromZod } from '@/domain/validation'
import { database, newId, nowIso } from './database'

export async function listActions(organisationId: string, db = database()): Promise<Action[]> {
  return db.actions.where('organisationId').equals(organisationId).toArray()
}

/** Cross-field rules (a due date before the creation date) come back as field errors too. */
function validAction(record: unknown): Action {
  const parsed = ActionSchema.safeParse(record)
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error))
  return parsed.data
}

export async function createAction(
  organisationId: string,
  input: unknown,
  originAssessmentId: string | null,
  db = database(),
): Promise<Action> {
  const fields = parseInput(ActionInputSchema, input)
  const now = nowIso()
  const action = validAction({
    id: newId(),
    organisationId,
    originAssessmentId,
    ...fields,
    doneAt: doneAtAfter(null, fields.status, now),
    createdAt: now,
    updatedAt: now,
  })
  await db.actions.add(action)
  return action
}

/** Changes only the fields given (a quick status change does not rewrite a title edited in another tab). */
export async function updateAction(id: string, input: unknown, db = database()): Promise<Action> {
  const fields = parseInput(ActionInputSchema.partial(), input)
  return db.transaction('rw', db.actions, async () => {
    const existing = await db.actions.get(id)
    if (!existing) throw new Error(`Action ${id} not found`)
    const now = nowIso()
    const status = fields.status ?? existing.status
    const action = validAction({ ...existing, ...fields, doneAt: doneAtAfter(existing, status, now), updatedAt: now })
    await db.actions.put(action)
    return action
  })
}
