import { useI18n } from 'vue-i18n'
import { toPercent, type CoveredScore } from '@/domain/scoring'
import { coverageText, scoreText, type Translate } from '@/report/text'

/** Scores read as « 72 sur 100 », always beside how many answers they rest on: the same words as the AG report. */
export function useScoreFormat() {
  const { t } = useI18n()
  const words: Translate = (key, params) => t(`report.${key}`, params ?? {})
  const line = (score: CoveredScore) => ({
    score: score.score === null ? null : toPercent(score.score),
    answered: score.answered,
    applicable: score.applicable,
    coverage: score.coverage === null ? null : toPercent(score.coverage),
  })
  return {
    score: (score: CoveredScore) =>
      score.score === null ? scoreText(line(score), words) : String(toPercent(score.score)),
    scoreOutOf100: (score: CoveredScore) => scoreText(line(score), words),
    coverage: (score: CoveredScore, ownLine = false) => coverageText(line(score), words, ownLine),
    /** « 12 sur 12 (100 %) », in a table column already headed « Couverture ». */
    coverageCell: (score: CoveredScore) => {
      const l = line(score)
      return l.coverage === null
        ? '–'
        : words('pdf.coverageCell', { answered: l.answered, applicable: l.applicable, percent: l.coverage })
    },
    chartValue: (score: CoveredScore) => (score.score === null ? null : toPercent(score.score)),
  }
}
