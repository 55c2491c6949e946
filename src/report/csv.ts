import type { ActionPriority, ActionStatus } from '@/domain/actions'
import type { IndicatorUnit } from '@/domain/guide/schema'
import type { IndicatorValue } from '@/domain/indicators'
import { localDay } from '@/domain/dates'
import type { Comparator } from '@/domain/objectives'
import type { AnnexState, ReportAction, ReportModel } from '@/domain/report/model'

/**
 * Spreadsheet exports for French Excel and LibreOffice: UTF-8 with a BOM (without it Excel reads the accents
 * as Latin-1), « ; » between fields (the French list separator), a decimal comma and no thousands separator
 * (« 1234,56 » is read as a number, « 1 234,56 » as text), dates as dd/mm/yyyy, CRLF line ends.
 */
export const CSV_BOM = '\uFEFF'
const SEPARATOR = ';'

export type Cell = string | number | null

/** A number as French spreadsheets read it. */
export function csvNumber(value: number): string {
  return String(value).replace('.', ',')
}

/** 2026-06-12 → 12/06/2026; an instant gives the day the calendar showed where the user is. */
export function csvDate(iso: string | null): string {
  if (!iso) return ''
  const [y, m, d] = (iso.length > 10 ? localDay(iso) : iso).split('-')
  return `${d}/${m}/${y}`
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe: a note typed in a
 * workshop must not become a formula on the treasurer's computer (« CSV injection »).
 */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function field(cell: Cell): string {
  if (cell === null) return ''
  const text = typeof cell === 'number' ? csvNumber(cell) : neutralised(cell)
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(field).join(SEPARATOR)).join('\r\n') + '\r\n'
}

/** What the exports need from the UI language: column titles and the words for states. */
export interface CsvText {
  column(key: string, params?: Record<string, string | number>): string
  answerState(state: AnnexState): string
  levelLabel(level: number): string
  unit(unit: IndicatorUnit | 'level'): string
  status(status: ActionStatus): string
  priority(priority: ActionPriority): string
  comparator(comparator: Comparator): string
  /** An action's own title, or the one made from its question (see actionTitleText). */
  actionTitle(action: Pick<ReportAction, 'title' | 'question'>): string
  yes: string
  no: string
}

export function answersCsv(report: ReportModel, text: CsvText): string {
  const header = [
    'themeNumber',
    'theme',
    'domaine',
    'questionId',
    'question',
    'state',
    'level',
    'levelLabel',
    'reason',
    'note',
    'evidence',
    'carriedOver',
    'factValue',
  ].map((k) => text.column(k))
  const rows = report.annex.flatMap(({ theme, questions }) =>
    questions.map((q): Cell[] => [
      theme.number,
      theme.shortLabel,
      q.domaine,
      q.id,
      q.text,
      text.answerState(q.state),
      q.level,
      q.level === null ? '' : text.levelLabel(q.level),
      q.reason,
      q.note,
      q.evidence.join(' | '),
      q.carriedOver ? text.yes : text.no,
      q.fact ? valueCell(q.fact.unit, q.fact.value, text) : null,
    ]),
  )
  return toCsv(header, rows)
}

function valueCell(unit: IndicatorUnit, value: IndicatorValue | null, text: CsvText): Cell {
  if (value === null) return null
  if (typeof value === 'number') return value
  if (typeof value === 'boolean') return value ? text.yes : text.no
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([category, v]) => `${category} : ${v === null ? '' : csvNumber(v)}`)
      .join(' | ')
  return unit === 'date' ? csvDate(value) : value
}

export function indicatorsCsv(report: ReportModel, text: CsvText): string {
  const header = [
    text.column('themeNumber'),
    text.column('theme'),
    text.column('indicatorId'),
    text.column('indicator'),
    text.column('unit'),
    text.column('valueOf', { year: report.year }),
    ...(report.approach.previousYear === null ? [] : [text.column('valueOf', { year: report.approach.previousYear })]),
    text.column('comparator'),
    text.column('oneYear'),
    text.column('threeYear'),
    text.column('note'),
  ]
  const rows = report.themes.flatMap((theme) =>
    theme.indicators.map((i): Cell[] => {
      const objective = theme.objectives.find((o) => o.subjectKind === 'indicator' && o.subjectId === i.id)
      const target = (t: number | boolean | null | undefined) =>
        t === undefined || t === null ? null : typeof t === 'boolean' ? (t ? text.yes : text.no) : t
      return [
        theme.number,
        theme.shortLabel,
        i.id,
        i.label,
        i.suffix ?? text.unit(i.unit),
        valueCell(i.unit, i.value, text),
        ...(report.approach.previousYear === null ? [] : [valueCell(i.unit, i.previous, text)]),
        objective ? text.comparator(objective.comparator) : null,
        target(objective?.oneYear),
        target(objective?.threeYear),
        i.note,
      ]
    }),
  )
  return toCsv(header, rows)
}

export function actionsCsv(report: ReportModel, text: CsvText): string {
  const header = ['title', 'theme', 'status', 'priority', 'owner', 'dueDate', 'doneAt', 'description'].map((k) =>
    text.column(k),
  )
  const rows = [
    ...report.themes.flatMap((t) => t.actions.map((a) => ({ a, theme: t.shortLabel }))),
    ...report.otherActions.map((a) => ({ a, theme: '' })),
  ].map(({ a, theme }): Cell[] => [
    text.actionTitle(a),
    theme,
    text.status(a.status),
    text.priority(a.priority),
    a.owner,
    csvDate(a.dueDate),
    csvDate(a.doneAt),
    a.description,
  ])
  return toCsv(header, rows)
}
