import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { card, createOrganisation, noteOf } from './helpers'

/**
 * Nothing typed is ever lost, on any page with typing: each test types, closes the tab within 100 ms (no blur, no
 * pause), opens the same address in a new tab and finds what was typed. Issue « Every edit saved one way ».
 */

async function startAssessment(page: Page, name: string) {
  await createOrganisation(page, name)
  await page.getByTestId('next-step').getByRole('link', { name: 'Nouvelle auto-évaluation' }).click()
  await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
  await expect(page.getByRole('link', { name: 'Commencer les questions' })).toBeVisible()
}

/** Closes the tab at once, as someone who types and shuts the laptop lid would, then opens the address again. */
async function closeAndReopen(context: BrowserContext, page: Page): Promise<Page> {
  const url = page.url()
  await page.close()
  const again = await context.newPage()
  await again.goto(url)
  return again
}

const indicator = (page: Page, id: string) => page.locator(`[data-indicator-id="${id}"]`)

test('indicators: a note typed right after a value keeps its first letter, and both objectives are kept', async ({
  page,
}) => {
  await startAssessment(page, 'Asso Indicateurs')
  await page.getByRole('link', { name: 'Indicateurs et objectifs' }).click()
  const turnout = indicator(page, 'gov.ind.vote-turnout')
  await turnout.getByText('Note et objectifs').click()
  const value = turnout.getByRole('textbox').first()
  await value.click()
  await page.keyboard.type('42', { delay: 40 })
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(turnout.getByLabel('Note', { exact: true })).toBeFocused()
  await page.keyboard.type('Bon niveau', { delay: 40 })
  await turnout.getByLabel('Objectif à 1 an').click()
  await page.keyboard.type('15', { delay: 40 })
  await page.keyboard.press('Tab')
  await page.keyboard.type('40', { delay: 40 })
  await page.keyboard.press('Tab')
  await expect(turnout.getByLabel('Note', { exact: true })).toHaveValue('Bon niveau')
  await expect(turnout.getByLabel('Objectif à 3 ans')).toHaveValue('40')
  await expect(page.getByTestId('save-status')).toContainText('Enregistré sur cet appareil')

  await page.reload()
  const again = indicator(page, 'gov.ind.vote-turnout')
  await again.getByText('Note et objectifs').click()
  await expect(again.getByRole('textbox').first()).toHaveValue('42')
  await expect(again.getByLabel('Note', { exact: true })).toHaveValue('Bon niveau')
  await expect(again.getByLabel('Objectif à 1 an')).toHaveValue('15')
  await expect(again.getByLabel('Objectif à 3 ans')).toHaveValue('40')
})

test('indicators: a value, a note and an objective typed just before the tab closes are kept', async ({
  context,
  page,
}) => {
  await startAssessment(page, 'Asso Fermeture')
  await page.getByRole('link', { name: 'Indicateurs et objectifs' }).click()
  const turnout = indicator(page, 'gov.ind.vote-turnout')
  await turnout.getByRole('textbox').first().fill('37,5')
  let tab = await closeAndReopen(context, page)
  await expect(indicator(tab, 'gov.ind.vote-turnout').getByRole('textbox').first()).toHaveValue('37,5')

  const more = indicator(tab, 'gov.ind.vote-turnout')
  await more.getByText('Note et objectifs').click()
  await more.getByLabel('Note', { exact: true }).fill('Chiffre de l’AG de juin')
  await more.getByLabel('Objectif à 1 an').fill('45')
  tab = await closeAndReopen(context, tab)
  const kept = indicator(tab, 'gov.ind.vote-turnout')
  await kept.getByText('Note et objectifs').click()
  await expect(kept.getByLabel('Note', { exact: true })).toHaveValue('Chiffre de l’AG de juin')
  await expect(kept.getByLabel('Objectif à 1 an')).toHaveValue('45')
})

test('theme page: a note and an objective typed just before the tab closes are kept', async ({ context, page }) => {
  await startAssessment(page, 'Asso Thème')
  await page.getByRole('link', { name: 'Commencer les questions' }).click()
  const question = card(page, 'gov.rules.explicit')
  await question.getByRole('radio', { name: /^2 / }).check()
  await question.getByRole('button', { name: 'Objectifs' }).click()
  await question.getByLabel('Objectif à 1 an').selectOption({ index: 4 })
  await (await noteOf(question)).fill('Statuts relus en bureau')
  const tab = await closeAndReopen(context, page)
  const kept = card(tab, 'gov.rules.explicit')
  await expect(kept.getByLabel('Note')).toHaveValue('Statuts relus en bureau')
  await expect(kept.getByRole('radio', { name: /^2 / })).toBeChecked()
  await kept.getByRole('button', { name: 'Objectifs' }).click()
  await expect(kept.getByLabel('Objectif à 1 an')).toHaveValue('3')
})

test('AG form: the debate typed just before the tab closes is kept', async ({ context, page }) => {
  await startAssessment(page, 'Asso Débat')
  await page.getByRole('link', { name: 'Rapport AG, PDF et exports' }).click()
  await page
    .getByLabel('Questions soulevées en AG (lors du débat, le cas échéant)')
    .fill('Faut-il ouvrir le conseil aux salariés ?')
  await page
    .getByLabel('Objectifs de progrès retenus à l’issue de l’AG (le cas échéant)')
    .fill('Un salarié au conseil en 2027')
  const tab = await closeAndReopen(context, page)
  await expect(tab.getByLabel('Questions soulevées en AG (lors du débat, le cas échéant)')).toHaveValue(
    'Faut-il ouvrir le conseil aux salariés ?',
  )
  await expect(tab.getByLabel('Objectifs de progrès retenus à l’issue de l’AG (le cas échéant)')).toHaveValue(
    'Un salarié au conseil en 2027',
  )
})

test('plan: an action typed just before the tab closes is kept, and so is a change to an existing one', async ({
  context,
  page,
}) => {
  await createOrganisation(page, 'Coopérative Plan')
  await page.getByRole('link', { name: 'Voir tout le plan de progrès' }).click()
  await page.getByRole('button', { name: 'Nouvelle action' }).click()
  await page.getByLabel('Intitulé de l’action').fill('Écrire la charte éthique')
  let tab = await closeAndReopen(context, page)
  const list = tab.getByTestId('plan-list')
  await expect(list).toContainText('Écrire la charte éthique')

  await list.getByRole('button', { name: /Modifier/ }).click()
  await tab.locator('form.action-form').getByLabel('Responsable').fill('Claire')
  tab = await closeAndReopen(context, tab)
  await expect(tab.getByTestId('plan-list')).toContainText('Claire')
})

test('workshop: a view, the debate’s note and a dissent typed just before the tab closes are kept', async ({
  context,
  page,
}) => {
  await startAssessment(page, 'Asso Atelier')
  await page.getByRole('link', { name: 'Atelier collectif' }).click()
  await page.getByLabel('Nom ou initiales').fill('Claire')
  await page.getByRole('button', { name: 'Ajouter la personne' }).click()
  await page.getByTestId('rating-grid').locator('[data-cell="0-0"]').click()
  await page.keyboard.press('3')
  await page.getByRole('button', { name: 'Débattre de la question 1', exact: true }).click()
  await page.getByLabel('Ce que le groupe a dit').fill('Tout le monde connaît les statuts.')
  await page.getByLabel('Avis divergent à consigner (facultatif)').fill('Sauf les nouveaux bénévoles.')
  const tab = await closeAndReopen(context, page)
  await expect(tab.getByLabel('Ce que le groupe a dit')).toHaveValue('Tout le monde connaît les statuts.')
  await expect(tab.getByLabel('Avis divergent à consigner (facultatif)')).toHaveValue('Sauf les nouveaux bénévoles.')
  await expect(tab.getByTestId('rating-grid').locator('[data-cell="0-0"]')).toHaveText('3')
})

test('practice sheet: a title and a description typed just before the tab closes are kept', async ({
  page,
  context,
}) => {
  await createOrganisation(page, 'Asso Fiches')
  await page.getByTestId('sheets-link').click()
  await page.getByTestId('new-sheet').click()
  await page.getByLabel('Titre de la pratique').click()
  await page.keyboard.type('Un CA ouvert aux salarié·es', { delay: 20 })
  await page.getByLabel('En quoi consiste la pratique').click()
  await page.keyboard.type('Deux sièges élus', { delay: 20 })
  const again = await closeAndReopen(context, page)
  await expect(again.getByLabel('Titre de la pratique')).toHaveValue('Un CA ouvert aux salarié·es')
  await expect(again.getByLabel('En quoi consiste la pratique')).toHaveValue('Deux sièges élus')
})

test('participant’s phone: the name typed just before the tab closes is kept, with the views given', async ({
  browser,
  page,
}) => {
  await startAssessment(page, 'Asso Questionnaire')
  await page.getByRole('link', { name: 'Atelier collectif' }).click()
  const link = await page.getByTestId('participant-link').getAttribute('href')
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' })
  let tab = await phone.newPage()
  await tab.goto(link!)
  await tab.locator('fieldset').first().getByRole('radio', { name: '2 – Premières actions' }).check()
  await tab.getByLabel('Nom ou initiales').click()
  await tab.keyboard.type('Awa Diallo', { delay: 20 })
  // Kept the moment it is typed, before the field is left: another tab opened now (nothing blurred, no change
  // event, the first tab still open) finds it, as a tab reopened after the browser dropped the first one would.
  const other = await phone.newPage()
  await other.goto(tab.url())
  await expect(other.getByLabel('Nom ou initiales')).toHaveValue('Awa Diallo')
  await other.close()
  tab = await closeAndReopen(phone, tab)
  await expect(tab.getByLabel('Nom ou initiales')).toHaveValue('Awa Diallo')
  await expect(tab.locator('fieldset').first().getByRole('radio', { name: '2 – Premières actions' })).toBeChecked()
  await phone.close()
})
