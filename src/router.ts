import { createRouter, createWebHistory } from 'vue-router'
import { ROUTES } from './constants'
import { CURRENT_GUIDE } from './domain/guide/current'
import { prefetchGuide } from './domain/guide/sources'
import { loadMoreTexts } from './i18n'
// The home page is the first screen: bundled with the entry, so it renders without waiting for another request.
import HomePage from './pages/HomePage.vue'

// Every other page is its own chunk, loaded when visited.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: ROUTES.home, component: HomePage },
    {
      path: '/organisations/nouvelle',
      name: ROUTES.organisationNew,
      component: () => import('./pages/OrganisationEditPage.vue'),
      props: (route) => ({ modelId: typeof route.query.modele === 'string' ? route.query.modele : undefined }),
    },
    {
      path: '/organisations/:organisationId',
      name: ROUTES.organisation,
      component: () => import('./pages/OrganisationPage.vue'),
      props: true,
    },
    {
      path: '/organisations/:organisationId/modifier',
      name: ROUTES.organisationEdit,
      component: () => import('./pages/OrganisationEditPage.vue'),
      props: true,
    },
    {
      path: '/organisations/:organisationId/evaluations/nouvelle',
      name: ROUTES.assessmentNew,
      component: () => import('./pages/AssessmentNewPage.vue'),
      props: true,
    },
    {
      path: '/evaluations/:assessmentId',
      name: ROUTES.assessmentOverview,
      component: () => import('./pages/AssessmentOverviewPage.vue'),
      props: true,
    },
    {
      path: '/evaluations/:assessmentId/themes/:themeId',
      name: ROUTES.assessmentTheme,
      component: () => import('./pages/AssessmentThemePage.vue'),
      props: true,
    },
    {
      path: '/evaluations/:assessmentId/resultats',
      name: ROUTES.assessmentResults,
      component: () => import('./pages/AssessmentResultsPage.vue'),
      props: true,
    },
    {
      path: '/evaluations/:assessmentId/indicateurs',
      name: ROUTES.assessmentIndicators,
      component: () => import('./pages/AssessmentIndicatorsPage.vue'),
      props: true,
    },
    {
      path: '/evaluations/:assessmentId/rapport',
      name: ROUTES.assessmentReport,
      component: () => import('./pages/AssessmentReportPage.vue'),
      props: true,
    },
    {
      path: '/evaluations/:assessmentId/atelier',
      name: ROUTES.assessmentWorkshop,
      component: () => import('./pages/AssessmentWorkshopPage.vue'),
      props: true,
    },
    {
      path: '/evaluations/:assessmentId/atelier/questionnaire',
      name: ROUTES.workshopPaper,
      component: () => import('./pages/WorkshopPaperPage.vue'),
      props: true,
    },
    {
      path: '/evaluations/:assessmentId/atelier/projection',
      name: ROUTES.workshopProjector,
      component: () => import('./pages/WorkshopProjectorPage.vue'),
      props: true,
      // The room sees this page: no header, no footer, nothing of other organisations.
      meta: { bare: true },
    },
    {
      path: '/organisations/:organisationId/comparaison',
      name: ROUTES.comparison,
      component: () => import('./pages/ComparisonPage.vue'),
      props: (route) => ({
        organisationId: route.params.organisationId,
        before: route.query.avant,
        after: route.query.apres,
      }),
    },
    {
      path: '/organisations/:organisationId/plan',
      name: ROUTES.actionPlan,
      component: () => import('./pages/ActionPlanPage.vue'),
      props: true,
    },
    {
      path: '/organisations/:organisationId/pratiques',
      name: ROUTES.practiceSheets,
      component: () => import('./pages/PracticeSheetsPage.vue'),
      props: true,
    },
    {
      path: '/organisations/:organisationId/pratiques/:sheetId',
      name: ROUTES.practiceSheet,
      component: () => import('./pages/PracticeSheetPage.vue'),
      props: true,
    },
    {
      path: '/evaluations/:assessmentId/synthese',
      name: ROUTES.networkSummary,
      component: () => import('./pages/NetworkSummaryPage.vue'),
      props: true,
    },
    { path: '/reseau', name: ROUTES.network, component: () => import('./pages/network/NetworkPage.vue') },
    { path: '/reseau/pratiques', name: ROUTES.catalogue, component: () => import('./pages/network/CataloguePage.vue') },
    {
      path: '/reseau/panorama',
      name: ROUTES.regionalPicture,
      component: () => import('./pages/network/RegionalPicturePage.vue'),
    },
    {
      path: '/reseau/guides',
      name: ROUTES.networkGuides,
      component: () => import('./pages/network/NetworkGuidesPage.vue'),
    },
    { path: '/participer', name: ROUTES.participant, component: () => import('./pages/ParticipantPage.vue') },
    { path: '/donnees', name: ROUTES.data, component: () => import('./pages/DataPage.vue') },
    { path: '/guide/provenance', name: ROUTES.provenance, component: () => import('./pages/ProvenancePage.vue') },
    { path: '/:pathMatch(.*)*', name: ROUTES.notFound, component: () => import('./pages/NotFoundPage.vue') },
  ],
  scrollBehavior(to, _from, saved) {
    if (saved) return saved
    if (to.hash) return { el: to.hash }
    return { top: 0 }
  },
})

/**
 * An assessment page needs the guide's text and the maturity scale: fetching them with the page's own code, not
 * after it, saves a round trip before the first question shows. The sources are the guide catalogue's, so nothing
 * is fetched twice.
 */
router.beforeEach(async (to) => {
  if (to.path.startsWith('/evaluations/')) prefetchGuide(CURRENT_GUIDE)
  // The home page and the question page show only the first screen's texts; the others wait for the rest, once (a
  // small chunk, precached for offline use). Should it fail to load, the page still opens.
  if (to.name !== ROUTES.home && to.name !== ROUTES.assessmentTheme) await loadMoreTexts().catch(() => {})
})
