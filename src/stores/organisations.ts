import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { listAssessments } from '@/db/assessmentRepository'
import { getOrganisation, listOrganisations } from '@/db/organisationRepository'
import type { AssessmentInput } from '@/domain/assessment'
import { CURRENT_GUIDE } from '@/domain/guide/current'
import type { Organisation, OrganisationInput } from '@/domain/organisation'

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
  async function create(input: OrganisationInput) {
    const { createOrganisation } = await organisationWrites()
    const organisation = await createOrganisation(input)
    await load()
    return organisation
  }

  async function update(id: string, input: OrganisationInput) {
    const { updateOrganisation } = await organisationWrites()
    const organisation = await updateOrganisation(id, input)
    await load()
    return organisation
  }

  /** Starts an assessment with the current guide version; the year must be free for this organisation. */
  async function startAssessment(organisationId: string, input: AssessmentInput) {
    const { createAssessment } = await assessmentWrites()
    return createAssessment(organisationId, input, CURRENT_GUIDE)
  }

  return {
    organisations,
    isLoaded,
    load,
    create,
    update,
    get: getOrganisation,
    assessmentsOf: listAssessments,
    startAssessment,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useOrganisationsStore, import.meta.hot))
