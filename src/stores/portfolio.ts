import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { editKeys, editWriter } from '@/db/writer'
import {
  readAllExercises,
  readPortfolio,
  readPortfolioCache,
  writePortfolioCache,
  type StoredPortfolio,
} from '@/db/portfolioRepository'
import { readExercises } from '@/db/exerciseRepository'
import { liveScores, shownScores } from '@/domain/exercise'
import { toPercent } from '@/domain/scoring'
import { loadGuideIndex } from '@/domain/guide/registry'
import type { LegalForm, Region } from '@/domain/organisation'
import { defaultExerciseYear } from '@/domain/assessment'
import { naturalCompare, portfolioRows, stageOf, whatsNext, type PortfolioRow } from '@/domain/portfolio'
import type { PortfolioExercise } from '@/report/portfolioCsv'

/** An exercise for the spreadsheet, with its legal form and region as codes (the page says them in words). */
export type PortfolioExerciseData = Omit<PortfolioExercise, 'legalForm' | 'region'> & {
  legalForm: LegalForm
  region: Region
}

/**
 * The facilitator's portfolio: every organisation's row (stage, score, actions), read in one transaction. Tags and
 * the archive mark go through the one writer like every edit, and show at once.
 */
export const usePortfolioStore = defineStore('portfolio', () => {
  const writer = editWriter()
  const stored = shallowRef<StoredPortfolio | null>(null)
  const today = ref(new Date())
  const loadFailed = ref(false)
  /** Tags and archive marks changed here and not read back yet. */
  const overrides = ref(new Map<string, Partial<Pick<PortfolioRow, 'tags' | 'archived'>>>())

  /**
   * The rows as last computed on this device: with 200 organisations, reading everything again takes about a second,
   * so the table shows these at once (« mise à jour… ») and the fresh rows replace them when read.
   */
  const cached = shallowRef<PortfolioRow[] | null>(null)
  const isFresh = computed(() => stored.value !== null)

  async function load() {
    loadFailed.value = false
    // Marks for `npm run bench`: from the start of the read, to the table first shown and to the fresh rows.
    performance.mark('cap-ess:portfolio-start')
    if (!stored.value && !cached.value) {
      try {
        const text = await readPortfolioCache()
        const parsed = text ? (JSON.parse(text) as { rows?: PortfolioRow[] }) : null
        if (Array.isArray(parsed?.rows)) cached.value = parsed.rows
      } catch {
        // An unreadable cache only means the table waits for the fresh rows.
      }
    }
    try {
      await writer.replay()
      const read = await readPortfolio(defaultExerciseYear(new Date()))
      performance.measure('cap-ess:portfolio-read', 'cap-ess:portfolio-start')
      stored.value = read
      today.value = new Date()
      overrides.value = new Map([...overrides.value].filter(([id]) => writer.hasUnsaved(editKeys.organisationMeta(id))))
      void writePortfolioCache(JSON.stringify({ at: today.value.toISOString(), rows: rows.value })).catch(() => {})
    } catch (error) {
      console.error('Reading the portfolio failed', error)
      loadFailed.value = true
    }
  }

  const rows = computed<PortfolioRow[]>(() => {
    const s = stored.value
    if (!s) return (cached.value ?? []).map((r) => ({ ...r, ...overrides.value.get(r.id) }))
    return portfolioRows(s.organisations, s.assessments, s.actions, today.value, s.draftActivity).map((r) => ({
      ...r,
      ...overrides.value.get(r.id),
    }))
  })
  const next = computed(() => whatsNext(rows.value, today.value))
  const allTags = computed(() =>
    [...new Set(rows.value.flatMap((r) => r.tags))].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })),
  )

  function override(id: string, change: Partial<Pick<PortfolioRow, 'tags' | 'archived'>>) {
    overrides.value = new Map(overrides.value).set(id, { ...overrides.value.get(id), ...change })
  }

  function setTags(id: string, tags: string[]) {
    const before = rows.value.find((r) => r.id === id)?.tags ?? []
    override(id, { tags })
    writer.edit(editKeys.organisationMeta(id), { tags }, { base: { tags: before } })
  }

  function setArchived(id: string, archived: boolean) {
    const before = stored.value?.organisations.find((o) => o.id === id)?.archivedAt ?? null
    override(id, { archived })
    writer.edit(
      editKeys.organisationMeta(id),
      { archivedAt: archived ? new Date().toISOString() : null },
      { base: { archivedAt: before } },
    )
  }

  /**
   * Every exercise of every organisation for the portfolio's spreadsheet: frozen scores for completed ones, scores
   * computed now for drafts (their answers are read only here, not for the table).
   */
  async function exercises(): Promise<PortfolioExerciseData[]> {
    await writer.flush()
    const s = await readAllExercises()
    const organisations = new Map(s.organisations.map((o) => [o.id, o]))
    // Only the drafts' answers are read: a completed exercise shows its frozen scores.
    const drafts = await readExercises(
      organisations,
      s.assessments.filter((a) => !a.snapshot),
    )
    const answersOf = new Map(drafts.map((d) => [d.assessment.id, new Map(d.answers.map((x) => [x.questionId, x]))]))
    const result: PortfolioExerciseData[] = []
    for (const a of [...s.assessments].sort((x, y) => x.year - y.year)) {
      const org = organisations.get(a.organisationId)
      if (!org) continue
      const guide = a.snapshot ? null : await loadGuideIndex(a)
      const scores = shownScores(a, () => liveScores(guide!, a, org, answersOf.get(a.id) ?? new Map()), org)
      const pct = (v: number | null) => (v === null ? null : toPercent(v))
      result.push({
        organisation: org.name,
        legalForm: org.legalForm,
        region: org.region,
        tags: org.tags ?? [],
        archived: !!org.archivedAt,
        year: a.year,
        stage: stageOf(a),
        global: {
          score: pct(scores.global.score),
          coverage: pct(scores.global.coverage),
          answered: scores.global.answered,
          applicable: scores.global.applicable,
        },
        themes: new Map(scores.themes.map((t) => [t.themeId, pct(t.score)])),
        presentedAt: a.presentedAt,
      })
    }
    return result.sort((x, y) => naturalCompare(x.organisation, y.organisation) || x.year - y.year)
  }

  return { stored, cached, isFresh, rows, next, allTags, loadFailed, load, setTags, setArchived, exercises }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePortfolioStore, import.meta.hot))
