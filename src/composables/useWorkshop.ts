import { computed, reactive, toValue, type MaybeRefOrGetter } from 'vue'
import type { Sheet } from '@/domain/participantSheet'
import type { DiscussionPatch, ParticipantRole, Rating } from '@/domain/workshop'
import { useExercisesStore } from '@/stores/exercises'
import { useWorkshopStore } from '@/stores/workshop'

/**
 * The workshop of the current route's exercise, bound to its id (the exercise is opened with its workshop by
 * `useExercise(id, { workshop: true })`).
 */
export function useWorkshop(assessmentId: MaybeRefOrGetter<string>) {
  const exercises = useExercisesStore()
  const workshop = useWorkshopStore()
  const id = () => toValue(assessmentId)
  const records = computed(() => exercises.byId.get(id())?.workshop ?? null)

  return reactive({
    loaded: computed(() => records.value !== null),
    participants: computed(() => workshop.participantsOf(id())),
    ratings: computed(() => [...(records.value?.ratings.values() ?? [])]),
    discussions: computed(() => [...(records.value?.discussions.values() ?? [])]),
    /** Throws a ValidationError (nothing written) for an empty or overlong name. */
    addParticipant: (input: { name: string; role: ParticipantRole }) => workshop.addParticipant(id(), input),
    removeParticipant: (participantId: string) => workshop.removeParticipant(id(), participantId),
    ratingOf: (participantId: string, questionId: string) => workshop.ratingOf(id(), participantId, questionId),
    rate: (participantId: string, questionId: string, rating: Rating | null) =>
      workshop.rate(id(), participantId, questionId, rating),
    importSheets: (sheets: ReadonlyArray<Sheet>) => workshop.importSheets(id(), sheets),
    discussionOf: (questionId: string) => workshop.discussionOf(id(), questionId),
    discuss: (questionId: string, patch: DiscussionPatch, typed = false) =>
      workshop.discuss(id(), questionId, patch, typed),
    discussionUnsaved: (questionId: string) => workshop.discussionUnsaved(id(), questionId),
    spread: (questionId: string) => workshop.spread(id(), questionId),
  })
}

export type WorkshopOnPage = ReturnType<typeof useWorkshop>
