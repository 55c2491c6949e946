import type { Assessment } from '@/domain/assessment'
import { database } from './database'

// Reads only, free of zod (writes: assessmentWrites.ts).

export async function listAssessments(organisationId: string, db = database()): Promise<Assessment[]> {
  const all = await db.assessments.where('organisationId').equals(organisationId).toArray()
  return all.sort((a, b) => b.year - a.year)
}

export async function getAssessment(id: string, db = database()): Promise<Assessment | undefined> {
  return db.assessments.get(id)
}
