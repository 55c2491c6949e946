// npm run bench: figures for a facilitator's portfolio at three sizes, measured in Debian's Chromium on the
// built app. Prints figures; it is not a test and asserts nothing about speed.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { portfolio, walkPortfolio } from './portfolio.mjs'
import { startPreview } from './server.mjs'

const SIZES = (process.env.BENCH_SIZES ?? '1,20,200')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
// The shape of the portfolio an outside walk wrote by hand, at this size (BENCH_WALK=0 leaves it out).
const WALK = Number(process.env.BENCH_WALK ?? 200)
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

/**
 * When the first radio of a question appears, in the page's own clock (from the start of its navigation): the same
 * measure for the app and for the static page, free of the test driver's polling.
 */
const FIRST_RADIO = `new MutationObserver((_, observer) => {
  if (document.querySelector('[data-question-id] input[type=radio], #q fieldset input[type=radio]')) {
    window.__firstRadio = performance.now()
    observer.disconnect()
  }
}).observe(document, { childList: true, subtree: true })`

/**
 * When the page's last long task (over 50 ms) ended, in its own clock: how long the tab stays busy after a navigation.
 */
const LONG_TASKS = `window.__busyUntil = 0
window.__longest = 0
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    window.__busyUntil = Math.max(window.__busyUntil, e.startTime + e.duration)
    window.__longest = Math.max(window.__longest, e.duration)
  }
}).observe({ type: 'longtask', buffered: true })`

/**
 * Waits for a second with no long task, then says when the last one ended (from the navigation's start) and how long
 * the longest was (the longest the tab ignored a click).
 */
const busyUntil = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const check = () =>
          performance.now() - window.__busyUntil > 1000
            ? resolve({ until: window.__busyUntil, longest: window.__longest })
            : setTimeout(check, 200)
        check()
      }),
  )

/** A count as the app writes it in French (« 2 000 »), matched whatever the space. */
const countText = (size) => new RegExp(`^${String(size).replace(/\B(?=(\d{3})+$)/g, '\\s')} organisation`)

/**
 * The two pages that list every organisation, with the whole portfolio on the device: the home (its first rows, its
 * fresh rows, and when the tab is free again) and the data page (drawn, and when the tab is free again).
 */
async function pagesAtScale(page, size) {
  const home = async () => {
    await page.goto(`${BASE}/`)
    await page
      .getByTestId('portfolio-count')
      .filter({ hasText: countText(size) })
      .waitFor()
    await page.waitForFunction(() => performance.getEntriesByName('cap-ess:portfolio-fresh').length > 0)
    const times = await page.evaluate(() => {
      const end = (name) => {
        const [entry] = performance.getEntriesByName(name)
        return entry ? entry.startTime + entry.duration : NaN
      }
      return { shown: end('cap-ess:portfolio-shown'), fresh: end('cap-ess:portfolio-fresh') }
    })
    return { ...times, busy: await busyUntil(page) }
  }
  // The first visit computes every row; a return visit shows the rows last computed, then the fresh ones.
  const first = await home()
  const again = await home()
  await page.goto(`${BASE}/donnees`)
  await page.getByRole('button', { name: 'Exporter toutes les données' }).waitFor()
  const shown = await page.evaluate(() => performance.now())
  return { first, again, data: { shown, busy: await busyUntil(page) } }
}
const scaleRows = []

const { base: BASE, stop } = await startPreview(4174)

const ms = (t) => `${Math.round(t)} ms`
const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]
const rows = []

const runs = [...SIZES.map((size) => ({ size, shape: 'full' })), ...(WALK ? [{ size: WALK, shape: 'walk' }] : [])]
for (const { size, shape } of runs) {
  const dir = mkdtempSync(join(tmpdir(), 'cap-ess-bench-'))
  const file = join(dir, 'portfolio.json')
  writeFileSync(file, JSON.stringify(shape === 'walk' ? walkPortfolio(size) : portfolio(size)))
  const mb = (statSync(file).size / 1024 / 1024).toFixed(1)
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    locale: 'fr-FR',
    bypassCSP: true, // only to inject a bare Dexie beside the app for the baseline
    acceptDownloads: true,
  })
  await context.addInitScript(LONG_TASKS)
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(600_000)
  const step = (name) => console.log(`  ${size} org: ${name}`)
  const label =
    shape === 'walk'
      ? `${size} org × 3–4 years, the outside walk's shape (${mb} MB file)`
      : `${size} org × 10 years (${mb} MB file)`

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

  const ratio = (a, b) => `${(a / b).toFixed(1)}×`
  const importCells = [ms(check), ms(write), `${ms(bareWrite)} (${ratio(write, bareWrite)})`, ms(exportTime)]
  if (shape === 'walk') {
    // The walk's shape is measured for its import and export; the pages are the full portfolio's.
    rows.push([label, ...importCells, '–', '–', '–', '–', '–', '–', '–'])
    scaleRows.push([label, await pagesAtScale(page, size)])
    console.log(`done: ${label}`)
    await context.close()
    rmSync(dir, { recursive: true, force: true })
    continue
  }

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
        .filter({ hasText: countText(size) })
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

  // The first question, for a returning user: the app is served by its service worker (an installed, offline app),
  // against the static page served from memory the same way, each measured in the page's own clock (FIRST_RADIO),
  // five times, the median kept. The cold load (no HTTP cache, no service worker) is printed for information.
  step('first question')
  await context.addInitScript(FIRST_RADIO)
  const firstRadio = async (target, url, cold) => {
    const times = []
    for (let i = 0; i < 5; i++) {
      const tab = await context.newPage()
      // The static page is not the app's: its service worker must not answer for it (it would serve the app).
      if (cold || target === 'static') {
        const cdp = await context.newCDPSession(tab)
        await cdp.send('Network.enable')
        if (cold) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
        await cdp.send('Network.setBypassServiceWorker', { bypass: true })
      }
      if (target === 'static')
        await tab.route(`${BASE}/bench-static.html`, (route) =>
          route.fulfill({ contentType: 'text/html', body: STATIC_PAGE }),
        )
      await tab.goto(url)
      await tab.waitForFunction(() => window.__firstRadio !== undefined)
      times.push(await tab.evaluate(() => window.__firstRadio))
      await tab.close()
    }
    return quantile(times, 0.5)
  }
  const questionUrl = `${BASE}/evaluations/a-0-2025/themes/gov`
  const staticFirst = await firstRadio('static', `${BASE}/bench-static.html`, false)
  const firstQuestion = await firstRadio('app', questionUrl, false)
  const coldFirst = await firstRadio('app', questionUrl, true)

  // A save: from the click to « Enregistré » on screen, then the same clicks with the write switched off (the writer
  // runs as always, its kind's write resolves at once: what is left is the click's own update and the status), the
  // difference being what the write adds; beside it a bare Dexie put of the same record in the same page.
  step('saves')
  const page2 = await context.newPage()
  await page2.goto(questionUrl)
  await page2.locator('[data-question-id] input[type=radio]').first().waitFor()
  // The answer's write is wrapped to say when it has ended (then the status is drawn in the next frame); switched
  // off, it ends at once. Both runs click the same radios of the same page.
  const install = (writing) =>
    page2.evaluate((writing) => {
      const kinds = window.capEssEditKinds
      if (!kinds) throw new Error('Build the bench with `vite build --mode bench` (npm run bench does)')
      window.__realWrite ??= kinds.answer.write
      kinds.answer.write = async (...args) => {
        try {
          return writing ? await window.__realWrite(...args) : undefined
        } finally {
          window.__written?.()
        }
      }
    }, writing)
  const clickToSaved = (count) =>
    page2.evaluate(async (count) => {
      const status = document.querySelector('[data-testid=save-status]')
      const radios = [...document.querySelectorAll('[data-question-id] input[type=radio]')].slice(0, 5)
      const times = []
      const missed = []
      for (let i = 0; i < count; i++) {
        const written = new Promise((resolve) => (window.__written = resolve))
        const start = performance.now()
        // Levels 2 and 3 of the first question, whichever is not already chosen: clicking the chosen one saves nothing.
        ;[radios[2], radios[3]].find((radio) => !radio.checked).click()
        // A write that never ends must stop the bench with a reason, not hang it.
        const outcome = await Promise.race([
          written.then(() => 'written'),
          new Promise((resolve) => setTimeout(() => resolve('timeout'), 15_000)),
        ])
        // « Enregistré » is drawn in the frame after the write's end.
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
        if (outcome === 'timeout' || status.textContent.includes('Réessayer'))
          missed.push(`save ${i}: status « ${status.textContent.trim()} »`)
        else times.push(performance.now() - start)
      }
      return { times, missed }
    }, count)
  await install(true)
  const { times: saves, missed } = await clickToSaved(SAVES)
  await install(false)
  const { times: unwritten } = await clickToSaved(SAVES)
  await install(true)

  // The click's next paint on a phone-like CPU (4× slower): real clicks, read with the Event Timing API (the
  // interaction's duration, from the input to the frame that shows it; under 16 ms it is not reported).
  const cdp2 = await context.newCDPSession(page2)
  await cdp2.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page2.evaluate(() => {
    window.__interactions = new Map()
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.interactionId)
          window.__interactions.set(
            e.interactionId,
            Math.max(window.__interactions.get(e.interactionId) ?? 0, e.duration),
          )
    }).observe({ type: 'event', durationThreshold: 16, buffered: true })
  })
  const choices = page2.locator('[data-question-id]').first().locator('.scale__choice')
  const PAINTS = 20
  for (let i = 0; i < PAINTS; i++) {
    await choices.nth(2 + (i % 2)).click()
    await page2.getByTestId('save-status').filter({ hasText: 'Enregistré' }).waitFor()
  }
  const paints = await page2.evaluate((n) => {
    const seen = [...window.__interactions.values()]
    return [...seen, ...Array(Math.max(0, n - seen.length)).fill(16)]
  }, PAINTS)
  await cdp2.send('Emulation.setCPUThrottlingRate', { rate: 1 })

  await page2.addScriptTag({ path: 'node_modules/dexie/dist/dexie.js' })
  const puts = await page2.evaluate(async (count) => {
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
  const savesP50 = quantile(saves, 0.5)
  const putsP50 = quantile(puts, 0.5)
  const added = savesP50 - quantile(unwritten, 0.5)
  rows.push([
    label,
    ...importCells,
    ms(home),
    ms(comparison),
    portfolioTimes
      ? `${ms(portfolioTimes.first)} / ${ms(portfolioTimes.shown)} / ${ms(portfolioTimes.fresh)} / ${ms(portfolioTimes.search)}`
      : '–',
    `${ms(firstQuestion)} / ${ms(staticFirst)} (${ratio(firstQuestion, staticFirst)}); cold ${ms(coldFirst)}`,
    `${ms(savesP50)} / ${ms(quantile(unwritten, 0.5))}${missed.length ? ` (${missed.length} unconfirmed)` : ''}`,
    `${ms(added)} / ${ms(putsP50)} (${ratio(Math.max(added, 0), putsP50)})`,
    `${ms(quantile(paints, 0.5))} / ${ms(quantile(paints, 0.95))}`,
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
  '1st question, returning user: app / static page, p50 of 5 (target ≤ 2×); cold load',
  'save, click → « Enregistré »: with the write / write switched off, p50',
  'what the write adds / bare Dexie put, p50 (target ≤ 2×)',
  'click → next paint at 4× CPU, p50 / p95 (target ≤ 50 ms)',
]
console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`)
for (const row of rows) console.log(`| ${row.join(' | ')} |`)
if (scaleRows.length) {
  console.log(
    '\nPages that list every organisation, from the navigation: shown, the tab free again (one second without a long' +
      ' task), and the longest task (the longest a click waits):',
  )
  const visit = ({ shown, fresh, busy }) => `${ms(shown)} / ${ms(fresh)} / ${ms(busy.until)} (${ms(busy.longest)})`
  console.log(
    '\n| portfolio | home, 1st visit: rows / fresh / free (longest) | home, return | data page: shown / free (longest) |' +
      '\n|---|---|---|---|',
  )
  for (const [label, r] of scaleRows)
    console.log(
      `| ${label} | ${visit(r.first)} | ${visit(r.again)} | ${ms(r.data.shown)} / ${ms(r.data.busy.until)} (${ms(r.data.busy.longest)}) |`,
    )
}
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
