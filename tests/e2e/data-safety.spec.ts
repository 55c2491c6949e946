import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { card, choose, createOrganisation, evidenceOf, noteOf, waitSaved } from './helpers'

/** Every CSP violation and every page error is a failure: collected for each page of a test. */
async function watchForTrouble(page: Page) {
  const trouble: string[] = []
  page.on('pageerror', (error) => trouble.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to|CSP violation/.test(message.text()))
      trouble.push(message.text())
  })
  // A violation caught by the code that caused it logs nothing, yet Chrome still reports it (zod's eval probe was one).
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} by ${e.sourceFile}`),
    ),
  )
  return trouble
}

async function startAssessment(page: Page, name: string) {
  await createOrganisation(page, name)
  await page.getByTestId('next-step').getByRole('link', { name: 'Nouvelle auto-évaluation' }).click()
  await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
  await page.getByRole('link', { name: 'Commencer les questions' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thème 1 : Gouvernance démocratique')
}

test('two tabs on one assessment see each other’s answers and overwrite none', async ({ context }) => {
  const a = await context.newPage()
  await startAssessment(a, 'Deux onglets')
  const b = await context.newPage()
  await b.goto(a.url())

  await choose(a, 'gov.rules.explicit', /^3 /)
  await expect(card(b, 'gov.rules.explicit').getByRole('radio', { name: /^3 / })).toBeChecked()
  await choose(b, 'gov.rules.respect', /^1 /)
  await expect(card(a, 'gov.rules.respect').getByRole('radio', { name: /^1 / })).toBeChecked()

  // Both type a note on the same question at once, then each adds evidence: nothing is lost.
  await (await noteOf(card(a, 'gov.participation.turnout'))).fill('Note de l’onglet A')
  await (
    await evidenceOf(card(b, 'gov.participation.turnout'))
  )
    .getByLabel('Ajouter un justificatif')
    .fill('PV AG 2026')
  await card(b, 'gov.participation.turnout').getByRole('button', { name: 'Ajouter', exact: true }).click()
  await waitSaved(a)
  await waitSaved(b)
  await expect(card(a, 'gov.participation.turnout').getByRole('button', { name: 'Justificatifs (1)' })).toBeVisible()
  await expect(
    (await evidenceOf(card(a, 'gov.participation.turnout'))).getByText('PV AG 2026', { exact: true }),
  ).toBeVisible()
  await expect(card(b, 'gov.participation.turnout').getByLabel('Note')).toHaveValue('Note de l’onglet A')

  await b.reload()
  await expect(card(b, 'gov.rules.explicit').getByRole('radio', { name: /^3 / })).toBeChecked()
  await expect(card(b, 'gov.rules.respect').getByRole('radio', { name: /^1 / })).toBeChecked()
  await expect(card(b, 'gov.participation.turnout').getByLabel('Note')).toHaveValue('Note de l’onglet A')
})

test('a backup exported here is refused when broken, and imported whole on a fresh device', async ({
  page,
  browser,
}, info) => {
  const trouble = await watchForTrouble(page)
  await startAssessment(page, 'Coopérative à sauvegarder')
  await choose(page, 'gov.rules.explicit', /^2 /)
  await (await noteOf(card(page, 'gov.rules.explicit'))).fill('Statuts révisés « en 2025 »')
  await waitSaved(page)

  await page.goto('/')
  await expect(page.getByTestId('backup-reminder')).toContainText('Vous n’avez encore exporté aucune sauvegarde')
  await page.getByRole('link', { name: 'Exporter une sauvegarde' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vos données et sauvegardes')
  await expectNoAxeViolations(page, 'data page')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter toutes les données' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^cap-ess-sauvegarde-toutes-les-organisations-\d{4}-\d{2}-\d{2}\.json$/)
  const path = info.outputPath('backup.json')
  await download.saveAs(path)
  const file = JSON.parse(readFileSync(path, 'utf8'))
  expect(file).toMatchObject({ format: 'cap-ess', formatVersion: 2, scope: 'all' })
  await expect(page.getByTestId('last-backup')).toContainText('Dernière sauvegarde')

  // A broken copy: a level of 7. Refused with its place in the file; nothing changes.
  file.organisations[0].assessments[0].answers[0].response.level = 7
  const broken = info.outputPath('broken.json')
  writeFileSync(broken, JSON.stringify(file))
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(broken)
  await expect(page.getByTestId('import-problems')).toContainText(
    'organisations[0].assessments[0].answers[0].response.level : 7 n’est pas un niveau (0 à 4).',
  )
  await expectNoAxeViolations(page, 'data page with import problems')

  // Same file again: the organisation exists, a preview asks what to do (mine is as recent: keep mine proposed).
  await page.getByRole('button', { name: 'Choisir un autre fichier' }).click()
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(path)
  const preview = page.getByTestId('import-preview')
  await expect(preview).toContainText('Une organisation existe déjà sur cet appareil')
  await expect(preview.getByRole('radio', { name: /Garder la mienne/ })).toBeChecked()
  await preview.getByRole('radio', { name: /Garder les deux/ }).check()
  await expectNoAxeViolations(page, 'import preview')
  await preview.getByRole('button', { name: 'Importer' }).click()
  await expect(page.getByTestId('import-done')).toContainText('1 copiée(s)')
  await page.goto('/')
  await expect(page.getByRole('link', { name: /Coopérative à sauvegarder \(copie importée le/ })).toBeVisible()

  // A fresh device: the file brings everything back.
  const fresh = await browser.newContext({ locale: 'fr-FR' })
  const other = await fresh.newPage()
  await other.goto('/donnees')
  await other.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(path)
  await expect(other.getByTestId('import-preview')).toContainText('Une organisation sera ajoutée')
  await other.getByRole('button', { name: 'Importer' }).click()
  await expect(other.getByTestId('import-done')).toContainText('1 ajoutée(s)')
  await other.goto('/')
  await other.getByRole('link', { name: 'Coopérative à sauvegarder' }).click()
  await other.getByRole('link', { name: 'Ouvrir l’exercice' }).first().click()
  await other.getByRole('link', { name: /Reprendre/ }).click()
  await expect(card(other, 'gov.rules.explicit').getByRole('radio', { name: /^2 / })).toBeChecked()
  await expect(card(other, 'gov.rules.explicit').getByLabel('Note')).toHaveValue('Statuts révisés « en 2025 »')
  await fresh.close()
  expect(trouble).toEqual([])
})

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '"><script>window.__xss=2</script>',
  '<svg onload="window.__xss=3">',
  'javascript:window.__xss=4',
  '{{ constructor.constructor("window.__xss=5")() }}',
]

test('text that looks like code is shown as text and never runs, typed or imported; eval is forbidden', async ({
  page,
}, info) => {
  const trouble = await watchForTrouble(page)
  const payload = PAYLOADS.join(' ')
  await page.goto('/organisations/nouvelle')
  await page.getByLabel('Nom de l’organisation').fill(`Asso ${PAYLOADS[0]}`)
  await page.getByRole('radio', { name: 'Association' }).check()
  for (const label of ['Salarié·es', 'Bénévoles', 'Membres']) await page.getByLabel(label).fill('3')
  await page.getByLabel('Région').selectOption({ label: 'Bretagne' })
  await page.getByRole('button', { name: 'Créer l’organisation' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Asso ${PAYLOADS[0]}`)

  await page.getByTestId('next-step').getByRole('link', { name: 'Nouvelle auto-évaluation' }).click()
  await page.getByLabel('Qui participe ?').fill(payload)
  await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
  await page.getByRole('link', { name: 'Commencer les questions' }).click()
  const q = card(page, 'gov.rules.explicit')
  await choose(page, 'gov.rules.explicit', /^Non applicable/)
  await q.getByLabel('Pourquoi ? (facultatif)').fill(payload)
  await (await noteOf(q)).fill(payload)
  await (await evidenceOf(q)).getByLabel('Ajouter un justificatif').fill(PAYLOADS[2])
  await q.getByRole('button', { name: 'Ajouter', exact: true }).click()
  await waitSaved(page)
  await page.reload()
  await expect(
    (await evidenceOf(card(page, 'gov.rules.explicit'))).getByText(PAYLOADS[2], { exact: true }),
  ).toBeVisible()

  // Indicators: a custom one named with a payload, and a text value.
  await page.goto(page.url().replace(/\/themes\/.*$/, '/indicateurs'))
  await page.getByLabel('Nom de l’indicateur').fill(PAYLOADS[1])
  await page.getByLabel('Thème', { exact: true }).selectOption({ label: '1. Gouvernance démocratique' })
  await page.getByLabel('Unité', { exact: true }).selectOption({ label: 'texte' })
  await page.getByRole('button', { name: 'Ajouter l’indicateur' }).click()
  await expect(page.getByRole('heading', { name: PAYLOADS[1], exact: true })).toBeVisible()

  // The progress plan.
  await page.goto('/')
  await page.getByRole('link', { name: `Asso ${PAYLOADS[0]}` }).click()
  await page.getByRole('link', { name: 'Voir tout le plan de progrès' }).click()
  await page.getByRole('button', { name: 'Nouvelle action' }).click()
  const form = page.locator('form.action-form')
  await form.getByLabel('Intitulé de l’action').fill(PAYLOADS[3])
  await form.getByLabel('Description').fill(payload)
  await form.getByLabel('Responsable').fill(PAYLOADS[4])
  await form.getByRole('button', { name: 'Fermer' }).click()
  await expect(page.getByTestId('plan-list')).toContainText(PAYLOADS[3])

  // An imported file full of payloads.
  await page.goto('/donnees')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter toutes les données' }).click(),
  ])
  const path = info.outputPath('xss.json')
  await download.saveAs(path)
  const file = JSON.parse(readFileSync(path, 'utf8'))
  file.organisations[0].id = 'imported-org'
  file.organisations[0].name = PAYLOADS[1]
  file.organisations[0].assessments[0].id = 'imported-assessment'
  file.organisations[0].customIndicators = []
  file.organisations[0].actions = []
  file.organisations[0].assessments[0].indicatorValues = []
  file.organisations[0].assessments[0].answers[0].note = payload
  writeFileSync(path, JSON.stringify(file))
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(path)
  await page.getByTestId('import-preview').getByRole('button', { name: 'Importer' }).click()
  await expect(page.getByTestId('import-done')).toBeVisible()
  await page.goto('/')
  await expect(page.getByRole('link', { name: PAYLOADS[1], exact: true })).toBeVisible()

  // A bad file whose wrong value is a payload: the message shows it as text.
  file.organisations[0].assessments[0].answers[0].response = { kind: 'level', level: PAYLOADS[0] }
  writeFileSync(path, JSON.stringify(file))
  await page.goto('/donnees')
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(path)
  await expect(page.getByTestId('import-problems')).toContainText(PAYLOADS[0])

  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
  expect(await page.locator('img[src="x"], main script, svg[onload]').count()).toBe(0)
  expect(trouble).toEqual([])

  // The Content-Security-Policy forbids inline scripts and string evaluation in the page.
  await page.evaluate(() => {
    const inline = document.createElement('script')
    inline.textContent = 'window.__inline = 1'
    document.head.append(inline)
    try {
      // A string handed to setTimeout is evaluated like eval: refused without 'unsafe-eval'.
      ;(setTimeout as unknown as (code: string, ms: number) => void)('window.__evaluated = 1', 0)
    } catch {
      // Some browsers throw instead of ignoring it: refused either way.
    }
  })
  await page.waitForTimeout(200)
  expect(
    await page.evaluate(() => [
      (window as unknown as { __inline?: number }).__inline,
      (window as unknown as { __evaluated?: number }).__evaluated,
    ]),
  ).toEqual([undefined, undefined])
  const reported = trouble.filter((line) => line.startsWith('CSP violation'))
  expect(trouble.filter((line) => !reported.includes(line))).toEqual([
    expect.stringMatching(/Executing inline script violates/),
    expect.stringMatching(/Evaluating a string as JavaScript violates/),
  ])
  expect(reported.sort()).toEqual(['CSP violation: script-src by ', 'CSP violation: script-src-elem by '])
})

test('with the disk full, a change says it is not saved, and a backup is still made', async ({ page }) => {
  // IndexedDB refuses every write the way it does when the disk is full (QuotaExceededError), once asked to.
  // (Chromium's DevTools quota override does not reach a database already on disk, so the refusal is played here.)
  await page.addInitScript(() => {
    const refuse = (original: (...args: unknown[]) => IDBRequest) =>
      function (this: IDBObjectStore, ...args: unknown[]) {
        if (sessionStorage.getItem('disk-full'))
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return original.apply(this, args)
      }
    IDBObjectStore.prototype.put = refuse(IDBObjectStore.prototype.put as (...args: unknown[]) => IDBRequest)
    IDBObjectStore.prototype.add = refuse(IDBObjectStore.prototype.add as (...args: unknown[]) => IDBRequest)
  })
  await startAssessment(page, 'Asso au disque plein')
  await choose(page, 'gov.rules.explicit', /^2 /)
  await waitSaved(page)
  await page.evaluate(() => sessionStorage.setItem('disk-full', '1'))
  await (await noteOf(card(page, 'gov.rules.explicit'))).fill('Écrite sur un disque plein')
  await expect(page.getByTestId('save-status')).toContainText('l’espace de stockage de cet appareil est plein')
  await expect(card(page, 'gov.rules.explicit').getByLabel('Note')).toHaveValue('Écrite sur un disque plein')
  await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible()

  await page.goto('/donnees')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter toutes les données' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^cap-ess-sauvegarde-toutes-les-organisations-\d{4}-\d{2}-\d{2}\.json$/)
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'))
  expect(file.organisations[0].name).toBe('Asso au disque plein')
  expect(file.organisations[0].assessments[0].answers[0].response).toEqual({ kind: 'level', level: 2 })
  await expect(page.getByText('la date de cette sauvegarde n’a pas pu être notée')).toBeVisible()
})
