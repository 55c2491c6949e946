import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { card, choose, createOrganisation, waitSaved } from './helpers'

test('two years: complete year 1, start year 2 pre-filled, change three answers, compare', async ({ page }) => {
  await createOrganisation(page, 'Épicerie solidaire des Deux Rives')
  await expect(page.getByTestId('next-step')).toContainText('Commencez la première auto-évaluation')

  // Year 1.
  await page.getByTestId('next-step').getByRole('link', { name: 'Nouvelle auto-évaluation' }).click()
  await page.getByLabel('Exercice (année)').fill('2025')
  await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
  await page.getByRole('link', { name: 'Commencer les questions' }).click()
  await choose(page, 'gov.rules.explicit', /^2 /)
  await choose(page, 'gov.rules.respect', /^2 /)
  await choose(page, 'gov.participation.turnout', /^3 /)
  await choose(page, 'gov.participation.notice', /^1 /)
  await waitSaved(page)
  // A 1-year objective on the first question, and an action from its weak answer, in one click.
  const first = card(page, 'gov.rules.explicit')
  await first.getByRole('button', { name: 'Objectifs' }).click()
  await first.getByLabel('Objectif à 1 an').selectOption({ label: '3 · Pratique établie' })
  await first.getByRole('button', { name: 'Ajouter une action au plan de progrès' }).click()
  await expect(first.getByText('Action ajoutée au plan de progrès.')).toBeVisible()
  await expectNoAxeViolations(page, 'theme page with objectives open')

  await page.getByRole('link', { name: 'Exercice 2025' }).click()
  // Completing asks first, and says what is still open.
  await page.getByRole('button', { name: 'Terminer et figer les scores' }).click()
  const confirm = page.getByRole('dialog', { name: 'Figer les scores de l’exercice 2025 ?' })
  await expect(confirm).toContainText(/\d+ questions sans réponse\s:\selles ne compteront pas dans le score/)
  await expectNoAxeViolations(page, 'completion dialog')
  await confirm.getByRole('button', { name: 'Continuer à répondre' }).click()
  await expect(page.getByText('Les scores de cet exercice sont figés.')).toHaveCount(0)
  await page.getByRole('button', { name: 'Terminer et figer les scores' }).click()
  await confirm.getByRole('button', { name: 'Terminer et figer' }).click()
  await expect(page.getByText('Les scores de cet exercice sont figés.')).toBeVisible()
  await page.getByLabel('Date de l’assemblée générale').fill('2024-06-15')
  await page.getByRole('button', { name: 'Enregistrer la date' }).click()
  await expect(
    page.getByText('L’assemblée générale a lieu entre 2025 et 2027 pour cet exercice : vérifiez l’année.'),
  ).toBeVisible()
  await page.getByLabel('Date de l’assemblée générale').fill('2026-06-15')
  await page.getByRole('button', { name: 'Enregistrer la date' }).click()
  await expect(page.getByText('Présentée en AG le 15 juin 2026')).toBeVisible()
  await expectNoAxeViolations(page, 'completed assessment overview')

  // Organisation home: year 1 scored (2+2+3+1)/4/4 = 0.5 → 50, the action is open, the next step is year 2.
  await page.getByRole('link', { name: '← Épicerie solidaire des Deux Rives' }).click()
  await expect(page.getByTestId('years-table').locator('tr[data-year="2025"] td').nth(1)).toHaveText('50')
  await expect(page.getByTestId('open-actions')).toContainText('Progresser : Notre fonctionnement repose-t-il')
  await expect(page.getByTestId('next-step')).toContainText('Préparez 2026')
  await expectNoAxeViolations(page, 'organisation home')

  // Year 2, pre-filled.
  await page.getByRole('link', { name: 'Préparer l’exercice 2026' }).click()
  await expect(page.getByLabel('Exercice (année)')).toHaveValue('2026')
  await expect(page.getByRole('radio', { name: /Repartir des réponses de 2025/ })).toBeChecked()
  await expectNoAxeViolations(page, 'new assessment with prefill')
  await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
  await expect(page.getByTestId('carried-over')).toContainText(
    '4 réponses reprises de l’exercice précédent attendent votre confirmation.',
  )
  await page.getByRole('link', { name: 'Reprendre où j’en étais' }).click()

  await expect(card(page, 'gov.rules.explicit').getByRole('radio', { name: /^2 / })).toBeChecked()
  await expect(card(page, 'gov.rules.explicit').getByTestId('carried-over')).toBeVisible()
  await expectNoAxeViolations(page, 'theme page with carried-over answers')
  await choose(page, 'gov.rules.explicit', /^4 /)
  await choose(page, 'gov.rules.respect', /^1 /)
  await choose(page, 'gov.participation.turnout', /^4 /)
  await card(page, 'gov.participation.notice').getByRole('button', { name: 'Inchangé' }).click()
  await expect(card(page, 'gov.participation.notice').getByRole('radio', { name: /^1 / })).toBeFocused()
  await waitSaved(page)
  await expect(page.getByTestId('carried-over')).toHaveCount(0)

  // A reload keeps everything.
  await page.reload()
  await expect(card(page, 'gov.rules.respect').getByRole('radio', { name: /^1 / })).toBeChecked()
  await expect(page.getByTestId('carried-over')).toHaveCount(0)

  // Comparison: year 2 = (4+1+4+1)/4/4 = 0.625 → 63; delta +13; two better, one worse, one same; objective met.
  await page.goto(page.url().replace(/\/evaluations\/.*$/, '/'))
  await page.getByRole('link', { name: 'Épicerie solidaire des Deux Rives' }).click()
  await page.getByRole('link', { name: 'Comparer deux exercices' }).click()
  const row = page.getByTestId('comparison-table').locator('tr[data-theme-id="gov"]')
  // Each score says what it rests on.
  await expect(row.locator('td').nth(0)).toHaveText(/^50\s*4 réponses sur \d+$/)
  await expect(row.locator('td').nth(1)).toHaveText(/^63\s*4 réponses sur \d+$/)
  await expect(row.getByTestId('delta')).toHaveText('+13')
  await expect(row).toContainText('2 en progrès')
  await expect(row).toContainText('1 en recul')
  await expect(row).toContainText('1 stable')
  const objectiveRow = page.getByTestId('objectives-table').locator('tbody tr')
  await expect(objectiveRow).toHaveCount(1)
  await expect(objectiveRow.locator('td')).toHaveText(['niveau 3', 'niveau 4', 'Oui'])
  const historyRow = page.getByTestId('history-table').locator('tr', { hasText: 'Gouvernance démocratique' })
  await expect(historyRow.locator('td')).toHaveText([/^50\s*4 réponses sur \d+$/, /^63\s*4 réponses sur \d+$/])
  await page.locator('summary', { hasText: '1. Gouvernance démocratique' }).click()
  await expect(page.getByTestId('questions-gov').locator('tr[data-question-id="gov.rules.respect"]')).toContainText(
    'En recul',
  )
  await expect(page.locator('canvas[role="img"]')).toHaveCount(2)
  await expectNoAxeViolations(page, 'comparison')

  await page.reload()
  await expect(page.getByTestId('comparison-table').locator('tr[data-theme-id="gov"]').getByTestId('delta')).toHaveText(
    '+13',
  )
})

test('the progress plan filters actions and refuses a due date before creation', async ({ page }) => {
  await createOrganisation(page, 'Coopérative Les Communs')
  await page.getByRole('link', { name: 'Voir tout le plan de progrès' }).click()
  const form = page.locator('form.action-form')
  const filters = page.getByRole('search', { name: 'Filtrer les actions' })
  const list = page.getByTestId('plan-list')

  await page.getByRole('button', { name: 'Nouvelle action' }).click()
  await form.getByLabel('Intitulé de l’action').fill('Écrire la charte éthique')
  await form.getByLabel('Thème').selectOption({ label: '8. Éthique et déontologie' })
  await form.getByLabel('Responsable').fill('Claire')
  // A refused due date stays in its field with its message and is not saved; the rest of the action is.
  await form.getByLabel('Échéance').fill('2020-01-01')
  await expect(
    form.getByText('L’échéance ne peut pas précéder la date de création de l’action.', { exact: true }),
  ).toBeVisible()
  await expectNoAxeViolations(page, 'action form with an error')
  await form.getByLabel('Échéance').fill('2099-01-01')
  await expect(
    form.getByText('L’échéance ne peut pas précéder la date de création de l’action.', { exact: true }),
  ).toHaveCount(0)
  await form.getByRole('button', { name: 'Fermer' }).click()
  await expect(list).toContainText('Écrire la charte éthique')
  await expect(list).toContainText('2099')

  // A new action with no title is not created: « Annuler » leaves nothing behind, even after a title typed and erased.
  await page.getByRole('button', { name: 'Nouvelle action' }).click()
  await form.getByLabel('Intitulé de l’action').fill('Brouillon')
  await form.getByLabel('Intitulé de l’action').fill('')
  await form.getByLabel('Responsable').fill('Personne')
  await form.getByRole('button', { name: 'Annuler' }).click()
  // Leaving the page writes whatever still waits for its pause: nothing of the cancelled action may be among it.
  await page.reload()
  await expect(list).toContainText('2099')
  await expect(list.locator('> li')).toHaveCount(1)
  await expect(list).not.toContainText('Brouillon')

  await page.getByRole('button', { name: 'Nouvelle action' }).click()
  await form.getByLabel('Intitulé de l’action').fill('Former le bureau')
  await form.getByLabel('Responsable').fill('Paul')
  await form.getByRole('button', { name: 'Fermer' }).click()
  await expect(list.locator('> li')).toHaveCount(2)

  await filters.getByLabel('Responsable').fill('cla')
  await expect(list.locator('> li')).toHaveCount(1)
  await filters.getByLabel('Responsable').fill('')
  await filters.getByLabel('Thème').selectOption({ label: '8. Éthique et déontologie' })
  await expect(list.locator('> li')).toHaveCount(1)
  await filters.getByLabel('Thème').selectOption({ label: 'Tous les thèmes' })

  // Done actions leave the open list but keep their done date.
  await list.locator('> li', { hasText: 'Former le bureau' }).getByLabel('État').selectOption({ label: 'Faite' })
  await expect(list.locator('> li')).toHaveCount(1)
  await filters.getByLabel('État').selectOption({ label: 'Faite' })
  await expect(list).toContainText('Former le bureau')
  await expect(list).toContainText('faite le')
  await expectNoAxeViolations(page, 'progress plan')

  await page.reload()
  await filters.getByLabel('État').selectOption({ label: 'Tous les états' })
  await expect(list.locator('> li')).toHaveCount(2)
})

test('indicators take values by unit, refuse a wrong one, and keep them', async ({ page }) => {
  await createOrganisation(page, 'Asso Vélo Partage')
  await page.getByTestId('next-step').getByRole('link', { name: 'Nouvelle auto-évaluation' }).click()
  await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
  await page.getByRole('link', { name: 'Indicateurs et objectifs' }).click()
  const turnout = page.locator('[data-indicator-id="gov.ind.vote-turnout"]')
  await turnout.getByRole('textbox').first().fill('140')
  await turnout.getByRole('textbox').first().press('Tab')
  await expect(turnout.getByText('Un pourcentage est compris entre 0 et 100.')).toBeVisible()
  // Nothing was stored: after a reload the field is empty.
  await page.reload()
  await expect(turnout.getByRole('textbox').first()).toHaveValue('')
  await turnout.getByRole('textbox').first().fill('42,5')
  await turnout.getByRole('textbox').first().press('Tab')
  await expect(turnout.getByText('Un pourcentage est compris entre 0 et 100.')).toHaveCount(0)
  await turnout.getByText('Note et objectifs').click()
  await turnout.getByLabel('Objectif à 1 an').fill('-5')
  await turnout.getByLabel('Objectif à 1 an').press('Tab')
  await expect(turnout.getByText('Un objectif ne peut pas être négatif.')).toBeVisible()
  await expectNoAxeViolations(page, 'indicators with errors')

  await page.getByLabel('Nom de l’indicateur').fill('Heures de bénévolat')
  await page.getByLabel('Thème', { exact: true }).selectOption({ label: '1. Gouvernance démocratique' })
  await page.getByLabel('Unité', { exact: true }).selectOption({ label: 'heures' })
  await page.getByRole('button', { name: 'Ajouter l’indicateur' }).click()
  await expect(page.getByRole('heading', { name: 'Heures de bénévolat' })).toBeVisible()

  await page.reload()
  await expect(page.locator('[data-indicator-id="gov.ind.vote-turnout"]').getByRole('textbox').first()).toHaveValue(
    '42,5',
  )
  await expect(page.getByRole('heading', { name: 'Heures de bénévolat' })).toBeVisible()
})
