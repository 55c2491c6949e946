import { writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { portfolio } from '../../bench/portfolio.mjs'
import { expectNoAxeViolations } from './axe'

/**
 * Pages that fit: nothing scrolls sideways on a 390 px phone, on any route; a theme page fits a laptop (the first
 * choice of the first question visible without scrolling, under 4 000 px in all).
 */

async function importPortfolio(page: Page, path: string) {
  const file = portfolio(1, 3, 2023)
  file.organisations[0].name = 'Ressourcerie Cœur d’Œuvre – Épinal, société coopérative d’intérêt collectif'
  writeFileSync(path, JSON.stringify(file))
  await page.goto('/donnees')
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(path)
  await page.getByRole('button', { name: 'Importer' }).click()
  await expect(page.getByTestId('import-done')).toBeVisible()
  return file.organisations[0]
}

async function sidewaysScroll(page: Page) {
  await page.waitForTimeout(300)
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
}

test('no page scrolls sideways on a 390 px phone', async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const org = await importPortfolio(page, info.outputPath('portfolio.json'))
  const [first, , last] = org.assessments
  // A new exercise on today's guide, so its pages are visited too.
  await page.goto(`/organisations/${org.id}/evaluations/nouvelle`)
  await page.getByLabel('Exercice (année)').fill('2026')
  await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
  await expect(page.getByRole('link', { name: /Commencer les questions|Reprendre/ })).toBeVisible()
  const current = page.url().split('/').pop()!

  const routes = [
    '/',
    '/organisations/nouvelle',
    `/organisations/${org.id}`,
    `/organisations/${org.id}/modifier`,
    `/organisations/${org.id}/evaluations/nouvelle`,
    `/organisations/${org.id}/comparaison`,
    `/organisations/${org.id}/plan`,
    `/evaluations/${last.id}`,
    `/evaluations/${first.id}/resultats`,
    `/evaluations/${first.id}/rapport`,
    `/evaluations/${current}`,
    `/evaluations/${current}/themes/gov`,
    `/evaluations/${current}/themes/employment`,
    `/evaluations/${current}/indicateurs`,
    `/evaluations/${current}/resultats`,
    `/evaluations/${current}/atelier`,
    `/evaluations/${current}/atelier/questionnaire`,
    `/evaluations/${current}/atelier/projection`,
    '/participer',
    '/donnees',
    '/guide/provenance',
    '/nulle-part',
  ]
  const wide: string[] = []
  for (const route of routes) {
    await page.goto(route)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const overflow = await sidewaysScroll(page)
    if (overflow > 0) wide.push(`${route}: ${overflow} px`)
  }
  expect(wide).toEqual([])
})

test('a theme page fits a laptop: the first choice shows without scrolling, the page is under 4 000 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/organisations/nouvelle')
  await page.getByLabel('Nom de l’organisation').fill('Asso du quartier')
  await page.getByRole('radio', { name: 'Association' }).check()
  await page.getByLabel('Salarié·es').fill('12')
  await page.getByLabel('Bénévoles').fill('10')
  await page.getByLabel('Membres').fill('80')
  await page.getByLabel('Région').selectOption({ label: 'Occitanie' })
  await page.getByRole('button', { name: 'Créer l’organisation' }).click()
  await page.getByTestId('next-step').getByRole('link', { name: 'Nouvelle auto-évaluation' }).click()
  await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
  await page.getByRole('link', { name: 'Commencer les questions' }).click()
  await expect(page.getByRole('navigation', { name: 'Thèmes', exact: true })).toBeVisible()

  const firstChoice = page.locator('[data-question-id="gov.rules.explicit"]').getByRole('radio').first()
  const box = await firstChoice.boundingBox()
  expect(box && box.y + box.height).toBeLessThan(768)
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  expect(height).toBeLessThan(4000)
  await expectNoAxeViolations(page, 'theme page with its index')
})
