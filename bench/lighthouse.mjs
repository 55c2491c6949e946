// npm run lighthouse: Lighthouse 12 on Debian's Chromium, on the first screen (a first visit) and on a question
// page (a returning user, whose data is in the profile), with the desktop and the mobile presets. Prints the scores;
// exits 1 below the targets.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startPreview } from './server.mjs'

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 95 }

const { base: BASE, stop } = await startPreview(4175)

const dir = mkdtempSync(join(tmpdir(), 'cap-ess-lh-'))
const profile = join(dir, 'profile')

// A returning user's profile: one organisation and an assessment, made through the app.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROME,
  headless: true,
  args: FLAGS,
  locale: 'fr-FR',
})
const page = context.pages()[0] ?? (await context.newPage())
await page.goto(`${BASE}/organisations/nouvelle`)
await page.getByLabel('Nom de l’organisation').fill('Asso pour Lighthouse')
await page.getByRole('radio', { name: 'Association' }).check()
for (const label of ['Salarié·es', 'Bénévoles', 'Membres']) await page.getByLabel(label).fill('5')
await page.getByLabel('Région').selectOption({ label: 'Bretagne' })
await page.getByRole('button', { name: 'Créer l’organisation' }).click()
await page.getByTestId('next-step').getByRole('link', { name: 'Nouvelle auto-évaluation' }).click()
await page.getByRole('button', { name: 'Commencer l’auto-évaluation' }).click()
await page.getByRole('link', { name: 'Commencer les questions' }).click()
await page.locator('[data-question-id]').first().waitFor()
const questionUrl = page.url()
await context.close()

function run(url, name, preset, extra) {
  const output = join(dir, `${name}-${preset}.json`)
  execFileSync(
    'npx',
    [
      'lighthouse',
      url,
      `--chrome-flags=${[...FLAGS, ...extra].join(' ')}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      '--output=json',
      `--output-path=${output}`,
      '--quiet',
      ...(process.env.LH_KEEP ? ['--save-assets'] : []),
    ],
    { env: { ...process.env, CHROME_PATH: CHROME }, stdio: 'inherit' },
  )
  const report = JSON.parse(readFileSync(output, 'utf8'))
  const scores = Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round(v.score * 100)]))
  const audits = report.audits
  return {
    name,
    preset,
    scores,
    fcp: audits['first-contentful-paint'].displayValue,
    lcp: audits['largest-contentful-paint'].displayValue,
    tbt: audits['total-blocking-time'].displayValue,
  }
}

/**
 * Two Lighthouse presets. « desktop » models the laptops the app is used on (no CPU slowdown, a fast link), « mobile »
 * (Lighthouse's default) a mid-range phone: 4x CPU slowdown, slow 4G. The performance targets are the team's: 95 on
 * desktop, and on mobile 95 for the first screen and 90 for the question page (docs/decisions.md, issue 24).
 * Accessibility and best practices are held to their targets under both.
 */
const PRESETS = (process.env.LH_PRESETS ?? 'desktop,mobile').split(',')
const PERFORMANCE_TARGET = {
  desktop: { 'first-screen': 95, 'question-page': 95 },
  mobile: { 'first-screen': 95, 'question-page': 90 },
}
// LH_KEEP=1 keeps the reports and traces (--save-assets); LH_PAGES=question (or first) measures one page only.
const only = process.env.LH_PAGES
const results = []
for (const preset of PRESETS) {
  if (!only || only === 'first') results.push(run(`${BASE}/`, 'first-screen', preset, []))
  if (!only || only === 'question')
    results.push(run(questionUrl, 'question-page', preset, [`--user-data-dir=${profile}`, '--disable-storage-reset']))
}
let failed = false
console.log(
  '\n| page | preset | performance | accessibility | best practices | SEO | FCP | LCP | TBT |\n|---|---|---|---|---|---|---|---|---|',
)
for (const r of results) {
  const performance = `${r.scores.performance} (target ${PERFORMANCE_TARGET[r.preset][r.name]})`
  console.log(
    `| ${r.name} | ${r.preset} | ${performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ${r.fcp} | ${r.lcp} | ${r.tbt} |`,
  )
  for (const [category, target] of Object.entries({ ...TARGETS, performance: PERFORMANCE_TARGET[r.preset][r.name] })) {
    if (r.scores[category] < target) {
      failed = true
      console.error(`${r.name} (${r.preset}): ${category} ${r.scores[category]} is below the target ${target}`)
    }
  }
}
if (process.env.LH_KEEP) console.log(`reports kept in ${dir}`)
else rmSync(dir, { recursive: true, force: true })
stop()
process.exit(failed ? 1 : 0)
