import { describe, expect, it } from 'vitest'
import en from '@/i18n/en'
import fr from '@/i18n/fr'

type Tree = { [key: string]: string | Tree }
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}.`)))
}

describe('UI strings', () => {
  it('has every French key in English, and no other', () => {
    expect(leaves(en).map(([k]) => k).sort()).toEqual(leaves(fr).map(([k]) => k).sort())
  })

  it('has no empty message and no vue-i18n special character used by mistake', () => {
    for (const [key, text] of [...leaves(fr), ...leaves(en)]) {
      expect(text.trim(), key).not.toBe('')
      expect(text, key).not.toMatch(/@|\$/)
    }
  })
})
