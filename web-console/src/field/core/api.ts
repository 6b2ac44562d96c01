/**
 * The field app's HTTP client: fetch (no axios / Element Plus in the phone bundle), HeatDesk's envelope
 * {code, msg, data, field}, `Authorization: Bearer <token>`, URLs relative to the page's directory so the app works
 * at / (executable JAR) and under a WAR context path (/heatdesk/field.html → /heatdesk/api/...).
 */
export class FieldApiError extends Error {
  constructor(
    /** HTTP status; 0 = the server was not reached (offline, timeout, connection cut) */
    readonly status: number,
    readonly code: string,
    readonly msg: string,
    readonly field?: string,
    readonly data?: unknown,
  ) {
    super(msg)
    this.name = 'FieldApiError'
  }

  /** no answer: the request may or may not have reached the server (retry with the same op ids) */
  get network(): boolean {
    return this.status === 0
  }
}

export interface RequestOptions {
  body?: unknown
  /** raw bytes (chunk upload); sent as application/octet-stream */
  raw?: Blob | ArrayBuffer | Uint8Array
  query?: Record<string, string | number | boolean | null | undefined>
  timeoutMs?: number
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

/** "/heatdesk/field.html" → "/heatdesk/" */
export function pageDirectory(pathname: string): string {
  const dir = pathname.replace(/[^/]*$/, '')
  return dir.startsWith('/') ? dir : '/' + dir
}

export class FieldApi {
  constructor(
    private readonly token: () => string | null,
    private readonly fetcher: FetchLike = (i, init) => fetch(i, init),
    readonly base: string = typeof location !== 'undefined' ? pageDirectory(location.pathname) : '/',
  ) {}

  url(path: string, query?: RequestOptions['query']): string {
    let u = this.base.replace(/\/$/, '') + '/' + path.replace(/^\/+/, '')
    if (query) {
      const q = Object.entries(query).filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      if (q.length) u += (u.includes('?') ? '&' : '?') + q.join('&')
    }
    return u
  }

  get<T>(path: string, query?: RequestOptions['query'], timeoutMs?: number): Promise<T> {
    return this.request<T>('GET', path, { query, timeoutMs })
  }

  post<T>(path: string, body?: unknown, timeoutMs?: number): Promise<T> {
    return this.request<T>('POST', path, { body: body ?? {}, timeoutMs })
  }

  async request<T>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    const token = this.token()
    if (token) headers.Authorization = `Bearer ${token}`
    let body: BodyInit | undefined
    if (o.raw !== undefined) {
      headers['Content-Type'] = 'application/octet-stream'
      body = o.raw as BodyInit
    } else if (o.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(o.body)
    }
    const ctl = typeof AbortController !== 'undefined' ? new AbortController() : null
    const timer = ctl ? setTimeout(() => ctl.abort(), o.timeoutMs ?? 30_000) : null
    let res: Response
    try {
      res = await this.fetcher(this.url(path, o.query), { method, headers, body, signal: ctl?.signal, cache: 'no-store' })
    } catch (e) {
      const aborted = ctl?.signal.aborted
      throw new FieldApiError(0, aborted ? 'TIMEOUT' : 'NETWORK', aborted ? '服务器响应超时' : '网络不可用，请检查网络连接',
        undefined, e)
    } finally {
      if (timer) clearTimeout(timer)
    }
    let json: { code?: string; msg?: string; data?: unknown; field?: string } | null = null
    try {
      json = await res.json()
    } catch {
      json = null
    }
    if (res.ok && json && json.code === '0') return json.data as T
    if (json && typeof json.code === 'string') {
      throw new FieldApiError(res.status, json.code, json.msg || `请求失败（${res.status}）`, json.field, json.data)
    }
    // a proxy's error page or a cut body: the server may have committed, treat like no answer
    if (res.status >= 500 || res.status === 0 || res.ok) {
      throw new FieldApiError(0, 'NETWORK', `服务器暂时不可用（HTTP ${res.status}）`)
    }
    throw new FieldApiError(res.status, 'HTTP_' + res.status, `请求失败（HTTP ${res.status}）`)
  }
}
