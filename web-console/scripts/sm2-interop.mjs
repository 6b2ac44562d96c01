#!/usr/bin/env node
// Proves that the console's SM2 ciphertext decrypts on the server: fetches the live server's public key,
// encrypts the demo password with the console's own helper (src/api/sm2-core.js — the code the browser runs)
// and logs in as admin, then checks the token with /api/auth/me and signs out.
//
//   node scripts/sm2-interop.mjs [baseUrl] [username] [password]
//   node scripts/sm2-interop.mjs http://localhost:8080/            (defaults: admin / HeatDesk@2026)
//   node scripts/sm2-interop.mjs http://localhost:8080/heatdesk/   (a WAR context path)
// Exits 0 on success, 1 on any failure (with the reason).
import { encryptPassword } from '../src/api/sm2-core.js'

const base = (process.argv[2] || process.env.HEATDESK_URL || 'http://localhost:8080/').replace(/\/?$/, '/')
const username = process.argv[3] || 'admin'
const password = process.argv[4] || 'HeatDesk@2026'

async function call(method, path, body, token) {
  const headers = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (token) headers.Authorization = `Bearer ${token}`
  const res = await fetch(new URL(path, base), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  let json
  try {
    json = await res.json()
  } catch {
    throw new Error(`${method} ${path}: HTTP ${res.status}, not JSON`)
  }
  if (!res.ok || json.code !== '0') {
    throw new Error(`${method} ${path}: HTTP ${res.status} ${json.code} ${json.msg}${json.field ? ` (field ${json.field})` : ''}`)
  }
  return json.data
}

try {
  const { publicKey, cipherMode } = await call('GET', 'api/auth/public-key')
  if (!/^04[0-9a-fA-F]{128}$/.test(publicKey)) throw new Error(`unexpected public key: ${publicKey}`)
  if (cipherMode && cipherMode !== 'C1C3C2') throw new Error(`server cipher mode is ${cipherMode}, the console sends C1C3C2`)
  const cipher = encryptPassword(password, publicKey)
  const login = await call('POST', 'api/auth/login', { username, password: cipher })
  if (!login?.token) throw new Error('login returned no token')
  const me = await call('GET', 'api/auth/me', undefined, login.token)
  if (me.username !== username) throw new Error(`/api/auth/me answered ${me.username}, expected ${username}`)
  await call('POST', 'api/auth/logout', {}, login.token)
  console.log(`SM2 interop OK: ${base} decrypted the console's C1C3C2 ciphertext (${cipher.length / 2} bytes); `
    + `signed in as ${me.username} (${me.realName}), data scope ${me.dataScope}, ${me.permissions.length} permission(s)`)
  process.exit(0)
} catch (e) {
  console.error(`SM2 interop FAILED against ${base}: ${e instanceof Error ? e.message : e}`)
  process.exit(1)
}
