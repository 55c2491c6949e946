import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CapEssDatabase } from '@/db/database'
import { readAllExercises, readPortfolio } from '@/db/portfolioRepository'
import { saveOrganisationMeta } from '@/db/organisationWrites'
import { seedOrganisation } from '../fixtures/backupData'
import { storedAnswer } from '../fixtures/storedRows'

let db: CapEssDatabase
beforeEach(async () => {
  db = new CapEssDatabase(`pf-${crypto.randomUUID()}`)
  await db.open()
})
afterEach(async () => {
  await db.delete()
})

describe('the portfolio’s read', () => {
  it('reads the recent exercises, an older completed one only when none is recent, the open actions and each draft’s newest answer', async () => {
    const { org, y1, y2 } = await seedOrganisation(db) // 2025 completed, 2026 draft, one open action
    const recent = await readPortfolio(2026, db)
    expect(recent.assessments.map((a) => a.year).sort()).toEqual([2025, 2026])
    expect(recent.actions).toHaveLength(1)
    expect(recent.draftActivity.get(y2.id)).toBe((await storedAnswer(db, y2.id, 'gov.rules.explicit'))!.updatedAt)
    // Three years later: the 2025 exercise is not recent any more, but it is the last completed one.
    const later = await readPortfolio(2029, db)
    expect(later.assessments.map((a) => a.id)).toEqual([y1.id])
    expect((await readAllExercises(db)).assessments).toHaveLength(2)
    expect(later.organisations.map((o) => o.id)).toEqual([org.id])
  })

  it('keeps tags and the archive mark on the organisation, leaving its other fields alone', async () => {
    const { org } = await seedOrganisation(db)
    await saveOrganisationMeta(org.id, { tags: ['DLA 2026'] }, db)
    await saveOrganisationMeta(org.id, { archivedAt: '2026-11-30T10:00:00.000Z' }, db)
    expect(await db.organisations.get(org.id)).toMatchObject({
      name: org.name,
      employees: 14,
      tags: ['DLA 2026'],
      archivedAt: '2026-11-30T10:00:00.000Z',
    })
    await expect(saveOrganisationMeta(org.id, { tags: ['x'.repeat(41)] }, db)).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ['tags', 0] })]),
    })
  })
})
