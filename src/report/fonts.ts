import type { jsPDF } from 'jspdf'
// Vite emits the fonts as files fetched only when a document is made (and precached for offline use).
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url'
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url'

/** DejaVu Sans has every French glyph, U+202F included (the narrow space in « 1 234,56 € »); jsPDF's Helvetica has not. */
export const FONT = 'DejaVuSans'

let cache: Promise<[string, string]> | null = null

/** The font could not be fetched (offline before the first visit cached it, or a server error). */
export class FontLoadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FontLoadError'
  }
}

async function base64Of(url: string): Promise<string> {
  const response = await fetch(url).catch((error: unknown) => {
    throw new FontLoadError(`font ${url}: ${String(error)}`)
  })
  if (!response.ok) throw new FontLoadError(`font ${url}: HTTP ${response.status}`)
  const bytes = new Uint8Array(await response.arrayBuffer())
  let binary = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

export async function embedFonts(doc: jsPDF): Promise<void> {
  cache ??= Promise.all([base64Of(regularUrl), base64Of(boldUrl)]).catch((error: unknown) => {
    cache = null
    throw error
  })
  const [regular, bold] = await cache
  doc.addFileToVFS('DejaVuSans.ttf', regular)
  doc.addFont('DejaVuSans.ttf', FONT, 'normal')
  doc.addFileToVFS('DejaVuSans-Bold.ttf', bold)
  doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold')
  doc.setFont(FONT, 'normal')
}
