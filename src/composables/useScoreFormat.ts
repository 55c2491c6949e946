import { useI18n } from 'vue-i18n'
import { toPercent, type ScoreSummary } from '@/domain/scoring'
import { coverageText, scoreText, type Translate } from '@/report/text'

/** Scores read as « 72 sur 100 », always beside how many answers they rest on: the same words as the AG report. */
export function useScoreFormat() {
  const { t } = useI18n()
  const words: Translate = (key, params) => t(`report.${key}`, params ?? {})
  const line = (summary: ScoreSummary) => ({
    score: summary.score === null ? null : toPercent(summary.score),
    answered: summary.answered,
    applicable: summary.applicable,
    coverage: summary.coverage === null ? null : toPercent(summary.coverage),
  })
  return {
    score: (summary: ScoreSummary) =>
      summary.score === null ? scoreText(line(summary), words) : String(toPercent(summary.score)),
    scoreOutOf100: (summary: ScoreSummary) => scoreText(line(summary), words),
    coverage: (summary: ScoreSummary, ownLine = false) => coverageText(line(summary), words, ownLine),
    /** « 12 sur 12 (100 %) », in a table column already headed « Couverture ». */
    coverageCell: (summary: ScoreSummary) => {
      const l = line(summary)
      return l.coverage === null
        ? '–'
        : words('pdf.coverageCell', { answered: l.answered, applicable: l.applicable, percent: l.coverage })
    },
    chartValue: (summary: ScoreSummary) => (summary.score === null ? null : toPercent(summary.score)),
  }
}
