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
  { borderColor: '#1d4e5f', backgroundColor: 'rgba(29, 78, 95, 0.2)', pointBackgroundColor: '#1d4e5f', pointStyle: 'circle' as const, borderDash: [] },
  { borderColor: '#b4530a', backgroundColor: 'rgba(180, 83, 10, 0.15)', pointBackgroundColor: '#b4530a', pointStyle: 'rectRot' as const, borderDash: [6, 4] },
  { borderColor: '#5b3f8c', backgroundColor: 'rgba(91, 63, 140, 0.15)', pointBackgroundColor: '#5b3f8c', pointStyle: 'triangle' as const, borderDash: [2, 3] },
  { borderColor: '#1e6b3a', backgroundColor: 'rgba(30, 107, 58, 0.15)', pointBackgroundColor: '#1e6b3a', pointStyle: 'rect' as const, borderDash: [10, 3] },
]

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
