import type { ActionPriority, ActionStatus } from '@/domain/actions'
import type { IndicatorUnit } from '@/domain/guide/schema'
import type { IndicatorValue } from '@/domain/indicators'
import type { Comparator, Target } from '@/domain/objectives'
import { legalFormReading, type LegalForm } from '@/domain/organisation'
import type { ReportAction, ReportModel, ScoreLine } from '@/domain/report/model'
import type { DisputedQuestion, ReportThemeWorkshop, ReportWorkshop } from '@/domain/report/workshop'

/**
 * Everything the documents need from the UI language, so the generators stay free of vue-i18n (they run in a
 * lazy chunk) and can be driven by the tests with plain functions. Keys are relative to `report.`.
 */
export interface ReportText {
  locale: 'fr' | 'en'
  t(key: string, params?: Record<string, string | number>): string
  /** A message with its plural forms (« aucune | une | {n} »), chosen by `count`. */
  plural(key: string, count: number, params?: Record<string, string | number>): string
  /** « 12 juin 2026 » */
  day(iso: string): string
  /** « 42,5 % », « 1 234,56 € », « oui » */
  value(unit: IndicatorUnit, value: IndicatorValue | null, suffix?: string): string
  /** « au moins 3 – Pratique établie », « au plus 10 % » */
  target(unit: IndicatorUnit | 'level', target: Target, comparator: Comparator, suffix?: string): string
  /** « 3 – Pratique établie » */
  level(level: number): string
  /** « Pratique établie »: the level's name, from the maturity scale file. */
  levelLabel(level: number): string
  legalForm(form: LegalForm): string
  status(status: ActionStatus): string
  priority(priority: ActionPriority): string
  /** « +7 », « −3 », « = » */
  signed(delta: number): string
}

/** The steps a user sees while a document is made. */
export type PdfStep = 'font' | 'chart' | 'layout' | 'file'

/** Messages under `report.`, in the UI language. */
export type Translate = ReportText['t']

/**
 * « 62 / 100 », or why there is no score. The one wording of a score, on the results page, in the preview and in
 * both PDFs (scores in percent, as the report model gives them).
 */
export function scoreText(line: Pick<ScoreLine, 'score' | 'applicable'>, t: Translate): string {
  if (line.score !== null) return t('pdf.outOf100', { score: line.score })
  // A theme of facts and reflections only, or whose scored questions all were set aside: it has no score to wait for.
  return line.applicable === 0 ? t('pdf.nothingScored') : t('pdf.noScore')
}

/**
 * « réponses : 70 sur 78 questions notées (90 %) », beside every score, or « Réponses… » on a line of its own; empty
 * when no scored question applies (the score's own text says so).
 */
export function coverageText(
  line: Pick<ScoreLine, 'answered' | 'applicable' | 'coverage'>,
  t: Translate,
  ownLine = false,
): string {
  if (line.coverage === null) return ''
  const text = t('pdf.coverage', { answered: line.answered, applicable: line.applicable, percent: line.coverage })
  return ownLine ? sentence(text) : text
}

/** A message that may start a line (« pas encore de score · … ») with its first letter capitalised. */
export function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

/**
 * The report's opening sentence on the law, said as it applies to the organisation's legal form: an ESS form « in
 * accordance with article 3 », a fondation presenting to its board as a reading of it, others on a voluntary basis.
 */
export function approachGuideText(report: Pick<ReportModel, 'organisation' | 'guide' | 'year'>, t: Translate): string {
  const params = {
    guide: report.guide.title,
    publisher: report.guide.publisher,
    year: report.year,
    org: t(`org.${report.organisation.legalForm}`),
  }
  const reading = legalFormReading(report.organisation.legalForm)
  return t(
    reading === 'fondation'
      ? 'pdf.approachGuideFondation'
      : reading === 'voluntary'
        ? 'pdf.approachGuideVoluntary'
        : 'pdf.approachGuide',
    params,
  )
}

/** An action's title as the reader sees it: its own, or « Progresser : <question> » for one made in one click. */
export function actionTitleText(action: Pick<ReportAction, 'title' | 'question'>, t: Translate): string {
  return action.title.trim() || t('pdf.actionFromQuestion', { question: action.question ?? '–' })
}

/** « Atelier collectif : 5 personnes (2 administrateur·rices, 3 salarié·es). », or the names when chosen. */
export function workshopPeopleText(workshop: ReportWorkshop, text: Pick<ReportText, 't' | 'plural'>): string {
  const list = workshop.names
    ? workshop.names.map((p) => `${p.name} (${text.t(`pdf.roleName.${p.role}`)})`).join(', ')
    : `${text.plural('pdf.workshopPeopleCount', workshop.people, { n: workshop.people })} (${workshop.byRole.map((r) => text.plural(`pdf.roleCount.${r.role}`, r.count, { n: r.count })).join(', ')})`
  return text.t('pdf.workshopPeople', { list })
}

/** A theme's workshop in the report: who gave a view, then each disputed question with its spread and the agreed answer. */
export function themeWorkshopText(
  workshop: ReportThemeWorkshop,
  text: Pick<ReportText, 't' | 'plural' | 'level'>,
): { people: string; disputed: string; items: string[] } {
  const agreed = (rating: DisputedQuestion['agreed']) =>
    rating === null
      ? text.t('pdf.workshopNoAgreed')
      : rating === 'na'
        ? text.t('pdf.state.not-applicable')
        : rating === 'unknown'
          ? text.t('pdf.state.unknown')
          : text.level(rating)
  return {
    people: text.plural('pdf.workshopThemePeople', workshop.people, { n: workshop.people }),
    disputed: text.plural('pdf.workshopDisputed', workshop.disputed.length, { n: workshop.disputed.length }),
    items: workshop.disputed.map((q) => {
      const views = text.plural('pdf.workshopViews', q.views, { n: q.views })
      const line =
        q.min !== null && q.max !== null && q.max > q.min
          ? text.t('pdf.workshopQuestion', {
              n: q.n,
              text: q.text,
              min: q.min,
              max: q.max,
              views,
              agreed: agreed(q.agreed),
            })
          : text.t('pdf.workshopQuestionFlagged', { n: q.n, text: q.text, views, agreed: agreed(q.agreed) })
      return q.dissent ? `${line} ${text.t('pdf.workshopDissent', { text: q.dissent })}` : line
    }),
  }
}
