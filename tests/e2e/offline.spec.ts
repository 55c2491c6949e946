import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { card, choose, createOrganisation, waitSaved } from './helpers'

test('after one visit, everything works with no network: reload, deep link, answer, results, backup, AG report PDF', async ({
  page,
  context,
}) => {
  await createOrganisation(page, 'Salle sans Wi-Fi')
  await page.getByTestId('next-step').getByRole('link', { name: 'Nouvelle auto-évaluation' }).click()
  await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
  await page.getByRole('link', { name: 'Commencer les questions' }).click()
  await expect(page).toHaveURL(/\/themes\/gov$/)
  const themeUrl = page.url()

  // The service worker has cached everything once it is active.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await expect(page.getByTestId('offline-ready')).toBeVisible()
  await expectNoAxeViolations(page, 'page with the offline notice')

  await context.setOffline(true)
  await page.goto('/')
  await expect(page.getByRole('link', { name: 'Salle sans Wi-Fi' })).toBeVisible()

  // A deep link straight to a theme page, answered offline.
  await page.goto(themeUrl.replace('/themes/gov', '/themes/strategy'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thème 2 : Concertation')
  await choose(page, 'strategy.project.document', /^3 /)
  await waitSaved(page)
  await page.reload()
  await expect(card(page, 'strategy.project.document').getByRole('radio', { name: /^3 / })).toBeChecked()

  // Results with their lazily loaded charts.
  await page.goto(themeUrl.replace(/\/themes\/.*$/, '/resultats'))
  await expect(page.getByTestId('global-score')).toHaveText('75 sur 100')
  await expect(page.locator('canvas[role="img"]').first()).toBeVisible()

  // A backup file, made in the page.
  await page.goto('/donnees')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter toutes les données' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.json$/)

  // The AG report: its PDF code, the font and Chart.js come from the service worker's cache.
  await page.goto(themeUrl.replace(/\/themes\/.*$/, '/rapport'))
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pdf-ag').click()])
  expect(pdf.suggestedFilename()).toMatch(/^cap-ess-rapport-ag-salle-sans-wi-fi-\d{4}\.pdf$/)
  await expect(page.getByTestId('report-status')).toContainText('a été créé')
  await expect(page.getByTestId('report-problem')).toHaveCount(0)
  await context.setOffline(false)
})
