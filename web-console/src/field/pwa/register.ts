/**
 * Registers field-sw.js (emitted next to field.html by pwa/plugin.mjs) with the scope of the field page only, so
 * the console (index.html) is never controlled by it. Needs a secure context (https or localhost).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return
  const register = () => {
    navigator.serviceWorker.register('./field-sw.js', { scope: './field' }).catch((e) => {
      console.warn('service worker not registered', e)
    })
  }
  // after the page's own loading (the app starts after IndexedDB opened, often after `load` already fired)
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
