// npm run bench:network: figures for a regional network's picture and catalogue at three sizes, measured in Debian's
// Chromium on the built app. Prints figures; it is not a test and asserts nothing about speed.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startPreview } from './server.mjs'

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number)
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const guide = JSON.parse(readFileSync(new URL('../guide-data/guide.csess-2016.v2.json', import.meta.url), 'utf8'))
const questions = guide.themes.flatMap((t) =>
  t.domaines.flatMap((d) => d.questions.filter((q) => (q.kind ?? 'maturity') === 'maturity').map((q) => q.id)),
)
const FORMS = ['association', 'scop', 'scic', 'mutuelle', 'fondation']
const BANDS = ['0', '1-9', '10-49', '50-249', '250+']
const exportedAt = new Date(Date.now() - 3_600_000).toISOString()

/** `n` summaries of one exercise with every question answered: the largest picture a region could draw. */
function summaries(n) {
  return {
    format: 'cap-ess-summary',
    formatVersion: 1,
    exportedAt,
    appVersion: 'bench',
    summaries: Array.from({ length: n }, (_, i) => ({
      id: i.toString(16).padStart(32, '0'),
      year: 2025,
      guideId: 'csess-2016',
      guideVersion: 2,
      scoringVersion: 1,
      legalForm: FORMS[i % 5],
      sizeBand: BANDS[(i * 7) % 5],
      region: '53',
      global: { score: (i % 100) / 100, answered: 60, applicable: 70, coverage: 60 / 70 },
      themes: guide.themes.map((t, k) => ({
        themeId: t.id,
        score: ((i + k) % 100) / 100,
        answered: 8,
        applicable: 9,
        coverage: 8 / 9,
      })),
      levels: Object.fromEntries(questions.map((q, k) => [q, (i + k) % 7 === 0 ? 'na' : (i + k) % 5])),
    })),
  }
}

/** `n` shareable sheets, one file. */
function sheets(n) {
  const theme = guide.themes[0]
  return {
    format: 'cap-ess-practice-sheets',
    formatVersion: 1,
    exportedAt,
    appVersion: 'bench',
    sheets: Array.from({ length: n }, (_, i) => ({
      id: `sheet-${i}`,
      title: `Pratique ${i} : des salarié·es au conseil d’administration`,
      themeId: theme.id,
      domaineId: theme.domaines[0].id,
      questionIds: [theme.domaines[0].questions[0].id],
      description: 'Deux sièges du CA sont réservés aux salarié·es, élus tous les trois ans. '.repeat(4),
      since: '2019',
      involved: 'CA, CSE, salarié·es',
      results: 'Participation aux élections : 82 %.',
      advice: 'Former les élus, prévoir le temps de mandat.',
      contact: '',
      guideId: 'csess-2016',
      guideVersion: 2,
      theme: { number: theme.number, label: theme.shortLabel },
      domaine: theme.domaines[0].label,
      questions: [{ id: theme.domaines[0].questions[0].id, text: theme.domaines[0].questions[0].text }],
      organisation: { name: `Organisation ${i}`, legalForm: FORMS[i % 5], region: '53', sizeBand: BANDS[i % 5] },
      updatedAt: exportedAt,
    })),
  }
}

const { base: BASE, stop } = await startPreview(4175)
const ms = (t) => `${Math.round(t)} ms`
const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
const rows = []

for (const size of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'cap-ess-network-'))
  const summaryFile = join(dir, 'summaries.json')
  const sheetFile = join(dir, 'sheets.json')
  writeFileSync(summaryFile, JSON.stringify(summaries(size)))
  writeFileSync(sheetFile, JSON.stringify(sheets(Math.min(size, 1000))))
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    locale: 'fr-FR',
    acceptDownloads: true,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(600_000)

  await page.goto(`${BASE}/reseau/panorama`)
  let t = performance.now()
  await page.getByLabel('Importer des synthèses anonymes').setInputFiles(summaryFile)
  await page.getByTestId('picture-total').waitFor()
  await frame(page)
  const importPicture = performance.now() - t
  t = performance.now()
  await page.getByLabel('Répartir par').selectOption({ label: 'Forme juridique' })
  await frame(page)
  const split = performance.now() - t
  t = performance.now()
  await page.reload()
  await page.getByTestId('picture-total').waitFor()
  await frame(page)
  const reload = performance.now() - t
  t = performance.now()
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('picture-pdf').click()])
  await pdf.path()
  const picturePdf = performance.now() - t

  await page.goto(`${BASE}/reseau/pratiques`)
  t = performance.now()
  await page.getByLabel('Importer des fichiers de fiches').setInputFiles(sheetFile)
  await page
    .getByTestId('file-outcomes')
    .getByText(/nouvelle/)
    .waitFor()
  await frame(page)
  const importSheets = performance.now() - t
  t = performance.now()
  await page.getByLabel('Rechercher (titre, texte, organisation)').fill('Pratique 7')
  await frame(page)
  const search = performance.now() - t

  rows.push({
    summaries: `${size} (${(statSync(summaryFile).size / 1024 / 1024).toFixed(1)} MB)`,
    'import → picture': ms(importPicture),
    'split by form': ms(split),
    'reload → picture': ms(reload),
    'picture PDF': ms(picturePdf),
    sheets: Math.min(size, 1000),
    'import sheets → list': ms(importSheets),
    search: ms(search),
  })
  await context.close()
  rmSync(dir, { recursive: true, force: true })
}
await stop()
console.table(rows)
