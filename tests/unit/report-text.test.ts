import { describe, expect, it } from 'vitest'
import { radarAxisLabel, radarFill } from '@/charts/style'
import { i18n } from '@/i18n'
import { changesText } from '@/report/agReportPdf'

/** The report's words through the app's own i18n (plural forms included), as useReportText hands them over. */
const t = (key: string, params: Record<string, string | number> = {}) => i18n.global.t(`report.${key}`, params)
const plural = (key: string, count: number, params: Record<string, string | number> = {}) =>
  i18n.global.t(`report.${key}`, { n: count, ...params }, count)

describe('the report’s sentences', () => {
  it('counts changes since last year in words that agree with the number, never « question(s) »', () => {
    expect(changesText({ better: 2, worse: 1, same: 0 }, 2024, { t, plural })).toBe(
      'Depuis 2024\u00a0: 2 questions en progrès, une en recul, aucune stable.',
    )
    expect(changesText({ better: 0, worse: 3, same: 5 }, 2024, { t, plural })).toBe(
      'Depuis 2024\u00a0: aucune question en progrès, 3 en recul, 5 stables.',
    )
  })

  it('says a score out of 100 in words, not as a school mark', () => {
    expect(t('pdf.outOf100', { score: 52 })).toBe('52 sur 100')
  })

  it('names the publisher once, without nested parentheses', () => {
    const made = t('pdf.madeWith', {
      date: '1er décembre 2026',
      guide: 'Guide des bonnes pratiques de l’ESS',
      publisher: 'Conseil supérieur de l’économie sociale et solidaire (CSESS)',
    })
    expect(made).not.toMatch(/\([^)]*\(/)
  })
})

describe('radar axes', () => {
  const words = { all: 'sans score', some: (series: string) => `sans score en ${series}` }
  const at = (...values: (number | null)[]) => values.map((value, i) => ({ label: String(2025 - i), value }))
  it('marks a theme no series scored « sans score », and leaves a scored one as it is', () => {
    expect(radarAxisLabel('Territorialité', at(null, null), words)).toEqual(['Territorialité', '(sans score)'])
    expect(radarAxisLabel('Territorialité', at(null, 40), words)).toEqual(['Territorialité', '(sans score en 2025)'])
    expect(radarAxisLabel('Territorialité', at(40, 27), words)).toEqual(['Territorialité'])
    expect(radarFill([40, null, 30])).toBe(false)
    expect(radarFill([40, 0, 30])).toBe(true)
  })

  it('wraps a long theme name at the width asked', () => {
    expect(radarAxisLabel('Politique salariale et exemplarité sociale', at(50), words, 12)).toEqual([
      'Politique',
      'salariale et',
      'exemplarité',
      'sociale',
    ])
  })
})
