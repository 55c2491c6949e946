import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { createOrganisation, waitSaved } from './helpers'

/**
 * A workshop of four: two people whose views the facilitator types in the grid, two who answer on their own phone
 * and hand back a file. The group debates the question they disagree on, agrees on an answer, and the room follows
 * on the projector, driven by keys. Only the agreed answer is scored; the AG report says who took part and where
 * they disagreed.
 */

async function participantFile(
  browser: Browser,
  link: string,
  name: string,
  role: string,
  levels: string[],
  path: string,
) {
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'fr-FR',
    acceptDownloads: true,
  })
  const page = await phone.newPage()
  await page.goto(link)
  await expect(page.getByTestId('participant-progress')).toContainText('Aucune réponse sur')
  await page.getByLabel('Nom ou initiales').fill(name)
  await page.getByLabel('Qualité').selectOption({ label: role })
  const questions = page.locator('fieldset')
  for (const [i, level] of levels.entries()) await questions.nth(i).getByRole('radio', { name: level }).check()
  await expect(page.getByTestId('participant-progress')).toContainText(`${levels.length} réponses sur`)
  // Answers stay on the phone between visits.
  await page.reload()
  await expect(page.getByTestId('participant-progress')).toContainText(`${levels.length} réponses sur`)
  await expect(page.getByLabel('Nom ou initiales')).toHaveValue(name)
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
  if (name === 'Zoé') await expectNoAxeViolations(page, 'participant questionnaire')
  await page.getByTestId('participant-finish').click()
  await expect(page.getByTestId('participant-code')).toHaveValue(/^CAPESS-P1\|/)
  const code = await page.getByTestId('participant-code').inputValue()
  if (name === 'Zoé') await expectNoAxeViolations(page, 'participant hand-in')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('participant-download').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^cap-ess-atelier-\d{4}-[a-z]+\.json$/)
  await download.saveAs(path)
  if (name === 'Yann') {
    // A phone passed on: the next person starts a sheet of their own, never with Yann's name or answers.
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByTestId('participant-next').click()
    await expect(page.getByLabel('Nom ou initiales')).toHaveValue('')
    await expect(page.getByTestId('participant-progress')).toContainText('Aucune réponse sur')
  }
  await phone.close()
  return code
}

const cell = (page: Page, row: number, col: number) =>
  page.getByTestId('rating-grid').locator(`[data-cell="${row}-${col}"]`)

test('a workshop of four: grid, files from phones, the debate, the projector, the report', async ({
  page,
  browser,
}, testInfo) => {
  await createOrganisation(page, 'Coop des Tiers-Lieux')
  await page.getByTestId('next-step').getByRole('link', { name: 'Nouvelle auto-évaluation' }).click()
  await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
  await page.getByRole('link', { name: 'Atelier collectif' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atelier collectif')
  await expect(page.getByText('Ajoutez au moins une personne pour saisir des avis.')).toBeVisible()

  // Two people in the room, typed by the facilitator; an empty name is refused where it was typed.
  await page.getByRole('button', { name: 'Ajouter la personne' }).click()
  await expect(page.getByText('Ce champ est obligatoire.')).toBeVisible()
  for (const [name, role] of [
    ['Claire', 'Administrateur·rice'],
    ['Malik', 'Salarié·e'],
  ]) {
    await page.getByLabel('Nom ou initiales').fill(name)
    await page.getByLabel('Qualité').selectOption({ label: role })
    await page.getByRole('button', { name: 'Ajouter la personne' }).click()
  }
  await expect(page.getByTestId('participants')).toContainText('Claire')
  await expect(page.getByTestId('participants')).toContainText('Malik')

  // The grid by keyboard: a digit sets the view and moves down; « n » is non applicable, Delete clears.
  await cell(page, 0, 0).click()
  await page.keyboard.type('432')
  await page.keyboard.press('ArrowRight')
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp')
  await page.keyboard.type('13')
  await page.keyboard.press('n')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Delete')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('?')
  await expect(cell(page, 0, 0)).toHaveText('4')
  await expect(cell(page, 0, 1)).toHaveText('1')
  await expect(cell(page, 1, 1)).toHaveText('3')
  await expect(cell(page, 2, 1)).toHaveText('?')
  await expect(cell(page, 0, 1)).toHaveAccessibleName('Malik, question 1 : 1')
  await waitSaved(page)
  await page.getByRole('heading', { name: 'Thème 1 : Gouvernance démocratique' }).click()
  // 4 and 1: three levels apart, « à débattre », listed first.
  await expect(page.getByTestId('debate-count')).toHaveText('une question à débattre, placée en tête')
  await expectNoAxeViolations(page, 'workshop page')
  const themeCount = await page.getByRole('navigation', { name: 'Thème de l’atelier' }).getByRole('link').count()
  expect(themeCount).toBeGreaterThan(1)

  // Two more people answer on their phones and hand back a file each; a wrong file is refused, nothing is merged.
  const link = await page.getByTestId('participant-link').getAttribute('href')
  expect(link).toContain('/participer?s=')
  // A link whose themes were changed by hand asks nothing: it says so, rather than showing an empty questionnaire.
  const [base, code] = link!.split('?s=')
  const session = JSON.parse(Buffer.from(decodeURIComponent(code!), 'base64url').toString('utf8'))
  const edited = Buffer.from(JSON.stringify({ ...session, t: ['no-such-theme'] }), 'utf8').toString('base64url')
  const handEdited = await page.context().newPage()
  await handEdited.goto(`${base}?s=${edited}`)
  await expect(handEdited.getByTestId('participant-bad-link')).toBeVisible()
  await expect(handEdited.getByTestId('participant-progress')).toHaveCount(0)
  await handEdited.close()
  const zoe = testInfo.outputPath('zoe.json')
  const yann = testInfo.outputPath('yann.json')
  const zoeCode = await participantFile(
    browser,
    link!,
    'Zoé',
    'Usager·ère',
    ['0 – Pas commencé', '2 – Premières actions', '2 – Premières actions'],
    zoe,
  )
  await participantFile(
    browser,
    link!,
    'Yann',
    'Partenaire',
    ['1 – En réflexion', '3 – Pratique établie', 'Non applicable'],
    yann,
  )
  const wrong = testInfo.outputPath('wrong.json')
  writeFileSync(
    wrong,
    JSON.stringify({
      ...JSON.parse(readFileSync(zoe, 'utf8')),
      assessmentId: 'un-autre-atelier',
      participant: { id: 'x', name: 'X', role: 'user' },
    }),
  )
  await page.getByLabel('Fichiers reçus (.json)').setInputFiles([zoe, wrong])
  await expect(page.getByTestId('sheets-received')).toContainText('wrong.json : refusé')
  await expect(page.getByTestId('sheets-received')).toContainText('Cette feuille répond à un autre atelier')
  await expect(page.getByTestId('merge-sheets')).toBeDisabled()
  await page.getByRole('button', { name: 'Vider la liste' }).click()
  await page.getByLabel('Fichiers reçus (.json)').setInputFiles([zoe, yann])
  await expect(page.getByTestId('sheets-received')).toContainText('Zoé (Usager·ère) · 3 avis')
  await page.getByTestId('merge-sheets').click()
  await expect(page.getByTestId('sheets-merged')).toHaveText('2 feuilles ajoutées à l’atelier.')
  await expect(page.getByTestId('rating-grid').getByRole('columnheader')).toHaveText([
    'Question',
    'Claire',
    'Malik',
    'Zoé',
    'Yann',
    'Répartition',
    'Réponse retenue',
  ])
  await expect(cell(page, 0, 2)).toHaveText('0')
  // The same sheet as a QR code's text (pasted here; the camera reads the same text): Zoé is replaced, not doubled.
  await page.getByLabel('Ou collez le code d’un·e participant·e').fill(zoeCode)
  await page.getByRole('button', { name: 'Ajouter ce code' }).click()
  await expect(page.getByTestId('sheets-received')).toContainText('Zoé (Usager·ère) · 3 avis · code collé')
  await page.getByTestId('merge-sheets').click()
  await expect(page.getByTestId('sheets-merged')).toHaveText('Une feuille ajoutée à l’atelier.')
  await expect(page.getByTestId('rating-grid').getByRole('columnheader')).toHaveCount(7)

  // The debate on question 1: the median is offered, never taken without a click; the agreed answer is scored.
  const first = page.getByTestId('rating-grid').locator('tbody tr').first()
  await expect(first).toContainText('À débattre')
  await expect(first).toContainText('de 0 à 4, médiane 1')
  await first.getByRole('button', { name: 'Débattre de la question 1' }).click()
  const panel = page.getByTestId('question-panel')
  await expect(panel.getByRole('radio', { checked: true })).toHaveCount(0)
  await panel.getByTestId('use-median').click()
  await expect(panel.getByRole('radio', { name: /^1 – / })).toBeChecked()
  await panel
    .getByLabel('Ce que le groupe a dit')
    .fill('Le CA connaît les statuts ; les usagers ne les ont jamais lus.')
  await panel.getByLabel('Avis divergent à consigner (facultatif)').fill('Claire maintient le niveau 4.')
  await waitSaved(page)
  await expect(first.locator('.grid__agreed-value')).toHaveText('1')

  // The projector: large type, keys only; leaving comes back to the question shown.
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.getByTestId('open-projector').click()
  await expect(page.getByTestId('projector-question')).toBeVisible()
  await expect(page.getByText('L’auto-évaluation annuelle des bonnes pratiques de l’ESS')).toHaveCount(0)
  const size = await page.getByTestId('projector-question').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
  expect(size).toBeGreaterThanOrEqual(28)
  const keysSize = await page.getByText(/^Touches\s:/).evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
  expect(keysSize).toBeGreaterThanOrEqual(28)
  await expect(page.getByTestId('projector-position')).toHaveText(/^Question 1 sur 10$/)
  await expect(page.getByTestId('projector-agreed')).toHaveText('Réponse retenue : En réflexion')
  await expect(page.locator('body')).not.toContainText('Claire maintient')
  await expectNoAxeViolations(page, 'projector view')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('projector-position')).toHaveText(/^Question 2 sur 10$/)
  await page.keyboard.press('3')
  await expect(page.getByTestId('projector-agreed')).toHaveText('Réponse retenue : Pratique établie')
  await expect(page.getByTestId('projector-answered')).toHaveText('2 sur 10 questions avec une réponse retenue')
  await page.getByRole('button', { name: 'Démarrer' }).click()
  await expect(page.getByRole('timer')).not.toHaveText('00:00')
  const secondQuestion = await page.getByTestId('projector-question').textContent()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atelier collectif')
  await expect(page.getByTestId('question-panel')).toContainText(secondQuestion!.trim())
  await page.setViewportSize({ width: 1366, height: 768 })

  // Only the agreed answers count: question 1 at level 1, question 2 at level 3, whatever the views.
  await page.goto(page.url().replace(/\/atelier.*$/, '/themes/gov'))
  await expect(
    page.locator('[data-question-id="gov.rules.explicit"]').getByRole('radio', { name: /^1 / }),
  ).toBeChecked()
  await expect(page.locator('[data-question-id="gov.rules.respect"]').getByRole('radio', { name: /^3 / })).toBeChecked()

  // A blank questionnaire for paper, one page per theme.
  await page.goto(page.url().replace(/\/themes\/gov$/, '/atelier/questionnaire'))
  await expect(page.getByRole('heading', { name: /^Thème \d/ })).toHaveCount(themeCount)
  await expectNoAxeViolations(page, 'paper questionnaire')

  // The AG report: counts by role, the debated question with its spread, the dissent; names only on request.
  await page.goto(page.url().replace(/\/atelier\/questionnaire$/, '/rapport'))
  await expect(page.getByTestId('report-workshop')).toHaveText(
    'Atelier collectif : 4 personnes (1 administrateur·rice, 1 salarié·e, 1 usager·ère, 1 partenaire).',
  )
  const themeOne = page.getByTestId('report-theme-workshop').first()
  await expect(themeOne).toContainText('4 personnes ont donné leur avis sur ce thème.')
  await expect(themeOne).toContainText(
    'Avis de 0 à 4 (4 avis) ; réponse retenue : 1 – En réflexion. Avis divergent consigné : Claire maintient le niveau 4.',
  )
  await page.getByTestId('show-participant-names').check()
  await expect(page.getByTestId('report-workshop')).toHaveText(
    'Atelier collectif : Claire (administrateur·rice), Malik (salarié·e), Zoé (usager·ère), Yann (partenaire).',
  )
})
