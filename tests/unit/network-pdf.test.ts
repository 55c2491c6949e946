import { describe, expect, it, vi } from 'vitest'
import type { SharedSheet } from '@/domain/files/practiceSheets'
import type { NetworkText } from '@/report/network/networkText'

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
