import { describe, expect, it, vi } from 'vitest'
import type { SharedSheet } from '@/domain/files/practiceSheets'
import type { PictureGroup } from '@/domain/regionalPicture'
import type { NetworkText } from '@/report/network/networkText'
import { pictureCsv } from '@/report/network/regionalPicture'
import { parseCsv } from '../fixtures/csv'

// The documents' layout, without fetching DejaVu Sans (jsPDF's Helvetica stands in).
vi.mock('@/report/fonts', () => ({ FONT: 'helvetica', embedFonts: async () => {} }))
const { practiceSheetsPdf } = await import('@/report/network/practiceSheetPdf')

const text: NetworkText = {
  locale: 'fr',
  t: (key, params) => `${key}${params ? JSON.stringify(params) : ''}`,
  legalForm: (f) => f,
  region: (r) => r,
  sizeBand: (b) => b,
  day: (iso) => iso.slice(0, 10),
  score: (v) => (v === null ? '-' : String(Math.round(v * 100))),
  percent: (v) => `${Math.round(v * 100)} %`,
}
const sheet = (i: number): SharedSheet => ({
  id: `s${i}`,
  title: `Practice ${i}`,
  themeId: 'gov',
  domaineId: null,
  questionIds: [],
  description: 'What it is.',
  since: '2019',
  involved: '',
  results: '',
  advice: '',
  contact: '',
  guideId: 'csess-2016',
  guideVersion: 2,
  theme: { number: 1, label: 'Gouvernance' },
  domaine: null,
  questions: [],
  organisation: { name: `Org ${i}`, legalForm: 'scop', region: '53', sizeBand: '10-49' },
  updatedAt: '2026-01-01T00:00:00.000Z',
})
const pages = async (blob: Blob) =>
  (new TextDecoder('latin1').decode(await blob.arrayBuffer()).match(/\/Type \/Page\b(?!s)/g) ?? []).length

describe('practice sheets as PDF', () => {
  it('puts one sheet on one page', async () => {
    expect(await pages(await practiceSheetsPdf([sheet(1)], text))).toBe(1)
  })
  it('gives a booklet of seventy sheets a cover, a contents of three pages, then one page a sheet', async () => {
    const blob = await practiceSheetsPdf(
      Array.from({ length: 70 }, (_, i) => sheet(i)),
      text,
      { booklet: { title: 'Livret' } },
    )
    expect(await pages(blob)).toBe(1 + 3 + 70)
  })
})

describe('the regional picture as CSV', () => {
  const shown = { n: 6, hidden: false, mean: 0.5, median: 0.45, coverage: 0.9 }
  const group = (key: string, hidden: boolean): PictureGroup => ({
    key,
    n: 6,
    hidden,
    global: hidden ? { ...shown, hidden, mean: null, median: null, coverage: null } : shown,
    themes: new Map([['gov', hidden ? { ...shown, hidden } : shown]]),
    questions: new Map([
      [
        'gov.q1',
        hidden
          ? { n: 6, hidden, levels: [], na: 0, unknown: 0, none: 0 }
          : { n: 6, hidden, levels: [1, 0, 2, 2, 1], na: 0, unknown: 0, none: 0 },
      ],
    ]),
  })
  const csv = parseCsv(
    pictureCsv(
      {
        title: 'Panorama',
        guideTitle: 'Guide',
        scope: 'Tout',
        groupLabel: (key) => key,
        themes: [{ id: 'gov', number: 1, label: 'Gouvernance' }],
        questions: [{ id: 'gov.q1', themeId: 'gov', text: 'Des règles ?' }],
        total: 12,
        groups: [group('shown', false), group('masked', true)],
      },
      text,
    ),
  )

  it('gives every row the header’s columns, a hidden group its count and nothing else', () => {
    expect(csv).toHaveLength(1 + 2 * 3)
    for (const row of csv) expect(row).toHaveLength(csv[0]!.length)
    const question = csv.find((r) => r[0] === 'shown' && r[2] === 'Des règles ?')!
    expect(question.slice(3)).toEqual(['6', '', '', '', '1', '0', '2', '2', '1', '0', '0', '0', ''])
    for (const row of csv.filter((r) => r[0] === 'masked')) {
      expect(row[3]).toBe('6')
      expect(row.slice(4, -1).every((cell) => cell === '')).toBe(true)
    }
  })
})
