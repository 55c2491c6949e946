import { OrganisationInputSchema, OrganisationSchema, type Organisation } from '@/domain/organisation'
import { parseInput } from '@/domain/validation'
import { database, newId, nowIso } from './database'

/** Takes raw form entries (unknown): validates everything before the one write before the one write: invalid input throws a ValidationError and writes nothing. */
export async function createOrganisation(input: unknown, db = database()): Promise<Organisation> {
  const fields = parseInput(OrganisationInputSchema, input)
  const now = nowIso()
  const organisation = OrganisationSchema.parse({ id: newId(), ...fields, createdAt: now, updatedAt: now })
  await db.organisations.add(organisation)
  return organisation
}

export async function updateOrganisation(id: string, input: unknown, db = database()): Promise<Organisation> {
  const fields = parseInput(OrganisationInputSchema, input)
  return db.transaction('rw', db.organisations, async () => {
    const existing = await db.organisations.get(id)
    if (!existing) throw new Error(`Organisation ${id} not found`)
    const organisation = OrganisationSchema.parse({ ...existing, ...fields, updatedAt: nowIso() })
    await db.organisations.put(organisation)
    return organisation
  })
}
