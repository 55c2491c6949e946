import type { Assessment } from '../assessment.ts'

/** Which guide an assessment was made with: recorded on every assessment, never changed afterwards. */
export type GuideRef = Pick<Assessment, 'guideId' | 'guideVersion'>

/** The guide version new assessments are made with. Older assessments keep the version they recorded. */
export const CURRENT_GUIDE: GuideRef = { guideId: 'csess-2016', guideVersion: 2 }
