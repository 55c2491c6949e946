// npm run bench: figures for a facilitator's portfolio at three sizes, measured in Debian's Chromium on the
// built app. Prints figures; it is not a test and asserts nothing about speed.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { portfolio } from './portfolio.mjs'
import { startPreview } from './server.mjs'

const SIZES = (process.env.BENCH_SIZES ?? '1,20,200').split(',').map(Number)
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
const SAVES = 40

/** The static baseline: one question from the same database, drawn by a dozen lines of script. */
const STATIC_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Question</title></head><body><main id="q"></main>
<script>
const open = indexedDB.open('cap-ess')
open.onsuccess = () => {
  const get = open.result.transaction('answerSets').objectStore('answerSets').get('a-0-2025')
  get.onsuccess = () => {
    const answer = get.result && get.result.items.find((a) => a.questionId === 'gov.rules.explicit')
    const level = answer && answer.response && answer.response.level
    const f = document.createElement('fieldset')
    f.innerHTML = '<legend>Notre fonctionnement repose-t-il sur des règles explicites ?</legend>' + [0, 1, 2, 3, 4].map((l) => '<label><input type="radio" name="q" value="' + l + '"' + (l === level ? ' checked' : '') + '> ' + l + '</label>').join('')
    document.getElementById('q').append(f)
  }
}
</script></body></html>`

const { base: BASE, stop } = await startPreview(4174)

const ms = (t) => `${Math.round(t)} ms`
const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]
const rows = []

for (const size of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'cap-ess-bench-'))
  const file = join(dir, 'portfolio.json')
  writeFileSync(file, JSON.stringify(portfolio(size)))
  const mb = (statSync(file).size / 1024 / 1024).toFixed(1)
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    locale: 'fr-FR',
    bypassCSP: true, // only to inject a bare Dexie beside the app for the baseline
    acceptDownloads: true,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(600_000)
  const step = (name) => console.log(`  ${size} org: ${name}`)
  const label = `${size} org × 10 years (${mb} MB file)`

  // Import of the whole portfolio: checking (parse + validation), then writing. Measured once the service worker has
  // installed: on a first visit it downloads and stores the whole app (3.3 MB) in the background, which took the check
  // about 2 s of this 2-core machine; a user importing a backup has visited the app before.
  await page.goto(`${BASE}/donnees`)
  await page.evaluate(() =>
    Promise.race([navigator.serviceWorker?.ready, new Promise((resolve) => setTimeout(resolve, 30_000))]),
  )
  let t = performance.now()
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(file)
  await page.getByTestId('import-preview').waitFor()
  const check = performance.now() - t
  t = performance.now()
  await page.getByTestId('import-preview').getByRole('button', { name: 'Importer' }).click()
  await page.getByTestId('import-done').waitFor()
  const write = performance.now() - t

  // The limit for the write: the same rows put with IndexedDB alone (no app code, no validation), in one transaction,
  // into a scratch database with the same stores and indexes.
  step('bare bulk put')
  const bareWrite = await bareBulkPut(page, file)

  // Export of the whole portfolio.
  step('export')
  t = performance.now()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter toutes les données' }).click(),
  ])
  await download.path()
  const exportTime = performance.now() - t

  // Organisation home with ten years, and the comparison of the last two.
  step('home and comparison')
  t = performance.now()
  await page.goto(`${BASE}/organisations/org-0`)
  await page.locator('[data-testid=years-table] tbody tr').nth(9).waitFor()
  const home = performance.now() - t
  t = performance.now()
  await page.goto(`${BASE}/organisations/org-0/comparaison`)
  await page.locator('[data-testid=comparison-table] tbody tr').first().waitFor()
  const comparison = performance.now() - t

  // The portfolio's home, timed from the start of its read (the database already open): the table drawn on a first
  // visit, and on a return visit the rows last computed then the fresh ones; then a search typed, to the table redrawn.
  // (A handful of organisations is a list of cards: the table starts at seven.)
  step('portfolio home')
  let portfolioTimes = null
  if (size >= 7) {
    const visit = async () => {
      await page.goto(`${BASE}/`)
      await page
        .getByTestId('portfolio-count')
        .filter({ hasText: `${size} organisation` })
        .waitFor()
      await page.waitForFunction(() => performance.getEntriesByName('cap-ess:portfolio-fresh').length > 0)
      return page.evaluate(() => ({
        shown: performance.getEntriesByName('cap-ess:portfolio-shown')[0].duration,
        fresh: performance.getEntriesByName('cap-ess:portfolio-fresh')[0].duration,
      }))
    }
    // The first visit computes every row; a return visit shows the rows last computed, then the fresh ones.
    const first = await visit()
    const again = await visit()
    const search = await page.evaluate(async () => {
      const input = document.querySelector('#portfolio-search')
      const start = performance.now()
      input.value = 'organisation 1'
      input.dispatchEvent(new Event('input', { bubbles: true }))
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
      return performance.now() - start
    })
    portfolioTimes = { first: first.fresh, shown: again.shown, fresh: again.fresh, search }
  }

  // The static baseline: a page of plain HTML and a few lines of script that opens the same database, reads the same
  // answer and draws the same question as a fieldset of radios. Same conditions as the app's cold load below.
  step('static baseline')
  const staticPage = await context.newPage()
  const staticCdp = await context.newCDPSession(staticPage)
  await staticCdp.send('Network.enable')
  await staticCdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await staticCdp.send('Network.setBypassServiceWorker', { bypass: true })
  await staticPage.route(`${BASE}/bench-static.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: STATIC_PAGE }),
  )
  const staticTimes = []
  for (let i = 0; i < 5; i++) {
    t = performance.now()
    await staticPage.goto(`${BASE}/bench-static.html`)
    await staticPage.locator('fieldset input[type=radio]').first().waitFor()
    staticTimes.push(performance.now() - t)
  }
  await staticPage.close()
  const staticFirst = quantile(staticTimes, 0.5)

  // Cold load to the first question: no HTTP cache, no service worker.
  step('cold load')
  const cold = await context.newPage()
  const cdp = await context.newCDPSession(cold)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.setBypassServiceWorker', { bypass: true })
  const coldTimes = []
  for (let i = 0; i < 5; i++) {
    t = performance.now()
    await cold.goto(`${BASE}/evaluations/a-0-2025/themes/gov`)
    await cold.locator('[data-question-id] input[type=radio]').first().waitFor()
    coldTimes.push(performance.now() - t)
  }
  const firstQuestion = quantile(coldTimes, 0.5)

  // Saving one answer, from the click to « Enregistré », against a bare Dexie put of the same record (the draft's
  // answers, one record since database version 7) in the same page.
  step('saves')
  const { times: saves, missed } = await cold.evaluate(async (count) => {
    const status = document.querySelector('[data-testid=save-status]')
    const missed = []
    const radios = [...document.querySelectorAll('[data-question-id] input[type=radio]')].slice(0, 5)
    const times = []
    for (let i = 0; i < count; i++) {
      const done = new Promise((resolve) => {
        let saving = false
        const observer = new MutationObserver(() => {
          if (status.textContent.includes('Enregistrement')) saving = true
          else if (saving && status.textContent.includes('Enregistré')) {
            observer.disconnect()
            resolve()
          }
        })
        observer.observe(status, { childList: true, characterData: true, subtree: true })
      })
      const start = performance.now()
      // Levels 2 and 3 of the first question, whichever is not already chosen: clicking the chosen one saves nothing.
      ;[radios[2], radios[3]].find((radio) => !radio.checked).click()
      // A save that never reaches « Enregistré » (a write error) must stop the bench with a reason, not hang it.
      const outcome = await Promise.race([
        done.then(() => 'saved'),
        new Promise((resolve) => setTimeout(() => resolve('timeout'), 15_000)),
      ])
      if (outcome === 'timeout') missed.push(`save ${i}: status « ${status.textContent.trim()} »`)
      else times.push(performance.now() - start)
    }
    return { times, missed }
  }, SAVES)
  await cold.addScriptTag({ path: 'node_modules/dexie/dist/dexie.js' })
  const puts = await cold.evaluate(async (count) => {
    const app = new window.Dexie('cap-ess')
    await app.open()
    const record = await app.table('answerSets').get('a-0-2025')
    app.close()
    const db = new window.Dexie('bench-baseline')
    db.version(1).stores({ answerSets: 'assessmentId, [assessmentId+updatedAt]' })
    await db.open()
    const times = []
    for (let i = 0; i < count; i++) {
      const updatedAt = new Date().toISOString()
      const items = record.items.map((a, q) =>
        q === 0 ? { ...a, response: { kind: 'level', level: i % 5 }, updatedAt } : a,
      )
      const start = performance.now()
      await db.answerSets.put({ ...record, updatedAt, items })
      times.push(performance.now() - start)
    }
    await db.delete()
    return times
  }, SAVES)

  // A save whose status never said « Enregistré » within 15 s is reported, not waited for forever.
  if (missed.length) console.log(`  ${size} org: ${missed.length} save(s) not confirmed: ${missed.join('; ')}`)
  const ratio = (a, b) => `${(a / b).toFixed(1)}×`
  const savesP50 = quantile(saves, 0.5)
  const putsP50 = quantile(puts, 0.5)
  rows.push([
    label,
    ms(check),
    ms(write),
    `${ms(bareWrite)} (${ratio(write, bareWrite)})`,
    ms(exportTime),
    ms(home),
    ms(comparison),
    portfolioTimes
      ? `${ms(portfolioTimes.first)} / ${ms(portfolioTimes.shown)} / ${ms(portfolioTimes.fresh)} / ${ms(portfolioTimes.search)}`
      : '–',
    `${ms(firstQuestion)} / ${ms(staticFirst)} (${ratio(firstQuestion, staticFirst)})`,
    `${ms(savesP50)} / ${ms(quantile(saves, 0.95))}${missed.length ? ` (${missed.length} unconfirmed)` : ''}`,
    `${ms(putsP50)} / ${ms(quantile(puts, 0.95))}`,
    ratio(savesP50, putsP50),
  ])
  console.log(`done: ${label}`)
  await context.close()
  rmSync(dir, { recursive: true, force: true })
}

const header = [
  'portfolio',
  'import: check (target ≤ 5 s)',
  'import: write (target ≤ 10 s)',
  'bare bulk put of the same rows (write ÷ bare)',
  'export (target ≤ 5 s)',
  'org home (10 years)',
  'comparison',
  'portfolio home: 1st visit / return shown / return fresh / search',
  '1st question: app / static page, p50 of 5 (target ≤ 2×)',
  'save answer p50/p95',
  'bare Dexie put p50/p95',
  'save ÷ put (target ≤ 2×)',
]
console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`)
for (const row of rows) console.log(`| ${row.join(' | ')} |`)
await pdfBench()
stop()
process.exit(0)

/**
 * Puts the rows of a backup file into a scratch database with the app's stores and indexes, with IndexedDB alone, in
 * one transaction: what the browser needs to write them, the limit for the import's write.
 */
async function bareBulkPut(page, file) {
  const text = readFileSync(file, 'utf8')
  return page.evaluate(async (json) => {
    const data = JSON.parse(json)
    const stores = {
      organisations: ['id', []],
      assessments: [
        'id',
        [
          ['organisationId', 'organisationId'],
          ['year', 'year'],
        ],
      ],
      answerSets: ['assessmentId', [['assessmentId+updatedAt', ['assessmentId', 'updatedAt']]]],
      indicatorSets: ['assessmentId', []],
      objectiveSets: ['assessmentId', []],
      actions: [
        'id',
        [
          ['organisationId', 'organisationId'],
          ['status', 'status'],
        ],
      ],
      customIndicators: ['id', [['organisationId', 'organisationId']]],
      participants: [['assessmentId', 'id'], [['assessmentId', 'assessmentId']]],
      ratings: [['assessmentId', 'participantId', 'questionId'], [['assessmentId', 'assessmentId']]],
      discussions: [['assessmentId', 'questionId'], [['assessmentId', 'assessmentId']]],
    }
    const rows = Object.fromEntries(Object.keys(stores).map((name) => [name, []]))
    for (const { assessments, actions, customIndicators, ...org } of data.organisations) {
      rows.organisations.push(org)
      for (const { answers, indicatorValues, objectives, workshop, ...a } of assessments) {
        rows.assessments.push({ ...a, organisationId: org.id })
        const set = (items) => ({
          assessmentId: a.id,
          updatedAt: items.reduce((at, x) => (x.updatedAt > at ? x.updatedAt : at), ''),
          items,
        })
        if (answers.length) rows.answerSets.push(set(answers))
        if (indicatorValues.length) rows.indicatorSets.push(set(indicatorValues))
        if (objectives.length) rows.objectiveSets.push(set(objectives))
        for (const kind of ['participants', 'ratings', 'discussions'])
          for (const x of workshop?.[kind] ?? []) rows[kind].push({ ...x, assessmentId: a.id })
      }
      for (const x of actions) rows.actions.push({ ...x, organisationId: org.id })
      for (const x of customIndicators) rows.customIndicators.push({ ...x, organisationId: org.id })
    }
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('bench-bare-bulk', 1)
      request.onupgradeneeded = () => {
        for (const [name, [keyPath, indexes]] of Object.entries(stores)) {
          const store = request.result.createObjectStore(name, { keyPath })
          for (const [index, path] of indexes) store.createIndex(index, path)
        }
      }
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const start = performance.now()
    await new Promise((resolve, reject) => {
      const tx = db.transaction(Object.keys(stores), 'readwrite')
      for (const [name, list] of Object.entries(rows)) {
        const store = tx.objectStore(name)
        for (const row of list) store.put(row)
      }
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
    })
    const took = performance.now() - start
    db.close()
    await new Promise((resolve) => {
      const del = indexedDB.deleteDatabase('bench-bare-bulk')
      del.onsuccess = del.onerror = del.onblocked = resolve
    })
    return took
  }, text)
}

/**
 * The AG report of a full assessment: every question answered with a note, three years of history, twenty
 * actions. The first PDF also fetches the PDF code and the font; the next ones show the layout time alone.
 */
async function pdfBench() {
  const dir = mkdtempSync(join(tmpdir(), 'cap-ess-bench-pdf-'))
  const file = join(dir, 'portfolio.json')
  writeFileSync(file, JSON.stringify(portfolio(1, 3, 2023)))
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    locale: 'fr-FR',
    acceptDownloads: true,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(120_000)
  await page.goto(`${BASE}/donnees`)
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(file)
  await page.getByTestId('import-preview').getByRole('button', { name: 'Importer' }).click()
  await page.getByTestId('import-done').waitFor()
  await page.goto(`${BASE}/evaluations/a-0-2025/rapport`)
  await page.getByTestId('pdf-ag').waitFor()
  const results = []
  for (const [kind, testId] of [
    ['AG report (1st, code and font fetched)', 'pdf-ag'],
    ['AG report (2nd)', 'pdf-ag'],
    ['AG report (3rd)', 'pdf-ag'],
    ['employees’ version', 'pdf-employees'],
  ]) {
    const t = performance.now()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
    const path = await download.path()
    const time = performance.now() - t
    await page.getByTestId(testId).and(page.locator(':enabled')).waitFor()
    const pdf = join(dir, `${results.length}.pdf`)
    await download.saveAs(pdf)
    const pages = /\/Type\s*\/Page[^s]/g
    const bytes = statSync(path).size
    results.push([
      kind,
      ms(time),
      `${(bytes / 1024).toFixed(0)} KB`,
      String((readFileSync(pdf, 'latin1').match(pages) ?? []).length),
    ])
  }
  console.log('\nPDF of a full assessment (78 questions with notes, 3 years of history, 20 actions):')
  console.log('\n| document | time (click → file) | size | pages |\n|---|---|---|---|')
  for (const row of results) console.log(`| ${row.join(' | ')} |`)
  await context.close()
  rmSync(dir, { recursive: true, force: true })
}
