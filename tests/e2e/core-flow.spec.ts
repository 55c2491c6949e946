import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { card, choose, evidenceOf, noteOf } from './helpers'

test('a new user describes the organisation, answers two themes, reloads, and finds the scores the formula gives', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue dans Cap ESS')
  await expect(page.getByText('Vos données restent sur cet appareil')).toBeVisible()
  await expectNoAxeViolations(page, 'welcome')

  // Bad input first: a clear message beside each field, nothing saved.
  await page.getByRole('link', { name: 'Commencer : décrire mon organisation' }).click()
  await expect(page).toHaveURL(/\/organisations\/nouvelle$/)
  await page.getByLabel('Salarié·es').fill('-4')
  await page.getByLabel('SIREN (facultatif)').fill('732 829 321')
  await page.getByRole('button', { name: 'Créer l’organisation' }).click()
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('champs sont à corriger')
  await expect(page.getByText('Le nombre ne peut pas être négatif.', { exact: true })).toBeVisible()
  await expect(
    page.getByText('Ce SIREN n’existe pas : sa clé de contrôle ne correspond pas. Vérifiez les chiffres.', {
      exact: true,
    }),
  ).toBeVisible()
  await expect(page.getByLabel('Nom de l’organisation')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page, 'organisation form with errors')

  await page.getByLabel('Nom de l’organisation').fill('Ressourcerie du Val d’Oust')
  await page.getByRole('radio', { name: 'Association' }).check()
  await page.getByLabel('Salarié·es').fill('12')
  await page.getByLabel('Bénévoles').fill('25')
  await page.getByLabel('Membres').fill('1 400')
  await page.getByLabel('Région').selectOption({ label: 'Bretagne' })
  await page.getByLabel('SIREN (facultatif)').fill('732 829 320')
  await page.getByRole('button', { name: 'Créer l’organisation' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ressourcerie du Val d’Oust')
  await expect(page.getByText('732 829 320')).toBeVisible()
  await expectNoAxeViolations(page, 'organisation')

  // The profile can be edited; the form comes back filled in.
  await page.getByRole('link', { name: 'Modifier le profil' }).click()
  await expect(page.getByLabel('Membres')).toHaveValue('1400')
  await expectNoAxeViolations(page, 'organisation edit')
  await page.getByRole('link', { name: 'Annuler' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ressourcerie du Val d’Oust')

  await page.getByRole('link', { name: 'Nouvelle auto-évaluation' }).click()
  await page.getByLabel('Exercice (année)').fill('2026')
  await expect(page.getByRole('checkbox')).toHaveCount(8)
  await expectNoAxeViolations(page, 'new assessment')
  await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exercice 2026')
  await expectNoAxeViolations(page, 'assessment overview')
  await page.getByRole('link', { name: 'Commencer les questions' }).click()

  // Theme 1: two levels and one « non applicable » with a reason, a note and a piece of evidence.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thème 1 : Gouvernance démocratique')
  await choose(page, 'gov.rules.explicit', /^3 Pratique établie/)
  await choose(page, 'gov.rules.respect', /^2 Premières actions/)
  await choose(page, 'gov.participation.turnout', /^Non applicable/)
  await card(page, 'gov.participation.turnout')
    .getByLabel('Pourquoi ? (facultatif)')
    .fill('Pas d’élections cette année')
  await card(page, 'gov.participation.turnout').getByLabel('Pourquoi ? (facultatif)').press('Tab')
  await (
    await noteOf(card(page, 'gov.rules.explicit'))
  ).fill('Statuts revus en 2024, « règlement intérieur » à écrire.')
  await (await evidenceOf(card(page, 'gov.rules.explicit'))).getByLabel('Ajouter un justificatif').fill('Statuts 2024')
  await card(page, 'gov.rules.explicit').getByRole('button', { name: 'Ajouter', exact: true }).click()
  await expect(page.getByTestId('save-status')).toContainText('Enregistré sur cet appareil')
  const themeProgress = page.getByRole('progressbar', { name: /Avancement du thème « Gouvernance démocratique »/ })
  // Coverage: 10 scored questions in theme 1, one set aside as not applicable, two answered.
  await expect(themeProgress).toHaveAttribute('value', '2')
  await expect(themeProgress).toHaveAttribute('max', '9')
  await expectNoAxeViolations(page, 'theme 1')

  // Theme 2: one answer.
  await page.getByRole('link', { name: /Thème suivant : Concertation/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thème 2 : Concertation')
  await choose(page, 'strategy.project.document', /^4 Évaluée et améliorée/)
  await expect(page.getByTestId('save-status')).toContainText('Enregistré sur cet appareil')
  await expectNoAxeViolations(page, 'theme 2')
  // A note typed just before leaving, still waiting for its pause, is written when the page goes away.
  await (await noteOf(card(page, 'strategy.project.document'))).fill('Projet stratégique 2025-2028 voté en AG')
  await page.reload()
  await expect(card(page, 'strategy.project.document').getByLabel('Note')).toHaveValue(
    'Projet stratégique 2025-2028 voté en AG',
  )

  // A reload (or a closed tab) loses nothing.
  await page.goBack()
  await page.reload()
  await expect(card(page, 'gov.rules.explicit').getByRole('radio', { name: /^3 Pratique établie/ })).toBeChecked()
  await expect(card(page, 'gov.rules.respect').getByRole('radio', { name: /^2 Premières actions/ })).toBeChecked()
  await expect(card(page, 'gov.participation.turnout').getByRole('radio', { name: /^Non applicable/ })).toBeChecked()
  await expect(card(page, 'gov.participation.turnout').getByLabel('Pourquoi ? (facultatif)')).toHaveValue(
    'Pas d’élections cette année',
  )
  await expect(card(page, 'gov.rules.explicit').getByLabel('Note')).toHaveValue(
    'Statuts revus en 2024, « règlement intérieur » à écrire.',
  )
  await expect(
    (await evidenceOf(card(page, 'gov.rules.explicit'))).getByText('Statuts 2024', { exact: true }),
  ).toBeVisible()
  await page.getByRole('link', { name: /Thème suivant : Concertation/ }).click()
  await expect(
    card(page, 'strategy.project.document').getByRole('radio', { name: /^4 Évaluée et améliorée/ }),
  ).toBeChecked()

  // Results: theme 1 = (3/4 + 2/4) / 2 = 0.625 → 63; theme 2 = 4/4 → 100; global = mean of the two = 0.8125 → 81.
  // Coverage counts scored questions only: 10 in theme 1 (one set aside), 8 in theme 2.
  await page.goto(page.url().replace(/\/themes\/.*$/, '/resultats'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Résultats de l’exercice 2026')
  await expect(page.getByTestId('global-score')).toHaveText('81 sur 100')
  const rows = page.getByTestId('theme-table').locator('tbody tr')
  await expect(rows.filter({ hasText: 'Gouvernance démocratique' }).locator('td').first()).toHaveText('63')
  await expect(rows.filter({ hasText: 'Gouvernance démocratique' })).toContainText('2 sur 9 (22 %)')
  await expect(rows.filter({ hasText: 'Concertation' }).locator('td').first()).toHaveText('100')
  await expect(rows.filter({ hasText: 'Concertation' })).toContainText('1 sur 8 (13 %)')
  await expect(rows.filter({ hasText: 'Territorialité' }).locator('td').first()).toHaveText('pas encore de score')
  await expect(page.getByTestId('strongest')).toContainText(
    'Notre fonctionnement repose-t-il sur des règles explicites',
  )
  await expect(page.getByTestId('weakest')).toContainText('Le respect de ces règles est-il systématique')
  await expect(page.locator('canvas[role="img"]').first()).toBeVisible()
  await page.getByText('Comment est-ce calculé ?').click()
  await expect(page.getByText('moyenne simple des scores des thèmes retenus')).toBeVisible()
  await expectNoAxeViolations(page, 'results')
})

test('the interface switches to English and remembers it', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Cap ESS')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Cap ESS')
  await expectNoAxeViolations(page, 'welcome in English')
})

test('an unknown address says so and offers the way home', async ({ page }) => {
  await page.goto('/nulle/part')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable')
  await expectNoAxeViolations(page, 'not found')
})
