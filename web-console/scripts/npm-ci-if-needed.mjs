#!/usr/bin/env node
// Maven's generate-resources step: `npm ci --no-audit --no-fund` — but only when node_modules does not match
// package-lock.json yet (a fingerprint of the lock file is kept in node_modules/.heatdesk-lock.sha256), so a
// repeated `mvn install` costs nothing. `--force` always installs. npm's cache is preferred (--prefer-offline).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lock = join(root, 'package-lock.json')
const stamp = join(root, 'node_modules', '.heatdesk-lock.sha256')
const want = createHash('sha256').update(readFileSync(lock)).update(process.version.split('.')[0]).digest('hex')

if (!process.argv.includes('--force') && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === want) {
  console.log('[web-console] node_modules matches package-lock.json; npm ci skipped')
  process.exit(0)
}
rmSync(stamp, { force: true })
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const args = ['ci', '--no-audit', '--no-fund', '--prefer-offline']
console.log(`[web-console] ${npm} ${args.join(' ')}`)
const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
if (r.status !== 0) process.exit(r.status ?? 1)
writeFileSync(stamp, want + '\n')
