import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SseParser, backoffMs, onLive, resetLive } from '@/api/live'
import { setToken } from '@/api/session'

/** a fetch response whose body the test feeds chunk by chunk */
class FakeStream {
  private waiting: { resolve: (r: { done: boolean; value?: Uint8Array }) => void; reject: (e: unknown) => void } | null = null
  private queue: { done: boolean; value?: Uint8Array }[] = []
  constructor(readonly url: string, readonly headers: Record<string, string>, signal: AbortSignal) {
    signal.addEventListener('abort', () => this.waiting?.reject(new DOMException('aborted', 'AbortError')))
  }
  aborted = false
  push(text: string) { this.deliver({ done: false, value: new TextEncoder().encode(text) }) }
  end() { this.deliver({ done: true }) }
  private deliver(r: { done: boolean; value?: Uint8Array }) {
    if (this.waiting) {
      const w = this.waiting
      this.waiting = null
      w.resolve(r)
    } else this.queue.push(r)
  }
  reader() {
    return {
      read: () => new Promise<{ done: boolean; value?: Uint8Array }>((resolve, reject) => {
        const next = this.queue.shift()
        if (next) resolve(next)
        else this.waiting = { resolve, reject }
      }),
    }
  }
}

let streams: FakeStream[] = []
let status = 200

beforeEach(() => {
  vi.useFakeTimers()
  vi.spyOn(Math, 'random').mockReturnValue(0.5)
  sessionStorage.clear()
  streams = []
  status = 200
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const s = new FakeStream(url, init.headers as Record<string, string>, init.signal as AbortSignal)
    init.signal?.addEventListener('abort', () => { s.aborted = true })
    streams.push(s)
    return { ok: status === 200, status, body: { getReader: () => s.reader() } }
  }))
})

afterEach(() => {
  resetLive()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('SseParser', () => {
  it('parses events across chunks, CRLF, comments and multi-line data', () => {
    const got: [string, string][] = []
    const p = new SseParser((e, d) => got.push([e, d]))
    p.push('event: ticket\ndata: {"a"')
    p.push(':1}\n\n: hb\n\n')
    p.push('data:line1\r\ndata:line2\r\n\r\nevent:notice\ndata:x\n')
    expect(got).toEqual([['ticket', '{"a":1}'], ['message', 'line1\nline2']])
    p.push('\n')
    expect(got[2]).toEqual(['notice', 'x'])
  })
})

describe('backoffMs', () => {
  it('doubles from 1 s up to 30 s', () => {
    expect([1, 2, 3, 6, 10].map(backoffMs)).toEqual([1000, 2000, 4000, 30000, 30000])
  })
})

describe('onLive', () => {
  it('does nothing while logged out and connects once a token appears', async () => {
    const handler = vi.fn()
    onLive('ticket', handler)
    await vi.advanceTimersByTimeAsync(100)
    expect(fetch).not.toHaveBeenCalled()

    setToken('tok-1')
    await vi.advanceTimersByTimeAsync(2100)
    expect(streams).toHaveLength(1)
    expect(streams[0].url).toContain('/api/notice/stream?topics=ticket')
    expect(streams[0].headers.Authorization).toBe('Bearer tok-1')
    expect(streams[0].headers.Accept).toBe('text/event-stream')
  })

  it('shares one connection, dispatches by topic and closes with the last subscriber', async () => {
    setToken('tok-1')
    const tickets = vi.fn()
    const notices = vi.fn()
    const offT = onLive('ticket', tickets)
    const offN = onLive('notice', notices)
    await vi.advanceTimersByTimeAsync(50)
    expect(streams).toHaveLength(1)
    expect(decodeURIComponent(streams[0].url)).toContain('topics=notice,ticket')

    streams[0].push('event: ready\ndata: {}\n\nevent: ticket\ndata: {"id":"1"}\n\nevent: notice\ndata: {"kind":"MESSAGE"}\n\n')
    await vi.advanceTimersByTimeAsync(0)
    expect(tickets).toHaveBeenCalledWith({ id: '1' })
    expect(notices).toHaveBeenCalledWith({ kind: 'MESSAGE' })

    offT()
    await vi.advanceTimersByTimeAsync(50)
    // the topic set changed: a new connection for "notice" only
    expect(streams[0].aborted).toBe(true)
    expect(streams).toHaveLength(2)
    expect(streams[1].url).toContain('topics=notice')
    offN()
    await vi.advanceTimersByTimeAsync(50)
    expect(streams[1].aborted).toBe(true)
    expect(streams).toHaveLength(2)
  })

  it('reconnects with backoff when the stream drops', async () => {
    setToken('tok-1')
    onLive('notice', () => undefined)
    await vi.advanceTimersByTimeAsync(50)
    streams[0].end()
    await vi.advanceTimersByTimeAsync(900)
    expect(streams).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(200)
    expect(streams).toHaveLength(2)
    streams[1].end()
    await vi.advanceTimersByTimeAsync(1900)
    expect(streams).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(200)
    expect(streams).toHaveLength(3)
  })

  it('follows a token change and waits for a new token after 401', async () => {
    setToken('tok-1')
    onLive('notice', () => undefined)
    await vi.advanceTimersByTimeAsync(50)
    setToken('tok-2')
    await vi.advanceTimersByTimeAsync(2100)
    expect(streams[0].aborted).toBe(true)
    expect(streams).toHaveLength(2)
    expect(streams[1].headers.Authorization).toBe('Bearer tok-2')

    status = 401
    setToken('tok-3')
    await vi.advanceTimersByTimeAsync(2100)
    expect(streams).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(streams).toHaveLength(3)
    status = 200
    setToken('tok-4')
    await vi.advanceTimersByTimeAsync(2100)
    expect(streams).toHaveLength(4)
    expect(streams[3].headers.Authorization).toBe('Bearer tok-4')

    setToken(null)
    await vi.advanceTimersByTimeAsync(2100)
    expect(streams[3].aborted).toBe(true)
    expect(streams).toHaveLength(4)
  })

  it('a failing handler does not stop the others', async () => {
    setToken('tok-1')
    const bad = vi.fn(() => { throw new Error('x') })
    const good = vi.fn()
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    onLive('ticket', bad)
    onLive('ticket', good)
    await vi.advanceTimersByTimeAsync(50)
    streams[0].push('event: ticket\ndata: plain text\n\n')
    await vi.advanceTimersByTimeAsync(0)
    expect(bad).toHaveBeenCalled()
    expect(good).toHaveBeenCalledWith('plain text')
  })
})
