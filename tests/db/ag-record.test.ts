import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saveAnswerPatch } from '@/db/answerRepository'
import { AssessmentLockedError } from '@/db/locks'
import { completeAssessment, createAssessment, saveAgPatch } from '@/db/assessmentWrites'
import { CapEssDatabase } from '@/db/database'
import { createOrganisation } from '@/db/organisationWrites'
import { AssessmentSchema, AG_TEXT_MAX } from '@/domain/assessment'
import { ValidationError } from '@/domain/validation'
import { indexGuide } from '@/domain/guide/guideIndex'
import { scoreAssessment } from '@/domain/scoring'
import { takeSnapshot } from '@/domain/snapshot'
import { guideV1 } from '../fixtures/guideVersions'
import { profile } from '../fixtures/factories'

let db: CapEssDatabase
let assessmentId: string
beforeEach(async () => {
  db = new CapEssDatabase(`test-${crypto.randomUUID()}`)
  await db.open()
  const org = await createOrganisation(
    { name: 'Coop', legalForm: 'scic', employees: 8, volunteers: 0, members: 90, region: '76', siren: '' },
    db,
  )
  assessmentId = (
    await createAssessment(
      org.id,
      { year: 2025, retainedThemeIds: ['t'], participants: '' },
      { guideId: 'mini', guideVersion: 1 },
      null,
      db,
    )
  ).assessment.id
})
afterEach(() => db.delete())

const record = {
  presentedAt: '2026-06-12',
  approach: 'Thèmes choisis en CA.',
  questionsRaised: 'Écart de salaires ?',
  objectivesAdopted: 'Index égalité publié.',
}

describe('AG record', () => {
  it('is written on a completed assessment, whose answers stay locked', async () => {
    const index = indexGuide(guideV1)
    await completeAssessment(
      assessmentId,
      (a, answers) =>
        takeSnapshot(scoreAssessment(index, a.retainedThemeIds, profile(), answers), a, new Date().toISOString()),
      db,
    )
    const saved = await saveAgPatch(assessmentId, record, db)
    expect(saved).toMatchObject({
      status: 'completed',
      presentedAt: '2026-06-12',
      agRecord: { approach: 'Thèmes choisis en CA.', questionsRaised: 'Écart de salaires ?' },
    })
    expect(AssessmentSchema.safeParse(await db.assessments.get(assessmentId)).success).toBe(true)
    await expect(saveAnswerPatch(assessmentId, 't.d.kept', { note: 'x' }, db)).rejects.toBeInstanceOf(
      AssessmentLockedError,
    )
  })

  it('clears the AG date with null and trims the texts', async () => {
    await saveAgPatch(assessmentId, record, db)
    const saved = await saveAgPatch(assessmentId, { presentedAt: null, approach: '  ' }, db)
    expect(saved?.presentedAt).toBeNull()
    expect(saved?.agRecord).toEqual({
      approach: '',
      questionsRaised: 'Écart de salaires ?',
      objectivesAdopted: 'Index égalité publié.',
    })
  })

  it('changes only the field given: a text written alone keeps the date and the other texts', async () => {
    await saveAgPatch(assessmentId, record, db)
    const saved = await saveAgPatch(assessmentId, { objectivesAdopted: 'Deux salariés au CA.' }, db)
    expect(saved).toMatchObject({
      presentedAt: '2026-06-12',
      agRecord: { approach: 'Thèmes choisis en CA.', objectivesAdopted: 'Deux salariés au CA.' },
    })
  })

  it('refuses a wrong date or a text too long, and writes nothing', async () => {
    const before = await db.assessments.get(assessmentId)
    await expect(saveAgPatch(assessmentId, { ...record, presentedAt: '2031-01-01' }, db)).rejects.toMatchObject({
      fieldErrors: { presentedAt: { key: 'validation.agDateRange' } },
    })
    const tooLong = await saveAgPatch(
      assessmentId,
      { ...record, questionsRaised: 'x'.repeat(AG_TEXT_MAX + 1) },
      db,
    ).catch((e: unknown) => e)
    expect(tooLong).toBeInstanceOf(ValidationError)
    expect((tooLong as ValidationError).fieldErrors.questionsRaised.key).toBe('validation.tooLong')
    expect(await db.assessments.get(assessmentId)).toEqual(before)
  })

  it('reads assessments written before the AG record existed', async () => {
    const stored = await db.assessments.get(assessmentId)
    expect(stored && 'agRecord' in stored).toBe(false)
    expect(AssessmentSchema.safeParse(stored).success).toBe(true)
  })
})
