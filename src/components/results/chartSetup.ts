import {
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  RadialLinearScale,
  Tooltip,
} from 'chart.js'

// Tree-shaken registration: only what the results charts draw. This module is only reached through lazy components.
Chart.register(RadialLinearScale, PointElement, LineElement, Filler, Tooltip, Legend, BarElement, CategoryScale, LinearScale)

export const CHART_COLORS = {
  primary: '#1d4e5f',
  primaryFill: 'rgba(29, 78, 95, 0.2)',
  grid: '#b9c1c6',
  text: '#1c2327',
}

/** Honour the user's reduced-motion setting in every chart. */
export function animationSetting(): false | undefined {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? false : undefined
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
