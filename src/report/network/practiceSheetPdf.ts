import type { SharedSheet } from '@/domain/files/practiceSheets'
import { embedFonts } from '../fonts'
import { COLORS, PdfWriter, tocPagesFor } from '../pdfWriter'
import type { NetworkText } from './networkText'
import { jsPDF } from 'jspdf'

/**
 * Practice sheets as a PDF: one sheet per page (a sheet longer than a page goes on), and, for an event booklet,
 * a cover and a contents page with a link to each sheet.
 */
export async function practiceSheetsPdf(
  sheets: ReadonlyArray<SharedSheet>,
  text: NetworkText,
  options: { booklet?: { title: string } } = {},
): Promise<Blob> {
  const title = options.booklet?.title ?? sheets[0]?.title ?? text.t('sheets.pdfTitle')
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true })
  doc.setProperties({ title, subject: text.t('sheets.pdfTitle'), creator: 'Cap ESS' })
  doc.viewerPreferences({ DisplayDocTitle: true })
  await embedFonts(doc)
  const w = new PdfWriter(doc, text.locale)
  let tocPage = 0
  if (options.booklet) {
    w.text('Cap ESS', { size: 9, bold: true, color: COLORS.primary, gapAfter: 30 })
    w.text(options.booklet.title, { size: 24, bold: true, color: COLORS.primary, gapAfter: 6 })
    w.text(text.t('sheets.bookletCount', { n: sheets.length }), { size: 13, gapAfter: 2 })
    w.text(text.t('sheets.bookletMade', { date: text.day(new Date().toISOString()) }), { color: COLORS.muted })
    w.newPage()
    tocPage = w.page
    // A booklet of a hundred sheets has a contents of several pages: kept free before the first sheet.
    for (let i = 1; i < tocPagesFor(sheets.length); i++) w.newPage()
  }
  sheets.forEach((sheet, i) => {
    if (options.booklet || i > 0) w.newPage()
    writeSheet(w, sheet, text)
  })
  if (options.booklet) {
    // The first sheet was written on a page after the one kept for the contents.
    w.writeToc(tocPage, text.t('sheets.contents'))
  }
  w.writeFooters(
    options.booklet?.title ?? '',
    ` · ${text.t('sheets.footer')}`,
    (page, total) => text.t('sheets.page', { page, total }),
    options.booklet ? 2 : 1,
  )
  return doc.output('blob')
}

function writeSheet(w: PdfWriter, sheet: SharedSheet, text: NetworkText) {
  const start = w.page
  w.text(
    `${text.t('sheets.themeLabel', { number: sheet.theme.number })} ${sheet.theme.label}${sheet.domaine ? ` · ${sheet.domaine}` : ''}`,
    { size: 9, bold: true, color: COLORS.primary, gapAfter: 2 },
  )
  w.toc.push({ title: sheet.title, page: start, level: 1 })
  w.doc.outline.add(null, sheet.title, { pageNumber: start })
  w.text(sheet.title, { size: 17, bold: true, color: COLORS.primary, gapAfter: 2 })
  const org = sheet.organisation
  w.text(
    `${org.name} · ${text.legalForm(org.legalForm)} · ${text.region(org.region)} · ${text.sizeBand(org.sizeBand)}`,
    { size: 10, color: COLORS.muted, gapAfter: 4 },
  )
  const block = (label: string, value: string) => {
    if (!value.trim()) return
    w.text(label, { bold: true, size: 11, gapAfter: 1 })
    w.text(value, { gapAfter: 3 })
  }
  block(text.t('sheets.fields.description'), sheet.description)
  block(text.t('sheets.fields.since'), sheet.since)
  block(text.t('sheets.fields.involved'), sheet.involved)
  block(text.t('sheets.fields.results'), sheet.results)
  block(text.t('sheets.fields.advice'), sheet.advice)
  if (sheet.questions.length) {
    w.text(text.t('sheets.fields.questions'), { bold: true, size: 11, gapAfter: 1 })
    w.bullets(sheet.questions.map((q) => q.text))
  }
  block(text.t('sheets.fields.contact'), sheet.contact)
}
