import type { Plugin } from 'vite'

/** emits field-sw.js, field.webmanifest and the icons next to field.html (see plugin.mjs) */
export function fieldPwa(): Plugin
