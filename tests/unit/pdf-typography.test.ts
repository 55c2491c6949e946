import { describe, expect, it } from 'vitest'
import { frenchSpacing, typographyFor } from '@/report/typography'
import type { jsPDF } from 'jspdf'
import { PdfWriter, fitWidth } from '@/report/pdfWriter'

describe('French spacing in the documents', () => {
  it('ties « : » with a no-break space and « ; ? ! % » with a narrow one, so no line starts with them', () => {
    expect(frenchSpacing('Pourquoi ? Parce que : voilà ; 12 % !')).toBe(
      'Pourquoi\u202f? Parce que\u00a0: voilà\u202f; 12\u202f%\u202f!',
    )
  })

  it('ties the inside of « » to their words', () => {
    expect(frenchSpacing('le « cas échéant »')).toBe('le «\u202fcas échéant\u202f»')
  })

  it('leaves alone what has no space to replace: times, addresses, English', () => {
    expect(frenchSpacing('à 10:35, voir https://www.ess-france.org')).toBe('à 10:35, voir https://www.ess-france.org')
    expect(frenchSpacing('Pourquoi?')).toBe('Pourquoi?')
    expect(typographyFor('en')('Why ? Because : that')).toBe('Why ? Because : that')
  })

  it('is idempotent: text already spaced the French way stays the same', () => {
    const once = frenchSpacing('Qui ? « Nous » : 5 %')
    expect(frenchSpacing(once)).toBe(once)
  })
})

describe('the footer keeps the status whole', () => {
  const chars = (s: string) => s.length
  it('leaves a name that fits as it is', () => {
    expect(fitWidth('Asso du quartier', 40, chars)).toBe('Asso du quartier')
  })

  it('cuts a long name at a word, with an ellipsis, within the room left by the year and the status', () => {
    const name = 'Ressourcerie Cœur d’Œuvre – Épinal, société coopérative d’intérêt collectif'
    const cut = fitWidth(name, 40, chars)
    expect(cut.length).toBeLessThanOrEqual(40)
    expect(cut).toBe('Ressourcerie Cœur d’Œuvre – Épinal…')
  })

  it('cuts one endless word at a letter', () => {
    expect(fitWidth('A'.repeat(100), 10, chars)).toBe(`${'A'.repeat(9)}…`)
  })
})

describe('the footer of every page', () => {
  /** A document that records what is written on which page; text is 1 mm per character. */
  function recordingDoc(pages: number) {
    const written: { page: number; text: string; x: number }[] = []
    let current = 1
    const doc = {
      getNumberOfPages: () => pages,
      setPage: (n: number) => (current = n),
      setFont: () => {},
      setFontSize: () => {},
      setTextColor: () => {},
      getTextWidth: (s: string) => s.length,
      setLanguage: () => {},
      text: (text: string, x: number) => written.push({ page: current, text, x }),
    }
    return { doc: doc as unknown as jsPDF, written }
  }

  it('keeps the exercise and « document de travail » whole under a long name, from the second page on', () => {
    const { doc, written } = recordingDoc(4)
    const w = new PdfWriter(doc, 'fr')
    const name =
      'Association intercommunale pour l’insertion par l’activité économique et le développement durable des territoires ruraux du Grand Est'
    w.writeFooters(name, ' · Exercice 2025 · document de travail', (page, total) => `Page ${page} / ${total}`)
    const left = written.filter((item) => !item.text.startsWith('Page'))
    expect(left.map((item) => item.page)).toEqual([2, 3, 4])
    for (const item of left) {
      expect(item.text.endsWith(' · Exercice 2025 · document de travail')).toBe(true)
      expect(item.text).toContain('…')
      // The name, the status and the page number share the text width without overlapping.
      expect(item.text.length + 6 + 'Page 4 / 4'.length).toBeLessThanOrEqual(w.width)
    }
  })
})
