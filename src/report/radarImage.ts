import { Chart, Filler, Legend, LineElement, PointElement, RadarController, RadialLinearScale } from 'chart.js'
import { CHART_COLORS, SERIES_STYLES, radarAxisLabel, radarFill, type NoScoreWords } from '@/charts/style'

// Only what the radar draws; the screen's charts register their own parts (src/components/results/chartSetup.ts).
Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Legend)

/** The radar's canvas, in pixels: wider than high, so the side labels have room (Chart.js shrinks the web by half at most). */
export const RADAR_SIZE = { width: 1200, height: 900 }

/**
 * The radar of the theme scores as a PNG for the PDF, drawn by Chart.js on a canvas that never reaches the page.
 * White background: a transparent PNG prints grey on some printers.
 */
export function radarPng(
  labels: string[],
  series: { label: string; values: (number | null)[] }[],
  noScore: NoScoreWords,
): string {
  const canvas = document.createElement('canvas')
  canvas.width = RADAR_SIZE.width
  canvas.height = RADAR_SIZE.height
  const chart = new Chart(canvas, {
    type: 'radar',
    data: {
      labels: labels.map((l, i) =>
        radarAxisLabel(
          l,
          series.map((s) => ({ label: s.label, value: s.values[i] ?? null })),
          noScore,
          18,
        ),
      ),
      // No spanGaps: a theme without a score is a gap in the line, never a value between its neighbours.
      datasets: series.map((s, i) => ({
        label: s.label,
        data: s.values,
        ...SERIES_STYLES[i % SERIES_STYLES.length],
        borderWidth: 3,
        pointRadius: 5,
        spanGaps: false,
        fill: radarFill(s.values),
      })),
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      scales: {
        r: {
          min: 0,
          max: 100,
          ticks: { stepSize: 25, color: CHART_COLORS.text, backdropColor: 'transparent', font: { size: 18 } },
          grid: { color: CHART_COLORS.grid },
          pointLabels: { color: CHART_COLORS.text, font: { size: 22 } },
        },
      },
      plugins: {
        legend: { display: series.length > 1, labels: { font: { size: 22 }, color: CHART_COLORS.text } },
        tooltip: { enabled: false },
      },
    },
    plugins: [
      {
        id: 'white-background',
        beforeDraw: (c) => {
          c.ctx.save()
          c.ctx.fillStyle = '#ffffff'
          c.ctx.fillRect(0, 0, c.width, c.height)
          c.ctx.restore()
        },
      },
    ],
  })
  try {
    return chart.toBase64Image('image/png')
  } finally {
    chart.destroy()
  }
}
