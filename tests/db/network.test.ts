import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAssessment } from '@/db/assessmentWrites'
import { exportBackup, importBackup } from '@/db/backupRepository'
import { CapEssDatabase, useDatabase } from '@/db/database'
import { findStoredGuide, removeGuide, storeGuide } from '@/db/guideRepository'
import { importCatalogueSheets, importSummaries, listCatalogue, listSummaries } from '@/db/networkRepository'
import { createOrganisation } from '@/db/organisationWrites'
import { listPracticeSheets, savePracticeSheet } from '@/db/practiceSheetRepository'
import { checkBackupText } from '@/domain/backup/check'
import type { SharedSheet } from '@/domain/files/practiceSheets'
import type { Summary } from '@/domain/files/summary'
import { forgetStoredGuides, loadGuideIndex } from '@/domain/guide/registry'
import { GuideSchema, type Guide } from '@/domain/guide/schema'
import { useStoredGuides } from '@/domain/guide/storedGuides'

const national = JSON.parse(readFileSync('guide-data/guide.csess-2016.v2.json', 'utf8'))
const networkGuide: Guide = GuideSchema.parse({
  ...national,
  id: 'cress-bzh-2026',
  version: 1,
  shortTitle: 'Guide CRESS Bretagne',
  migration: undefined,
})
const NETWORK = { guideId: 'cress-bzh-2026', guideVersion: 1 }

let db: CapEssDatabase
let other: CapEssDatabase
beforeEach(async () => {
  db = new CapEssDatabase(`net-${crypto.randomUUID()}`)
  other = new CapEssDatabase(`net2-${crypto.randomUUID()}`)
  await Promise.all([db.open(), other.open()])
  useDatabase(db)
  forgetStoredGuides()
  useStoredGuides((ref) => findStoredGuide(ref))
})
afterEach(async () => {
  useStoredGuides(null)
  forgetStoredGuides()
  await Promise.all([db.delete(), other.delete()])
})

/** The other device: its own empty database, which its guide registry reads. */
function onOtherDevice() {
  useDatabase(other)
  forgetStoredGuides()
  useStoredGuides((ref) => findStoredGuide(ref, other))
}

async function seed() {
  const org = await createOrganisation(
    {
      name: 'Coop des Monts d’Arrée',
      legalForm: 'scop',
      employees: 12,
      volunteers: 0,
      members: 12,
      region: '53',
      siren: '',
    },
    db,
  )
  expect(await storeGuide(networkGuide, db)).toBe('added')
  const { assessment } = await createAssessment(
    org.id,
    { year: 2025, retainedThemeIds: ['gov'], participants: '' },
    NETWORK,
    null,
    db,
  )
  await savePracticeSheet(
    org.id,
    'sheet-1',
    {
      title: 'Salarié·es au CA',
      themeId: 'gov',
      questionIds: ['gov.rules.explicit'],
      guideId: NETWORK.guideId,
      guideVersion: 1,
    },
    db,
  )
  await savePracticeSheet(org.id, 'sheet-1', { description: 'Deux sièges', shareable: true }, db)
  return { org, assessment }
}

describe('a network guide on a device', () => {
  it('is stored once, refuses another content under the same version, and opens its assessments', async () => {
    await seed()
    expect(await storeGuide(networkGuide, db)).toBe('same')
    expect(await storeGuide({ ...networkGuide, shortTitle: 'Autre' }, db)).toBe('conflict')
    const index = await loadGuideIndex(NETWORK)
    expect(index.guide.shortTitle).toBe('Guide CRESS Bretagne')
    expect(await removeGuide(NETWORK, db)).toBe(false)
  })

  it('travels in a backup with the assessments made with it, and opens on a device that never loaded it', async () => {
    const { org } = await seed()
    const file = await exportBackup('1.0.0', org.id, db)
    expect(file.guides?.map((g) => `${g.id}@${g.version}`)).toEqual(['cress-bzh-2026@1'])
    expect(file.organisations[0]!.practiceSheets).toMatchObject([
      { id: 'sheet-1', title: 'Salarié·es au CA', description: 'Deux sièges', shareable: true },
    ])

    onOtherDevice()
    const checked = await checkBackupText(JSON.stringify(file))
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    await importBackup(checked.file, new Map(), '(copie)', other)
    expect(await findStoredGuide(NETWORK, other)).toEqual(networkGuide)
    expect(await listPracticeSheets(org.id, other)).toHaveLength(1)
    expect((await loadGuideIndex(NETWORK)).guide.id).toBe('cress-bzh-2026')
  })

  it('refuses a backup whose guide differs from the one of the same version here, located', async () => {
    const { org } = await seed()
    const file = await exportBackup('1.0.0', org.id, db)
    const changed = { ...file, guides: [{ ...file.guides![0], shortTitle: 'Retouché' }] }
    const checked = await checkBackupText(JSON.stringify(changed))
    expect(checked).toMatchObject({ ok: false, problems: [{ path: 'guides[0]', key: 'import.problem.guideConflict' }] })
    const broken = { ...file, guides: [{ ...file.guides![0], themes: [] }] }
    onOtherDevice()
    const refused = await checkBackupText(JSON.stringify(broken))
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.problems.map((p) => p.path)).toContain('guides[0].themes')
  })
})

describe('a full backup', () => {
  it('carries every guide loaded here, the catalogue and the summaries, and merges them back', async () => {
    await storeGuide({ ...networkGuide, version: 2, shortTitle: 'Pas encore utilisé' }, db)
    await importSummaries(
      [
        {
          id: 'a'.repeat(32),
          year: 2025,
          guideId: 'csess-2016',
          guideVersion: 2,
          scoringVersion: 1,
          legalForm: 'scop',
          sizeBand: '10-49',
          region: '53',
          global: { score: 0.5, answered: 1, applicable: 1, coverage: 1 },
          themes: [{ themeId: 'gov', score: 0.5, answered: 1, applicable: 1, coverage: 1 }],
          levels: {},
        },
      ],
      db,
    )
    const file = await exportBackup('1.0.0', null, db)
    expect(file.guides?.map((g) => g.shortTitle)).toEqual(['Pas encore utilisé'])
    expect(file.network?.summaries).toHaveLength(1)
    onOtherDevice()
    const checked = await checkBackupText(JSON.stringify(file))
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    await importBackup(checked.file, new Map(), '(copie)', other)
    await importBackup(checked.file, new Map(), '(copie)', other)
    expect(await listSummaries(other)).toHaveLength(1)
    expect(await findStoredGuide({ guideId: 'cress-bzh-2026', guideVersion: 2 }, other)).toMatchObject({
      shortTitle: 'Pas encore utilisé',
    })
    const refused = await checkBackupText(
      JSON.stringify({ ...file, network: { catalogue: [], summaries: [{ id: 'x' }] } }),
    )
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.problems[0]!.path).toMatch(/^network\.summaries\[0\]/)
    const national = await checkBackupText(
      JSON.stringify({ ...file, guides: [{ ...file.guides![0], id: 'csess-2016', version: 3 }] }),
    )
    expect(national).toMatchObject({
      ok: false,
      problems: [{ path: 'guides[0].id', key: 'files.problem.reservedGuideId' }],
    })
  })
})

describe('practice sheets through the writer', () => {
  it('are created by their first change and validated on every write', async () => {
    const { org } = await seed()
    await expect(savePracticeSheet(org.id, 'sheet-1', { title: 'x'.repeat(500) }, db)).rejects.toMatchObject({
      name: 'ValidationError',
      fieldErrors: { title: expect.objectContaining({ key: 'validation.tooLong' }) },
    })
    const [sheet] = await listPracticeSheets(org.id, db)
    expect(sheet).toMatchObject({ guideId: 'cress-bzh-2026', title: 'Salarié·es au CA', shareable: true })
    await expect(
      savePracticeSheet('no-such-org', 'sheet-2', { title: 'Orpheline', guideId: 'csess-2016', guideVersion: 2 }, db),
    ).rejects.toThrow(/does not exist/)
    // A change arriving after the sheet was deleted (another tab's typing, a replayed journal) does not bring it back.
    await db.practiceSheets.delete('sheet-1')
    await expect(savePracticeSheet(org.id, 'sheet-1', { results: 'tapé dans un autre onglet' }, db)).rejects.toThrow(
      /does not exist/,
    )
    expect(await listPracticeSheets(org.id, db)).toHaveLength(0)
  })
})

describe('what a network gathers', () => {
  const summary = (i: number): Summary => ({
    id: i.toString(16).padStart(32, '0'),
    year: 2025,
    guideId: 'csess-2016',
    guideVersion: 2,
    scoringVersion: 1,
    legalForm: 'scop',
    sizeBand: '10-49',
    region: '53',
    global: { score: 0.5, answered: 1, applicable: 1, coverage: 1 },
    themes: [{ themeId: 'gov', score: 0.5, answered: 1, applicable: 1, coverage: 1 }],
    levels: { 'gov.rules.explicit': 2 },
  })
  it('keeps a summary imported twice once', async () => {
    expect(await importSummaries([summary(1), summary(2)], db)).toEqual({ added: 2, again: 0 })
    expect(await importSummaries([summary(2), summary(3)], db)).toEqual({ added: 1, again: 1 })
    expect(await listSummaries(db)).toHaveLength(3)
  })
  it('keeps a sheet imported twice once, in its latest version', async () => {
    const sheet: SharedSheet = {
      id: 'sheet-1',
      title: 'Salarié·es au CA',
      themeId: 'gov',
      domaineId: null,
      questionIds: [],
      description: 'Deux sièges',
      since: '',
      involved: '',
      results: '',
      advice: '',
      contact: '',
      guideId: 'csess-2016',
      guideVersion: 2,
      theme: { number: 1, label: 'Gouvernance démocratique' },
      domaine: null,
      questions: [],
      organisation: { name: 'Coop', legalForm: 'scop', region: '53', sizeBand: '10-49' },
      updatedAt: '2026-01-01T00:00:00.000Z',
    }
    expect(await importCatalogueSheets([sheet], db)).toEqual({ added: 1, updated: 0, unchanged: 0 })
    expect(await importCatalogueSheets([sheet], db)).toEqual({ added: 0, updated: 0, unchanged: 1 })
    expect(await importCatalogueSheets([{ ...sheet, title: 'v2', updatedAt: '2026-02-01T00:00:00.000Z' }], db)).toEqual(
      { added: 0, updated: 1, unchanged: 0 },
    )
    expect((await listCatalogue(db)).map((s) => s.title)).toEqual(['v2'])
  })
})

describe('database upgrade from version 5 (before the network)', () => {
  it('keeps every record and adds the empty network tables', async () => {
    const name = `upgrade5-${crypto.randomUUID()}`
    const v5 = new Dexie(name)
    v5.version(5).stores({
      organisations: 'id, name',
      assessments: 'id, organisationId, &[organisationId+year], year',
      answers: '[assessmentId+questionId], assessmentId, [assessmentId+updatedAt]',
      indicatorValues: '[assessmentId+indicatorId], assessmentId',
      customIndicators: 'id, organisationId',
      objectives: '[assessmentId+subjectId], assessmentId',
      actions: 'id, organisationId, status',
      settings: 'key',
      participants: '[assessmentId+id], assessmentId',
      ratings: '[assessmentId+participantId+questionId], assessmentId',
      discussions: '[assessmentId+questionId], assessmentId',
    })
    const organisation = {
      id: 'o1',
      name: 'Asso',
      legalForm: 'association',
      employees: 0,
      volunteers: 3,
      members: 20,
      region: '53',
      siren: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }
    await v5.table('organisations').add(organisation)
    await v5.table('settings').add({ key: 'lastBackupAt', value: '2026-01-01T00:00:00.000Z' })
    v5.close()
    const upgraded = new CapEssDatabase(name)
    await upgraded.open()
    expect(upgraded.verno).toBe(8)
    expect(await upgraded.organisations.toArray()).toEqual([organisation])
    expect(await upgraded.settings.count()).toBe(1)
    for (const table of [upgraded.guides, upgraded.practiceSheets, upgraded.catalogue, upgraded.summaries])
      expect(await table.count()).toBe(0)
    await savePracticeSheet('o1', 's1', { title: 'Première fiche', guideId: 'csess-2016', guideVersion: 2 }, upgraded)
    expect(await upgraded.practiceSheets.count()).toBe(1)
    await upgraded.delete()
  })
})
