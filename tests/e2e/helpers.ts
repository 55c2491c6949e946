import { expect, type Locator, type Page } from '@playwright/test'
import { portfolio } from '../../bench/portfolio.mjs'

export const card = (page: Page, questionId: string) => page.locator(`[data-question-id="${questionId}"]`)

export async function choose(page: Page, questionId: string, name: RegExp) {
  await card(page, questionId).getByRole('radio', { name }).check()
}

/** Creates an organisation through the form, as a user would, and lands on its home page. */
export async function createOrganisation(page: Page, name: string, employees = '12') {
  await page.goto('/organisations/nouvelle')
  await page.getByLabel('Nom de l’organisation').fill(name)
  await page.getByRole('radio', { name: 'Association' }).check()
  await page.getByLabel('Salarié·es').fill(employees)
  await page.getByLabel('Bénévoles').fill('10')
  await page.getByLabel('Membres').fill('80')
  await page.getByLabel('Région').selectOption({ label: 'Occitanie' })
  await page.getByRole('button', { name: 'Créer l’organisation' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
}

export async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toContainText('Enregistré sur cet appareil')
}

/** A question card's note, opened first when it still hides behind « Ajouter une note » (an empty note does). */
export async function noteOf(questionCard: Locator) {
  const add = questionCard.getByRole('button', { name: 'Ajouter une note' })
  if (await add.isVisible()) await add.click()
  return questionCard.getByLabel('Note', { exact: true })
}

/** A question card's evidence list and field, opened first when its panel is closed (it is, on arrival). */
export async function evidenceOf(questionCard: Locator) {
  const toggle = questionCard.getByRole('button', { name: /^Justificatifs \(\d+\)$/ })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  return questionCard
}

/**
 * The bench's portfolio over last exercise and this one (the current one before July), every instant it holds set no
 * later than yesterday: the import refuses dates from the future, and the tests hold any day they run.
 */
export function recentPortfolio(organisations: number) {
  const today = new Date()
  const year = today.getMonth() < 6 ? today.getFullYear() - 1 : today.getFullYear()
  const file = portfolio(organisations, 2, year - 1)
  const yesterday = new Date(today.getTime() - 86_400_000).toISOString()
  const clamp = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clamp)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clamp(x)]))
    return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && v > yesterday ? yesterday : v
  }
  return { data: clamp(file) as typeof file, year, today }
}
