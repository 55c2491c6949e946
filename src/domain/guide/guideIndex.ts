import { unmetConditions } from '../applicability.ts'
import type { OrganisationProfile } from '../organisation.ts'
import type { Applicability, Domaine, EvidenceDocument, Guide, Indicator, Question, Theme } from './schema.ts'

export interface QuestionEntry {
  question: Question
  domaine: Domaine
  theme: Theme
  /** Rules on the path theme → domaine → question; all must hold for the question to apply. */
  rules: ReadonlyArray<Applicability | undefined>
}

/** What the app knows of guide versions, as a synchronous lookup (null for a version it does not know). */
export type GuideCatalog = (ref: { guideId: string; guideVersion: number }) => GuideIndex | null

export interface GuideIndex {
  guide: Guide
  themeById: ReadonlyMap<string, Theme>
  questionById: ReadonlyMap<string, QuestionEntry>
  indicatorById: ReadonlyMap<string, Indicator>
  questionsOfTheme(themeId: string): QuestionEntry[]
  /** Documents this organisation may already produce that help answer this question. */
  documentsFor(entry: QuestionEntry, profile: OrganisationProfile): EvidenceDocument[]
}

export function indexGuide(guide: Guide): GuideIndex {
  const themeById = new Map<string, Theme>()
  const questionById = new Map<string, QuestionEntry>()
  const indicatorById = new Map<string, Indicator>()
  const byTheme = new Map<string, QuestionEntry[]>()
  for (const theme of guide.themes) {
    themeById.set(theme.id, theme)
    const entries: QuestionEntry[] = []
    for (const domaine of theme.domaines) {
      for (const question of domaine.questions) {
        const entry = {
          question,
          domaine,
          theme,
          rules: [theme.applicability, domaine.applicability, question.applicability],
        }
        questionById.set(question.id, entry)
        entries.push(entry)
      }
    }
    byTheme.set(theme.id, entries)
    for (const indicator of theme.indicators) indicatorById.set(indicator.id, indicator)
  }
  return {
    guide,
    themeById,
    questionById,
    indicatorById,
    questionsOfTheme: (themeId) => byTheme.get(themeId) ?? [],
    documentsFor: (entry, profile) =>
      guide.documents.filter(
        (doc) =>
          doc.evidenceFor.some((id) => id === entry.question.id || id === entry.domaine.id || id === entry.theme.id) &&
          unmetConditions(doc.applicability, profile).length === 0,
      ),
  }
}
