/** Names shared across layers, in one place (elk's STORAGE_KEY_* habit). */
export const STORAGE_KEY_LOCALE = 'cap-ess.locale'

export const ROUTES = {
  home: 'home',
  organisationNew: 'organisation-new',
  organisation: 'organisation',
  organisationEdit: 'organisation-edit',
  assessmentNew: 'assessment-new',
  assessment: 'assessment',
  assessmentTheme: 'assessment-theme',
  assessmentResults: 'assessment-results',
  assessmentIndicators: 'assessment-indicators',
  assessmentReport: 'assessment-report',
  assessmentWorkshop: 'assessment-workshop',
  assessmentProjector: 'assessment-projector',
  assessmentPaper: 'assessment-paper',
  comparison: 'comparison',
  plan: 'plan',
  data: 'data',
  participant: 'participant',
  provenance: 'provenance',
  practiceSheets: 'practice-sheets',
  practiceSheet: 'practice-sheet',
  assessmentSummary: 'assessment-summary',
  network: 'network',
  catalogue: 'catalogue',
  regionalPicture: 'regional-picture',
  networkGuides: 'network-guides',
  notFound: 'not-found',
} as const

/** How long typing in a note waits before it is written (one write per pause, not per key). */
export const NOTE_SAVE_DELAY_MS = 400

/** How many strengths and axes de progrès the results page lists. */
export const HIGHLIGHT_COUNT = 5
