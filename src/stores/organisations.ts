import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { listAssessments } from '@/db/assessmentRepository'
import { getOrganisation, listOrganisations } from '@/db/organisationRepository'
import type { Assessment } from '@/domain/assessment'
import { CURRENT_GUIDE, type GuideRef } from '@/domain/guide/current'
import type { Organisation } from '@/domain/organisation'

// Writes validate with zod; importing them on the first save keeps zod out of the first screen's JavaScript.
const organisationWrites = () => import('@/db/organisationWrites')
const assessmentWrites = () => import('@/db/assessmentWrites')

/** The organisations kept on this device (a facilitator may keep many) and their assessments. */
export const useOrganisationsStore = defineStore('organisations', () => {
  const organisations = ref<Organisation[]>([])
  const isLoaded = ref(false)

  async function load() {
    organisations.value = await listOrganisations()
    isLoaded.value = true
  }

  /** Throws a ValidationError (nothing written) when a field is wrong. */
  async function create(input: unknown) {
    const { createOrganisation } = await organisationWrites()
    const organisation = await createOrganisation(input)
    // The first data worth keeping: ask the browser not to evict it when the disk fills (result on /donnees).
    void navigator.storage?.persist?.().catch(() => false)
    await load()
    return organisation
  }

  /**
   * A new client on another's model: its retained themes (a first, blank assessment for the current exercise) and
   * its own indicators; never its answers. Throws a ValidationError (nothing written) when a field is wrong.
   */
  async function createFromModel(input: unknown, modelId: string) {
    const [{ createFromModel: create }, { loadGuideIndex }, { defaultExerciseYear }] = await Promise.all([
      organisationWrites(),
      import('@/domain/guide/registry'),
      import('@/domain/assessment'),
    ])
    const guide = await loadGuideIndex(CURRENT_GUIDE)
    const created = await create(input, modelId, defaultExerciseYear(new Date()), {
      ...CURRENT_GUIDE,
      themeIds: guide.guide.themes.map((t) => t.id),
    })
    void navigator.storage?.persist?.().catch(() => false)
    await load()
    return created.organisation
  }

  async function update(id: string, input: unknown) {
    const { updateOrganisation } = await organisationWrites()
    const organisation = await updateOrganisation(id, input)
    await load()
    return organisation
  }

  /** What the last start carried over, so the new assessment can say which questions were dropped. */
  const lastStart = ref<{ assessmentId: string; dropped: string[]; renamed: [string, string][] } | null>(null)

  /**
   * Starts an assessment with a guide (the national guide's current version unless a network guide is chosen); the
   * year must be free for this organisation. With `prefillFrom`, last year's answers come along, to be confirmed:
   * within one guide through its migration maps; from another guide (a network's adaptation of the national one),
   * the answers to the questions it kept under the same ids.
   */
  async function startAssessment(
    organisationId: string,
    input: unknown,
    prefillFrom: Assessment | null = null,
    guide: GuideRef = CURRENT_GUIDE,
  ) {
    const [{ createAssessment }, { loadGuideIndex, loadMigrationSteps }] = await Promise.all([
      assessmentWrites(),
      import('@/domain/guide/registry'),
    ])
    const prefill = prefillFrom
      ? {
          fromAssessmentId: prefillFrom.id,
          // A network guide's versions may have no migration map: its answers then follow the ids it kept.
          steps:
            prefillFrom.guideId === guide.guideId
              ? await loadMigrationSteps(guide.guideId, prefillFrom.guideVersion, guide.guideVersion).catch(() => [])
              : [],
          questionIds: new Set((await loadGuideIndex(guide)).questionById.keys()),
        }
      : null
    const created = await createAssessment(organisationId, input, guide, prefill)
    lastStart.value = { assessmentId: created.assessment.id, dropped: created.dropped, renamed: created.renamed }
    return created.assessment
  }

  return {
    organisations,
    isLoaded,
    load,
    create,
    createFromModel,
    update,
    get: getOrganisation,
    assessmentsOf: listAssessments,
    startAssessment,
    lastStart,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useOrganisationsStore, import.meta.hot))
