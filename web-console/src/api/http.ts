/**
 * The one HTTP client of the console. Every call goes through the axios instance `http`, which
 *  - prefixes the API base URL: the directory the console was loaded from (/ or a WAR context path like /heatdesk/),
 *  - sends `Authorization: Bearer <token>` and, for a group user who picked one, `X-HeatDesk-Subsidiary: <id>`,
 *  - unwraps the server's envelope {code, msg, data, field}: resolves with `data` when code is "0",
 *  - otherwise rejects with an {@link ApiError} {status, code, msg, field, data},
 *  - on 401 (not a wrong password) clears the session and sends the user back to the login page with the
 *    server's message,
 *  - shows `ElMessage.error(msg)` unless the caller passed `{ silent: true }` (then the caller shows it,
 *    e.g. next to a form field with useServerErrors()).
 */
import axios, { AxiosError, type AxiosRequestConfig, type AxiosResponse } from 'axios'
import { ElMessage } from 'element-plus'
import type { ApiEnvelope } from './types'
import { clearSession, getSubsidiary, getToken, notifyUnauthorized } from './session'

declare module 'axios' {
  interface AxiosRequestConfig {
    /** do not show the error message as a toast; the caller handles the ApiError */
    silent?: boolean
    /** do not narrow this request to the chosen subsidiary (the user's own profile, the switcher's choices) */
    noSubsidiary?: boolean
  }
}

export const SUBSIDIARY_HEADER = 'X-HeatDesk-Subsidiary'

/** A refused or failed request, as the server described it. */
export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached */
  readonly status: number
  /** the server's error code (VALIDATION, ACCOUNT_LOCKED, …) or NETWORK / TIMEOUT */
  readonly code: string
  /** the Chinese message for the user */
  readonly msg: string
  /** the request field the error concerns (validation errors) */
  readonly field?: string
  /** extra data (lockedUntil, changeTicket, …) */
  readonly data?: unknown

  constructor(status: number, code: string, msg: string, field?: string, data?: unknown) {
    super(msg)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.msg = msg
    this.field = field
    this.data = data
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/** The directory of the page's path: "/" → "/", "/heatdesk/" and "/heatdesk/index.html" → "/heatdesk/". */
export function apiBaseUrl(pathname: string = window.location.pathname): string {
  const dir = pathname.replace(/[^/]*$/, '')
  return dir.startsWith('/') ? dir : '/' + dir
}

/** An absolute URL path for an API path, e.g. "/api/settings/users/export" → "/heatdesk/api/settings/users/export". */
export function apiUrl(path: string): string {
  return apiBaseUrl().replace(/\/$/, '') + '/' + path.replace(/^\/+/, '')
}

function isEnvelope(body: unknown): body is ApiEnvelope {
  return typeof body === 'object' && body !== null && typeof (body as ApiEnvelope).code === 'string'
    && 'msg' in (body as object)
}

/** Drops null, undefined and '' values so empty filters are not sent. */
export function cleanParams(params?: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!params) return params
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue
    if (Array.isArray(v) && v.length === 0) continue
    out[k] = v
  }
  return out
}

export const http = axios.create({
  baseURL: apiBaseUrl(),
  timeout: 60_000,
  // Spring binds repeated keys (a=1&a=2), not a[]=1
  paramsSerializer: { indexes: null },
})

http.interceptors.request.use((config) => {
  const token = getToken()
  if (token) config.headers.set('Authorization', `Bearer ${token}`)
  const subsidiary = getSubsidiary()
  if (subsidiary && !config.noSubsidiary) config.headers.set(SUBSIDIARY_HEADER, subsidiary)
  if (config.params) config.params = cleanParams(config.params)
  return config
})

let lastUnauthorizedAt = 0

async function bodyOf(response: AxiosResponse | undefined): Promise<unknown> {
  const data = response?.data
  if (typeof Blob !== 'undefined' && data instanceof Blob) {
    try {
      return JSON.parse(await data.text())
    } catch {
      return undefined
    }
  }
  if (typeof data === 'string' && data.startsWith('{')) {
    try {
      return JSON.parse(data)
    } catch {
      return data
    }
  }
  return data
}

function fail(error: ApiError, config: AxiosRequestConfig | undefined): never {
  if (error.status === 401 && error.code !== 'BAD_CREDENTIALS' && error.code !== 'SIGNATURE_INVALID') {
    clearSession()
    const now = Date.now()
    if (now - lastUnauthorizedAt > 2000) {
      lastUnauthorizedAt = now
      ElMessage({ type: 'warning', message: error.msg, grouping: true })
      notifyUnauthorized(error.msg)
    }
    throw error
  }
  if (!config?.silent) {
    ElMessage({ type: 'error', message: error.msg, grouping: true })
  }
  throw error
}

http.interceptors.response.use(
  (response) => {
    const rt = response.config.responseType
    if (rt === 'blob' || rt === 'arraybuffer') return response
    const body = response.data
    if (!isEnvelope(body)) return body
    if (body.code === '0') return body.data as never
    return fail(new ApiError(response.status, body.code, body.msg, body.field, body.data), response.config)
  },
  async (err: AxiosError) => {
    if (axios.isCancel(err)) throw err
    const response = err.response
    if (!response) {
      const timeout = err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT'
      return fail(
        new ApiError(0, timeout ? 'TIMEOUT' : 'NETWORK',
          timeout ? '请求超时，请稍后重试' : '无法连接服务器，请检查网络后重试'),
        err.config,
      )
    }
    const body = await bodyOf(response)
    if (isEnvelope(body)) {
      return fail(new ApiError(response.status, body.code, body.msg, body.field, body.data), err.config)
    }
    const msg = response.status === 404 ? '接口不存在' : response.status >= 500
      ? `服务器错误（${response.status}），请稍后重试` : `请求失败（${response.status}）`
    return fail(new ApiError(response.status, 'HTTP_' + response.status, msg), err.config)
  },
)

export type RequestOptions = Omit<AxiosRequestConfig, 'url' | 'method' | 'data' | 'params'>

/** GET; resolves with the envelope's data. */
export function get<T>(url: string, params?: Record<string, unknown>, options?: RequestOptions): Promise<T> {
  return http.request({ ...options, method: 'get', url, params }) as unknown as Promise<T>
}

export function post<T = void>(url: string, data?: unknown, options?: RequestOptions): Promise<T> {
  return http.request({ ...options, method: 'post', url, data: data ?? {} }) as unknown as Promise<T>
}

export function put<T = void>(url: string, data?: unknown, options?: RequestOptions): Promise<T> {
  return http.request({ ...options, method: 'put', url, data: data ?? {} }) as unknown as Promise<T>
}

export function del<T = void>(url: string, params?: Record<string, unknown>, options?: RequestOptions): Promise<T> {
  return http.request({ ...options, method: 'delete', url, params }) as unknown as Promise<T>
}

/** The file name in a Content-Disposition header (RFC 5987 filename* first). */
export function filenameFromDisposition(header: string | undefined | null): string | null {
  if (!header) return null
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
    } catch {
      return star[1]
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header)
  return plain ? plain[1].trim() : null
}

/**
 * Downloads a server file (e.g. an Excel export) with the token and subsidiary header, and saves it under the
 * server's file name (or `fallbackName`).
 */
export async function download(url: string, params?: Record<string, unknown>, fallbackName = '导出.xlsx',
                               options?: RequestOptions): Promise<void> {
  const response = (await http.request({ ...options, method: 'get', url, params, responseType: 'blob',
    timeout: 300_000 })) as unknown as AxiosResponse<Blob>
  const name = filenameFromDisposition(response.headers['content-disposition'] as string | undefined) || fallbackName
  const href = URL.createObjectURL(response.data)
  const a = document.createElement('a')
  a.href = href
  a.download = name
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  document.body.removeChild(a)
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}
