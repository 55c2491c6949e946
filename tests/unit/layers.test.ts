import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The layers of docs/architecture.md are enforced by lint; this proves the rules fire, not just that they are written.
const eslint = new ESLint()
async function ruleIds(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((m) => m.ruleId)
}

describe('lint keeps the layers apart', () => {
  it('forbids Vue, pinia, Dexie and the DOM in src/domain', async () => {
    expect(await ruleIds("import { ref } from 'vue'\nexport const r = ref(1)\n", 'src/domain/example.ts')).toContain(
      'no-restricted-imports',
    )
    expect(await ruleIds("import Dexie from 'dexie'\nexport const d = Dexie\n", 'src/domain/example.ts')).toContain(
      'no-restricted-imports',
    )
    expect(
      await ruleIds("import { defineStore } from 'pinia'\nexport const s = defineStore\n", 'src/domain/example.ts'),
    ).toContain('no-restricted-imports')
    expect(await ruleIds('export const title = document.title\n', 'src/domain/example.ts')).toContain(
      'no-restricted-globals',
    )
  })

  it('forbids Dexie and src/db in components and pages', async () => {
    expect(
      await ruleIds("import Dexie from 'dexie'\nexport const d = Dexie\n", 'src/components/example/Example.ts'),
    ).toContain('no-restricted-imports')
    expect(
      await ruleIds("import { database } from '@/db/database'\nexport const d = database\n", 'src/pages/example.ts'),
    ).toContain('no-restricted-imports')
  })

  it('keeps the documents and chart styles free of Vue, stores and UI components', async () => {
    expect(
      await ruleIds("import { useI18n } from 'vue-i18n'\nexport const u = useI18n\n", 'src/report/example.ts'),
    ).toContain('no-restricted-imports')
    expect(
      await ruleIds(
        "import { CHART_COLORS } from '@/components/results/chartSetup'\nexport const c = CHART_COLORS\n",
        'src/report/example.ts',
      ),
    ).toContain('no-restricted-imports')
    expect(
      await ruleIds(
        "import { useHistoryStore } from '@/stores/history'\nexport const h = useHistoryStore\n",
        'src/charts/example.ts',
      ),
    ).toContain('no-restricted-imports')
    expect(
      await ruleIds(
        "import { CHART_COLORS } from '@/charts/style'\nexport const c = CHART_COLORS\n",
        'src/report/example.ts',
      ),
    ).toEqual([])
  })

  it('lets the db layer use Dexie', async () => {
    expect(await ruleIds("import Dexie from 'dexie'\nexport const d = Dexie\n", 'src/db/example.ts')).toEqual([])
  })
})
