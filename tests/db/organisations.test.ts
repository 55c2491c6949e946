import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAssessments } from '@/db/assessmentRepository'
import { createAssessment, setRetainedThemes } from '@/db/assessmentWrites'
import { CapEssDatabase } from '@/db/database'
import { listOrganisations } from '@/db/organisationRepository'
import { createOrganisation, updateOrganisation } from '@/db/organisationWrites'
import type { OrganisationInput } from '@/domain/organisation'
import { ValidationError } from '@/domain/validation'

let db: CapEssDatabase
beforeEach(async () => {
  db = new CapEssDatabase(`test-${crypto.randomUUID()}`)
  await db.open()
})
afterEach(() => db.delete())

const valid: OrganisationInput = {
  name: '  La Ressourcerie du Val  ',
  legalForm: 'association',
  employees: 12,
  volunteers: 40,
  members: 230,
  region: '53',
  siren: '732 829 320',
}
const guide = { guideId: 'csess-2016', guideVersion: 1 }

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ValidationError)
  return Object.fromEntries(Object.entries((error as ValidationError).fieldErrors).map(([k, v]) => [k, v.key]))
}

describe('organisations', () => {
  it('stores a valid organisation, trimmed and with the SIREN normalised', async () => {
    const created = await createOrganisation(valid, db)
    expect(created).toMatchObject({ name: 'La Ressourcerie du Val', siren: '732829320', employees: 12 })
    expect(await listOrganisations(db)).toEqual([created])
  })

  it('refuses empty or absurd fields with one message per field, and writes nothing', async () => {
    const errors = await fieldErrorsOf(
      createOrganisation(
        {
          ...valid,
          name: '   ',
          legalForm: '' as never,
          employees: -3,
          volunteers: 2.5,
          members: 10 ** 12,
          region: '' as never,
          siren: '732829321',
        },
        db,
      ),
    )
    expect(errors).toEqual({
      name: 'validation.required',
      legalForm: 'validation.choose',
      employees: 'validation.negative',
      volunteers: 'validation.integer',
      members: 'validation.tooLarge',
      region: 'validation.choose',
      siren: 'validation.sirenKey',
    })
    expect(await db.organisations.count()).toBe(0)
  })

  it('tells a malformed SIREN from a wrong key, and accepts none', async () => {
    expect(await fieldErrorsOf(createOrganisation({ ...valid, siren: '12345' }, db))).toEqual({
      siren: 'validation.sirenFormat',
    })
    expect((await createOrganisation({ ...valid, siren: '' }, db)).siren).toBeNull()
  })

  it('refuses a name of punctuation only and a missing number', async () => {
    const errors = await fieldErrorsOf(createOrganisation({ ...valid, name: '---', employees: undefined as never }, db))
    expect(errors).toEqual({ name: 'validation.nameNoLetters', employees: 'validation.number' })
  })

  it('updates without losing the creation date, and an invalid update changes nothing', async () => {
    const created = await createOrganisation(valid, db)
    const updated = await updateOrganisation(created.id, { ...valid, employees: 15 }, db)
    expect(updated).toMatchObject({ employees: 15, createdAt: created.createdAt })
    await expect(updateOrganisation(created.id, { ...valid, employees: -1 }, db)).rejects.toBeInstanceOf(
      ValidationError,
    )
    expect((await db.organisations.get(created.id))?.employees).toBe(15)
  })
})

describe('assessments', () => {
  it('creates one assessment per exercise and refuses a second one for the same year', async () => {
    const org = await createOrganisation(valid, db)
    const input = { year: 2025, retainedThemeIds: ['gov', 'ethics'], participants: 'Bureau' }
    const { assessment: created } = await createAssessment(org.id, input, guide, null, db)
    expect(created).toMatchObject({ year: 2025, status: 'draft', guideId: 'csess-2016', guideVersion: 1 })
    expect(await fieldErrorsOf(createAssessment(org.id, input, guide, null, db))).toEqual({
      year: 'validation.yearTaken',
    })
    expect(await listAssessments(org.id, db)).toHaveLength(1)
  })

  it('refuses a year outside 2000–2100 or no theme, and writes nothing', async () => {
    const org = await createOrganisation(valid, db)
    expect(
      await fieldErrorsOf(
        createAssessment(org.id, { year: 1999, retainedThemeIds: [], participants: '' }, guide, null, db),
      ),
    ).toEqual({
      year: 'validation.yearRange',
      retainedThemeIds: 'validation.noTheme',
    })
    expect(
      await fieldErrorsOf(
        createAssessment(org.id, { year: 2101, retainedThemeIds: ['gov'], participants: '' }, guide, null, db),
      ),
    ).toEqual({
      year: 'validation.yearRange',
    })
    expect(await db.assessments.count()).toBe(0)
  })

  it('changes the retained themes but never to none', async () => {
    const org = await createOrganisation(valid, db)
    const { assessment: created } = await createAssessment(
      org.id,
      { year: 2025, retainedThemeIds: ['gov'], participants: '' },
      guide,
      null,
      db,
    )
    expect((await setRetainedThemes(created.id, ['gov', 'users'], db)).retainedThemeIds).toEqual(['gov', 'users'])
    await expect(setRetainedThemes(created.id, [], db)).rejects.toBeInstanceOf(ValidationError)
    expect((await db.assessments.get(created.id))?.retainedThemeIds).toEqual(['gov', 'users'])
  })
})
