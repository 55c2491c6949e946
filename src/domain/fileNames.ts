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
