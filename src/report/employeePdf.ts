import type { EmployeeSummary } from '@/domain/report/model'
import { newDocument, type PdfOptions } from './agReportPdf'
import { embedFonts } from './fonts'
import { COLORS, PdfWriter } from './pdfWriter'
import { actionTitleText, coverageText, scoreText, type ReportText } from './text'

/** Two or three pages to inform employees (and the CSE): what was assessed, the main results and the plan. */
export async function employeePdf(summary: EmployeeSummary, text: ReportText, options: PdfOptions = {}): Promise<Blob> {
  const title = text.t('employees.documentTitle', { name: summary.organisation, year: summary.year })
  const doc = newDocument(text, title, text.t('employees.title'), summary.organisation)
  options.onStep?.('font')
  await embedFonts(doc)
  options.onStep?.('layout')
  const w = new PdfWriter(doc, text.locale)
  w.text('Cap ESS', { size: 9, bold: true, color: COLORS.primary, gapAfter: 4 })
  w.text(text.t('employees.title'), { size: 18, bold: true, color: COLORS.primary, gapAfter: 2 })
  w.text(`${summary.organisation} · ${text.t('pdf.exercise', { year: summary.year })}`, {
    size: 13,
    bold: true,
    gapAfter: summary.draft ? 2 : 6,
  })
  if (summary.draft) w.text(text.t('pdf.draft'), { bold: true, color: '#9a3412', gapAfter: 6 })

  w.heading(text.t('employees.what'), 2)
  w.text(text.t('employees.whatIntro', { year: summary.year }))
  w.bullets(summary.retained.map((t) => `${t.number}. ${t.shortLabel}`))
  if (summary.participants.trim()) w.text(`${text.t('pdf.participants')} ${summary.participants}`)
  if (summary.presentedAt) w.text(text.t('pdf.presentedAt', { date: text.day(summary.presentedAt) }))

  w.heading(text.t('employees.results'), 2)
  w.text(`${text.t('pdf.globalScore')}${text.t('pdf.sep')}${scoreText(summary.global, text.t)}`, {
    bold: true,
    size: 12,
    gapAfter: 1,
  })
  if (coverageText(summary.global, text.t)) w.text(coverageText(summary.global, text.t, true))
  w.table(
    [text.t('pdf.theme'), text.t('pdf.score')],
    summary.themes.map((t) => [
      `${t.ref.number}. ${t.ref.shortLabel}`,
      t.score.score === null ? text.t('pdf.noScoreShort') : String(t.score.score),
    ]),
    { columnStyles: { 1: { halign: 'right', cellWidth: 31 } } },
  )
  w.heading(text.t('pdf.strengths'), 2)
  if (summary.strengths.length) w.bullets(summary.strengths.map((s) => `${s.text} (${s.theme})`))
  else w.text(text.t('pdf.noStrengths'), { color: COLORS.muted })
  w.heading(text.t('pdf.axes'), 2)
  if (summary.axes.length) w.bullets(summary.axes.map((s) => `${s.text} (${s.theme})`))
  else w.text(text.t('pdf.noAxes'), { color: COLORS.muted })

  w.heading(text.t('employees.plan'), 2)
  if (summary.plan.length)
    w.table(
      [text.t('pdf.action'), text.t('pdf.status'), text.t('pdf.due')],
      summary.plan.map((a) => [
        actionTitleText(a, text.t),
        text.status(a.status),
        a.dueDate ? text.day(a.dueDate) : '–',
      ]),
      { columnStyles: { 0: { cellWidth: 110 } } },
    )
  else w.text(text.t('employees.noPlan'), { color: COLORS.muted })
  w.text(text.t('employees.contact'), { color: COLORS.muted, size: 9 })
  w.writeFooters(
    summary.organisation,
    ` · ${text.t('employees.footer', { year: summary.year })}${summary.draft ? ` · ${text.t('pdf.draftShort')}` : ''}`,
    (page, total) => text.t('pdf.page', { page, total }),
    1,
  )
  options.onStep?.('file')
  return doc.output('blob')
}
