import { describe, expect, it } from 'vitest'
import en from '@/i18n/en'
import { allFrench as fr } from '../setup/texts'
import { LEGAL_FORMS, legalFormReading, type LegalForm } from '@/domain/organisation'
import { approachGuideText } from '@/report/text'

/** The report's messages as the PDF reads them (keys under `report.`), placeholders filled. */
function translator(messages: object) {
  return (key: string, params: Record<string, string | number> = {}) => {
    const found = `report.${key}`
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages)
    if (typeof found !== 'string') throw new Error(`no message report.${key}`)
    return found.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]))
  }
}

const report = (legalForm: LegalForm) => ({
  organisation: { legalForm } as never,
  guide: { title: 'guide des bonnes pratiques', publisher: 'Conseil supérieur de l’ESS' } as never,
  year: 2026,
})

describe('the law, as it reads for each legal form', () => {
  it('sorts every legal form: the ESS forms of article 1, the fondation without an AG, the others voluntary', () => {
    const readings = Object.fromEntries(LEGAL_FORMS.map((form) => [form, legalFormReading(form)]))
    expect(readings).toEqual({
      association: 'ess',
      scop: 'ess',
      scic: 'ess',
      'cooperative-other': 'ess',
      mutuelle: 'ess',
      'societe-commerciale-ess': 'ess',
      fondation: 'fondation',
      'fonds-dotation': 'voluntary',
      other: 'voluntary',
    })
  })

  it('names the organisation by its legal form in the report’s opening, and never « l’entreprise »', () => {
    const t = translator(fr)
    expect(approachGuideText(report('association'), t)).toContain(
      'comment l’association a appliqué, pour l’exercice 2026',
    )
    expect(approachGuideText(report('scic'), t)).toContain('comment la coopérative a appliqué')
    for (const form of LEGAL_FORMS) expect(approachGuideText(report(form), t)).not.toMatch(/entreprise/)
  })

  it('tells a fondation that presenting to its board is a reading of the law, not the law', () => {
    const text = approachGuideText(report('fondation'), translator(fr))
    expect(text).toContain('conseil d’administration')
    expect(text).toContain('lecture de la loi')
  })

  it('never tells a fonds de dotation that the duty applies', () => {
    for (const messages of [fr, en]) {
      const text = approachGuideText(report('fonds-dotation'), translator(messages))
      expect(text).not.toMatch(/Conformément|requires/)
      expect(text).toMatch(/volontaire|voluntary/)
    }
  })

  it('says « financial year » in English', () => {
    expect(approachGuideText(report('mutuelle'), translator(en))).toContain(
      'how the mutual applied, for the 2026 financial year',
    )
  })
})
