import { jsPDF } from 'jspdf'
import type { AnnexQuestion, ReportModel, ReportTheme, ScoreLine } from '@/domain/report/model'
import { embedFonts } from './fonts'
import { COLORS, PdfWriter } from './pdfWriter'
import { RADAR_SIZE, radarPng } from './radarImage'
import {
  actionTitleText,
  approachGuideText,
  coverageText,
  scoreText,
  sentence,
  themeWorkshopText,
  workshopPeopleText,
  type PdfStep,
  type ReportText,
} from './text'

export interface PdfOptions {
  onStep?: (step: PdfStep) => void
}

/** Lets the page paint the progress message between long steps. */
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0))

export function newDocument(text: ReportText, title: string, subject: string, author: string): jsPDF {
  // compress: without it the same report is twenty times larger (1.4 MB against 68 KB when it was measured).
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true })
  doc.setProperties({ title, subject, author, creator: 'Cap ESS', keywords: text.t('pdf.keywords') })
  doc.viewerPreferences({ DisplayDocTitle: true })
  return doc
}

function evolutionText(line: ScoreLine, text: ReportText, previousYear: number | null): string {
  if (previousYear === null) return ''
  if (line.previous === null) return text.t('pdf.noPrevious', { year: previousYear })
  // No score this year: last year's stands alone, there is no evolution to tell.
  if (line.delta === null) return text.t('pdf.previousOnly', { year: previousYear, score: line.previous })
  if (line.delta === 0) return text.t('pdf.evolutionStable', { year: previousYear, score: line.previous })
  return text.t('pdf.evolution', { year: previousYear, score: line.previous, delta: text.signed(line.delta) })
}

/** « Depuis 2024 : 2 questions en progrès, une en recul, aucune stable. » */
export function changesText(
  changes: { better: number; worse: number; same: number },
  year: number | string,
  text: Pick<ReportText, 't' | 'plural'>,
): string {
  return text.t('pdf.changes', {
    year,
    better: text.plural('pdf.changesBetter', changes.better),
    worse: text.plural('pdf.changesWorse', changes.worse),
    same: text.plural('pdf.changesSame', changes.same),
  })
}

function cover(w: PdfWriter, report: ReportModel, text: ReportText) {
  const { doc } = w
  w.y = 40
  w.text('Cap ESS', { size: 11, bold: true, color: COLORS.primary, gapAfter: 16 })
  w.text(text.t('pdf.title'), { size: 20, bold: true, color: COLORS.primary, gapAfter: 14 })
  w.text(report.organisation.name, { size: 24, bold: true, gapAfter: 3 })
  const identity = [
    text.legalForm(report.organisation.legalForm),
    report.organisation.siren ? `SIREN ${report.organisation.siren}` : '',
  ]
    .filter(Boolean)
    .join(' · ')
  w.text(identity, { size: 11, color: COLORS.muted, gapAfter: 14 })
  w.text(text.t('pdf.exercise', { year: report.year }), { size: 16, bold: true, gapAfter: 4 })
  w.text(
    report.presentedAt ? text.t('pdf.presentedAt', { date: text.day(report.presentedAt) }) : text.t('pdf.agDateToFill'),
    { size: 12, gapAfter: 4 },
  )
  w.text(
    report.status === 'completed' && report.completedAt
      ? text.t('pdf.completedOn', { date: text.day(report.completedAt) })
      : text.t('pdf.draft'),
    {
      size: 11,
      bold: report.status !== 'completed',
      color: report.status === 'completed' ? COLORS.muted : '#9a3412',
    },
  )
  w.y = 250
  doc.setDrawColor(COLORS.rule)
  doc.line(w.left, w.y - 4, w.left + w.width, w.y - 4)
  w.text(
    text.t('pdf.madeWith', {
      date: text.day(new Date().toISOString()),
      guide: report.guide.shortTitle,
      publisher: report.guide.publisher,
    }),
    { size: 9, color: COLORS.muted },
  )
}

function approach(w: PdfWriter, report: ReportModel, text: ReportText) {
  w.heading(text.t('pdf.approach'), 1)
  w.text(approachGuideText(report, text.t))
  w.text(text.t('pdf.retained', { count: report.approach.retained.length }), { bold: true, gapAfter: 1 })
  w.bullets(report.approach.retained.map((t) => `${t.number}. ${t.title}`))
  if (report.approach.notRetained.length > 0) {
    w.text(text.t('pdf.notRetained'), { bold: true, gapAfter: 1 })
    w.bullets(report.approach.notRetained.map((t) => `${t.number}. ${t.shortLabel}`))
  }
  w.text(text.t('pdf.why'), { bold: true, gapAfter: 1 })
  w.text(report.approach.text.trim() || text.t('pdf.whyDefault'))
  w.text(text.t('pdf.participants'), { bold: true, gapAfter: 1 })
  w.text(report.approach.participants.trim() || text.t('pdf.participantsUnknown'))
  if (report.approach.workshop) w.text(workshopPeopleText(report.approach.workshop, text))
  w.text(text.t('pdf.method', { first: text.levelLabel(0).toLowerCase(), last: text.levelLabel(4).toLowerCase() }), {
    color: COLORS.muted,
    size: 9,
  })
}

function overview(w: PdfWriter, report: ReportModel, text: ReportText, radar: string | null) {
  w.heading(text.t('pdf.results'), 1)
  w.text(`${text.t('pdf.globalScore')}${text.t('pdf.sep')}${scoreText(report.global, text.t)}`, {
    size: 14,
    bold: true,
    gapAfter: 1,
  })
  if (coverageText(report.global, text.t)) w.text(coverageText(report.global, text.t, true), { gapAfter: 1 })
  const evolution =
    report.approach.previousYear !== null && !report.approach.sameThemesAsPrevious
      ? text.t('pdf.globalNotComparable', { year: report.approach.previousYear })
      : evolutionText(report.global, text, report.approach.previousYear)
  if (evolution) w.text(evolution)
  w.space(2)
  const hasPrevious = report.approach.previousYear !== null
  w.table(
    [
      text.t('pdf.theme'),
      text.t('pdf.score'),
      text.t('pdf.coverageColumn'),
      ...(hasPrevious ? [String(report.approach.previousYear), text.t('pdf.delta')] : []),
    ],
    report.themes.map((t) => [
      `${t.number}. ${t.shortLabel}`,
      t.score.score === null ? '–' : String(t.score.score),
      t.score.coverage === null
        ? '–'
        : text.t('pdf.answeredOf', { answered: t.score.answered, applicable: t.score.applicable }),
      ...(hasPrevious
        ? [
            t.score.previous === null ? '–' : String(t.score.previous),
            t.score.delta === null ? '–' : text.signed(t.score.delta),
          ]
        : []),
    ]),
    {
      columnStyles: {
        1: { halign: 'right', cellWidth: 31 },
        2: { cellWidth: 25 },
        3: { halign: 'right', cellWidth: 16 },
        4: { halign: 'right', cellWidth: 22 },
      },
    },
  )
  if (radar) {
    w.text(text.t('pdf.radarCaption'), { size: 9, color: COLORS.muted, gapAfter: 1 })
    w.image(radar, 160, (160 * RADAR_SIZE.height) / RADAR_SIZE.width)
  }
}

function objectivesTables(w: PdfWriter, theme: ReportTheme, report: ReportModel, text: ReportText) {
  if (theme.review.length > 0) {
    w.heading(text.t('pdf.review', { year: report.approach.previousYear ?? '' }), 3)
    w.table(
      [text.t('pdf.subject'), text.t('pdf.target'), text.t('pdf.result'), text.t('pdf.met')],
      theme.review.map((o) => [
        o.label,
        text.target(o.unit, o.oneYear, o.comparator, o.suffix),
        o.unit === 'level'
          ? o.actual === null
            ? text.t('pdf.noValue')
            : text.level(o.actual as number)
          : text.value(o.unit, o.actual, o.suffix),
        o.met === null ? text.t('pdf.metUnknown') : o.met ? text.t('pdf.metYes') : text.t('pdf.metNo'),
      ]),
      { columnStyles: { 0: { cellWidth: 74 }, 3: { cellWidth: 24 } } },
    )
  }
  w.heading(text.t('pdf.objectives'), 3)
  if (theme.objectives.length === 0) w.text(text.t('pdf.noObjectives'), { color: COLORS.muted })
  else
    w.table(
      [text.t('pdf.subject'), text.t('pdf.oneYear'), text.t('pdf.threeYear')],
      theme.objectives.map((o) => [
        o.label,
        text.target(o.unit, o.oneYear, o.comparator, o.suffix),
        text.target(o.unit, o.threeYear, o.comparator, o.suffix),
      ]),
      { columnStyles: { 0: { cellWidth: 100 } } },
    )
}

function themeSection(w: PdfWriter, theme: ReportTheme, report: ReportModel, text: ReportText) {
  w.heading(`${text.t('pdf.themeHeading', { number: theme.number })} ${theme.shortLabel}`, 2)
  w.text(theme.title, { color: COLORS.muted, size: 9 })
  w.text(sentence([scoreText(theme.score, text.t), coverageText(theme.score, text.t)].filter(Boolean).join(' · ')), {
    bold: true,
    gapAfter: 1,
  })
  const evolution = evolutionText(theme.score, text, report.approach.previousYear)
  if (evolution) w.text(evolution, { gapAfter: 1 })
  if (theme.changes && theme.score.previous !== null)
    w.text(changesText(theme.changes, report.approach.previousYear ?? '', text), { gapAfter: 1 })
  if (theme.workshop) {
    const workshop = themeWorkshopText(theme.workshop, text)
    w.heading(text.t('pdf.workshopTitle'), 3)
    w.text(workshop.people, { gapAfter: 1 })
    w.text(workshop.disputed, { gapAfter: 1 })
    if (workshop.items.length) w.bullets(workshop.items)
  }
  w.space(1)
  w.table(
    [text.t('pdf.domaine'), text.t('pdf.score'), text.t('pdf.coverageColumn')],
    theme.domaines.map((d) => [
      d.label,
      d.score.score === null ? '–' : String(d.score.score),
      d.score.coverage === null
        ? '–'
        : text.t('pdf.answeredOf', { answered: d.score.answered, applicable: d.score.applicable }),
    ]),
    { columnStyles: { 1: { halign: 'right', cellWidth: 31 }, 2: { cellWidth: 25 } } },
  )
  w.heading(text.t('pdf.strengths'), 3)
  if (theme.strengths.length) w.bullets(theme.strengths.map((s) => `${s.text} (${text.level(s.level)})`))
  else w.text(text.t('pdf.noStrengths'), { color: COLORS.muted })
  w.heading(text.t('pdf.axes'), 3)
  if (theme.axes.length) w.bullets(theme.axes.map((s) => `${s.text} (${text.level(s.level)})`))
  else w.text(text.t('pdf.noAxes'), { color: COLORS.muted })
  objectivesTables(w, theme, report, text)
  if (theme.actions.length) {
    w.heading(text.t('pdf.actions'), 3)
    actionsTable(w, theme.actions, text)
  }
  if (theme.indicators.length) {
    w.heading(text.t('pdf.indicators'), 3)
    const hasPrevious = report.approach.previousYear !== null
    w.table(
      [
        text.t('pdf.indicator'),
        String(report.year),
        ...(hasPrevious ? [String(report.approach.previousYear), text.t('pdf.trend')] : []),
      ],
      theme.indicators.map((i) => [
        i.note ? `${i.label}\n${i.note}` : i.label,
        text.value(i.unit, i.value, i.suffix),
        ...(hasPrevious
          ? [text.value(i.unit, i.previous, i.suffix), i.trend ? text.t(`pdf.trends.${i.trend}`) : '–']
          : []),
      ]),
      { columnStyles: { 0: { cellWidth: 90 } } },
    )
  }
}

function actionsTable(w: PdfWriter, actions: ReportModel['otherActions'], text: ReportText) {
  w.table(
    [text.t('pdf.action'), text.t('pdf.status'), text.t('pdf.owner'), text.t('pdf.due')],
    actions.map((a) => [
      actionTitleText(a, text.t),
      text.status(a.status),
      a.owner || '–',
      a.dueDate ? text.day(a.dueDate) : '–',
    ]),
    { columnStyles: { 0: { cellWidth: 85 } } },
  )
}

function debate(w: PdfWriter, report: ReportModel, text: ReportText) {
  w.heading(text.t('pdf.debate'), 1)
  // Once the AG has been held and its debate written down, the page reports it; before, it says what to fill in.
  const held =
    report.presentedAt !== null &&
    (report.debate.questionsRaised.trim() !== '' || report.debate.objectivesAdopted.trim() !== '')
  w.text(text.t(held ? 'pdf.debateIntroDone' : 'pdf.debateIntro'), { color: COLORS.muted })
  w.text(text.t('pdf.agDate'), { bold: true, gapAfter: 1 })
  if (report.presentedAt) w.text(text.day(report.presentedAt))
  else w.writingLines(1)
  w.text(text.t('pdf.questionsRaised'), { bold: true, gapAfter: 1 })
  if (report.debate.questionsRaised.trim()) w.text(report.debate.questionsRaised)
  else w.writingLines(8)
  w.text(text.t('pdf.objectivesAdopted'), { bold: true, gapAfter: 1 })
  if (report.debate.objectivesAdopted.trim()) w.text(report.debate.objectivesAdopted)
  else w.writingLines(8)
}

function answerCell(q: AnnexQuestion, text: ReportText): string {
  switch (q.state) {
    case 'answered':
      return text.level(q.level!) + (q.reason ? `\n${text.t('pdf.overridden', { reason: q.reason })}` : '')
    case 'not-applicable':
      return q.reason
        ? `${text.t('pdf.state.not-applicable')}${text.t('pdf.sep')}${q.reason}`
        : text.t('pdf.state.not-applicable')
    case 'fact':
      return q.fact && q.fact.value !== null
        ? text.value(q.fact.unit, q.fact.value, q.fact.suffix)
        : text.t('pdf.factMissing')
    default:
      return text.t(`pdf.state.${q.state}`)
  }
}

async function annex(w: PdfWriter, report: ReportModel, text: ReportText) {
  w.heading(text.t('pdf.annex'), 1)
  w.text(text.t('pdf.annexIntro'), { color: COLORS.muted })
  for (const { theme, questions } of report.annex) {
    w.heading(`${theme.number}. ${theme.shortLabel}`, 2)
    w.table(
      [text.t('pdf.question'), text.t('pdf.answer'), text.t('pdf.noteEvidence')],
      questions.map((q) => [
        // The domaine on a line of its own, not in parentheses: some domaine names hold parentheses already.
        `${q.text}\n${text.t('pdf.domaineOf', { domaine: q.domaine })}`,
        answerCell(q, text) + (q.carriedOver ? `\n${text.t('pdf.carriedOver')}` : ''),
        [
          q.note.trim(),
          q.evidence.length
            ? `${text.t('pdf.evidence')}${text.t('pdf.sep')}${q.evidence.join(text.t('pdf.listSep'))}`
            : '',
        ]
          .filter(Boolean)
          .join('\n') || '–',
      ]),
      { columnStyles: { 0: { cellWidth: 70 }, 1: { cellWidth: 34 } }, fontSize: 8.5 },
    )
    await breathe()
  }
}

/** The report the board brings to the AG: cover, contents, approach, results, one section per theme, debate, annex. */
export async function agReportPdf(report: ReportModel, text: ReportText, options: PdfOptions = {}): Promise<Blob> {
  const title = text.t('pdf.documentTitle', { name: report.organisation.name, year: report.year })
  const doc = newDocument(text, title, text.t('pdf.title'), report.organisation.name)
  options.onStep?.('font')
  await embedFonts(doc)
  options.onStep?.('chart')
  await breathe()
  const radar =
    report.themes.length >= 3
      ? radarPng(
          report.themes.map((t) => t.shortLabel),
          [
            { label: String(report.year), values: report.themes.map((t) => t.score.score) },
            ...(report.approach.previousYear !== null
              ? [{ label: String(report.approach.previousYear), values: report.themes.map((t) => t.score.previous) }]
              : []),
          ],
          { all: text.t('pdf.noScoreShort'), some: (series) => text.t('pdf.noScoreIn', { series }) },
        )
      : null
  options.onStep?.('layout')
  await breathe()
  const w = new PdfWriter(doc, text.locale)
  cover(w, report, text)
  w.newPage() // the table of contents, written last when the page numbers are known
  const tocPage = w.page
  approach(w, report, text)
  overview(w, report, text, radar)
  w.heading(text.t('pdf.byTheme'), 1)
  w.text(text.t('pdf.byThemeIntro'), { color: COLORS.muted })
  for (const theme of report.themes) {
    themeSection(w, theme, report, text)
    await breathe()
  }
  if (report.otherActions.length) {
    w.heading(text.t('pdf.otherActions'), 2)
    actionsTable(w, report.otherActions, text)
  }
  debate(w, report, text)
  await annex(w, report, text)
  w.writeToc(tocPage, text.t('pdf.contents'))
  w.writeFooters(
    report.organisation.name,
    ` · ${text.t('pdf.exercise', { year: report.year })}${report.status === 'completed' ? '' : ` · ${text.t('pdf.draftShort')}`}`,
    (page, total) => text.t('pdf.page', { page, total }),
  )
  options.onStep?.('file')
  await breathe()
  return doc.output('blob')
}
