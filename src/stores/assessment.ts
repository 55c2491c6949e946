import { acceptHMRUpdate, defineStore } from 'pinia'
import {
  completeAssessment,
  reopenAssessment,
  setRetainedThemes as storeRetainedThemes,
  upgradeDraftGuide,
} from '@/db/assessmentWrites'
import { editWriter, ofAssessment } from '@/db/writer'
import { agDateProblem } from '@/domain/assessment'
import { completionSnapshot } from '@/domain/exercise'
import { CURRENT_GUIDE } from '@/domain/guide/current'
import { loadGuideIndex, loadMigrationSteps } from '@/domain/guide/registry'
import { ValidationError } from '@/domain/validation'
import { useExercisesStore } from './exercises'

/**
 * An assessment's life: its themes, completing (the scores frozen), reopening, moving a draft to the current guide,
 * and the date of the AG. Its records (answers, indicators, objectives) are the exercises store's.
 */
export const useAssessmentStore = defineStore('assessment', () => {
  const writer = editWriter()
  const exercises = useExercisesStore()

  /**
   * Freezes the scores in a snapshot computed from the stored answers; answers become read-only until reopened.
   * Refused while an edit of this assessment is not stored (a failed write): it would be lost behind the lock.
   */
  async function complete(assessmentId: string): Promise<'completed' | 'unsaved-changes'> {
    const { guide, organisation } = exercises.exerciseOf(assessmentId)
    // Another tab's typing still in the journal belongs to this year: written before the scores freeze.
    await writer.replay()
    await writer.flush(ofAssessment(assessmentId))
    if (writer.hasFailed(ofAssessment(assessmentId))) return 'unsaved-changes'
    const takenAt = new Date().toISOString()
    exercises.takeAssessment(
      await completeAssessment(assessmentId, (stored, answers) =>
        completionSnapshot(guide, stored, organisation, answers, takenAt),
      ),
    )
    return 'completed'
  }

  async function reopen(assessmentId: string) {
    exercises.takeAssessment(await reopenAssessment(assessmentId))
  }

  /** A draft made with an older version of the current guide can move to it; a completed one keeps its version. */
  function canUpgradeGuide(assessmentId: string): boolean {
    const assessment = exercises.byId.get(assessmentId)?.assessment
    return (
      assessment?.status === 'draft' &&
      assessment.guideId === CURRENT_GUIDE.guideId &&
      assessment.guideVersion < CURRENT_GUIDE.guideVersion
    )
  }

  /** Moves a draft to the current guide version (answers through the migration blocks), then reads it again. */
  async function upgradeGuide(assessmentId: string) {
    if (!canUpgradeGuide(assessmentId)) return null
    const { assessment } = exercises.exerciseOf(assessmentId)
    await writer.flush(ofAssessment(assessmentId))
    const [steps, target] = await Promise.all([
      loadMigrationSteps(assessment.guideId, assessment.guideVersion, CURRENT_GUIDE.guideVersion),
      loadGuideIndex(CURRENT_GUIDE),
    ])
    const result = await upgradeDraftGuide(assessmentId, CURRENT_GUIDE, steps, new Set(target.questionById.keys()))
    // Everything on screen was read with the old version: read it all again.
    await exercises.reload(assessmentId)
    return result
  }

  /** Throws a ValidationError when no theme is left. */
  async function setRetainedThemes(assessmentId: string, themeIds: string[]) {
    exercises.takeAssessment(await storeRetainedThemes(assessmentId, themeIds))
  }

  /** The AG date; throws a ValidationError (nothing written) when it is not plausible for this exercise. */
  function setPresentedAt(assessmentId: string, date: string | null) {
    const { year } = exercises.exerciseOf(assessmentId).assessment
    const problem = date === null ? null : agDateProblem(date, year)
    if (problem) throw new ValidationError({ presentedAt: { key: problem, params: { from: year, to: year + 2 } } })
    exercises.editAgRecord(assessmentId, { presentedAt: date })
  }

  return { complete, reopen, canUpgradeGuide, upgradeGuide, setRetainedThemes, setPresentedAt }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAssessmentStore, import.meta.hot))
