import type { jsPDF } from 'jspdf'
import { autoTable, type RowInput, type UserOptions } from 'jspdf-autotable'
import { FONT } from './fonts'
import { typographyFor } from './typography'

/** A4 in millimetres; body text at 10 pt, readable printed and on a projector. */
const PAGE = { width: 210, height: 297, margin: 18, bottom: 20 }
const PT_TO_MM = 0.3528
const LINE = 1.35

export const COLORS = { text: '#1c2327', primary: '#1d4e5f', muted: '#4f5b62', rule: '#b9c1c6', fill: '#eef3f5' }

export interface TocEntry {
  title: string
  page: number
  level: 1 | 2
}

/**
 * A cursor over a jsPDF document: text that wraps and breaks pages, headings that feed the table of contents and
 * the PDF outline (bookmarks), and tables through jspdf-autotable with the embedded font.
 */
export class PdfWriter {
  y = PAGE.margin
  readonly toc: TocEntry[] = []
  /** Every string goes through the document language's typography before it is drawn. */
  private readonly typeset: (text: string) => string

  constructor(
    readonly doc: jsPDF,
    locale: 'fr' | 'en' = 'fr',
  ) {
    this.typeset = typographyFor(locale)
    // A screen reader reads the document with its language's rules (English in British form, as the dates are).
    doc.setLanguage(locale === 'en' ? 'en-GB' : 'fr-FR')
  }

  get width() {
    return PAGE.width - 2 * PAGE.margin
  }
  get left() {
    return PAGE.margin
  }
  get page() {
    return this.doc.getNumberOfPages()
  }

  newPage() {
    this.doc.addPage()
    this.y = PAGE.margin
  }

  /** Starts a new page when `height` mm do not fit on this one. */
  ensure(height: number) {
    if (this.y + height > PAGE.height - PAGE.bottom) this.newPage()
  }

  space(mm: number) {
    this.y += mm
  }

  private lineHeight(size: number) {
    return size * PT_TO_MM * LINE
  }

  text(
    content: string,
    options: { size?: number; bold?: boolean; color?: string; indent?: number; gapAfter?: number } = {},
  ) {
    const size = options.size ?? 10
    const indent = options.indent ?? 0
    this.doc.setFont(FONT, options.bold ? 'bold' : 'normal')
    this.doc.setFontSize(size)
    this.doc.setTextColor(options.color ?? COLORS.text)
    const lines: string[] = this.doc.splitTextToSize(this.typeset(content), this.width - indent)
    const step = this.lineHeight(size)
    for (const line of lines) {
      this.ensure(step)
      this.doc.text(line, this.left + indent, this.y, { baseline: 'top' })
      this.y += step
    }
    this.y += options.gapAfter ?? 2
  }

  /** A level-1 heading starts a page; both levels go in the table of contents and the bookmarks. */
  heading(title: string, level: 1 | 2 | 3) {
    if (level === 1) this.newPage()
    else this.ensure(level === 2 ? 24 : 16)
    if (level !== 1) this.space(level === 2 ? 4 : 2)
    if (level !== 3) {
      this.toc.push({ title, page: this.page, level })
      this.doc.outline.add(null, title, { pageNumber: this.page })
    }
    const size = level === 1 ? 17 : level === 2 ? 13 : 11
    this.text(title, {
      size,
      bold: true,
      color: level === 3 ? COLORS.text : COLORS.primary,
      gapAfter: level === 1 ? 4 : 2,
    })
    if (level === 1) {
      this.doc.setDrawColor(COLORS.primary)
      this.doc.setLineWidth(0.6)
      this.doc.line(this.left, this.y - 2, this.left + this.width, this.y - 2)
      this.space(2)
    }
  }

  bullets(items: string[]) {
    for (const item of items) {
      this.ensure(this.lineHeight(10))
      this.doc.setFont(FONT, 'normal')
      this.doc.setFontSize(10)
      this.doc.text('•', this.left + 1, this.y, { baseline: 'top' })
      this.text(item, { indent: 5, gapAfter: 1 })
    }
    this.space(1)
  }

  /**
   * `fontSize` only: the font itself is always the embedded one (a table in Helvetica would lose U+202F). A row is
   * never split across two pages (a continuation with an empty answer cell reads as unanswered), unless it is
   * taller than a page.
   */
  table(head: string[], body: string[][], options: Pick<UserOptions, 'columnStyles'> & { fontSize?: number } = {}) {
    const typeset = (cells: string[]): RowInput => cells.map((cell) => this.typeset(cell))
    autoTable(this.doc, {
      head: [typeset(head)],
      body: body.map(typeset),
      startY: this.y,
      margin: { left: PAGE.margin, right: PAGE.margin, bottom: PAGE.bottom, top: PAGE.margin },
      styles: {
        font: FONT,
        fontSize: options.fontSize ?? 9,
        textColor: COLORS.text,
        cellPadding: 1.6,
        lineColor: COLORS.rule,
        lineWidth: 0.2,
        overflow: 'linebreak',
      },
      headStyles: { font: FONT, fontStyle: 'bold', fillColor: COLORS.primary, textColor: '#ffffff' },
      alternateRowStyles: { fillColor: COLORS.fill },
      rowPageBreak: 'avoid',
      columnStyles: options.columnStyles,
    })
    const finalY = (this.doc as jsPDF & { lastAutoTable?: { finalY?: number } }).lastAutoTable?.finalY
    this.y = (finalY ?? this.y) + 5
  }

  image(dataUrl: string, width: number, height = width) {
    this.ensure(height)
    this.doc.addImage(dataUrl, 'PNG', this.left + (this.width - width) / 2, this.y, width, height, undefined, 'FAST')
    this.y += height + 4
  }

  /** Ruled lines to write on by hand, when a section is still empty at print time. */
  writingLines(count: number) {
    this.doc.setDrawColor(COLORS.rule)
    this.doc.setLineWidth(0.2)
    for (let i = 0; i < count; i++) {
      this.ensure(9)
      this.y += 8
      this.doc.line(this.left, this.y, this.left + this.width, this.y)
    }
    this.space(4)
  }

  /**
   * Writes the table of contents on the page kept free for it, with links to each section; a long one goes on over
   * the pages kept after it (see `tocPagesFor`).
   */
  writeToc(onPage: number, title: string) {
    let page = onPage
    this.doc.setPage(page)
    let y = PAGE.margin
    this.doc.setFont(FONT, 'bold')
    this.doc.setFontSize(17)
    this.doc.setTextColor(COLORS.primary)
    this.doc.text(title, this.left, y, { baseline: 'top' })
    y += 14
    for (const entry of this.toc) {
      if (y > PAGE.height - PAGE.bottom - 8) {
        this.doc.setPage(++page)
        y = PAGE.margin
      }
      const indent = entry.level === 1 ? 0 : 6
      this.doc.setFont(FONT, entry.level === 1 ? 'bold' : 'normal')
      this.doc.setFontSize(entry.level === 1 ? 11 : 10)
      this.doc.setTextColor(COLORS.text)
      const label: string = this.doc.splitTextToSize(this.typeset(entry.title), this.width - indent - 14)[0]
      this.doc.text(label, this.left + indent, y, { baseline: 'top' })
      this.doc.text(String(entry.page), this.left + this.width, y, { baseline: 'top', align: 'right' })
      this.doc.link(this.left, y - 1, this.width, 6, { pageNumber: entry.page })
      y += entry.level === 1 ? 8 : 6.5
    }
  }

  /**
   * « Org · Exercice 2025 · document de travail » and « Page 3 / 12 » at the foot of every page but the first. A long
   * name is shortened with an ellipsis; what follows it (the year, the draft status) is always printed whole.
   */
  writeFooters(name: string, after: string, pageLabel: (page: number, total: number) => string, fromPage = 2) {
    const total = this.doc.getNumberOfPages()
    this.doc.setFont(FONT, 'normal')
    this.doc.setFontSize(8)
    const tail = this.typeset(after)
    const room = this.width - this.doc.getTextWidth(pageLabel(total, total)) - 6 - this.doc.getTextWidth(tail)
    const left = `${fitWidth(this.typeset(name), room, (s) => this.doc.getTextWidth(s))}${tail}`
    for (let page = fromPage; page <= total; page++) {
      this.doc.setPage(page)
      this.doc.setFont(FONT, 'normal')
      this.doc.setFontSize(8)
      this.doc.setTextColor(COLORS.muted)
      const y = PAGE.height - 10
      this.doc.text(left, this.left, y)
      this.doc.text(pageLabel(page, total), this.left + this.width, y, { align: 'right' })
    }
  }
}

/** How many pages a table of contents of `entries` top-level lines takes (as `writeToc` lays them out). */
export function tocPagesFor(entries: number): number {
  const line = 8
  const first = Math.floor((PAGE.height - PAGE.bottom - 8 - PAGE.margin - 14) / line) + 1
  const next = Math.floor((PAGE.height - PAGE.bottom - 8 - PAGE.margin) / line) + 1
  return entries <= first ? 1 : 1 + Math.ceil((entries - first) / next)
}

/** `text` as it is if it fits `width`, or cut at a word (at a letter for one long word) and ended with « … ». */
export function fitWidth(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text
  let cut = text
  while (cut.length > 1 && measure(`${cut}…`) > width) {
    const space = cut.lastIndexOf(' ')
    cut = space > cut.length / 2 ? cut.slice(0, space) : cut.slice(0, -1)
  }
  return `${cut.replace(/[\s,;:–-]+$/, '')}…`
}
