// Vite plugin of the field app's PWA files (used by vite.config.ts): at build time it emits next to field.html
//   field-sw.js            pwa/sw.js with the build version and the app shell (field.html + the entry's JS/CSS)
//   field.webmanifest      pwa/manifest.json
//   field-icon-192.png / field-icon-512.png
// so the service worker precaches exactly the files of this build (their names carry content hashes).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const DIR = path.dirname(fileURLToPath(import.meta.url))

/** @returns {import('vite').Plugin} */
export function fieldPwa() {
  return {
    name: 'heatdesk-field-pwa',
    apply: 'build',
    generateBundle(_options, bundle) {
      const emit = (fileName, source) => this.emitFile({ type: 'asset', fileName, source })
      emit('field.webmanifest', fs.readFileSync(path.join(DIR, 'manifest.json')))
      emit('field-icon-192.png', fs.readFileSync(path.join(DIR, 'icon-192.png')))
      emit('field-icon-512.png', fs.readFileSync(path.join(DIR, 'icon-512.png')))

      // the field entry and everything it imports statically (chunks, CSS, assets)
      const shell = new Set(['field.html', 'field.webmanifest', 'field-icon-192.png', 'field-icon-512.png'])
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry
        && c.facadeModuleId && c.facadeModuleId.endsWith('field.html'))
      if (!entry) throw new Error('field-pwa: the field.html entry is missing from the build')
      const seen = new Set()
      const visit = (name) => {
        if (seen.has(name)) return
        seen.add(name)
        const c = bundle[name]
        if (!c) return
        shell.add(c.fileName)
        if (c.type !== 'chunk') return
        c.imports.forEach(visit)
        for (const css of c.viteMetadata?.importedCss ?? []) shell.add(css)
        for (const a of c.viteMetadata?.importedAssets ?? []) shell.add(a)
      }
      visit(entry.fileName)
      const list = [...shell].sort()
      const version = crypto.createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 16)
      const sw = fs.readFileSync(path.join(DIR, 'sw.js'), 'utf8')
        .replace("'__FIELD_VERSION__'", JSON.stringify(version))
        .replace('__FIELD_SHELL__', JSON.stringify(list.map((f) => './' + f)))
      emit('field-sw.js', sw)
    },
  }
}
