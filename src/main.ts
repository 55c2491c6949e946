import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n, savedLocale, setLocale } from './i18n'
import { registerServiceWorker } from './pwa'
import { useStoredGuides } from './domain/guide/storedGuides'
import './styles/main.css'

// A network's own guides are read from the database, and only when an assessment made with one is opened.
useStoredGuides((ref) => import('./db/guideRepository').then((m) => m.findStoredGuide(ref)))

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)

// An exercise's pages are where a returning user lands most: its one read starts now, while the page's own code
// loads, instead of once the page is set up (the page's open joins this one).
const exercisePage = /^\/evaluations\/([^/]+)(\/[^/]+)?/.exec(location.pathname)
if (exercisePage) {
  const workshop = ['/atelier', '/rapport'].includes(exercisePage[2] ?? '')
  void import('./stores/exercises').then(({ useExercisesStore }) =>
    useExercisesStore(pinia).open(decodeURIComponent(exercisePage[1]), { workshop }),
  )
}
app.use(router)
app.use(i18n)
// English messages may need to load first; mount once the saved language is ready.
void setLocale(savedLocale()).finally(() => {
  app.mount('#app')
  registerServiceWorker()
})
