/**
 * French spacing for text the documents print, whatever typed it (the guide's older versions, a note, a title):
 * the space before « : » becomes a no-break space, the one before « ; ? ! % » and inside « » a narrow no-break space,
 * so a line never starts with a lone « ? » or ends on an opening « ». Text without those spaces is left as typed.
 */
const NBSP = '\u00a0'
const NNBSP = '\u202f'

export function frenchSpacing(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]+:/g, `${NBSP}:`)
    .replace(/[ \u00a0\u202f]+([;?!%»])/g, `${NNBSP}$1`)
    .replace(/«[ \u00a0\u202f]+/g, `«${NNBSP}`)
}

/** The typography of a document's language: French spacing, or the text as it is. */
export function typographyFor(locale: 'fr' | 'en'): (text: string) => string {
  return locale === 'fr' ? frenchSpacing : (text) => text
}
