import { lazySchema, z } from './zod.ts'
import type { AssessmentScores } from './scoring.ts'
import { SCORING_VERSION } from './scoring.ts'
import { OrganisationProfileSchema, type OrganisationProfile } from './organisation.ts'

/**
 * Written when an assessment is completed: the scores as they were, with the guide and scoring versions that
 * produced them, so the history never changes when the formula or the guide changes.
 */
export const CoveredScoreSchema = lazySchema(() =>
  z.strictObject({
    score: z.number().min(0).max(1).nullable(),
    answered: z.int().min(0),
    applicable: z.int().min(0),
    coverage: z.number().min(0).max(1).nullable(),
  }),
)

export const ScoreSnapshotSchema = lazySchema(() =>
  z.strictObject({
    takenAt: z.iso.datetime(),
    guideId: z.string().min(1),
    guideVersion: z.int().min(1),
    scoringVersion: z.int().min(1),
    global: CoveredScoreSchema,
    themes: z.array(
      CoveredScoreSchema.extend({
        themeId: z.string().min(1),
        domaines: z.array(CoveredScoreSchema.extend({ domaineId: z.string().min(1) })),
      }),
    ),
    /**
     * The profile the scores were computed with: which questions applied depends on it, and the organisation may
     * grow or change its legal form later. Absent from snapshots taken before it was kept.
     */
    profile: OrganisationProfileSchema.optional(),
  }),
)
export type ScoreSnapshot = z.infer<typeof ScoreSnapshotSchema>
/** A score with the coverage it rests on (0..1, null when there is nothing to score). */
export type CoveredScore = z.infer<typeof CoveredScoreSchema>
export type ThemeScore = ScoreSnapshot['themes'][number]
export type DomaineScore = ThemeScore['domaines'][number]

function figures(s: CoveredScore) {
  return { score: s.score, answered: s.answered, applicable: s.applicable, coverage: s.coverage }
}

export function takeSnapshot(
  scores: AssessmentScores,
  guide: { guideId: string; guideVersion: number },
  takenAt: string,
  profile?: OrganisationProfile,
): ScoreSnapshot {
  return {
    ...(profile
      ? {
          profile: {
            legalForm: profile.legalForm,
            employees: profile.employees,
            volunteers: profile.volunteers,
            members: profile.members,
          },
        }
      : {}),
    takenAt,
    guideId: guide.guideId,
    guideVersion: guide.guideVersion,
    scoringVersion: SCORING_VERSION,
    global: figures(scores.global),
    themes: scores.themes.map((t) => ({
      themeId: t.themeId,
      ...figures(t),
      domaines: t.domaines.map((d) => ({ domaineId: d.domaineId, ...figures(d) })),
    })),
  }
}
