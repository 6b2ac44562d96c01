import { AxiosError, AxiosHeaders, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios'
import { http } from '@/api/http'

export interface FakeResponse {
  status: number
  data?: unknown
  headers?: Record<string, string>
}

/** Replaces the network of the console's axios instance; returns the configs of the requests it saw. */
export function fakeServer(handler: (config: InternalAxiosRequestConfig) => FakeResponse | 'network-error') {
  const seen: InternalAxiosRequestConfig[] = []
  const adapter: AxiosAdapter = async (config) => {
    seen.push(config)
    const r = handler(config)
    if (r === 'network-error') {
      throw new AxiosError('Network Error', AxiosError.ERR_NETWORK, config, {})
    }
    const response = {
      data: r.data, status: r.status, statusText: String(r.status), headers: new AxiosHeaders(r.headers ?? {}), config,
      request: {},
    }
    if (r.status >= 200 && r.status < 300) return response
    throw new AxiosError(`Request failed with status code ${r.status}`,
      r.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST, config, {}, response)
  }
  http.defaults.adapter = adapter
  return seen
}

export const ok = (data: unknown): FakeResponse => ({ status: 200, data: { code: '0', msg: '成功', data } })
