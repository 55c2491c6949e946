import type { Organisation } from '@/domain/organisation'
import { database } from './database'

// Reads only: they stay free of zod so the first screen does not load it (writes: organisationWrites.ts).
export async function listOrganisations(db = database()): Promise<Organisation[]> {
  // IndexedDB sorts by code unit (« Élan » after « Zèbre »): sort the French way here.
  const all = await db.organisations.toArray()
  return all.sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }))
}

/** How many organisations this device keeps. */
export async function countOrganisations(db = database()): Promise<number> {
  return db.organisations.count()
}

export async function getOrganisation(id: string, db = database()): Promise<Organisation | undefined> {
  return db.organisations.get(id)
}
