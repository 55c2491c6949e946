import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test, type Download, type Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { parseCsv } from '../fixtures/csv'
import { card, recentPortfolio } from './helpers'

/**
 * The network side, as three organisations and a CRESS would walk it: each organisation prepares the anonymised
 * summary of its completed exercise (and sees what it holds), two write shareable practice sheets and one keeps its
 * own private; the network imports everything, browses the catalogue, prints a booklet, and reads, filters and
 * exports its regional picture, where no figure shows for fewer than five organisations. A network guide is loaded,
 * refused while broken, and used for an exercise.
 */

const pdfText = (path: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
const pdfPages = (path: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1])

/** Three organisations with last exercise completed and this one in progress, dated no later than yesterday. */
function threeOrganisations(path: string) {
  const { data, year } = recentPortfolio(3)
  const profiles = [
    { name: 'Coop des Monts', legalForm: 'scop' },
    { name: 'Asso Les Jardins Secrets', legalForm: 'association' },
    { name: 'Asso du Pont', legalForm: 'association' },
  ]
  data.organisations.forEach((o, i) => Object.assign(o, profiles[i], { employees: 12 }))
  writeFileSync(path, JSON.stringify(data))
  return { data, completedYear: year - 1 }
}

async function download(page: Page, click: () => Promise<unknown>, path: string): Promise<string> {
  const [file]: [Download, unknown] = await Promise.all([page.waitForEvent('download'), click()])
  await file.saveAs(path)
  return path
}

test('organisations send summaries and sheets; the network imports them, filters, and exports its picture', async ({
  page,
}, info) => {
  const out = (name: string) => info.outputPath(name)
  const { data, completedYear } = threeOrganisations(out('three.json'))
  await page.goto('/donnees')
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(out('three.json'))
  await page.getByRole('button', { name: 'Importer' }).click()
  await expect(page.getByTestId('import-done')).toBeVisible()

  // 1. Each organisation's anonymised summary: what it holds is shown before it leaves; the name only if ticked.
  const summaries: string[] = []
  for (const [i, org] of data.organisations.entries()) {
    const completed = org.assessments.find((a) => a.year === completedYear)!
    await page.goto(`/evaluations/${completed.id}/rapport`)
    await page.getByTestId('summary-link').click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Synthèse anonyme pour votre réseau')
    const holds = page.getByTestId('summary-holds')
    await expect(holds).toContainText(`L’exercice : ${completedYear}.`)
    await expect(holds).toContainText('10 à 49 salarié·es')
    await expect(holds).not.toContainText(org.name)
    await page.getByText('Voir le fichier tel qu’il partira').click()
    await expect(page.getByTestId('summary-raw')).not.toContainText(org.name)
    await expect(page.getByTestId('summary-raw')).not.toContainText('constat partagé')
    if (i === 0) {
      await page.getByTestId('opt-in-name').check()
      await expect(page.getByTestId('summary-raw')).toContainText(org.name)
      await expect(holds).toContainText(`Le nom de l’organisation : « ${org.name} »`)
      await expectNoAxeViolations(page, 'summary page')
    }
    summaries.push(await download(page, () => page.getByTestId('download-summary').click(), out(`summary-${i}.json`)))
  }
  const texts = summaries.map((p) => readFileSync(p, 'utf8'))
  expect(texts[0]).toContain('Coop des Monts')
  for (const text of texts.slice(1)) {
    expect(text).not.toMatch(/Asso|Jardins|constat partagé|PV d’AG|Bureau, direction/)
    expect(JSON.parse(text).summaries[0]).not.toHaveProperty('optIn')
  }

  // 2. Practice sheets: one written from a question answered 3, one from the list; the third kept private.
  const [coop, jardins, pont] = data.organisations
  const draft = coop.assessments.find((a) => a.status === 'draft')!
  await page.goto(`/evaluations/${draft.id}/themes/gov`)
  const first = card(page, 'gov.rules.explicit')
  await first.getByRole('radio', { name: /^3\b/ }).check()
  await first.getByTestId('share-practice').click()
  await expect(page.getByLabel('Thème du guide')).toHaveValue('gov')
  await page.getByLabel('Titre de la pratique').fill('Des salarié·es élus au conseil d’administration')
  await page
    .getByLabel('En quoi consiste la pratique')
    .fill('Deux sièges du CA sont réservés aux salarié·es, élus tous les trois ans.')
  await page.getByLabel('Résultats et indicateurs').fill('Participation aux élections : 82 %.')
  await expect(page.getByTestId('export-sheet')).toBeDisabled()
  await page.getByTestId('sheet-shareable').check()
  await expectNoAxeViolations(page, 'practice sheet')
  const sheetA = await download(page, () => page.getByTestId('export-sheet').click(), out('sheet-coop.json'))
  const onePdf = await download(page, () => page.getByTestId('export-sheet-pdf').click(), out('sheet-coop.pdf'))
  expect(pdfPages(onePdf)).toBe(1)
  expect(pdfText(onePdf)).toContain('Des salarié·es élus au conseil d’administration')

  await page.goto(`/organisations/${jardins.id}/pratiques`)
  await page.getByTestId('new-sheet').click()
  await page.getByLabel('Titre de la pratique').fill('Un comptoir de troc des graines')
  await page.getByLabel('Thème du guide').selectOption({ label: '7. Développement durable' })
  await page
    .getByLabel('En quoi consiste la pratique')
    .fill('Chaque printemps, les adhérents échangent leurs semences.')
  await page.getByTestId('sheet-shareable').check()
  await page.getByRole('link', { name: '← Fiches bonne pratique' }).click()
  await expect(page.getByTestId('sheet-list')).toContainText('Un comptoir de troc des graines')
  await expect(page.getByTestId('sheet-list')).toContainText('Partageable')
  const sheetB = await download(page, () => page.getByTestId('export-sheets').click(), out('sheet-jardins.json'))

  await page.goto(`/organisations/${pont.id}/pratiques`)
  await page.getByTestId('new-sheet').click()
  await page.getByLabel('Titre de la pratique').fill('Notre pratique privée')
  await page.getByRole('link', { name: '← Fiches bonne pratique' }).click()
  await expect(page.getByTestId('sheet-list')).toContainText('Privée')
  await expect(page.getByTestId('export-sheets')).toBeDisabled()
  // A reload keeps what was typed: the sheet went through the one writer.
  await page.reload()
  await expect(page.getByTestId('sheet-list')).toContainText('Notre pratique privée')

  // 3. The network's catalogue: two files in, a backup given by mistake refused by name, a search, a filter, a booklet.
  await page.goto('/reseau')
  await page.getByRole('link', { name: 'Catalogue des bonnes pratiques' }).click()
  await page.getByLabel('Importer des fichiers de fiches').setInputFiles([sheetA, sheetB, out('three.json')])
  const outcomes = page.getByTestId('file-outcomes')
  await expect(outcomes).toContainText('sheet-coop.json : une nouvelle fiche ; aucune déjà présente.')
  await expect(outcomes).toContainText(
    'Ce fichier est une sauvegarde Cap ESS, pas un fichier de fiches bonne pratique.',
  )
  await page.getByLabel('Importer des fichiers de fiches').setInputFiles([sheetA])
  await expect(outcomes).toContainText('aucune nouvelle fiche ; une déjà présente, gardée une seule fois.')
  await expect(page.getByTestId('catalogue-count')).toContainText('2 fiches affichées sur 2')
  await page.getByLabel('Rechercher (titre, texte, organisation)').fill('semences')
  await expect(page.getByTestId('catalogue-count')).toContainText('Une fiche affichée sur 2')
  await page.getByLabel('Rechercher (titre, texte, organisation)').fill('')
  await page.getByLabel('Forme juridique').selectOption({ label: 'SCOP (société coopérative et participative)' })
  await expect(page.getByTestId('catalogue-list')).toContainText('Des salarié·es élus')
  await expect(page.getByTestId('catalogue-list')).not.toContainText('troc')
  await page.getByRole('button', { name: 'Effacer les filtres' }).click()
  await expectNoAxeViolations(page, 'catalogue')
  const booklet = await download(page, () => page.getByTestId('booklet').click(), out('booklet.pdf'))
  const bookletText = pdfText(booklet)
  expect(bookletText).toContain('Sommaire')
  expect(bookletText).toContain('Un comptoir de troc des graines')
  expect(pdfPages(booklet)).toBe(4)

  // 4. The regional picture: three summaries are too few to show anything; with more, figures appear, except where
  // a group is small or could be worked out from the others.
  await page.goto('/reseau/panorama')
  await page.getByLabel('Importer des synthèses anonymes').setInputFiles(summaries)
  await expect(page.getByTestId('summary-count')).toHaveText('3 synthèses importées.')
  await expect(page.getByTestId('picture-total')).toHaveText('3 organisations dans ce périmètre.')
  await expect(page.getByTestId('picture-scores').getByTestId('hidden-figure').first()).toHaveText('masqué')
  await expect(page.getByTestId('picture-scores')).not.toContainText(/\d+ %/)
  // Eight more from other organisations (four associations, four coops) and one small mutuelle.
  const more = JSON.parse(texts[1])
  const base = more.summaries[0]
  more.summaries = [
    ...[1, 2, 3, 4].map((k) => ({ ...base, id: `${k}`.padStart(32, 'a'), legalForm: 'association' })),
    ...[1, 2, 3, 4].map((k) => ({ ...base, id: `${k}`.padStart(32, 'b'), legalForm: 'scop' })),
    { ...base, id: 'c'.repeat(32), legalForm: 'mutuelle', sizeBand: '1-9' },
  ]
  writeFileSync(out('more.json'), JSON.stringify(more))
  await page.getByLabel('Importer des synthèses anonymes').setInputFiles([out('more.json'), ...summaries])
  await expect(page.getByTestId('summary-count')).toHaveText('12 synthèses importées.')
  await expect(page.getByTestId('file-outcomes')).toContainText(
    'summary-2.json : aucune nouvelle synthèse ; une déjà présente, comptée une seule fois.',
  )
  await expect(page.getByTestId('picture-total')).toHaveText('12 organisations dans ce périmètre.')
  await expect(page.locator('[data-theme="global"][data-group="all"]')).toContainText('12')
  await expect(page.locator('[data-theme="global"][data-group="all"]')).not.toContainText('masqué')
  // By legal form: the mutuelle alone is hidden, and the five coops with it, or the whole minus the associations would give it.
  await page.getByLabel('Répartir par').selectOption({ label: 'Forme juridique' })
  await expect(page.locator('[data-theme="global"][data-group="mutuelle"]')).toContainText('masqué')
  await expect(page.locator('[data-theme="global"][data-group="scop"]')).toContainText('masqué')
  await expect(page.locator('[data-theme="global"][data-group="association"]')).not.toContainText('masqué')
  // A filter leaving out the one small mutuelle would give it by subtraction: nothing is shown.
  await page.getByLabel('Taille (salarié·es)').selectOption({ label: '10 à 49 salarié·es' })
  await expect(page.getByTestId('picture-withheld')).toBeVisible()
  await page.getByLabel('Taille (salarié·es)').selectOption({ label: 'Toutes les tailles' })
  await page.getByLabel('Forme juridique').selectOption({ label: 'Association' })
  await expect(page.getByTestId('picture-total')).toHaveText('6 organisations dans ce périmètre.')
  await expect(page.getByTestId('picture-withheld')).toBeHidden()
  await expectNoAxeViolations(page, 'regional picture')
  const csv = parseCsv(
    readFileSync(await download(page, () => page.getByTestId('picture-csv').click(), out('picture.csv')), 'utf8'),
  )
  expect(csv[0].slice(0, 5)).toEqual(['Groupe', 'Thème', 'Question', 'Organisations', 'Score moyen (sur 100)'])
  const globalRow = csv.find((r) => r[0] === 'Association' && r[1] === 'Score global')!
  expect(globalRow[3]).toBe('6')
  expect(Number(globalRow[4])).toBeGreaterThan(0)
  const pdf = await download(page, () => page.getByTestId('picture-pdf').click(), out('picture.pdf'))
  expect(pdfText(pdf)).toContain('Panorama régional des bonnes pratiques')
})

test('a network guide: refused with located messages while broken, then loaded and used for an exercise', async ({
  page,
}, info) => {
  const national = JSON.parse(readFileSync('guide-data/guide.csess-2016.v2.json', 'utf8'))
  const mine = structuredClone(national)
  Object.assign(mine, {
    id: 'cress-bzh-2026',
    version: 1,
    shortTitle: 'Guide de la CRESS Bretagne',
    publisher: 'CRESS Bretagne',
  })
  delete mine.migration
  mine.themes[0].domaines[0].questions.push({
    id: 'cress.gov.college',
    text: 'Nos salarié·es forment-ils un collège qui vote en AG ?',
    help: 'Regardez les statuts.',
    provenance: 'proposed',
  })
  const broken = structuredClone(mine)
  broken.themes[0].domaines[0].questions[0].text = ''
  writeFileSync(info.outputPath('cress-casse.json'), JSON.stringify(broken))
  writeFileSync(info.outputPath('cress.json'), JSON.stringify(mine))

  await page.goto('/reseau/guides')
  await page.getByLabel('Charger un fichier de guide').setInputFiles(info.outputPath('cress-casse.json'))
  await expect(page.getByTestId('file-outcomes')).toContainText(
    'cress-casse.json: themes[0].domaines[0].questions[0].text: texte vide',
  )
  await expect(page.getByText('Aucun guide de réseau pour l’instant')).toBeVisible()
  // The national guide itself, only its version changed: a network's guide takes an id of its own.
  writeFileSync(info.outputPath('national-v3.json'), JSON.stringify({ ...national, version: 3, migration: undefined }))
  await page.getByLabel('Charger un fichier de guide').setInputFiles(info.outputPath('national-v3.json'))
  await expect(page.getByTestId('file-outcomes')).toContainText(
    '« csess-2016 » est l’identifiant du guide national fourni avec Cap ESS',
  )
  await page.getByLabel('Charger un fichier de guide').setInputFiles(info.outputPath('cress.json'))
  await expect(page.getByTestId('guide-list')).toContainText('Guide de la CRESS Bretagne')
  await expect(page.getByTestId('guide-list')).toContainText('utilisé par aucun exercice ni aucune fiche')
  await expectNoAxeViolations(page, 'network guides')

  await page.goto('/organisations/nouvelle')
  await page.getByLabel('Nom de l’organisation').fill('Asso bretonne')
  await page.getByRole('radio', { name: 'Association' }).check()
  await page.getByLabel('Salarié·es').fill('5')
  await page.getByLabel('Bénévoles').fill('10')
  await page.getByLabel('Membres').fill('80')
  await page.getByLabel('Région').selectOption({ label: 'Bretagne' })
  await page.getByRole('button', { name: 'Créer l’organisation' }).click()
  await page
    .getByRole('link', { name: /Commencer|Nouvelle auto-évaluation/ })
    .first()
    .click()
  await page
    .getByTestId('guide-choice')
    .selectOption({ label: 'Guide de la CRESS Bretagne, version 1 (CRESS Bretagne)' })
  await page.getByRole('button', { name: /Commencer/ }).click()
  await expect(page).toHaveURL(/^[^?#]*\/evaluations\/[0-9a-f-]{36}$/)
  const assessmentId = /\/evaluations\/([0-9a-f-]{36})/.exec(page.url())![1]
  await page.goto(`/evaluations/${assessmentId}/themes/gov`)
  await expect(card(page, 'cress.gov.college')).toContainText('Nos salarié·es forment-ils un collège qui vote en AG ?')
  await card(page, 'cress.gov.college').getByRole('radio', { name: /^2\b/ }).check()
  await page.reload()
  await expect(card(page, 'cress.gov.college').getByRole('radio', { name: /^2\b/ })).toBeChecked()
  await page.goto('/reseau/guides')
  await expect(page.getByTestId('guide-list')).toContainText('utilisé par un exercice ou une fiche')
})
