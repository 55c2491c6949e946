import { useI18n } from 'vue-i18n'
import { toPercent, type ScoreSummary } from '@/domain/scoring'

/** Scores read as « 72 / 100 », always beside how many answers they rest on. */
export function useScoreFormat() {
  const { t } = useI18n()
  return {
    score: (summary: ScoreSummary) => (summary.score === null ? t('results.noScore') : String(toPercent(summary.score))),
    scoreOutOf100: (summary: ScoreSummary) =>
      summary.score === null ? t('results.noScore') : t('results.outOf100', { score: toPercent(summary.score) }),
    coverage: (summary: ScoreSummary) =>
      summary.coverage === null
        ? t('results.nothingApplicable')
        : t('results.coverage', { answered: summary.answered, applicable: summary.applicable, percent: toPercent(summary.coverage) }),
    chartValue: (summary: ScoreSummary) => (summary.score === null ? null : toPercent(summary.score)),
  }
}
