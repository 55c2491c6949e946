import type { SharedSheet } from './files/practiceSheets.ts'
import { naturalCompare, searchable } from './portfolio.ts'
import type { LegalForm, Region } from './organisation.ts'
import type { SizeBand } from './sizeBand.ts'

/** A sheet in a network's catalogue: as its file gave it, with when it arrived. */
export type CatalogueSheet = SharedSheet & { importedAt: string }

/** A theme as sheets name it: its number and words (« 1. Gouvernance démocratique »); two guides may number alike. */
export const themeKey = (sheet: Pick<SharedSheet, 'theme'>) => `${sheet.theme.number}. ${sheet.theme.label}`

export interface CatalogueFilter {
  query: string
  theme: string | null
  domaine: string | null
  legalForm: LegalForm | null
  region: Region | null
  sizeBand: SizeBand | null
}
export const NO_FILTER: CatalogueFilter = {
  query: '',
  theme: null,
  domaine: null,
  legalForm: null,
  region: null,
  sizeBand: null,
}

const folded = new WeakMap<SharedSheet, string>()

/** Everything a sheet says, folded (accents and case ignored) for search; folded once per sheet, not per key typed. */
export function sheetText(sheet: SharedSheet): string {
  const known = folded.get(sheet)
  if (known !== undefined) return known
  const text = searchable(
    [
      sheet.title,
      sheet.description,
      sheet.since,
      sheet.involved,
      sheet.results,
      sheet.advice,
      sheet.organisation.name,
      sheet.theme.label,
      sheet.domaine ?? '',
      ...sheet.questions.map((q) => q.text),
    ].join('\n'),
  )
  folded.set(sheet, text)
  return text
}

/** Sheets matching the filters and every word typed, ordered by theme then title. */
export function filterCatalogue(sheets: ReadonlyArray<CatalogueSheet>, filter: CatalogueFilter): CatalogueSheet[] {
  const words = searchable(filter.query).split(/\s+/).filter(Boolean)
  return sheets
    .filter(
      (s) =>
        (filter.theme === null || themeKey(s) === filter.theme) &&
        (filter.domaine === null || s.domaine === filter.domaine) &&
        (filter.legalForm === null || s.organisation.legalForm === filter.legalForm) &&
        (filter.region === null || s.organisation.region === filter.region) &&
        (filter.sizeBand === null || s.organisation.sizeBand === filter.sizeBand) &&
        (words.length === 0 || ((text) => words.every((w) => text.includes(w)))(sheetText(s))),
    )
    .sort((a, b) => a.theme.number - b.theme.number || naturalCompare(a.title, b.title))
}

export interface SheetMerge {
  /** What to store: new sheets and newer versions of known ones. */
  toStore: CatalogueSheet[]
  added: number
  updated: number
  /** Already in the catalogue, same or older: left as they are. */
  unchanged: number
}

/** A sheet imported again is the same sheet (its id): kept once, in its latest version. */
export function mergeSheets(
  known: ReadonlyMap<string, Pick<SharedSheet, 'updatedAt'>>,
  incoming: ReadonlyArray<SharedSheet>,
  importedAt: string,
): SheetMerge {
  const merge: SheetMerge = { toStore: [], added: 0, updated: 0, unchanged: 0 }
  for (const sheet of incoming) {
    const before = known.get(sheet.id)
    if (!before) merge.added++
    else if (sheet.updatedAt > before.updatedAt) merge.updated++
    else {
      merge.unchanged++
      continue
    }
    merge.toStore.push({ ...sheet, importedAt })
  }
  return merge
}

/** The themes the catalogue holds, in their order. */
export function catalogueThemes(sheets: ReadonlyArray<SharedSheet>): string[] {
  const byKey = new Map(sheets.map((s) => [themeKey(s), s.theme.number]))
  return [...byKey.entries()].sort(([a, x], [b, y]) => x - y || naturalCompare(a, b)).map(([key]) => key)
}

/** The domaines the catalogue holds, for its filter: the label's words, within a theme. */
export function catalogueDomaines(sheets: ReadonlyArray<SharedSheet>, theme: string | null): string[] {
  const labels = new Set(
    sheets.filter((s) => s.domaine !== null && (theme === null || themeKey(s) === theme)).map((s) => s.domaine!),
  )
  return [...labels].sort(naturalCompare)
}
