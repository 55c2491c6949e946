import { writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { portfolio } from '../../bench/portfolio.mjs'
import { expectNoAxeViolations } from './axe'
import { card, choose, createOrganisation, waitSaved } from './helpers'

/**
 * Questions the 0–4 scale cannot answer: a fact asks for its indicator's value, a reflection for ideas to debate;
 * neither is scored, both reach the report. A draft made on the previous guide version moves to today's on request.
 */

test('a fact feeds its indicator, a reflection is text for the debate, and neither counts in the score', async ({
  page,
}) => {
  await createOrganisation(page, 'Asso des Communs')
  await page.getByTestId('next-step').getByRole('link', { name: 'Nouvelle auto-évaluation' }).click()
  await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
  await page.getByRole('link', { name: 'Commencer les questions' }).click()

  const reflection = card(page, 'gov.participation.engagement')
  await expect(reflection.getByRole('radio')).toHaveCount(0)
  await expect(reflection).toContainText('Question ouverte, non notée')
  await reflection.getByLabel('Vos pistes pour le débat').fill('Un temps convivial après chaque AG ; un vote en ligne.')

  const fact = card(page, 'gov.elected.executive')
  await expect(fact.getByRole('radio')).toHaveCount(0)
  await fact.getByRole('textbox').first().fill('Une directrice salariée, un président bénévole')
  await choose(page, 'gov.rules.explicit', /^3 /)
  await waitSaved(page)

  // The index marks them done; the progress counts the one scored answer only.
  const index = page.getByRole('navigation', { name: 'Questions du thème' })
  await expect(index.getByRole('link', { name: /Question 4.*répondue/ })).toBeVisible()
  await expect(index.getByRole('link', { name: /Question 10.*répondue/ })).toBeVisible()
  await expect(page.getByRole('progressbar', { name: /Avancement du thème/ })).toHaveAttribute('value', '1')
  await expectNoAxeViolations(page, 'theme with a fact and a reflection')

  await page.reload()
  await expect(card(page, 'gov.participation.engagement').getByLabel('Vos pistes pour le débat')).toHaveValue(
    'Un temps convivial après chaque AG ; un vote en ligne.',
  )
  await expect(card(page, 'gov.elected.executive').getByRole('textbox').first()).toHaveValue(
    'Une directrice salariée, un président bénévole',
  )

  // The fact's value is its indicator's value.
  await page.goto(page.url().replace(/\/themes\/.*$/, '/indicateurs'))
  await expect(page.locator('[data-indicator-id="gov.ind.executive-role"]').getByRole('textbox').first()).toHaveValue(
    'Une directrice salariée, un président bénévole',
  )

  // Results: one scored answer, 3 → 75; the report's annex has the fact and the reflection.
  await page.goto(page.url().replace(/\/indicateurs$/, '/resultats'))
  await expect(page.getByTestId('theme-table').locator('tr[data-theme-id="gov"] td').first()).toHaveText('75')
  await page.goto(page.url().replace(/\/resultats$/, '/rapport'))
  const preview = page.getByTestId('report-preview')
  await expect(preview).toContainText('Une directrice salariée, un président bénévole')
  await expect(preview).toContainText('Un temps convivial après chaque AG')
})

test('a draft on guide version 1 moves to version 2 on request: levels of facts go, notes stay', async ({
  page,
}, info) => {
  const file = portfolio(1, 3, 2023)
  const org = file.organisations[0]
  const draft = org.assessments[2]
  expect(draft.status).toBe('draft')
  const before = (draft.answers as { questionId: string; note: string; response: { kind: string } | null }[]).find(
    (a) => a.questionId === 'gov.elected.executive',
  )!
  expect(before.response?.kind).toBe('level')
  const path = info.outputPath('portfolio.json')
  writeFileSync(path, JSON.stringify(file))
  await page.goto('/donnees')
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(path)
  await page.getByRole('button', { name: 'Importer' }).click()
  await expect(page.getByTestId('import-done')).toBeVisible()

  await page.goto(`/evaluations/${draft.id}`)
  await expect(page.getByTestId('guide-upgrade')).toContainText('version 1 du guide')
  await page.getByRole('button', { name: 'Passer à la version 2' }).click()
  const dialog = page.getByRole('dialog', { name: 'Passer à la version 2 du guide ?' })
  await expectNoAxeViolations(page, 'guide upgrade dialog')
  await dialog.getByRole('button', { name: 'Passer à la nouvelle version' }).click()
  await expect(page.getByTestId('guide-upgraded')).toContainText('suit maintenant la version 2 du guide')
  await expect(page.getByTestId('guide-upgrade')).toHaveCount(0)

  await page.goto(`/evaluations/${draft.id}/themes/gov`)
  const fact = card(page, 'gov.elected.executive')
  await expect(fact.getByRole('radio')).toHaveCount(0)
  await expect(fact.getByLabel('Note', { exact: true })).toHaveValue(before.note)
  await page.reload()
  await expect(page.getByTestId('guide-upgrade')).toHaveCount(0)
})
