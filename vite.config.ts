/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import pkg from './package.json' with { type: 'json' }
import { parsedGuideFile, validateGuideFileText } from './src/domain/guide/validateGuideFile.ts'

const guideDir = fileURLToPath(new URL('./guide-data', import.meta.url))

/** A broken guide file stops the build with a message naming the file and the path inside it. */
function validateGuideData(): Plugin {
  return {
    name: 'cap-ess:validate-guide-data',
    buildStart() {
      const problems = readdirSync(guideDir)
        .filter((file) => file.endsWith('.json'))
        .flatMap((file) => validateGuideFileText(`guide-data/${file}`, readFileSync(`${guideDir}/${file}`, 'utf8')))
      if (problems.length > 0) this.error(`Guide data is invalid:\n${problems.join('\n')}`)
    },
  }
}

const SHARED =
  /src[\\/](domain|db|stores|composables|constants|components[\\/](common|assessment))[\\/]|node_modules[\\/]zod[\\/]/
const ELSEWHERE =
  /src[\\/](domain[\\/](backup|files|report)[\\/]|domain[\\/](catalogue|regionalPicture|portfolio|comparison|history|participantSheet|sizeBand)\.ts|db[\\/](backupRepository|networkRepository|portfolioRepository)\.ts|stores[\\/](backup|network|portfolio|history)\.ts|composables[\\/](useNetworkText|useImportProblemText|useReportText)\.ts)/

/**
 * The shipped guide files as the app reads them, parsed by their schema here (defaults filled): the app trusts them
 * (validateGuideData stopped a broken one) instead of parsing them again on every question page, 40–50 ms of a
 * phone's main thread.
 */
function parseGuideData(): Plugin {
  return {
    name: 'cap-ess:parse-guide-data',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]guide-data[\\/][^\\/]+\.json$/.test(id)) return null
      return { code: JSON.stringify(parsedGuideFile(JSON.parse(code))), map: null }
    },
  }
}

export default defineConfig({
  plugins: [
    vue(),
    validateGuideData(),
    parseGuideData(),
    // Messages are compiled at build time: no message compiler in the bundle (3.6 KB gzip less on the first screen)
    // and no compiling on the main thread the first time each message shows. Unit tests read the message files as
    // the plain strings they are, so the plugin stays out of Vitest.
    process.env.VITEST
      ? []
      : VueI18nPlugin({
          include: [fileURLToPath(new URL('./src/i18n/{fr,fr.more,en}.ts', import.meta.url))],
          runtimeOnly: true,
          dropMessageCompiler: true,
          compositionOnly: true,
          fullInstall: false,
        }),
    // Offline after the first visit: every asset (lazy chart chunks and the guide included) is precached.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Cap ESS : auto-évaluation des bonnes pratiques de l’ESS',
        short_name: 'Cap ESS',
        description:
          'L’auto-évaluation annuelle des bonnes pratiques de l’économie sociale et solidaire, hors ligne et sans compte.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#123541',
        background_color: '#f7f5f0',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,ttf,json,txt}'],
        // jsPDF's optional helpers (html2canvas, DOMPurify, canvg) serve doc.html() and SVG images, which the report
        // never uses: about 380 KB that every first visit would otherwise download for nothing.
        globIgnores: ['**/html2canvas-*.js', '**/purify.es-*.js', '**/index.es-*.js'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
        // A new version waits for the user's « Mettre à jour »: never a reload under someone's feet.
        clientsClaim: false,
        skipWaiting: false,
      },
    }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: {
    // Written into every backup file, so a file says which version of the app made it.
    'import.meta.env.PACKAGE_VERSION': JSON.stringify(pkg.version),
    // Compile-time flags: drop code paths the app never uses from the first-screen bundle.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  // The manifest lets tests/budgets read which chunks the first screen loads.
  build: {
    manifest: true,
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What the first screen needs, in one file: the framework, Dexie, and the app modules it reaches.
            { name: 'initial', tags: ['$initial'], priority: 20 },
            // What the assessment pages share (zod, the domain, the database layer, the stores): one file instead of
            // two dozen tiny ones, each of which costs a request and a <link rel="modulepreload"> on a modest laptop.
            // Backups, files, the portfolio, history and the network's pages stay with the pages that use them: the
            // question page, on a participant's phone, no longer downloads and compiles them.
            {
              name: 'app',
              test: (id: string) => SHARED.test(id) && !ELSEWHERE.test(id),
              priority: 10,
            },
          ],
        },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'happy-dom',
    include: ['tests/{unit,db,store,component,fuzz}/**/*.test.ts'],
    setupFiles: ['tests/setup/texts.ts'],
    // One module graph and one page per worker, not one per file: setting up happy-dom and importing the app again for
    // each of 44 files was 44 of the suite's 73 s. Tests do not lean on a fresh module: each case sets up the database,
    // writer and stores it uses (tests/fixtures/storeSetup.ts for the stores) and restores what it spies on. Checked
    // with files and cases shuffled, on two workers and on one (docs/decisions.md).
    isolate: false,
    // The JSON report lets .ci/run print one "N passed, N failed" line for the whole suite.
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
})
