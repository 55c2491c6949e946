import { lazySchema, z } from '../zod.ts'
import type { Answer } from '../answer.ts'
import { NOTE_MAX } from '../answer.ts'
import type { Assessment } from '../assessment.ts'
import { YEAR_MAX, YEAR_MIN } from '../assessment.ts'
import { MAX_PROBLEMS, problemsFromZod, shortValue, type ImportProblem } from '../backup/problems.ts'
import type { GuideIndex } from '../guide/guideIndex.ts'
import { ItemIdSchema } from '../guide/schema.ts'
import { LegalFormSchema, ORGANISATION_LIMITS, RegionSchema, type Organisation } from '../organisation.ts'
import { exerciseProfile, ratingOfState } from '../exercise.ts'
import { scoreAssessment } from '../scoring.ts'
import { CoveredScoreSchema, type CoveredScore } from '../snapshot.ts'
import { SizeBandSchema, sizeBandOf } from '../sizeBand.ts'
import { RatingSchema, type Rating } from '../workshop.ts'
import { latestAllowed, readEnvelope, type Refusal } from './envelope.ts'

/**
 * The anonymised summary of a completed exercise, for a regional network: what it needs to draw a regional picture
 * (profile in bands, scores, coverage, the level of each question) and nothing that names the organisation or repeats
 * what it wrote, unless it opts in.
 */
export const SUMMARY_FORMAT = 'cap-ess-summary'
export const SUMMARY_FORMAT_VERSION = 1
export const SUMMARY_MAX_BYTES = 50 * 1024 * 1024
export const SUMMARIES_PER_FILE_MAX = 5000

export const SummarySchema = lazySchema(() =>
  z.strictObject({
    /** The same exercise always gives the same id: a network importing it twice keeps it once. */
    id: z.string().regex(/^[0-9a-f]{32}$/),
    year: z.int().min(YEAR_MIN).max(YEAR_MAX),
    guideId: ItemIdSchema,
    guideVersion: z.int().min(1),
    scoringVersion: z.int().min(1),
    legalForm: LegalFormSchema,
    sizeBand: SizeBandSchema,
    region: RegionSchema,
    global: CoveredScoreSchema,
    themes: z
      .array(CoveredScoreSchema.extend({ themeId: ItemIdSchema }))
      .min(1)
      .max(99),
    /**
     * Each scored question of the retained themes as a rating (a level, « non applicable », « je ne sais pas »); a
     * question left unanswered is absent.
     */
    levels: z.record(ItemIdSchema, RatingSchema),
    /** Only what the organisation chose to add. */
    optIn: z
      .strictObject({
        name: z.string().trim().min(1).max(ORGANISATION_LIMITS.nameMax).optional(),
        notes: z.record(ItemIdSchema, z.string().trim().min(1).max(NOTE_MAX)).optional(),
      })
      .optional(),
  }),
)
export type Summary = z.infer<typeof SummarySchema>

export const SummaryFileSchema = lazySchema(() =>
  z.strictObject({
    format: z.literal(SUMMARY_FORMAT),
    formatVersion: z.literal(SUMMARY_FORMAT_VERSION),
    exportedAt: z.iso.datetime(),
    appVersion: z.string().min(1).max(50),
    summaries: z.array(SummarySchema).min(1).max(SUMMARIES_PER_FILE_MAX),
  }),
)
export type SummaryFile = z.infer<typeof SummaryFileSchema>

export interface SummaryOptIn {
  name: boolean
  notes: boolean
}

/**
 * The summary's id: a digest of the assessment's id, so it stays the same from one export to the next without
 * giving the assessment's own id (which a backup file holds). `sha256` is the platform's (Web Crypto).
 */
export async function summaryId(
  assessmentId: string,
  sha256: (data: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer>,
): Promise<string> {
  const bytes = await sha256(new TextEncoder().encode(`cap-ess-summary:${assessmentId}`))
  return [...new Uint8Array(bytes).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Builds the summary of a completed exercise. Scores are the snapshot's (what the AG saw); the profile is the one
 * the snapshot kept when it has one; the region is the organisation's.
 */
export function buildSummary(input: {
  id: string
  assessment: Assessment
  organisation: Organisation
  answers: ReadonlyArray<Answer>
  guide: GuideIndex
  optIn: SummaryOptIn
}): Summary {
  const { assessment, organisation, guide, optIn } = input
  const snapshot = assessment.snapshot
  if (assessment.status !== 'completed' || !snapshot) throw new Error('Only a completed exercise has a summary')
  const profile = exerciseProfile(assessment, organisation)
  const answers = new Map(input.answers.map((a) => [a.questionId, a]))
  const levels: Record<string, Rating> = {}
  const notes: Record<string, string> = {}
  for (const { entry, state } of scoreAssessment(guide, assessment.retainedThemeIds, profile, answers).questions) {
    const id = entry.question.id
    const rating = ratingOfState(state, answers.get(id))
    if (rating !== null) levels[id] = rating
    const note = answers.get(id)?.note.trim()
    if (optIn.notes && note) notes[id] = note
  }
  const summary: Summary = {
    id: input.id,
    year: assessment.year,
    guideId: assessment.guideId,
    guideVersion: assessment.guideVersion,
    scoringVersion: snapshot.scoringVersion,
    legalForm: profile.legalForm,
    sizeBand: sizeBandOf(profile.employees),
    region: organisation.region,
    global: { ...snapshot.global },
    themes: snapshot.themes.map(({ themeId, score, answered, applicable, coverage }) => ({
      themeId,
      score,
      answered,
      applicable,
      coverage,
    })),
    levels,
  }
  const extra = { ...(optIn.name ? { name: organisation.name } : {}), ...(Object.keys(notes).length ? { notes } : {}) }
  return Object.keys(extra).length ? { ...summary, optIn: extra } : summary
}

export function summaryFile(summaries: Summary[], appVersion: string, now = new Date()): SummaryFile {
  return {
    format: SUMMARY_FORMAT,
    formatVersion: SUMMARY_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    appVersion,
    summaries,
  }
}

export type SummaryParse = { ok: true; file: SummaryFile } | Refusal

/**
 * A score's figures as Cap ESS computes them: no more answers than questions that apply, and a coverage that is the
 * one divided by the other (a file that says otherwise would weigh wrongly in the regional picture).
 */
function coveredScoreProblems(score: CoveredScore, path: string): ImportProblem[] {
  const { answered, applicable, coverage } = score
  if (answered > applicable)
    return [
      { path: `${path}.answered`, key: 'import.problem.answeredOverApplicable', params: { answered, applicable } },
    ]
  const expected = applicable > 0 ? answered / applicable : null
  const wrong = expected === null ? coverage !== null : coverage === null || Math.abs(coverage - expected) > 1e-9
  return wrong
    ? [{ path: `${path}.coverage`, key: 'import.problem.coverage', params: { value: String(coverage) } }]
    : []
}

export function parseSummaryFile(text: string, now = new Date()): SummaryParse {
  const read = readEnvelope(text, SUMMARY_FORMAT, SUMMARY_FORMAT_VERSION, SUMMARY_MAX_BYTES)
  if (!read.ok) return read
  const parsed = SummaryFileSchema.safeParse(read.json)
  if (!parsed.success)
    return { ok: false, problems: problemsFromZod(parsed.error.issues, read.json).slice(0, MAX_PROBLEMS) }
  const problems: ImportProblem[] = []
  if (parsed.data.exportedAt > latestAllowed(now))
    problems.push({ path: 'exportedAt', key: 'import.problem.future', params: { value: parsed.data.exportedAt } })
  const seen = new Set<string>()
  parsed.data.summaries.forEach((s, i) => {
    if (seen.has(s.id))
      problems.push({
        path: `summaries[${i}].id`,
        key: 'import.problem.duplicate',
        params: { value: shortValue(s.id) },
      })
    seen.add(s.id)
    if (s.year > now.getFullYear() + 1)
      problems.push({ path: `summaries[${i}].year`, key: 'import.problem.future', params: { value: s.year } })
    problems.push(...coveredScoreProblems(s.global, `summaries[${i}].global`))
    const sum = (field: 'answered' | 'applicable') => s.themes.reduce((n, t) => n + t[field], 0)
    if (sum('answered') !== s.global.answered || sum('applicable') !== s.global.applicable)
      problems.push({ path: `summaries[${i}].global`, key: 'import.problem.themesSum', params: {} })
    const themes = new Set<string>()
    s.themes.forEach((t, k) => {
      problems.push(...coveredScoreProblems(t, `summaries[${i}].themes[${k}]`))
      if (themes.has(t.themeId))
        problems.push({
          path: `summaries[${i}].themes[${k}].themeId`,
          key: 'import.problem.duplicate',
          params: { value: shortValue(t.themeId) },
        })
      themes.add(t.themeId)
    })
  })
  return problems.length ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) } : { ok: true, file: parsed.data }
}
