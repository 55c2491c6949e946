import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { parseCsv } from '../fixtures/csv'
import { recentPortfolio } from './helpers'

/**
 * A facilitator's portfolio of 30 client organisations: what needs doing, search as you type, filters, natural sort,
 * tags, archive, a new client on another's model, the client's own file, and the portfolio's spreadsheet read back.
 */

/** 30 organisations over last exercise and this one, dated relative to today so the test holds any day it runs. */
function thirtyOrganisations(path: string) {
  const { data, year, today } = recentPortfolio(30)
  const day = (d: number) => new Date(today.getTime() + d * 86_400_000).toISOString().slice(0, 10)
  data.organisations.forEach((o, i) => {
    if (i % 5 === 0) {
      // This exercise not started.
      o.assessments = o.assessments.slice(0, 1)
      for (const a of o.actions) a.originAssessmentId = o.assessments[0].id
    }
    if (i % 7 === 1) o.assessments.at(-1)!.presentedAt = day(20) as never
    if (i % 4 === 2) o.actions[1].dueDate = day(-30)
  })
  writeFileSync(path, JSON.stringify(data))
  return { year }
}

test('a portfolio of 30: what’s next, search, filter, sort, tags, archive, a new client on a model, the CSV', async ({
  page,
}, info) => {
  const { year } = thirtyOrganisations(info.outputPath('portfolio.json'))
  await page.goto('/donnees')
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(info.outputPath('portfolio.json'))
  await page.getByRole('button', { name: 'Importer' }).click()
  await expect(page.getByTestId('import-done')).toBeVisible()
  await page.goto('/')
  const count = page.getByTestId('portfolio-count')
  await expect(count).toHaveText('30 organisations sur 30')

  // What's next: the AGs coming with the exercise still in progress, overdue actions, exercises not started.
  const next = page.getByTestId('whats-next')
  await expect(next).toContainText('AG dans les 60 jours, exercice pas terminé')
  await expect(next).toContainText(`6 organisations n’ont pas commencé l’exercice ${year}`)
  await expect(next).toContainText('organisations avec des actions en retard')

  // Natural order: Organisation 2 before Organisation 10; the other way round once the column is sorted down.
  const names = () => page.getByTestId('portfolio-table').locator('tbody th a').allTextContents()
  expect((await names()).slice(0, 3).map((n) => n.replace(/ \(.*$/, ''))).toEqual([
    'Organisation 1',
    'Organisation 2',
    'Organisation 3',
  ])
  await page.getByRole('button', { name: /^Organisation/ }).click()
  await expect(page.getByRole('columnheader', { name: /Organisation/ })).toHaveAttribute('aria-sort', 'descending')
  expect((await names())[0]).toMatch(/^Organisation 30 /)

  // Search as you type, accents and case ignored; a filter on the stage.
  await page.getByLabel('Rechercher (nom, étiquette, région)').fill('epicerie')
  const found = await count.textContent()
  expect(Number(found!.split(' ')[0])).toBeGreaterThan(0)
  for (const name of await names()) expect(name).toContain('Épicerie')
  await page.getByLabel('Rechercher (nom, étiquette, région)').fill('')
  await page.getByLabel('Exercice en cours').selectOption({ label: 'À commencer' })
  await expect(count).toHaveText('6 organisations sur 30')
  await page.getByLabel('Exercice en cours').selectOption({ label: 'Toutes' })
  await expectNoAxeViolations(page, 'portfolio home')

  // A tag on one organisation, then the filter by tag.
  const row = page.locator('tr[data-organisation^="Organisation 7 "]')
  await row.getByText('Plus', { exact: true }).click()
  await row.getByRole('button', { name: 'Étiquettes' }).click()
  await row.getByLabel('Étiquettes (séparées par des virgules)').fill('DLA 2026, à relancer')
  await row.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(row).toContainText('DLA 2026')
  await page.getByLabel('Étiquette', { exact: true }).selectOption('DLA 2026')
  await expect(count).toHaveText('Une organisation sur 30')
  await page.reload()
  await expect(page.locator('tr[data-organisation^="Organisation 7 "]')).toContainText('à relancer')

  // Archive: out of the table and of what's next, back with « Afficher les organisations archivées ».
  const eight = page.locator('tr[data-organisation^="Organisation 8 "]')
  await eight.getByText('Plus', { exact: true }).click()
  await eight.getByRole('button', { name: 'Archiver' }).click()
  await expect(count).toHaveText('29 organisations sur 29')
  await page.getByLabel('Afficher les organisations archivées').check()
  await expect(count).toHaveText('30 organisations sur 30')
  await expect(page.locator('tr[data-organisation^="Organisation 8 "]')).toContainText('Archivée')
  await page.getByLabel('Afficher les organisations archivées').uncheck()

  // The client's own file, one click from its row.
  const three = page.locator('tr[data-organisation^="Organisation 3 "]')
  const [clientFile] = await Promise.all([
    page.waitForEvent('download'),
    three.getByRole('button', { name: /^Fichier de Organisation 3 / }).click(),
  ])
  const backup = JSON.parse(readFileSync(await clientFile.path(), 'utf8'))
  expect(backup.scope).toBe('organisation')
  expect(backup.organisations.map((o: { name: string }) => o.name)).toEqual([expect.stringMatching(/^Organisation 3 /)])

  // The whole portfolio in one spreadsheet: one row per organisation and exercise.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('portfolio-csv').click()])
  const rows = parseCsv(readFileSync(await csv.path(), 'utf8'))
  expect(rows[0].slice(0, 8)).toEqual([
    'Organisation',
    'Forme juridique',
    'Région',
    'Étiquettes',
    'Archivée',
    'Exercice',
    'Étape',
    'Score global (sur 100)',
  ])
  expect(rows[0].some((cell) => /^Thème 1\s:\sGouvernance démocratique \(sur 100\)$/.test(cell))).toBe(true)
  expect(rows).toHaveLength(1 + 30 * 2 - 6)
  const seven = rows.filter((r) => r[0].startsWith('Organisation 7 '))
  expect(seven.map((r) => r[5])).toEqual([String(year - 1), String(year)])
  expect(seven[0][3]).toBe('DLA 2026, à relancer')
  expect(seven[0][6]).toBe('Présentée en AG')
  expect(seven[0][7]).toBe('50')

  // A new client on another's model: its themes and own indicators, never its answers.
  await page.goto('/')
  const model = page.locator('tr[data-organisation^="Organisation 2 "]')
  await model.getByText('Plus', { exact: true }).click()
  await model.getByRole('link', { name: 'Nouveau client sur ce modèle' }).click()
  await expect(page.getByTestId('model-note')).toContainText('Organisation 2')
  await page.getByLabel('Nom de l’organisation').fill('Asso 31 (nouvelle)')
  await page.getByRole('radio', { name: 'Association' }).check()
  await page.getByLabel('Salarié·es').fill('3')
  await page.getByLabel('Bénévoles').fill('20')
  await page.getByLabel('Membres').fill('40')
  await page.getByLabel('Région').selectOption({ label: 'Bretagne' })
  await page.getByRole('button', { name: 'Créer l’organisation' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Asso 31 (nouvelle)')
  await page.goto('/')
  const created = page.locator('tr[data-organisation="Asso 31 (nouvelle)"]')
  await expect(created).toContainText('En cours')
  await expect(created).toContainText('–')
})

/** `count` organisations as small as a backup allows: a name, a profile, nothing else. */
function manyOrganisations(count: number, path: string) {
  const now = new Date(Date.now() - 86_400_000).toISOString()
  const organisations = Array.from({ length: count }, (_, i) => ({
    id: `bulk-${i}`,
    name: `Client ${i + 1}`,
    legalForm: 'association',
    employees: i % 30,
    volunteers: 5,
    members: 40,
    region: '53',
    siren: null,
    createdAt: now,
    updatedAt: now,
    customIndicators: [],
    actions: [],
    assessments: [],
  }))
  writeFileSync(
    path,
    JSON.stringify({
      format: 'cap-ess',
      formatVersion: 2,
      exportedAt: now,
      appVersion: 'test',
      scope: 'all',
      organisations,
    }),
  )
}

test('as many organisations as a device keeps: the home draws them a page at a time; 50 000 are refused in words', async ({
  page,
}, info) => {
  // A file of 50 000 (an outside run imported one and froze the home for 108 s): refused before anything is read.
  manyOrganisations(50_000, info.outputPath('fifty-thousand.json'))
  await page.goto('/donnees')
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(info.outputPath('fifty-thousand.json'))
  await expect(page.getByTestId('import-problems')).toContainText(
    /ce fichier contient 50\s000 organisations\s; un appareil en garde au plus 2\s000/,
  )
  expect(
    await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('cap-ess')
          open.onsuccess = () => {
            const count = open.result.transaction('organisations').objectStore('organisations').count()
            count.onsuccess = () => resolve(count.result)
          }
        }),
    ),
  ).toBe(0)

  // The most it keeps: the home shows the first page of rows, the rest on request, and stays at hand.
  manyOrganisations(2000, info.outputPath('two-thousand.json'))
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(info.outputPath('two-thousand.json'))
  await page.getByRole('button', { name: 'Importer' }).click()
  await expect(page.getByTestId('import-done')).toBeVisible()
  await page.goto('/')
  await expect(page.getByTestId('portfolio-count')).toHaveText('2 000 organisations sur 2 000')
  const rows = page.locator('[data-organisation]')
  await expect(page.getByTestId('portfolio-more')).toHaveText('Afficher 200 organisations de plus (encore 1 800)')
  await expect(rows).toHaveCount(200)
  await page.getByTestId('portfolio-more').click()
  await expect(rows).toHaveCount(400)
  // A search looks through all of them, and starts from its first page.
  await page.getByLabel('Rechercher (nom, étiquette, région)').fill('Client 1999')
  await expect(rows).toHaveCount(1)
  await expect(page.getByTestId('portfolio-more')).toHaveCount(0)

  // One more file of two organisations would pass the limit: refused, in words, nothing written.
  manyOrganisations(2, info.outputPath('two-more.json'))
  const twoMore = JSON.parse(readFileSync(info.outputPath('two-more.json'), 'utf8'))
  twoMore.organisations = twoMore.organisations.map((o: { id: string }, i: number) => ({ ...o, id: `more-${i}` }))
  writeFileSync(info.outputPath('two-more.json'), JSON.stringify(twoMore))
  await page.goto('/donnees')
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(info.outputPath('two-more.json'))
  await expect(page.getByTestId('import-problems')).toContainText(/cet appareil garderait 2\s002 organisations/)
})
