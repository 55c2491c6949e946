/**
 * How charts look, on screen (src/components/results) and in the PDF (src/report): one palette, one set of series
 * styles, one way to wrap labels, so the radar the AG sees on paper reads like the one on the results page. Plain
 * data, no Chart.js: each side registers the Chart.js parts it draws with.
 */
export const CHART_COLORS = {
  primary: '#1d4e5f',
  primaryFill: 'rgba(29, 78, 95, 0.2)',
  grid: '#b9c1c6',
  text: '#1c2327',
}

/**
 * Series are told apart by colour and by point shape and dash, so they stay distinct in grey on paper and for
 * people who do not see colours (WCAG 1.4.1).
 */
export const SERIES_STYLES = [
  {
    borderColor: '#1d4e5f',
    backgroundColor: 'rgba(29, 78, 95, 0.2)',
    pointBackgroundColor: '#1d4e5f',
    pointStyle: 'circle' as const,
    borderDash: [],
  },
  {
    borderColor: '#b4530a',
    backgroundColor: 'rgba(180, 83, 10, 0.15)',
    pointBackgroundColor: '#b4530a',
    pointStyle: 'rectRot' as const,
    borderDash: [6, 4],
  },
  {
    borderColor: '#5b3f8c',
    backgroundColor: 'rgba(91, 63, 140, 0.15)',
    pointBackgroundColor: '#5b3f8c',
    pointStyle: 'triangle' as const,
    borderDash: [2, 3],
  },
  {
    borderColor: '#1e6b3a',
    backgroundColor: 'rgba(30, 107, 58, 0.15)',
    pointBackgroundColor: '#1e6b3a',
    pointStyle: 'rect' as const,
    borderDash: [10, 3],
  },
]

/**
 * One style per theme for charts that draw the eight themes at once (the comparison's lines): the Okabe-Ito
 * colour-blind-safe hues, darkened to a 3:1 contrast on white at least (WCAG 1.4.11), each with its own point shape
 * and dash, so no two themes look alike in colour, in grey or without colour. Points also carry the theme's number.
 */
export const THEME_STYLES = [
  { borderColor: '#0072B2', pointStyle: 'circle' as const, borderDash: [] },
  { borderColor: '#D55E00', pointStyle: 'rect' as const, borderDash: [6, 4] },
  { borderColor: '#007A5A', pointStyle: 'triangle' as const, borderDash: [2, 3] },
  { borderColor: '#A8417F', pointStyle: 'rectRot' as const, borderDash: [10, 3] },
  { borderColor: '#1c2327', pointStyle: 'star' as const, borderDash: [8, 3, 2, 3] },
  { borderColor: '#8A6100', pointStyle: 'crossRot' as const, borderDash: [4, 4] },
  { borderColor: '#6B7280', pointStyle: 'rectRounded' as const, borderDash: [1, 2] },
  { borderColor: '#8B1E3F', pointStyle: 'cross' as const, borderDash: [12, 4, 2, 4] },
].map((style) => ({ ...style, backgroundColor: style.borderColor, pointBackgroundColor: style.borderColor }))

/** The words a radar needs for a theme without a score: for every series, or for some of them (« sans score en 2025 »). */
export interface NoScoreWords {
  all: string
  some: (seriesLabels: string) => string
}

/**
 * A radar axis's label: the theme's name, wrapped, and « sans score » under it when a series has no value there (the
 * point is not drawn and the line is not joined across it: Chart.js `spanGaps` stays off). With several series, it
 * says which ones, so a gap in this year's line is not read as last year's value.
 */
export function radarAxisLabel(
  label: string,
  series: ReadonlyArray<{ label: string; value: number | null }>,
  words: NoScoreWords,
  width = 28,
): string[] {
  const lines = wrapLabel(label, width)
  const missing = series.filter((s) => s.value === null)
  if (missing.length === 0) return lines
  const note = missing.length === series.length ? words.all : words.some(missing.map((s) => s.label).join(', '))
  return [...lines, `(${note})`]
}

/**
 * A series with a gap is drawn as a line only: Chart.js would close its filled area through the centre, which reads as
 * a score of 0 on the missing theme.
 */
export function radarFill(values: ReadonlyArray<number | null>): boolean {
  return values.every((v) => v !== null)
}

/** Chart.js does not wrap axis labels; long domaine names are split into lines of about `width` characters. */
export function wrapLabel(label: string, width = 28): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of label.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}
