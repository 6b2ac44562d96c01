import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('element-plus', () => ({ ElMessage: vi.fn(), ElNotification: vi.fn() }))

import { ElMessage } from 'element-plus'
import {
  ApiError, apiBaseUrl, apiUrl, cleanParams, filenameFromDisposition, get, post, SUBSIDIARY_HEADER,
} from '@/api/http'
import { getToken, onUnauthorized, setSubsidiary, setToken } from '@/api/session'
import { fakeServer, ok } from './helpers'

const message = vi.mocked(ElMessage)

beforeEach(() => {
  sessionStorage.clear()
  message.mockClear()
})

afterEach(() => onUnauthorized(null))

describe('envelope', () => {
  it('resolves with data when code is "0"', async () => {
    fakeServer(() => ok({ id: '382503620215570432', name: '供热集团' }))
    await expect(get('/api/settings/orgs/1')).resolves.toEqual({ id: '382503620215570432', name: '供热集团' })
    expect(message).not.toHaveBeenCalled()
  })

  it('rejects with an ApiError carrying status, code, msg and field, and shows the message', async () => {
    fakeServer(() => ({ status: 400, data: { code: 'VALIDATION', msg: '机构编码只能包含字母、数字、下划线和短横线，长度 2-64', field: 'orgCode' } }))
    const e = await post('/api/settings/orgs', { orgCode: '?' }).catch((x) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e).toMatchObject({ status: 400, code: 'VALIDATION', field: 'orgCode', msg: '机构编码只能包含字母、数字、下划线和短横线，长度 2-64' })
    expect(message).toHaveBeenCalledWith(expect.objectContaining({ type: 'error', message: e.msg }))
  })

  it('keeps the error data (lock time, change ticket)', async () => {
    fakeServer(() => ({ status: 423, data: { code: 'ACCOUNT_LOCKED', msg: '账号已锁定', data: { lockedUntil: '2026-11-21T12:30:00', lockMinutes: 15 } } }))
    const e = await post('/api/auth/login', {}, { silent: true }).catch((x) => x)
    expect(e.status).toBe(423)
    expect(e.data).toEqual({ lockedUntil: '2026-11-21T12:30:00', lockMinutes: 15 })
  })

  it('does not show the message of a silent request', async () => {
    fakeServer(() => ({ status: 409, data: { code: 'CONFLICT', msg: '数据已被他人修改，请刷新后重试' } }))
    await expect(put()).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(message).not.toHaveBeenCalled()
    function put() {
      return post('/api/x', {}, { silent: true })
    }
  })

  it('treats an error envelope with HTTP 200 as an error', async () => {
    fakeServer(() => ({ status: 200, data: { code: 'FORBIDDEN', msg: '无权限执行此操作' } }))
    await expect(get('/api/x', undefined, { silent: true })).rejects.toMatchObject({ status: 200, code: 'FORBIDDEN' })
  })

  it('turns an unreachable server into ApiError NETWORK with status 0', async () => {
    fakeServer(() => 'network-error')
    await expect(get('/api/x', undefined, { silent: true })).rejects.toMatchObject({ status: 0, code: 'NETWORK' })
  })

  it('passes non-envelope bodies through', async () => {
    fakeServer(() => ({ status: 200, data: { status: 'UP' } }))
    await expect(get('/actuator/health')).resolves.toEqual({ status: 'UP' })
  })
})

describe('401', () => {
  it('clears the session and returns to login with the server message', async () => {
    setToken('t-1')
    setSubsidiary('42')
    const handler = vi.fn()
    onUnauthorized(handler)
    fakeServer(() => ({ status: 401, data: { code: 'UNAUTHENTICATED', msg: '登录已超时，请重新登录' } }))
    await expect(get('/api/auth/me', undefined, { silent: true })).rejects.toMatchObject({ status: 401 })
    expect(getToken()).toBeNull()
    expect(sessionStorage.getItem('heatdesk.subsidiary')).toBeNull()
    expect(handler).toHaveBeenCalledWith('登录已超时，请重新登录')
  })

  it('keeps the session on a wrong password (BAD_CREDENTIALS is also 401)', async () => {
    setToken('t-2')
    const handler = vi.fn()
    onUnauthorized(handler)
    fakeServer(() => ({ status: 401, data: { code: 'BAD_CREDENTIALS', msg: '用户名或密码错误', field: 'password' } }))
    await expect(post('/api/auth/login', {}, { silent: true })).rejects.toMatchObject({ field: 'password' })
    expect(getToken()).toBe('t-2')
    expect(handler).not.toHaveBeenCalled()
  })
})

describe('headers and URLs', () => {
  it('sends the token and the chosen subsidiary', async () => {
    setToken('abc')
    setSubsidiary('382503620718886912')
    const seen = fakeServer(() => ok([]))
    await get('/api/settings/users')
    expect(seen[0].headers.get('Authorization')).toBe('Bearer abc')
    expect(seen[0].headers.get(SUBSIDIARY_HEADER)).toBe('382503620718886912')
  })

  it('sends no subsidiary header when none is chosen or the request opts out', async () => {
    setToken('abc')
    const seen = fakeServer(() => ok({}))
    await get('/api/settings/users')
    setSubsidiary('7')
    await get('/api/auth/me', undefined, { noSubsidiary: true })
    expect(seen[0].headers.has(SUBSIDIARY_HEADER)).toBe(false)
    expect(seen[1].headers.has(SUBSIDIARY_HEADER)).toBe(false)
    expect(seen[1].headers.get('Authorization')).toBe('Bearer abc')
  })

  it('sends no Authorization header without a token', async () => {
    const seen = fakeServer(() => ok({ publicKey: '04' }))
    await get('/api/auth/public-key')
    expect(seen[0].headers.has('Authorization')).toBe(false)
  })

  it('drops empty filter values', async () => {
    const seen = fakeServer(() => ok({ records: [], total: 0 }))
    await get('/api/settings/users', { keyword: '', orgId: null, enabled: 1, locked: false, page: 1 })
    expect(seen[0].params).toEqual({ enabled: 1, locked: false, page: 1 })
    expect(cleanParams({ a: undefined, b: [], c: 'x' })).toEqual({ c: 'x' })
  })

  it('takes the API base from the directory of the page (JAR root or WAR context path)', () => {
    expect(apiBaseUrl('/')).toBe('/')
    expect(apiBaseUrl('/index.html')).toBe('/')
    expect(apiBaseUrl('/heatdesk/')).toBe('/heatdesk/')
    expect(apiBaseUrl('/heatdesk/index.html')).toBe('/heatdesk/')
    expect(apiUrl('/api/settings/users/export')).toBe('/api/settings/users/export')
  })

  it('reads the file name of a download', () => {
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E7%94%A8%E6%88%B7%E5%88%97%E8%A1%A8.xlsx")).toBe('用户列表.xlsx')
    expect(filenameFromDisposition('attachment; filename="users.xlsx"')).toBe('users.xlsx')
    expect(filenameFromDisposition(null)).toBeNull()
  })
})
