import { useI18n } from 'vue-i18n'
import { useLocale } from '@/i18n/useLocale'
import type { MaturityScale } from '@/domain/guide/schema'
import { actionTitleText, type ReportText } from '@/report/text'
import type { CsvText } from '@/report/csv'
import { useDates } from './useDates'
import { useIndicatorFormat } from './useIndicatorFormat'

/** The documents' words and formats in the UI language, handed to the lazy generators as plain functions. */
export function useReportText() {
  const { t, n } = useI18n()
  const locale = useLocale()
  const dates = useDates()
  const formatValue = useIndicatorFormat()
  const lang = () => locale.value

  function reportText(scale: MaturityScale): ReportText {
    const level = (l: number) => `${l} – ${scale.levels[l]?.label[lang()] ?? ''}`
    return {
      locale: lang(),
      t: (key, params) => t(`report.${key}`, params ?? {}),
      plural: (key, count, params) => t(`report.${key}`, { n: count, ...params }, count),
      day: dates.day,
      value: (unit, value, suffix) => formatValue(unit, value, suffix),
      target: (unit, target, comparator, suffix) => {
        if (target === null) return '–'
        const value = unit === 'level' ? level(target as number) : formatValue(unit, target, suffix)
        return typeof target === 'boolean'
          ? value
          : t(comparator === 'at-most' ? 'report.pdf.atMost' : 'report.pdf.atLeast', { value })
      },
      level,
      levelLabel: (l) => scale.levels[l]?.label[lang()] ?? '',
      legalForm: (form) => t(`legalForm.${form}`),
      status: (s) => t(`plan.status.${s}`),
      priority: (p) => t(`plan.priority.${p}`),
      signed: (delta) => (delta > 0 ? `+${n(delta)}` : delta < 0 ? `−${n(-delta)}` : '='),
    }
  }

  function csvText(scale: MaturityScale): CsvText {
    return {
      column: (key, params) => t(`report.csv.columns.${key}`, params ?? {}),
      answerState: (state) => t(`report.pdf.state.${state}`),
      levelLabel: (l) => scale.levels[l]?.label[lang()] ?? '',
      unit: (unit) => (unit === 'level' ? t('report.csv.columns.level') : t(`indicators.unit.${unit}`)),
      status: (s) => t(`plan.status.${s}`),
      priority: (p) => t(`plan.priority.${p}`),
      comparator: (c) => t(c === 'at-most' ? 'report.csv.atMost' : 'report.csv.atLeast'),
      actionTitle: (action) => actionTitleText(action, (key, params) => t(`report.${key}`, params ?? {})),
      yes: t('indicators.yes'),
      no: t('indicators.no'),
    }
  }

  return { reportText, csvText }
}
