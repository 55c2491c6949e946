import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, effectScope, markRaw, reactive, shallowReactive, shallowRef, type EffectScope } from 'vue'
import {
  readExercise,
  readExercisesOf,
  watchExercise,
  type ExerciseChange,
  type ExerciseParts,
  type StoredExercise,
} from '@/db/exerciseRepository'
import { without } from '@/db/itemSets'
import { baseOf, editKeys, editWriter, ratingId, ratingParts, type EditKey, type Edits } from '@/db/writer'
import { applyAnswerPatch, emptyAnswer, type Answer } from '@/domain/answer'
import { agFieldsOf, applyAgRecordPatch, type AgRecordPatch, type Assessment } from '@/domain/assessment'
import {
  completionGaps,
  exerciseProfile,
  liveScores,
  progressByTheme,
  shownScores,
  themeQuestions,
} from '@/domain/exercise'
import { CURRENT_GUIDE, type GuideRef } from '@/domain/guide/current'
import type { GuideIndex } from '@/domain/guide/guideIndex'
import { loadGuideIndex, loadMaturityScale } from '@/domain/guide/registry'
import type { MaturityScale } from '@/domain/guide/schema'
import { emptyIndicatorRecord, type IndicatorRecord } from '@/domain/indicators'
import { emptyObjective, type Objective } from '@/domain/objectives'
import type { Organisation, OrganisationProfile } from '@/domain/organisation'
import { progress, type QuestionScore } from '@/domain/scoring'
import {
  emptyDiscussion,
  emptyParticipant,
  emptyRating,
  type Discussion,
  type Participant,
  type RatingRecord,
} from '@/domain/workshop'

/** One exercise on screen: what is stored, with this tab's edits not stored yet shown over it, and its guide. */
export interface Exercise {
  id: string
  assessment: Assessment
  organisation: Organisation
  /** The guide version the exercise was made with: its questions, ids and scores. */
  guide: GuideIndex
  answers: Map<string, Answer>
  indicatorValues: Map<string, IndicatorRecord>
  /** By subject: a question's or an indicator's id. */
  objectives: Map<string, Objective>
  /** Read only by the pages that need it (the workshop, the report); null until then. */
  workshop: ExerciseWorkshop | null
}

export interface ExerciseWorkshop {
  /** By id (`participantsOf` lists them in the order they joined). */
  participants: Map<string, Participant>
  /** By `ratingId(participant, question)`. */
  ratings: Map<string, RatingRecord>
  /** By question. */
  discussions: Map<string, Discussion>
}

/** The kinds of records an exercise holds, edited one record at a time through the writer. */
type RecordKind = 'answer' | 'indicator' | 'objective' | 'participant' | 'rating' | 'discussion'
type RecordOf<K extends RecordKind> = Edits[K]['result']
type PatchOf<K extends RecordKind> = Edits[K]['patch']

interface Shown<K extends RecordKind> {
  idOf: (record: RecordOf<K>) => string
  /** The record before anything is stored for it (`patch` is the edit that creates it). */
  empty: (assessmentId: string, id: string, at: string, patch: Partial<PatchOf<K>>) => RecordOf<K>
  apply: (record: RecordOf<K>, patch: Partial<PatchOf<K>>, at: string) => RecordOf<K>
}

const plainPatch = <R extends object>(record: R, patch: object, at: string): R => ({
  ...record,
  ...patch,
  updatedAt: at,
})

/** How each kind of record is shown: what is stored, with this tab's edit not stored yet applied over it. */
const SHOWN: { [K in RecordKind]: Shown<K> } = {
  answer: { idOf: (a) => a.questionId, empty: emptyAnswer, apply: applyAnswerPatch },
  indicator: { idOf: (v) => v.indicatorId, empty: emptyIndicatorRecord, apply: plainPatch },
  objective: {
    idOf: (o) => o.subjectId,
    // An objective's edit names its subject's kind: the first one creates it.
    empty: (assessmentId, subjectId, at, patch) =>
      emptyObjective({ assessmentId, subjectKind: patch.subjectKind ?? 'question', subjectId }, at),
    apply: (record, patch, at) => plainPatch(record, without(patch, 'subjectKind'), at),
  },
  participant: { idOf: (p) => p.id, empty: emptyParticipant, apply: plainPatch },
  rating: {
    idOf: (r) => ratingId(r.participantId, r.questionId),
    empty: (assessmentId, id, at) => emptyRating(assessmentId, ...ratingParts(id), at),
    apply: plainPatch,
  },
  discussion: { idOf: (d) => d.questionId, empty: emptyDiscussion, apply: plainPatch },
}

/** Two versions of a record that read the same: the one on screen stays, and nothing is drawn again. */
function sameRecord(a: object | undefined, b: object | undefined): boolean {
  const withoutDate = (key: string, value: unknown) => (key === 'updatedAt' ? undefined : value)
  return a === b || (!!a && !!b && JSON.stringify(a, withoutDate) === JSON.stringify(b, withoutDate))
}

/** What the pages read of an exercise, computed once for every component that shows it. */
export interface ExerciseView {
  /** The profile that decides what applies: frozen with a completed exercise, today's for a draft. */
  profile: OrganisationProfile
  /** Computed now from the answers. */
  scores: ReturnType<typeof liveScores>
  /** What the results show: frozen at completion, live for a draft. */
  shown: ReturnType<typeof shownScores>
  progressByTheme: ReturnType<typeof progressByTheme>
  overallProgress: { done: number; total: number }
  /** What is still open before completing. */
  gaps: ReturnType<typeof completionGaps>
}

/**
 * Every exercise the pages show, by assessment id: read once (`src/db/exerciseRepository`), followed while a page
 * shows it, and shown with this tab's edits not yet stored over what was read: the one place where that merge is
 * made. Edits go to the writer (`src/db/writer`), which stores, journals and retries them; the screen shows them at
 * once. Rules about an exercise are the domain's (`src/domain/exercise.ts`); the stores above this one (assessment,
 * history, workshop) keep only what is theirs.
 */
export const useExercisesStore = defineStore('exercises', () => {
  const writer = editWriter()
  const byId = shallowReactive(new Map<string, Exercise>())
  /** Assessments that could not be opened (none with this id, or the read failed). */
  const failed = shallowReactive(new Set<string>())
  const scale = shallowRef<MaturityScale | null>(null)

  const views = new Map<string, { scope: EffectScope; view: ExerciseView }>()
  let watched: { id: string; parts: ExerciseParts; stop: () => void } | null = null
  /** Opens under way, so the app's start and the page share one read of the same exercise. */
  const opening = new Map<string, { parts: ExerciseParts; done: Promise<boolean> }>()
  let openRequest = 0

  /** This tab's edit of a record, not stored yet, applied over what is stored (or over nothing yet). */
  function withUnsaved<K extends RecordKind>(
    kind: K,
    assessmentId: string,
    id: string,
    stored: RecordOf<K> | undefined,
    at: string,
  ) {
    const patch = writer.unsavedPatch({ kind, scope: assessmentId, id } as EditKey<K>) as Partial<PatchOf<K>> | null
    if (!patch) return stored
    const how = SHOWN[kind] as Shown<K>
    return how.apply(stored ?? how.empty(assessmentId, id, at, patch), patch, at)
  }

  /** What is stored for one kind of record, with this tab's edits over it, into what the screen shows. */
  function mergeRecords<K extends RecordKind>(
    kind: K,
    assessmentId: string,
    shown: Map<string, RecordOf<K>>,
    stored: ReadonlyArray<RecordOf<K>>,
  ) {
    const how = SHOWN[kind] as Shown<K>
    const at = new Date().toISOString()
    const storedById = new Map(stored.map((record) => [how.idOf(record), record]))
    const unsaved = writer.unsavedKeys((key) => key.kind === kind && key.scope === assessmentId).map((key) => key.id)
    const ids = new Set([...storedById.keys(), ...unsaved])
    for (const id of [...shown.keys()]) if (!ids.has(id)) shown.delete(id)
    for (const id of ids) {
      const record = withUnsaved(kind, assessmentId, id, storedById.get(id), at)
      if (!record) shown.delete(id)
      else if (!sameRecord(shown.get(id), record)) shown.set(id, record)
    }
  }

  function shownAssessment(stored: Assessment): Assessment {
    const patch = writer.unsavedPatch(editKeys.agRecord(stored.id))
    return patch ? applyAgRecordPatch(stored, patch) : stored
  }

  /** Takes what is stored (all of an exercise, or the parts that changed) into what the screen shows. */
  function take(exercise: Exercise, change: ExerciseChange) {
    const id = exercise.id
    if (change.assessment) {
      const assessment = shownAssessment(change.assessment)
      if (!sameRecord(exercise.assessment, assessment)) exercise.assessment = assessment
      if (!sameGuide(exercise.guide, assessment))
        void loadGuideIndex(assessment).then((g) => (exercise.guide = markRaw(g)))
    }
    if (change.organisation && !sameRecord(exercise.organisation, change.organisation))
      exercise.organisation = change.organisation
    if (change.answers) mergeRecords('answer', id, exercise.answers, change.answers)
    if (change.indicatorValues) mergeRecords('indicator', id, exercise.indicatorValues, change.indicatorValues)
    if (change.objectives) mergeRecords('objective', id, exercise.objectives, change.objectives)
    const workshop = exercise.workshop
    if (!workshop) return
    if (change.participants) mergeRecords('participant', id, workshop.participants, change.participants)
    if (change.ratings) mergeRecords('rating', id, workshop.ratings, change.ratings)
    if (change.discussions) mergeRecords('discussion', id, workshop.discussions, change.discussions)
  }

  const sameGuide = (guide: GuideIndex, ref: GuideRef) =>
    guide.guide.id === ref.guideId && guide.guide.version === ref.guideVersion

  /** Puts a read exercise on screen: a new one, or what was read taken into the one shown. */
  function put(stored: StoredExercise, guide: GuideIndex): Exercise {
    const id = stored.assessment.id
    let exercise = byId.get(id)
    if (!exercise) {
      exercise = reactive({
        id,
        assessment: stored.assessment,
        organisation: stored.organisation,
        guide: markRaw(guide),
        answers: new Map(),
        indicatorValues: new Map(),
        objectives: new Map(),
        workshop: null,
      }) as Exercise
      byId.set(id, exercise)
    } else if (exercise.guide !== guide) exercise.guide = markRaw(guide)
    if (stored.workshop && !exercise.workshop)
      exercise.workshop = { participants: new Map(), ratings: new Map(), discussions: new Map() }
    take(exercise, { ...stored, ...stored.workshop })
    failed.delete(id)
    return exercise
  }

  /** Keeps the exercises of one organisation (and the one followed): a facilitator's other clients are read again. */
  function keepOnly(organisationId: string) {
    for (const [id, exercise] of byId) {
      if (exercise.assessment.organisationId === organisationId || id === watched?.id) continue
      byId.delete(id)
      views.get(id)?.scope.stop()
      views.delete(id)
    }
  }

  function loadScale() {
    if (scale.value) return Promise.resolve(scale.value)
    return loadMaturityScale().then((s) => (scale.value = s))
  }

  /**
   * Opens one exercise for a page: read once (after what a closed tab left in the journal is written), then followed
   * until another exercise is opened, so another tab's changes show. Opening the one already followed reads nothing.
   * False when there is no such assessment.
   */
  function open(assessmentId: string, parts: ExerciseParts = {}): Promise<boolean> {
    if (watched?.id === assessmentId && byId.has(assessmentId) && (watched.parts.workshop || !parts.workshop))
      return Promise.resolve(true)
    const under = opening.get(assessmentId)
    if (under && (under.parts.workshop || !parts.workshop)) return under.done
    const done = readAndFollow(assessmentId, parts).finally(() => {
      if (opening.get(assessmentId)?.done === done) opening.delete(assessmentId)
    })
    opening.set(assessmentId, { parts, done })
    return done
  }

  async function readAndFollow(assessmentId: string, parts: ExerciseParts): Promise<boolean> {
    const request = ++openRequest
    // Most exercises use the current guide: fetched with the scale while IndexedDB answers (both are cached).
    void loadGuideIndex(CURRENT_GUIDE).catch(() => {})
    const scaleLoaded = loadScale()
    try {
      await writer.replay()
      const read = await readExercise(assessmentId, parts)
      if (!read) {
        failed.add(assessmentId)
        return false
      }
      const [guide] = await Promise.all([loadGuideIndex(read.stored.assessment), scaleLoaded])
      const exercise = put(read.stored, guide)
      if (request === openRequest) {
        watched?.stop()
        const stop = watchExercise(read, parts, (change) => {
          if (change.assessment === undefined && 'assessment' in change) return gone(assessmentId)
          take(exercise, change)
        })
        watched = { id: assessmentId, parts, stop }
      }
      keepOnly(read.stored.assessment.organisationId)
      return true
    } catch (error) {
      console.error('Opening the exercise failed', error)
      failed.add(assessmentId)
      return false
    }
  }

  /** The assessment no longer exists (an import replaced its organisation): its pages say so. */
  function gone(assessmentId: string) {
    byId.delete(assessmentId)
    failed.add(assessmentId)
  }

  /** Reads an exercise again whole (after its guide changed, or a workshop's sheets were merged). */
  async function reload(assessmentId: string): Promise<void> {
    const parts = { workshop: !!byId.get(assessmentId)?.workshop }
    const read = await readExercise(assessmentId, parts)
    if (!read) return gone(assessmentId)
    put(read.stored, await loadGuideIndex(read.stored.assessment))
  }

  /**
   * Reads every exercise of one organisation, for its history, comparison and report (after the journal is
   * written); the one a page follows is taken into what it shows. Undefined when there is no such organisation.
   */
  async function loadOrganisation(organisationId: string) {
    await writer.replay()
    const found = await readExercisesOf(organisationId)
    if (!found) return undefined
    const guides = await Promise.all(found.exercises.map((e) => loadGuideIndex(e.assessment)))
    const exercises = found.exercises.map((stored, i) => put(stored, guides[i]))
    keepOnly(organisationId)
    return { organisation: found.organisation, exercises }
  }

  /** What a write returned for the assessment itself (completed, reopened, its themes): taken like a change. */
  function takeAssessment(assessment: Assessment) {
    const exercise = byId.get(assessment.id)
    if (exercise) take(exercise, { assessment })
  }

  function exerciseOf(assessmentId: string): Exercise {
    const exercise = byId.get(assessmentId)
    if (!exercise) throw new Error(`Exercise ${assessmentId} is not open`)
    return exercise
  }

  /**
   * What the pages read of an exercise (profile, scores, progress, gaps), computed once whatever the number of
   * components showing it, and again only when what it depends on changes.
   */
  function view(assessmentId: string): ExerciseView {
    let found = views.get(assessmentId)
    if (!found) {
      const scope = effectScope(true)
      const exercise = exerciseOf(assessmentId)
      const view = scope.run(() => {
        const profile = computed(() => exerciseProfile(exercise.assessment, exercise.organisation))
        const scores = computed(() =>
          liveScores(exercise.guide, exercise.assessment, exercise.organisation, exercise.answers),
        )
        return reactive({
          profile,
          scores,
          shown: computed(() => shownScores(exercise.assessment, () => scores.value, profile.value)),
          progressByTheme: computed(() => progressByTheme(scores.value)),
          overallProgress: computed(() => progress(scores.value.questions)),
          gaps: computed(() => completionGaps(scores.value, exercise.answers)),
        })
      })!
      views.set(assessmentId, (found = { scope, view: view as ExerciseView }))
    }
    return found.view
  }

  /** Every question of a theme with its state, retained or not (a theme left out this year can still be read). */
  function questionsOfTheme(assessmentId: string, themeId: string): QuestionScore[] {
    const exercise = exerciseOf(assessmentId)
    return themeQuestions(exercise.guide, themeId, exercise.assessment, exercise.organisation, exercise.answers)
  }

  /** The map a kind of record is shown in. */
  function shownMap<K extends RecordKind>(exercise: Exercise, kind: K): Map<string, RecordOf<K>> {
    const maps = {
      answer: exercise.answers,
      indicator: exercise.indicatorValues,
      objective: exercise.objectives,
      participant: exercise.workshop?.participants,
      rating: exercise.workshop?.ratings,
      discussion: exercise.workshop?.discussions,
    } as Record<RecordKind, Map<string, unknown> | undefined>
    const map = maps[kind]
    if (!map) throw new Error(`No ${kind} records open for ${exercise.id}`)
    return map as Map<string, RecordOf<K>>
  }

  /**
   * One change to one record of an exercise: handed to the writer (which writes a gesture at once, typing after a
   * pause), and shown at once. The write starts before the page changes: its transaction opens before Vue renders.
   */
  function edit<K extends RecordKind>(
    assessmentId: string,
    kind: K,
    id: string,
    patch: PatchOf<K>,
    how: { typed?: boolean; base?: Partial<PatchOf<K>> } = {},
  ) {
    const exercise = exerciseOf(assessmentId)
    const at = new Date().toISOString()
    const shape = SHOWN[kind] as Shown<K>
    const map = shownMap(exercise, kind)
    const shown = map.get(id) ?? shape.empty(assessmentId, id, at, patch)
    writer.edit({ kind, scope: assessmentId, id } as EditKey<K>, patch, {
      typed: how.typed,
      base: how.base ?? (baseOf(shown, patch) as Partial<PatchOf<K>>),
    })
    map.set(id, shape.apply(shown, patch, at))
  }

  /** The AG date (checked first) or one of the AG texts: typing is written after a pause. */
  function editAgRecord(assessmentId: string, patch: AgRecordPatch, typed = false) {
    const exercise = exerciseOf(assessmentId)
    writer.edit(editKeys.agRecord(assessmentId), patch, {
      typed,
      base: baseOf(agFieldsOf(exercise.assessment), patch),
    })
    exercise.assessment = applyAgRecordPatch(exercise.assessment, patch)
  }

  /** Whether the AG page has an edit of this tab not stored yet (its fields must not be redrawn from storage). */
  function agRecordUnsaved(assessmentId: string) {
    return writer.hasUnsaved(editKeys.agRecord(assessmentId))
  }

  return {
    byId,
    failed,
    scale,
    open,
    reload,
    loadOrganisation,
    takeAssessment,
    exerciseOf,
    view,
    questionsOfTheme,
    edit,
    editAgRecord,
    agRecordUnsaved,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useExercisesStore, import.meta.hot))
