import type { PictureGroup, LevelFigure, ScoreFigure } from '@/domain/regionalPicture'
import { toCsv, type Cell } from '../csv'
import { embedFonts } from '../fonts'
import { COLORS, PdfWriter } from '../pdfWriter'
import type { NetworkText } from './networkText'
import { jsPDF } from 'jspdf'
import { toPercent } from '@/domain/scoring'

/** What the picture's documents show: the groups computed by the page, the guide's words, the filters in words. */
export interface PictureDocument {
  title: string
  guideTitle: string
  /** « Toutes les formes juridiques · 2025 » */
  scope: string
  /** What a group is named (« Tous », « Association », « 10 à 49 salariés », « 2025 »). */
  groupLabel(key: string): string
  themes: ReadonlyArray<{ id: string; number: number; label: string }>
  questions: ReadonlyArray<{ id: string; themeId: string; text: string }>
  total: number
  groups: ReadonlyArray<PictureGroup>
}

const blank = (count: number): Cell[] => Array<Cell>(count).fill(null)
/** A question's answer columns: the five levels, « non applicable », « je ne sais pas », no answer. */
const LEVEL_COLUMNS = 8

const scoreCells = (f: ScoreFigure | undefined): Cell[] =>
  !f || f.hidden ? [f?.n ?? 0, ...blank(3)] : [f.n, toPercent(f.mean!), toPercent(f.median!), toPercent(f.coverage!)]

/** One row per group and theme, then one per group and question, French Excel format; hidden figures left empty. */
export function pictureCsv(picture: PictureDocument, text: NetworkText): string {
  const c = (key: string) => text.t(`picture.csv.${key}`)
  const header = [
    c('group'),
    c('theme'),
    c('question'),
    c('organisations'),
    c('meanScore'),
    c('medianScore'),
    c('meanCoverage'),
    ...[0, 1, 2, 3, 4].map((l) => text.t('picture.csv.level', { level: l })),
    c('na'),
    c('unknown'),
    c('none'),
    c('note'),
  ]
  const hiddenNote = (n: number) => (n > 0 ? text.t('picture.hidden', { min: 5 }) : '')
  const rows: Cell[][] = []
  for (const group of picture.groups) {
    const name = picture.groupLabel(group.key)
    rows.push([
      name,
      text.t('picture.global'),
      null,
      ...scoreCells(group.global),
      ...blank(LEVEL_COLUMNS),
      group.global.hidden ? hiddenNote(group.global.n) : null,
    ])
    for (const theme of picture.themes) {
      const f = group.themes.get(theme.id)
      rows.push([
        name,
        `${theme.number}. ${theme.label}`,
        null,
        ...scoreCells(f),
        ...blank(LEVEL_COLUMNS),
        f?.hidden ? hiddenNote(f.n) : null,
      ])
    }
    for (const q of picture.questions) {
      const f = group.questions.get(q.id)
      const theme = picture.themes.find((t) => t.id === q.themeId)
      if (!f) continue
      rows.push([
        name,
        theme ? `${theme.number}. ${theme.label}` : q.themeId,
        q.text,
        f.n,
        ...blank(3),
        ...levelCells(f),
        f.hidden ? hiddenNote(f.n) : null,
      ])
    }
  }
  return toCsv(header, rows)
}

const levelCells = (f: LevelFigure): Cell[] =>
  f.hidden ? blank(LEVEL_COLUMNS) : [...f.levels, f.na, f.unknown, f.none]

/** The picture for a « temps fort »: the scope, then per theme a table of the groups, then each question's answers. */
export async function picturePdf(picture: PictureDocument, text: NetworkText): Promise<Blob> {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true })
  doc.setProperties({ title: picture.title, subject: text.t('picture.title'), creator: 'Cap ESS' })
  doc.viewerPreferences({ DisplayDocTitle: true })
  await embedFonts(doc)
  const w = new PdfWriter(doc, text.locale)
  w.text('Cap ESS', { size: 9, bold: true, color: COLORS.primary, gapAfter: 4 })
  w.text(picture.title, { size: 20, bold: true, color: COLORS.primary, gapAfter: 3 })
  w.text(picture.guideTitle, { bold: true, gapAfter: 1 })
  w.text(picture.scope, { gapAfter: 1 })
  w.text(text.t('picture.pdfTotal', { n: picture.total }), { gapAfter: 3 })
  w.text(text.t('picture.pdfMethod', { min: 5 }), { color: COLORS.muted, size: 9, gapAfter: 4 })
  const head = [
    text.t('picture.group'),
    text.t('picture.organisations'),
    text.t('picture.mean'),
    text.t('picture.median'),
    text.t('picture.coverage'),
  ]
  const scoreRow = (name: string, f: ScoreFigure | undefined) =>
    !f || f.hidden
      ? [name, String(f?.n ?? 0), text.t('picture.hiddenShort'), '', '']
      : [name, String(f.n), text.score(f.mean), text.score(f.median), text.percent(f.coverage!)]
  w.heading(text.t('picture.global'), 2)
  w.table(
    head,
    picture.groups.map((g) => scoreRow(picture.groupLabel(g.key), g.global)),
    { fontSize: 9 },
  )
  for (const theme of picture.themes) {
    w.heading(`${theme.number}. ${theme.label}`, 2)
    w.table(
      head,
      picture.groups.map((g) => scoreRow(picture.groupLabel(g.key), g.themes.get(theme.id))),
      { fontSize: 9 },
    )
    const questions = picture.questions.filter((q) => q.themeId === theme.id)
    const levelHead = [
      text.t('picture.question'),
      text.t('picture.organisations'),
      '0',
      '1',
      '2',
      '3',
      '4',
      text.t('picture.naShort'),
      text.t('picture.unknownShort'),
      text.t('picture.noneShort'),
    ]
    for (const group of picture.groups) {
      w.text(`${text.t('picture.answersOf')} ${picture.groupLabel(group.key)}`, { bold: true, size: 10, gapAfter: 1 })
      w.table(
        levelHead,
        questions.map((q) => {
          const f = group.questions.get(q.id)
          return !f || f.hidden
            ? [q.text, String(f?.n ?? 0), text.t('picture.hiddenShort'), '', '', '', '', '', '', '']
            : [q.text, String(f.n), ...f.levels.map(String), String(f.na), String(f.unknown), String(f.none)]
        }),
        { fontSize: 8, columnStyles: { 0: { cellWidth: 70 } } },
      )
    }
  }
  w.writeFooters(picture.title, '', (page, total) => text.t('sheets.page', { page, total }))
  return doc.output('blob')
}
