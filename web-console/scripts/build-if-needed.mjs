#!/usr/bin/env node
// Maven's generate-resources step: `npm run build` (vue-tsc type check + vite build → dist/) — skipped when
// dist/ was built from exactly the current sources (a fingerprint of every input is kept beside node_modules).
// `--force` always builds.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const inputs = ['src', 'public', 'index.html', 'field.html', 'package.json', 'package-lock.json', 'vite.config.ts',
  'tsconfig.json', 'tsconfig.app.json', 'tsconfig.node.json']
const stampDir = join(root, 'node_modules', '.cache')
const stamp = join(stampDir, 'heatdesk-console-build.sha256')

function files(p) {
  if (!existsSync(p)) return []
  if (statSync(p).isDirectory()) return readdirSync(p).sort().flatMap((f) => files(join(p, f)))
  return [p]
}

const hash = createHash('sha256')
for (const f of inputs.flatMap((i) => files(join(root, i)))) {
  hash.update(relative(root, f).replaceAll('\\', '/')).update('\0').update(readFileSync(f)).update('\0')
}
const want = hash.digest('hex')

if (!process.argv.includes('--force') && existsSync(join(root, 'dist', 'index.html')) && existsSync(stamp)
    && readFileSync(stamp, 'utf8').trim() === want) {
  console.log('[web-console] dist/ is up to date with the sources; build skipped')
  process.exit(0)
}
rmSync(stamp, { force: true })
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
console.log(`[web-console] ${npm} run build`)
const r = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
if (r.status !== 0) process.exit(r.status ?? 1)
mkdirSync(stampDir, { recursive: true })
writeFileSync(stamp, want + '\n')
