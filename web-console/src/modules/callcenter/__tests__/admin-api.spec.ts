import { beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import routes from '../routes-admin'
import type { InternalAxiosRequestConfig } from 'axios'
import { createPinia, setActivePinia } from 'pinia'
import { ApiError } from '@/api/http'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import {
  agentApi, bundlePreview, gatewayApi, listFieldError, loadGatewayOptions, loadReasonDicts, phoneApi, queueApi,
  type GatewaySave,
} from '../api-admin'

const page = (records: unknown[] = []) => ok({ records, total: records.length, page: 1, size: 20 })
const body = (c: InternalAxiosRequestConfig) => JSON.parse(c.data as string)
const call = (c: InternalAxiosRequestConfig) => `${c.method?.toUpperCase()} ${c.url}`

let seen: InternalAxiosRequestConfig[]

beforeEach(() => {
  sessionStorage.clear()
  setActivePinia(createPinia())
  seen = fakeServer((c) => (c.method === 'get' && /\/(gateways|phones|agents|state-log|sessions)$/.test(c.url!) ? page() : ok(null)))
})

describe('gateway calls', () => {
  it('previews the Asterisk bundle of a gateway before downloading it', async () => {
    await bundlePreview('7')
    expect(call(seen[0])).toBe('GET /api/callcenter/gateways/7/asterisk-config/preview')
  })

  it('list with the filters the server binds (empty ones dropped)', async () => {
    await gatewayApi.page({ keyword: 'HQ', kind: 'STATION', enabled: false, stationOrgId: null, page: 2, size: 20 })
    expect(call(seen[0])).toBe('GET /api/callcenter/gateways')
    expect(seen[0].params).toEqual({ keyword: 'HQ', kind: 'STATION', enabled: false, page: 2, size: 20 })
  })

  it('create, update with the secret left out, enable, delete', async () => {
    const save: GatewaySave = { code: 'HQ01', name: '总部网关', kind: 'HQ', stationOrgId: null, amiHost: '10.0.0.5',
      amiPort: 5038, amiUsername: 'heatdesk', amiSecret: 's3cret', agiHost: null, agiPort: null, recordingDir: null,
      enabled: true, remark: null }
    await gatewayApi.create(save)
    await gatewayApi.update('7', { ...save, amiSecret: null, rowVersion: 3 })
    await gatewayApi.setEnabled('7', false)
    await gatewayApi.remove('7')
    expect(seen.map(call)).toEqual(['POST /api/callcenter/gateways', 'PUT /api/callcenter/gateways/7',
      'POST /api/callcenter/gateways/7/enabled', 'DELETE /api/callcenter/gateways/7'])
    expect(body(seen[0])).toEqual(save)
    expect(body(seen[1])).toMatchObject({ amiSecret: null, rowVersion: 3, code: 'HQ01' })
    expect(body(seen[2])).toEqual({ enabled: false })
  })

  it('gateway options: one big page, [] when the user may not list gateways', async () => {
    fakeServer(() => page([{ id: '1', code: 'HQ01', name: '总部网关' }]))
    expect(await loadGatewayOptions()).toHaveLength(1)
    seen = fakeServer(() => ({ status: 403, data: { code: 'FORBIDDEN', msg: '无权访问' } }))
    expect(await loadGatewayOptions()).toEqual([])
    expect(seen[0].params).toEqual({ page: 1, size: 200 })
  })
})

describe('phone and queue calls', () => {
  it('phones: list filters and CRUD paths', async () => {
    await phoneApi.page({ gatewayId: '1', keyword: '80', bound: false, registered: true, page: 1, size: 20 })
    expect(seen[0].params).toEqual({ gatewayId: '1', keyword: '80', bound: false, registered: true, page: 1, size: 20 })
    const save = { gatewayId: '1', extension: '8001', endpointName: null, sipSecret: null, model: 'Yealink T31',
      mac: null, remark: null, enabled: true }
    await phoneApi.create(save)
    await phoneApi.update('11', { ...save, rowVersion: 0 })
    await phoneApi.remove('11')
    expect(seen.slice(1).map(call)).toEqual(['POST /api/callcenter/phones', 'PUT /api/callcenter/phones/11',
      'DELETE /api/callcenter/phones/11'])
    expect(body(seen[1])).toEqual(save)
    expect(body(seen[2]).rowVersion).toBe(0)
  })

  it('queues and skills', async () => {
    await queueApi.skills()
    await queueApi.list({ gatewayId: '1', skillCode: null })
    const save = { gatewayId: '1', queueName: 'repair', displayName: '报修队列', skillCode: 'REPAIR', strategy: 'rrmemory',
      timeoutSeconds: 15, wrapupSeconds: 10, maxWaitSeconds: 300, enabled: true, remark: null }
    await queueApi.create(save)
    await queueApi.update('21', { ...save, rowVersion: 2 })
    await queueApi.remove('21')
    expect(seen.map(call)).toEqual(['GET /api/callcenter/skills', 'GET /api/callcenter/queues',
      'POST /api/callcenter/queues', 'PUT /api/callcenter/queues/21', 'DELETE /api/callcenter/queues/21'])
    expect(seen[1].params).toEqual({ gatewayId: '1' })
    expect(body(seen[2])).toEqual(save)
  })
})

describe('agent calls', () => {
  it('list, candidates, create, update', async () => {
    await agentApi.page({ keyword: 'A01', gatewayId: '1', state: 'IDLE', bound: true, page: 1, size: 20 })
    expect(seen[0].params).toEqual({ keyword: 'A01', gatewayId: '1', state: 'IDLE', bound: true, page: 1, size: 20 })
    await agentApi.candidates()
    await agentApi.create({ userId: '5', jobNo: null, phoneId: '11', skills: [{ queueId: '21', level: 2 }], remark: null })
    await agentApi.update('31', { jobNo: 'A001', remark: '早班', rowVersion: 4 })
    expect(seen.slice(1).map(call)).toEqual(['GET /api/callcenter/agents/candidates', 'POST /api/callcenter/agents',
      'PUT /api/callcenter/agents/31'])
    expect(body(seen[2])).toEqual({ userId: '5', jobNo: null, phoneId: '11', skills: [{ queueId: '21', level: 2 }], remark: null })
    expect(body(seen[3])).toEqual({ jobNo: 'A001', remark: '早班', rowVersion: 4 })
  })

  it('bind, unbind, skills, force, delete', async () => {
    await agentApi.bind('31', '11', 4)
    await agentApi.unbind('31', 5)
    await agentApi.setSkills('31', [{ queueId: '21', level: 0 }, { queueId: '22', level: 9 }])
    await agentApi.force('31', 'FORCE_BUSY', 'MEETING')
    await agentApi.force('31', 'FORCE_SIGN_OUT', null)
    await agentApi.remove('31')
    expect(seen.map(call)).toEqual(['POST /api/callcenter/agents/31/phone', 'POST /api/callcenter/agents/31/phone/unbind',
      'PUT /api/callcenter/agents/31/skills', 'POST /api/callcenter/agents/31/force', 'POST /api/callcenter/agents/31/force',
      'DELETE /api/callcenter/agents/31'])
    expect(seen.slice(0, 5).map(body)).toEqual([
      { phoneId: '11', rowVersion: 4 },
      { rowVersion: 5 },
      { skills: [{ queueId: '21', level: 0 }, { queueId: '22', level: 9 }] },
      { action: 'FORCE_BUSY', reason: 'MEETING' },
      { action: 'FORCE_SIGN_OUT', reason: null },
    ])
  })

  it('state log and sessions of one agent, paged', async () => {
    await agentApi.stateLog({ agentId: '31', page: 2, size: 10 })
    await agentApi.sessions({ agentId: '31', from: '2026-11-01T00:00:00', page: 1, size: 10 })
    expect(seen.map(call)).toEqual(['GET /api/callcenter/agents/state-log', 'GET /api/callcenter/agents/sessions'])
    expect(seen[0].params).toEqual({ agentId: '31', page: 2, size: 10 })
    expect(seen[1].params).toEqual({ agentId: '31', from: '2026-11-01T00:00:00', page: 1, size: 10 })
  })

  it('busy and break reasons come in one dictionary request', async () => {
    seen = fakeServer(() => ok({ busy_reason: [{ code: 'MEETING', label: '开会' }] }))
    expect(await loadReasonDicts()).toEqual({ busy_reason: [{ code: 'MEETING', label: '开会' }], break_reason: [] })
    expect(call(seen[0])).toBe('GET /api/settings/dicts')
    expect(seen[0].params).toEqual({ types: 'busy_reason,break_reason' })
  })

  it('errors about a list element become errors of the list', () => {
    const e = new ApiError(400, 'VALIDATION', '技能等级应在 0 到 9 之间', 'skills[1].level')
    const mapped = listFieldError(e, 'skills') as ApiError
    expect(mapped.field).toBe('skills')
    expect(mapped.msg).toBe('技能等级应在 0 到 9 之间')
    const other = new ApiError(400, 'VALIDATION', '工号应为 2 到 16 位字母或数字', 'jobNo')
    expect(listFieldError(other, 'skills')).toBe(other)
  })
})

describe('routes-admin', () => {
  it('puts each administration page on its server menu path with the menu code as permission', () => {
    const perms = JSON.parse(readFileSync(resolve(process.cwd(),
      '../module-callcenter/src/main/resources/heatdesk/permissions/callcenter.json'), 'utf8')) as
      { code: string; kind: string; path?: string }[]
    const menus = new Map(perms.filter((p) => p.kind === 'MENU' && p.path).map((p) => [p.path, p.code]))
    expect(routes.map((r) => r.path)).toEqual(['/callcenter/agents', '/callcenter/phones', '/callcenter/queues',
      '/callcenter/gateways'])
    for (const r of routes) {
      expect(r.meta?.perm).toBe(menus.get(r.path))
      expect(typeof r.component).toBe('function')
      expect(r.meta?.title).toBeTruthy()
    }
  })
})
