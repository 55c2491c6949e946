/** Names shared across layers, in one place (elk's STORAGE_KEY_* habit). */
export const STORAGE_KEY_LOCALE = 'cap-ess.locale'

/** Each route is named after its page (AssessmentOverviewPage → assessment-overview). */
export const ROUTES = {
  home: 'home',
  organisationNew: 'organisation-new',
  organisation: 'organisation',
  organisationEdit: 'organisation-edit',
  assessmentNew: 'assessment-new',
  assessmentOverview: 'assessment-overview',
  assessmentTheme: 'assessment-theme',
  assessmentResults: 'assessment-results',
  assessmentIndicators: 'assessment-indicators',
  assessmentReport: 'assessment-report',
  assessmentWorkshop: 'assessment-workshop',
  workshopProjector: 'workshop-projector',
  workshopPaper: 'workshop-paper',
  comparison: 'comparison',
  actionPlan: 'action-plan',
  data: 'data',
  participant: 'participant',
  provenance: 'provenance',
  practiceSheets: 'practice-sheets',
  practiceSheet: 'practice-sheet',
  networkSummary: 'network-summary',
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
