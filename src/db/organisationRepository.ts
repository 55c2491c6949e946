import type { Organisation } from '@/domain/organisation'
import { database } from './database'

// Reads only: they stay free of zod so the first screen does not load it (writes: organisationWrites.ts).
export async function listOrganisations(db = database()): Promise<Organisation[]> {
  return db.organisations.orderBy('name').toArray()
}

export async function getOrganisation(id: string, db = database()): Promise<Organisation | undefined> {
  return db.organisations.get(id)
}
