// Size budgets, read from the build output (dist/ and its Vite manifest). Fails, printing each figure and its
// budget, when the first screen grows too heavy or when chart or PDF code reaches it.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const BUDGETS = { firstScreenJsKb: 130, firstScreenCssKb: 15 }
// Modules fetched before the first screen is idle when they are chunks of their own (the home page is bundled with
// the entry today; were it made lazy again, its chunk would count here). See src/router.ts and src/main.ts.
const FIRST_SCREEN_DYNAMIC = ['src/pages/HomePage.vue', 'node_modules/workbox-window/build/workbox-window.prod.es5.mjs']
// Markers that only chart and PDF libraries contain.
const FORBIDDEN = [
  { name: 'chart.js', pattern: /[`"']radialLinear[`"']/ },
  { name: 'jsPDF', pattern: /jsPDF|jspdf/ },
  { name: 'pdfmake', pattern: /pdfmake/ },
]

const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'))
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry)
const js = new Set()
const css = new Set()

function visit(key) {
  const chunk = manifest[key]
  if (!chunk || js.has(chunk.file)) return
  js.add(chunk.file)
  for (const file of chunk.css ?? []) css.add(file)
  for (const imported of chunk.imports ?? []) visit(imported)
}
visit(entryKey)
// With one stylesheet for the whole app (cssCodeSplit: false) the CSS is linked from index.html, not from a chunk.
for (const [, href] of readFileSync('dist/index.html', 'utf8').matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+)"/g))
  css.add(href)
for (const key of FIRST_SCREEN_DYNAMIC) {
  const found = Object.keys(manifest).find(
    (k) => k === key || k.endsWith(key) || manifest[k].src === key || manifest[k].name === key.split('/').pop(),
  )
  if (found) visit(found)
}

const gzipKb = (file) => gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length / 1024
let jsKb = 0
let cssKb = 0
const problems = []
for (const file of js) {
  jsKb += gzipKb(file)
  const text = readFileSync(`dist/${file}`, 'utf8')
  for (const { name, pattern } of FORBIDDEN)
    if (pattern.test(text)) problems.push(`${name} code is in the first-screen chunk ${file}`)
}
for (const file of css) cssKb += gzipKb(file)

console.log(`first-screen JS: ${jsKb.toFixed(1)} KB gzip (budget ${BUDGETS.firstScreenJsKb} KB) in ${js.size} files`)
console.log(
  `first-screen CSS: ${cssKb.toFixed(1)} KB gzip (budget ${BUDGETS.firstScreenCssKb} KB) in ${css.size} files`,
)
if (jsKb > BUDGETS.firstScreenJsKb)
  problems.push(`first-screen JS is ${jsKb.toFixed(1)} KB gzip, over the ${BUDGETS.firstScreenJsKb} KB budget`)
if (cssKb > BUDGETS.firstScreenCssKb)
  problems.push(`first-screen CSS is ${cssKb.toFixed(1)} KB gzip, over the ${BUDGETS.firstScreenCssKb} KB budget`)
if (problems.length) {
  console.error(`Budget check failed:\n- ${problems.join('\n- ')}`)
  process.exit(1)
}
console.log('budgets: ok')
