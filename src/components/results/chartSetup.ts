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
// vue-chartjs registers each chart's controller itself.
Chart.register(
  RadialLinearScale,
  PointElement,
  LineElement,
  Filler,
  Tooltip,
  Legend,
  BarElement,
  CategoryScale,
  LinearScale,
)

/** Honour the user's reduced-motion setting in every chart. */
export function animationSetting(): false | undefined {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? false : undefined
}
