import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n, savedLocale, setLocale } from './i18n'
import { registerServiceWorker } from './pwa'
import './styles/main.css'

const app = createApp(App)
app.use(createPinia())
app.use(router)
app.use(i18n)
// English messages may need to load first; mount once the saved language is ready.
void setLocale(savedLocale()).finally(() => {
  app.mount('#app')
  registerServiceWorker()
})
