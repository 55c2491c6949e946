/** Which guide an assessment was made with: recorded on every assessment, never changed afterwards. */
export interface GuideRef {
  guideId: string
  guideVersion: number
}

/** The guide version new assessments are made with. Older assessments keep the version they recorded. */
export const CURRENT_GUIDE: GuideRef = { guideId: 'csess-2016', guideVersion: 1 }
