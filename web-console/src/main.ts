import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import * as ElementPlusIcons from '@element-plus/icons-vue'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { createAppRouter } from './router'
import { vPerm } from './directives/perm'

const app = createApp(App)
app.use(createPinia())
app.use(ElementPlus, { locale: zhCn })
// the server's menus name their icons by Element Plus component name (Setting, OfficeBuilding, …)
for (const [name, component] of Object.entries(ElementPlusIcons)) {
  app.component(name, component)
}
app.directive('perm', vPerm)
app.use(createAppRouter())
app.mount('#app')
