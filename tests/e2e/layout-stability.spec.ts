import { expect, test, type Page } from '@playwright/test'
import { createOrganisation } from './helpers'

/** Sum of the layout shifts not caused by the user since the page loaded (Chrome's Layout Instability API). */
async function layoutShiftAfterLoad(page: Page) {
  await page.waitForTimeout(500)
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value
          }
        }).observe({ type: 'layout-shift', buffered: true })
        setTimeout(() => resolve(total), 100)
      }),
  )
}

// Cards arrive one per task after the page's frame: nothing already on screen may be pushed down meanwhile.
for (const viewport of [
  { name: 'laptop', width: 1280, height: 720 },
  { name: 'phone', width: 412, height: 823 },
]) {
  test(`a theme page loads without visible layout shifts (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    await createOrganisation(page, 'Asso stable')
    await page.getByTestId('next-step').getByRole('link', { name: 'Nouvelle auto-évaluation' }).click()
    await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
    await page.getByRole('link', { name: 'Commencer les questions' }).click()
    await expect(page.getByRole('navigation', { name: 'Thèmes', exact: true })).toBeVisible()

    // On a slow machine frames are painted between the cards: emulate one, or they all land in the first frame.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.reload()
    await expect(page.getByRole('navigation', { name: 'Thèmes', exact: true })).toBeVisible()
    // Below 0.1 is what Core Web Vitals call good; the progressive rendering used to cost about 0.19.
    expect(await layoutShiftAfterLoad(page)).toBeLessThan(0.1)
  })
}

// WCAG 2.4.11: the save status sticks to the top of the pages with typing; going back through the fields with
// Shift+Tab, none may land under it.
test('the sticky save status never hides the field that has the focus', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await createOrganisation(page, 'Asso au clavier')
  await page.getByTestId('next-step').getByRole('link', { name: 'Nouvelle auto-évaluation' }).click()
  await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
  await page.getByRole('link', { name: 'Indicateurs et objectifs' }).click()
  await expect(page.getByTestId('save-status')).toBeVisible()
  for (let i = 0; i < 40; i++) await page.keyboard.press('Tab')
  const hidden: string[] = []
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Shift+Tab')
    const covered = await page.evaluate(() => {
      const bar = document.querySelector('.save-status')!.getBoundingClientRect()
      const field = document.activeElement!.getBoundingClientRect()
      return bar.top <= 0.5 && field.top < bar.bottom - 1 && field.bottom > bar.top
        ? document.activeElement!.id || document.activeElement!.tagName
        : null
    })
    if (covered) hidden.push(covered)
  }
  expect(hidden).toEqual([])
})
