#!/usr/bin/env node
// Splits Vitest's JUnit report (target/vitest-junit.xml, one <testsuites> with a <testsuite> per spec file) into
// one Surefire-style file per suite, target/surefire-reports/TEST-web-console.<spec>.xml, so tools that sum
// Surefire reports (the CI's test count) see the console's unit tests too.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const source = join(root, 'target', 'vitest-junit.xml')
if (!existsSync(source)) {
  console.log('[web-console] no Vitest JUnit report to convert')
  process.exit(0)
}
const xml = readFileSync(source, 'utf8')
const outDir = join(root, 'target', 'surefire-reports')
mkdirSync(outDir, { recursive: true })
let n = 0
for (const m of xml.matchAll(/<testsuite\s[\s\S]*?<\/testsuite>/g)) {
  const suite = m[0]
  const name = /name="([^"]*)"/.exec(suite)?.[1] ?? `suite${n}`
  // tests/unit/http.spec.ts → http; src/modules/settings/__tests__/dict.more.spec.ts → settings.dict.more
  const safe = name.replace(/^tests\/unit\//, '').replace(/^src\/modules\//, '').replace(/\/__tests__\//g, '/')
    .replace(/\.spec\.[jt]s$/, '').replace(/\//g, '.').replace(/[^A-Za-z0-9_.-]+/g, '_')
  writeFileSync(join(outDir, `TEST-web-console.${safe}.xml`), `<?xml version="1.0" encoding="UTF-8"?>\n${suite}\n`)
  n++
}
console.log(`[web-console] wrote ${n} Surefire report(s) to target/surefire-reports`)
