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
app.use(createPinia())
app.use(router)
app.use(i18n)
// English messages may need to load first; mount once the saved language is ready.
void setLocale(savedLocale()).finally(() => {
  app.mount('#app')
  registerServiceWorker()
})
