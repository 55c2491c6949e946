import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportBackup, importBackup, storedOrganisations, readBackup } from '@/db/backupRepository'
import { BACKUP_JSON_END, backupJsonHead, organisationJson } from '@/domain/backup/serialise'
import { CapEssDatabase } from '@/db/database'
import { saveIndicatorValue } from '@/db/indicatorRepository'
import { RecordGoneError } from '@/db/locks'
import { parseBackup } from '@/domain/backup/parse'
import { previewImport } from '@/domain/backup/plan'
import { catalog, seedOrganisation } from '../fixtures/backupData'
import { answerCount } from '../fixtures/storedRows'

let source: CapEssDatabase
let target: CapEssDatabase
beforeEach(async () => {
  source = new CapEssDatabase(`src-${crypto.randomUUID()}`)
  target = new CapEssDatabase(`dst-${crypto.randomUUID()}`)
  await Promise.all([source.open(), target.open()])
})
afterEach(async () => {
  await Promise.all([source.delete(), target.delete()])
})

const tables = [
  'organisations',
  'assessments',
  'answerSets',
  'indicatorSets',
  'objectiveSets',
  'actions',
  'customIndicators',
  'participants',
  'ratings',
  'discussions',
] as const
async function dump(db: CapEssDatabase) {
  const out: Record<string, unknown[]> = {}
  for (const t of tables) out[t] = await db.table(t).toArray()
  return out
}
async function parsed(text: string) {
  const result = await parseBackup(text, catalog)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.file
}

describe('backup export and import', () => {
  it('still exports a record an older version stored and today’s rules refuse, and the import says where it is', async () => {
    const { org } = await seedOrganisation(source)
    await source.organisations.update(org.id, { name: '– – –' })
    const file = await exportBackup('0.1.0', null, source)
    expect(file.organisations[0].name).toBe('– – –')
    const result = await parseBackup(JSON.stringify(file), catalog)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.problems).toContainEqual(
        expect.objectContaining({ path: 'organisations[0].name', key: 'validation.nameNoLetters' }),
      )
  })

  it('refuses a value of the organisation’s own indicator before the indicator exists (no value nothing shows)', async () => {
    const { y2 } = await seedOrganisation(source)
    await expect(saveIndicatorValue(y2.id, 'custom.pas-encore-cree', { value: 3 }, source)).rejects.toBeInstanceOf(
      RecordGoneError,
    )
  })

  it('round-trips everything: exported, imported elsewhere, every record identical', async () => {
    await seedOrganisation(source)
    await seedOrganisation(source, 'Asso Deux')
    const file = await exportBackup('0.1.0', null, source)
    expect(file).toMatchObject({ format: 'cap-ess', formatVersion: 2, scope: 'all', appVersion: '0.1.0' })
    expect(file.organisations).toHaveLength(2)

    await importBackup(await parsed(JSON.stringify(file)), new Map(), '(copie)', target)
    const [a, b] = [await dump(source), await dump(target)]
    for (const t of tables) {
      // Same records, same values; key order inside a record does not matter.
      const canonical = (value: unknown): unknown =>
        Array.isArray(value)
          ? value.map(canonical)
          : value && typeof value === 'object'
            ? Object.fromEntries(
                Object.entries(value)
                  .sort(([x], [y]) => x.localeCompare(y))
                  .map(([k, v]) => [k, canonical(v)]),
              )
            : value
      const key = (r: unknown) => JSON.stringify(canonical(r))
      expect(b[t].map(key).sort(), t).toEqual(a[t].map(key).sort())
    }
  })

  it('hands the organisations over one by one, their records read a few organisations at a time, all in the file', async () => {
    // More organisations than one round of reads holds (ORGANISATIONS_PER_READ), so the next round is asked for while
    // the previous organisations are handed over.
    const seeded = []
    for (let i = 0; i < 12; i++) seeded.push(await seedOrganisation(source, `Asso ${i + 1}`))
    const handed: string[] = []
    const head = await readBackup(
      '0.1.0',
      null,
      (organisation) =>
        handed.push(`${organisation.name}: ${organisation.assessments.map((a) => a.answers.length).join('+')}`),
      source,
    )
    expect(head).toMatchObject({ format: 'cap-ess', scope: 'all' })
    expect(head).not.toHaveProperty('organisations')
    // Each has two years of two answers (the second year carried over from the first).
    expect(handed.sort()).toEqual(seeded.map((_, i) => `Asso ${i + 1}: 2+2`).sort())
    const text = [
      backupJsonHead(head),
      ...(await exportBackup('0.1.0', null, source)).organisations.map(organisationJson),
      BACKUP_JSON_END,
    ].join('')
    const file = await parsed(text)
    expect(file.organisations).toHaveLength(12)
    expect(
      file.organisations.flatMap((o) => o.assessments.flatMap((a) => a.answers.map((x) => x.questionId))),
    ).toHaveLength(12 * 4)
  })

  it('exports one organisation alone', async () => {
    const { org } = await seedOrganisation(source)
    await seedOrganisation(source, 'Autre')
    const file = await exportBackup('0.1.0', org.id, source)
    expect(file.scope).toBe('organisation')
    expect(file.organisations.map((o) => o.name)).toEqual(['Ressourcerie du Val d’Oust'])
  })

  it('previews a conflict, lets the newer one win by default, keeps mine, takes the file’s or keeps both', async () => {
    const { org } = await seedOrganisation(source)
    const file = await parsed(JSON.stringify(await exportBackup('0.1.0', null, source)))
    await importBackup(file, new Map(), '(copie)', target)
    // Here, the organisation changes after the export: mine is newer.
    await target.organisations.update(org.id, { employees: 20, updatedAt: new Date(Date.now() + 60_000).toISOString() })

    const [item] = previewImport(
      file,
      await storedOrganisations(
        file.organisations.map((o) => o.id),
        target,
      ),
    )
    expect(item).toMatchObject({ organisationId: org.id, suggested: 'keep-mine', existing: { name: org.name } })

    await importBackup(file, new Map([[org.id, 'keep-mine']]), '(copie)', target)
    expect((await target.organisations.get(org.id))?.employees).toBe(20)

    await importBackup(file, new Map([[org.id, 'take-file']]), '(copie)', target)
    expect((await target.organisations.get(org.id))?.employees).toBe(14)
    expect(await target.assessments.count()).toBe(2)

    await importBackup(file, new Map([[org.id, 'copy']]), '(copie)', target)
    const names = (await target.organisations.toArray()).map((o) => o.name).sort()
    expect(names).toEqual(['Ressourcerie du Val d’Oust', 'Ressourcerie du Val d’Oust (copie)'])
    expect(await target.assessments.count()).toBe(4)
    expect(await answerCount(target)).toBe((await answerCount(source)) * 2)
    // The copy's references point to its own records.
    const copy = (await target.organisations.toArray()).find((o) => o.name.endsWith('(copie)'))!
    const copiedAssessments = await target.assessments.where('organisationId').equals(copy.id).toArray()
    const [action] = await target.actions.where('organisationId').equals(copy.id).toArray()
    expect(copiedAssessments.map((a) => a.id)).toContain(action.originAssessmentId)
    expect(copiedAssessments.find((a) => a.year === 2026)?.previousAssessmentId).toBe(
      copiedAssessments.find((a) => a.year === 2025)?.id,
    )
  })

  it('writes nothing when any record cannot be written (one transaction)', async () => {
    await seedOrganisation(source)
    const file = await parsed(JSON.stringify(await exportBackup('0.1.0', null, source)))
    // Another organisation here already uses one of the file's assessment ids.
    const { org: other } = await seedOrganisation(target, 'Déjà là')
    const clash = file.organisations[0].assessments[1].id
    await target.assessments.put({
      ...(await target.assessments.where('organisationId').equals(other.id).first())!,
      id: clash,
      year: 2030,
    })
    const before = await dump(target)
    await expect(importBackup(file, new Map(), '(copie)', target)).rejects.toMatchObject({ name: 'BulkError' })
    expect(await dump(target)).toEqual(before)
  })
})
