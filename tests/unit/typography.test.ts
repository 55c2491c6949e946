import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CURRENT_GUIDE } from '@/domain/guide/current'
import { allFrench as fr } from '../setup/texts'

/**
 * French written as French: a no-break space before « : ; ? ! % » and inside « », never an ordinary one (a line
 * must not start with a lone « ? » on screen or on paper), and a curly apostrophe. Checked in the interface
 * strings, in the guide the app uses today and in the maturity scale.
 */
const ORDINARY_SPACE_BEFORE = /\u0020[:;?!%»]/
const ORDINARY_SPACE_AFTER_GUILLEMET = /«\u0020/
const STRAIGHT_APOSTROPHE = /\p{L}'\p{L}/u

function problems(where: string, text: string): string[] {
  const found: string[] = []
  for (const [rule, pattern] of [
    ['ordinary space before a sign', ORDINARY_SPACE_BEFORE],
    ['ordinary space after «', ORDINARY_SPACE_AFTER_GUILLEMET],
    ['straight apostrophe', STRAIGHT_APOSTROPHE],
  ] as const) {
    const match = pattern.exec(text)
    if (match) found.push(`${where}: ${rule} in « …${text.slice(Math.max(0, match.index - 20), match.index + 10)}… »`)
  }
  return found
}

/** Every string in a JSON value, with its path; `keep` says which keys hold French text. */
function strings(value: unknown, path = '', keep: (key: string) => boolean = () => true): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`, keep))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => (keep(k) ? strings(v, path ? `${path}.${k}` : k, keep) : []))
  return []
}

const NOT_TEXT = new Set([
  'id',
  'format',
  'language',
  'adoptedOn',
  'provenance',
  'unit',
  'domaineId',
  'indicatorId',
  'evidenceFor',
  'sources',
  'en',
  'legalForms',
  'excludedLegalForms',
  'kind',
  'renamed',
  'removed',
  'notesOnly',
])

describe('French typography', () => {
  it('in the interface strings', () => {
    expect(strings(fr).flatMap(([path, text]) => problems(`fr.${path}`, text))).toEqual([])
  })

  it('in the guide the app uses today and in the maturity scale', () => {
    const guideFile = `guide-data/guide.${CURRENT_GUIDE.guideId}.v${CURRENT_GUIDE.guideVersion}.json`
    const guide = JSON.parse(readFileSync(resolve(guideFile), 'utf8'))
    const scale = JSON.parse(readFileSync(resolve('guide-data/maturity-scale.json'), 'utf8'))
    const found = [
      ...strings(guide, '', (k) => !NOT_TEXT.has(k)).flatMap(([path, text]) => problems(`${guideFile} ${path}`, text)),
      ...strings(scale, '', (k) => !NOT_TEXT.has(k)).flatMap(([path, text]) =>
        problems(`maturity-scale ${path}`, text),
      ),
    ]
    expect(found).toEqual([])
  })
})
