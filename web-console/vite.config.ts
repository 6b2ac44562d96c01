/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath, URL } from 'node:url'
import { fieldPwa } from './src/field/pwa/plugin.mjs'

// The backend that `npm run dev` proxies to (HeatDesk's default port); override with HEATDESK_BACKEND.
const backend = process.env.HEATDESK_BACKEND || 'http://localhost:8080'

export default defineConfig({
  // relative asset URLs: the same build works at / (executable JAR) and under a WAR context path (/heatdesk/)
  base: './',
  // fieldPwa: the field app's service worker, manifest and icons next to field.html (src/field/pwa/plugin.mjs)
  plugins: [vue(), fieldPwa()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/actuator': { target: backend, changeOrigin: true },
      '/v3': { target: backend, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // two pages: the console (index.html) and the field app 供热移动运维 (field.html)
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        field: fileURLToPath(new URL('./field.html', import.meta.url)),
      },
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined
          // Vue alone in its own chunk: the field app shares it without pulling in the console's vendor code
          if (/node_modules\/(@vue\/|vue\/|vue-router\/)/.test(id)) return 'vue'
          if (id.includes('element-plus') || id.includes('@element-plus')) return 'element-plus'
          if (id.includes('echarts') || id.includes('zrender')) return 'echarts'
          if (id.includes('sm-crypto') || id.includes('jsbn')) return 'sm-crypto'
          return 'vendor'
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.spec.ts', 'src/**/__tests__/**/*.spec.ts'],
    css: false,
    server: { deps: { inline: ['element-plus'] } },
  },
})
