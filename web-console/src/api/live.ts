/**
 * Live push from the server (server-sent events of GET /api/notice/stream).
 *
 *   const off = onLive('ticket', (payload) => reload())   // in onMounted
 *   onBeforeUnmount(off)
 *
 * One shared connection per tab carries every subscribed topic. It is opened with fetch streaming rather than
 * EventSource because EventSource cannot send the `Authorization: Bearer <token>` header that api/http.ts sends.
 * The connection
 *  - opens when the first handler subscribes and closes when the last one unsubscribes,
 *  - reconnects with a growing delay (1 s … 30 s) when it drops,
 *  - is re-opened when the topic set changes or the token changes (login, logout, another user),
 *  - does nothing while nobody is logged in.
 * Live push is a hint to re-read, never the only way data arrives: a page must still work without it.
 */
import { apiUrl, SUBSIDIARY_HEADER } from './http'
import { getSubsidiary, getToken } from './session'

export type LiveHandler = (payload: any) => void

const handlers = new Map<string, Set<LiveHandler>>()

let controller: AbortController | null = null
/** topics and token of the open (or opening) connection, to know when it must be re-opened */
let connectedKey: string | null = null
let retryTimer: ReturnType<typeof setTimeout> | null = null
let syncTimer: ReturnType<typeof setTimeout> | null = null
let tokenWatch: ReturnType<typeof setInterval> | null = null
let failures = 0
/** a token the server refused (401) is not retried until it changes */
let rejectedToken: string | null = null

const TOKEN_CHECK_MS = 2000
const MAX_BACKOFF_MS = 30_000

/** Subscribes to a topic ("ticket", "notice", …); returns the function that unsubscribes. */
export function onLive(topic: string, handler: LiveHandler): () => void {
  let set = handlers.get(topic)
  if (!set) {
    set = new Set()
    handlers.set(topic, set)
  }
  set.add(handler)
  scheduleSync()
  let done = false
  return () => {
    if (done) return
    done = true
    const s = handlers.get(topic)
    if (s) {
      s.delete(handler)
      if (s.size === 0) handlers.delete(topic)
    }
    scheduleSync()
  }
}

/** the backoff before reconnect attempt n (1-based): 1 s, 2 s, 4 s … capped at 30 s, with a little jitter */
export function backoffMs(attempt: number): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempt - 1))
  return Math.round(base * (0.8 + Math.random() * 0.4))
}

function topicList(): string[] {
  return [...handlers.keys()].sort()
}

function wantedKey(): string | null {
  const token = getToken()
  const topics = topicList()
  if (!token || token === rejectedToken || topics.length === 0) return null
  return token + '|' + (getSubsidiary() ?? '') + '|' + topics.join(',')
}

// Subscriptions usually come in bursts (a page mounts several components); connect once for the burst.
function scheduleSync(): void {
  if (syncTimer) return
  syncTimer = setTimeout(() => {
    syncTimer = null
    sync()
  }, 30)
}

function sync(): void {
  const key = wantedKey()
  if (handlers.size > 0 && !tokenWatch) {
    // http.ts keeps the token in sessionStorage without an event; a cheap check notices login/logout
    tokenWatch = setInterval(() => {
      if (wantedKey() !== connectedKey) sync()
    }, TOKEN_CHECK_MS)
  } else if (handlers.size === 0 && tokenWatch) {
    clearInterval(tokenWatch)
    tokenWatch = null
  }
  if (key === connectedKey) return
  disconnect()
  failures = 0
  if (key) connect(key)
}

function disconnect(): void {
  if (retryTimer) {
    clearTimeout(retryTimer)
    retryTimer = null
  }
  if (controller) {
    controller.abort()
    controller = null
  }
  connectedKey = null
}

function scheduleReconnect(key: string): void {
  if (retryTimer) return
  failures++
  retryTimer = setTimeout(() => {
    retryTimer = null
    if (connectedKey !== key) return
    connect(key)
  }, backoffMs(failures))
}

function connect(key: string): void {
  const token = getToken()
  if (!token) return
  const ctl = new AbortController()
  controller = ctl
  connectedKey = key
  const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` }
  const subsidiary = getSubsidiary()
  if (subsidiary) headers[SUBSIDIARY_HEADER] = subsidiary
  const url = apiUrl('/api/notice/stream') + '?topics=' + encodeURIComponent(topicList().join(','))
  void run(url, headers, ctl, key)
}

async function run(url: string, headers: Record<string, string>, ctl: AbortController, key: string): Promise<void> {
  try {
    const response = await fetch(url, { headers, signal: ctl.signal, cache: 'no-store' })
    if (response.status === 401) {
      // logged out or the token expired: wait for a new token instead of hammering the server
      if (controller === ctl) {
        controller = null
        connectedKey = null
        rejectedToken = headers.Authorization.slice('Bearer '.length)
      }
      return
    }
    if (!response.ok || !response.body) throw new Error('stream ' + response.status)
    const reader = response.body.getReader()
    const parser = new SseParser((event, data) => {
      failures = 0
      dispatch(event, data)
    })
    const decoder = new TextDecoder()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      parser.push(decoder.decode(value, { stream: true }))
    }
    throw new Error('stream ended')
  } catch {
    if (ctl.signal.aborted || controller !== ctl) return
    controller = null
    scheduleReconnect(key)
  }
}

function dispatch(event: string, data: string): void {
  const set = handlers.get(event)
  if (!set || set.size === 0) return
  let payload: unknown = data
  try {
    payload = data === '' ? null : JSON.parse(data)
  } catch {
    // not JSON: hand over the text
  }
  for (const h of [...set]) {
    try {
      h(payload)
    } catch (e) {
      console.error('live handler failed', event, e)
    }
  }
}

/** Incremental parser of the text/event-stream format (event:, data:, comments; blank line ends an event). */
export class SseParser {
  private buffer = ''
  private event = ''
  private data: string[] = []

  constructor(private readonly emit: (event: string, data: string) => void) {}

  push(chunk: string): void {
    this.buffer += chunk
    let nl: number
    while ((nl = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, nl)
      const sepLen = this.buffer.startsWith('\r\n', nl) ? 2 : 1
      this.buffer = this.buffer.slice(nl + sepLen)
      this.line(line)
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.emit(this.event || 'message', this.data.join('\n'))
      this.event = ''
      this.data = []
      return
    }
    if (line.startsWith(':')) return // heartbeat comment
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') this.event = value
    else if (field === 'data') this.data.push(value)
  }
}

/** for tests: drop every subscription and close the connection */
export function resetLive(): void {
  handlers.clear()
  if (syncTimer) {
    clearTimeout(syncTimer)
    syncTimer = null
  }
  if (tokenWatch) {
    clearInterval(tokenWatch)
    tokenWatch = null
  }
  disconnect()
  failures = 0
  rejectedToken = null
}
