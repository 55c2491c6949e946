import { AssessmentInputSchema, AssessmentSchema, type Assessment, type AssessmentInput } from '@/domain/assessment'
import type { GuideRef } from '@/domain/guide/current'
import { ValidationError, parseInput } from '@/domain/validation'
import { database, newId, nowIso } from './database'

/** One assessment per organisation and exercise: a second one for the same year is refused at the year field. */
export async function createAssessment(
  organisationId: string,
  input: AssessmentInput,
  guide: GuideRef,
  db = database(),
): Promise<Assessment> {
  const fields = parseInput(AssessmentInputSchema, input)
  return db.transaction('rw', db.organisations, db.assessments, async () => {
    if (!(await db.organisations.get(organisationId))) throw new Error(`Organisation ${organisationId} not found`)
    const taken = await db.assessments.where('[organisationId+year]').equals([organisationId, fields.year]).count()
    if (taken > 0) throw new ValidationError({ year: { key: 'validation.yearTaken', params: { year: fields.year } } })
    const now = nowIso()
    const assessment = AssessmentSchema.parse({
      id: newId(),
      organisationId,
      ...fields,
      ...guide,
      status: 'draft',
      createdAt: now,
      updatedAt: now,
    })
    await db.assessments.add(assessment)
    return assessment
  })
}

export async function setRetainedThemes(id: string, themeIds: string[], db = database()): Promise<Assessment> {
  const { retainedThemeIds } = parseInput(AssessmentInputSchema.pick({ retainedThemeIds: true }), { retainedThemeIds: themeIds })
  return db.transaction('rw', db.assessments, async () => {
    const existing = await db.assessments.get(id)
    if (!existing) throw new Error(`Assessment ${id} not found`)
    const assessment = AssessmentSchema.parse({ ...existing, retainedThemeIds, updatedAt: nowIso() })
    await db.assessments.put(assessment)
    return assessment
  })
}
