import type { EmployeeReport } from '@/domain/report/model'
import { newDocument, type PdfOptions } from './agReportPdf'
import { embedFonts } from './fonts'
import { COLORS, PdfWriter } from './pdfWriter'
import { actionTitleText, coverageText, scoreText, type ReportText } from './text'

/** Two or three pages to inform employees (and the CSE): what was assessed, the main results and the plan. */
export async function employeePdf(report: EmployeeReport, text: ReportText, options: PdfOptions = {}): Promise<Blob> {
  const title = text.t('employees.documentTitle', { name: report.organisation, year: report.year })
  const doc = newDocument(text, title, text.t('employees.title'), report.organisation)
  options.onStep?.('font')
  await embedFonts(doc)
  options.onStep?.('layout')
  const w = new PdfWriter(doc, text.locale)
  w.text('Cap ESS', { size: 9, bold: true, color: COLORS.primary, gapAfter: 4 })
  w.text(text.t('employees.title'), { size: 18, bold: true, color: COLORS.primary, gapAfter: 2 })
  w.text(`${report.organisation} · ${text.t('pdf.exercise', { year: report.year })}`, {
    size: 13,
    bold: true,
    gapAfter: report.draft ? 2 : 6,
  })
  if (report.draft) w.text(text.t('pdf.draft'), { bold: true, color: '#9a3412', gapAfter: 6 })

  w.heading(text.t('employees.what'), 2)
  w.text(text.t('employees.whatIntro', { year: report.year }))
  w.bullets(report.retained.map((t) => `${t.number}. ${t.shortLabel}`))
  if (report.participants.trim()) w.text(`${text.t('pdf.participants')} ${report.participants}`)
  if (report.presentedAt) w.text(text.t('pdf.presentedAt', { date: text.day(report.presentedAt) }))

  w.heading(text.t('employees.results'), 2)
  w.text(`${text.t('pdf.globalScore')}${text.t('pdf.sep')}${scoreText(report.global, text.t)}`, {
    bold: true,
    size: 12,
    gapAfter: 1,
  })
  if (coverageText(report.global, text.t)) w.text(coverageText(report.global, text.t, true))
  w.table(
    [text.t('pdf.theme'), text.t('pdf.score')],
    report.themes.map((t) => [
      `${t.ref.number}. ${t.ref.shortLabel}`,
      t.score.score === null ? text.t('pdf.noScoreShort') : String(t.score.score),
    ]),
    { columnStyles: { 1: { halign: 'right', cellWidth: 31 } } },
  )
  w.heading(text.t('pdf.strengths'), 2)
  if (report.strengths.length) w.bullets(report.strengths.map((s) => `${s.text} (${s.theme})`))
  else w.text(text.t('pdf.noStrengths'), { color: COLORS.muted })
  w.heading(text.t('pdf.axes'), 2)
  if (report.axes.length) w.bullets(report.axes.map((s) => `${s.text} (${s.theme})`))
  else w.text(text.t('pdf.noAxes'), { color: COLORS.muted })

  w.heading(text.t('employees.plan'), 2)
  if (report.plan.length)
    w.table(
      [text.t('pdf.action'), text.t('pdf.status'), text.t('pdf.due')],
      report.plan.map((a) => [
        actionTitleText(a, text.t),
        text.status(a.status),
        a.dueDate ? text.day(a.dueDate) : '–',
      ]),
      { columnStyles: { 0: { cellWidth: 110 } } },
    )
  else w.text(text.t('employees.noPlan'), { color: COLORS.muted })
  w.text(text.t('employees.contact'), { color: COLORS.muted, size: 9 })
  w.writeFooters(
    report.organisation,
    ` · ${text.t('employees.footer', { year: report.year })}${report.draft ? ` · ${text.t('pdf.draftShort')}` : ''}`,
    (page, total) => text.t('pdf.page', { page, total }),
    1,
  )
  options.onStep?.('file')
  return doc.output('blob')
}
