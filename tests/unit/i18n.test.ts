import { describe, expect, it } from 'vitest'
import en from '@/i18n/en'
import first from '@/i18n/fr'
import more from '@/i18n/fr.more'
import { allFrench } from '../setup/texts'

type Tree = { [key: string]: string | Tree }
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}.`),
  )
}
/** The French texts are split in two files (the first screen's, the other pages'): together, every key. */
const fr = allFrench

describe('UI strings', () => {
  it('splits the French texts without a key in both files', () => {
    const firstKeys = new Set(leaves(first).map(([k]) => k))
    expect(leaves(more).filter(([k]) => firstKeys.has(k))).toEqual([])
  })

  it('has every French key in English, and no other', () => {
    expect(
      leaves(en)
        .map(([k]) => k)
        .sort(),
    ).toEqual(
      leaves(fr)
        .map(([k]) => k)
        .sort(),
    )
  })

  it('has no empty message and no vue-i18n special character used by mistake', () => {
    for (const [key, text] of [...leaves(fr), ...leaves(en)]) {
      expect(text.trim(), key).not.toBe('')
      expect(text, key).not.toMatch(/@|\$/)
    }
  })
})

describe('keys used in the code', () => {
  it('all exist in the French messages (static keys; dynamic ones are checked by the e2e pages)', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs')
    const { join } = await import('node:path')
    const files: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.(vue|ts)$/.test(name)) files.push(path)
      }
    }
    walk('src')
    const known = new Set(leaves(fr).map(([k]) => k))
    // Plural or nested parents are not leaves, so accept a key that prefixes known ones too.
    const exists = (key: string) => known.has(key) || [...known].some((k) => k.startsWith(`${key}.`))
    const missing: string[] = []
    // The document generators and the report preview get their words through ReportText, keyed under `report.`; the
    // network's documents through NetworkText, under `network.`.
    const prefixOf = (file: string) =>
      /src\/report\/network\//.test(file) ? 'network.' : /src\/report\/|ReportPreview\.vue$/.test(file) ? 'report.' : ''
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        const key = `${prefixOf(file)}${match[1]}`
        if (!exists(key)) missing.push(`${file}: ${key}`)
      }
    }
    expect(files.length).toBeGreaterThan(10)
    expect(missing).toEqual([])
  })
})
