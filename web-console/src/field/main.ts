/**
 * Entry of the field app (field.html): 供热移动运维, the installable offline-first H5 app of repair workers and grid
 * workers. Separate from the console's bundle: Vue + vue-router + sm-crypto only.
 */
import { createApp } from 'vue'
import './field.css'
import FieldApp from './FieldApp.vue'
import { boot, watchAlerts } from './app'
import { createFieldRouter } from './router'
import { registerServiceWorker } from './pwa/register'

async function start(): Promise<void> {
  const app = createApp(FieldApp)
  try {
    await boot()
  } catch (e) {
    document.body.innerHTML = `<p style="padding:24px">本地存储不可用，无法离线工作：${e instanceof Error ? e.message : e}</p>`
    return
  }
  app.use(createFieldRouter())
  app.mount('#field-app')
  watchAlerts()
  registerServiceWorker()
}

void start()
