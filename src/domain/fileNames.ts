/**
 * A name as it can appear in a file name on every system: « Les Ateliers de l’Œuvre » → les-ateliers-de-l-oeuvre.
 * Letters lose their accents, ligatures are spelled out, anything else becomes a dash.
 */
export function fileSlug(text: string, fallback: string, max = 60): string {
  const slug = text
    .replaceAll('œ', 'oe')
    .replaceAll('Œ', 'OE')
    .replaceAll('æ', 'ae')
    .replaceAll('Æ', 'AE')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, max)
    .replace(/-$/, '')
  return slug || fallback
}

/** A word of a file's name: a fixed word, a number, or a text made safe with `fileSlug` (and its word if empty). */
export type NamePart = string | number | { text: string; fallback: string }

/**
 * Every file the app hands over is named the same way: « cap-ess », what it is, whose, when, joined by dashes, so
 * a folder of them sorts by kind: cap-ess-rapport-ag-les-ateliers-de-l-oeuvre-2025.pdf,
 * cap-ess-sauvegarde-toutes-les-organisations-2026-12-07.json, cap-ess-fiches-ressourcerie.json.
 */
export function fileName(parts: ReadonlyArray<NamePart>, extension: string): string {
  const words = parts.map((part) =>
    typeof part === 'object' ? fileSlug(part.text, part.fallback) : fileSlug(String(part), String(part)),
  )
  return `${['cap-ess', ...words].join('-')}.${extension}`
}
