import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import prettier from 'eslint-config-prettier'

// Browser APIs the domain must not reach for (it runs in Node at build time and in tests without a DOM).
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'location',
  'history',
  'HTMLElement',
  'Element',
  'Node',
  'Event',
  'CustomEvent',
  'matchMedia',
  'getComputedStyle',
  'fetch',
  'XMLHttpRequest',
  'requestAnimationFrame',
  'alert',
  'confirm',
  'prompt',
  'FileReader',
  'Blob',
  'File',
  'crypto',
  'setInterval',
  'caches',
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Formatting is left to the editor; these stylistic rules fight readable templates.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/no-v-html': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,vue}'],
    rules: { 'no-console': ['error', { allow: ['error', 'warn'] }] },
  },
  // Layers (docs/architecture.md): the domain is pure TypeScript.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'vue',
                'vue-*',
                '@vue/*',
                'pinia',
                'dexie',
                'dexie-*',
                'chart.js',
                'chart.js/*',
                '@/*',
                '**/db/*',
                '**/stores/*',
                '**/components/*',
                '**/pages/*',
                '**/composables/*',
                '**/i18n/*',
                '*.vue',
              ],
              message: 'src/domain is pure TypeScript: no Vue, pinia, Dexie, charts or UI.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS.map((name) => ({ name, message: 'src/domain must not touch the DOM or browser storage.' })),
      ],
    },
  },
  // Only src/db talks to IndexedDB; UI goes through the stores.
  {
    files: ['src/components/**/*.{ts,vue}', 'src/pages/**/*.{ts,vue}', 'src/composables/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie-*', '@/db/*', '**/db/*'],
              message: 'Components and pages use the stores, never Dexie or src/db directly.',
            },
          ],
        },
      ],
    },
  },
  // Documents and chart styles are made outside the UI: no Vue, no store, no database; their words come as plain
  // functions (ReportText), so the PDF code stays in its lazy chunk and runs in tests without a page.
  {
    files: ['src/report/**/*.ts', 'src/charts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'vue',
                'vue-*',
                '@vue/*',
                'pinia',
                'dexie',
                'dexie-*',
                '@/db/*',
                '@/stores/*',
                '@/components/*',
                '@/pages/*',
                '@/composables/*',
                '@/i18n/*',
                '*.vue',
              ],
              message:
                'src/report and src/charts make documents and chart styles: no Vue, stores, database or UI components.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/stores/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['dexie', 'dexie-*'], message: 'Stores call the repositories in src/db, never Dexie.' }],
        },
      ],
    },
  },
  // Formatting is Prettier's (`npm run format`); ESLint's own formatting rules are turned off.
  prettier,
)
