import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok } from '../../../../tests/unit/helpers'

const live = vi.hoisted(() => ({ handlers: new Map<string, Set<(p: unknown) => void>>() }))
vi.mock('@/api/live', () => ({
  onLive: (topic: string, h: (p: unknown) => void) => {
    const set = live.handlers.get(topic) ?? new Set()
    set.add(h)
    live.handlers.set(topic, set)
    return () => live.handlers.get(topic)?.delete(h)
  },
}))

import AgentsPage from '../admin/AgentsPage.vue'
import GatewaysPage from '../admin/GatewaysPage.vue'
import PhonesPage from '../admin/PhonesPage.vue'

function signIn(permissions: string[]) {
  const p: Profile = { userId: '1', username: 'admin', realName: '管理员', jobNumber: null, orgId: '1', orgName: '集团',
    subsidiaryId: null, dataScope: 'ALL', roles: ['ADMIN'], permissions, menus: [], lastLoginAt: null, lastLoginIp: null }
  useAuthStore().profile = p
}
const mountOpts = () => ({ global: { plugins: [ElementPlus], directives: { perm: vPerm } }, attachTo: document.body })
const page = (records: unknown[]) => ok({ records, total: records.length, page: 1, size: 20 })
const emit = (topic: string, payload: unknown) => live.handlers.get(topic)?.forEach((h) => h(payload))
const cell = (testid: string) => document.querySelector(`[data-testid="${testid}"]`) as HTMLElement

beforeEach(() => {
  sessionStorage.clear()
  live.handlers.clear()
  setActivePinia(createPinia())
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

const agentRow = {
  id: '31', userId: '5', username: 'agent01', jobNo: '1001', agentName: '李坐席', orgName: '客服中心', phoneId: '11',
  extension: '8001', gatewayId: '1', gatewayName: '总部网关', phoneRegistered: false, phoneDeviceState: 'UNAVAILABLE',
  state: 'IDLE', stateLabel: '示闲', stateReason: null, stateReasonLabel: null, stateSince: '2026-11-21T09:00:00',
  stateUntil: null, currentCall: null, currentQueue: null,
  skills: [{ queueId: '21', queueName: 'repair', displayName: '报修队列', skillCode: 'REPAIR', skillLabel: '报修', level: 1 }],
  allowed: [], remark: null, rowVersion: 4,
}

describe('AgentsPage', () => {
  it('shows the state tag with a ticking duration and follows AGENT_STATE / PHONE_STATE pushes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    vi.setSystemTime(new Date(2026, 10, 21, 9, 1, 5))
    signIn(['callcenter:agent', 'callcenter:agent:edit', 'callcenter:agent:supervise'])
    fakeServer((c) => (c.url === '/api/callcenter/agents' ? page([agentRow]) : page([])))
    const w = mount(AgentsPage, mountOpts())
    await flushPromises()

    expect(cell('agent-state').textContent?.trim()).toBe('示闲')
    expect(cell('agent-state').getAttribute('data-state')).toBe('IDLE')
    expect(cell('agent-state-duration').textContent?.trim()).toBe('01:05')
    vi.advanceTimersByTime(2000)
    await flushPromises()
    expect(cell('agent-state-duration').textContent?.trim()).toBe('01:07')
    expect(cell('agent-skill').textContent).toContain('报修 · 1')
    expect(cell('agent-phone-registered').textContent?.trim()).toBe('未注册')
    expect(cell('agent-unbind')).not.toBeNull()
    expect(cell('agent-force')).not.toBeNull()

    emit('agent', { type: 'AGENT_STATE', agentId: '31', state: 'BUSY', stateLabel: '示忙', stateReason: 'MEETING',
      stateReasonLabel: '开会', stateSince: '2026-11-21T09:01:07', stateUntil: null, currentCall: null })
    emit('agent', { type: 'PHONE_STATE', phoneId: '11', registered: true, deviceState: 'NOT_INUSE' })
    emit('agent', { type: 'AGENT_STATE', agentId: '999', state: 'TALKING', stateLabel: '通话中' })
    await flushPromises()
    expect(cell('agent-state').textContent?.trim()).toBe('示忙·开会')
    // (in tests el-tag's transition is stubbed and carries the attributes; in the browser the tag itself does)
    const tagEl = cell('agent-state').matches('.el-tag') ? cell('agent-state') : cell('agent-state').querySelector('.el-tag')!
    expect(tagEl.className).toContain('el-tag--danger')
    expect(cell('agent-state-duration').textContent?.trim()).toBe('00:00')
    expect(cell('agent-phone-registered').textContent?.trim()).toBe('已注册')
    w.unmount()
    expect(live.handlers.get('agent')?.size ?? 0).toBe(0)
  })

  it('hides the edit and supervisor buttons without the permissions', async () => {
    signIn(['callcenter:agent'])
    fakeServer(() => page([agentRow]))
    const w = mount(AgentsPage, mountOpts())
    await flushPromises()
    expect(cell('agent-detail')).not.toBeNull()
    for (const t of ['agent-add', 'agent-edit', 'agent-unbind', 'agent-skills', 'agent-force', 'agent-delete']) {
      expect(cell(t), t).toBeNull()
    }
    w.unmount()
  })
})

describe('GatewaysPage', () => {
  const gw = (status: unknown) => ({
    id: '7', code: 'HQ01', name: '总部网关', kind: 'HQ', kindLabel: '总部网关', stationOrgId: null, stationName: null,
    amiHost: '10.0.0.5', amiPort: 5038, amiUsername: 'heatdesk', amiSecretSet: true, agiHost: null, agiPort: null,
    recordingDir: null, enabled: true, remark: null, phoneCount: 2, queueCount: 3, status, rowVersion: 3,
    createdAt: null, updatedAt: null,
  })

  it('shows the live status columns and re-reads them every 5 s while visible', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    signIn(['callcenter:gateway', 'callcenter:gateway:edit'])
    let status: Record<string, unknown> = { gatewayId: '7', connected: false, asteriskVersion: null, startedAt: null,
      uptimeSeconds: null, channels: null, lastEventAt: null, connectedSince: null, lastError: 'Connection refused',
      reconnects: '4' }
    const seen = fakeServer((c) => (c.url === '/api/servicedesk/stations' ? ok([]) : page([gw(status)])))
    const w = mount(GatewaysPage, mountOpts())
    await flushPromises()
    expect(cell('gateway-conn').textContent?.trim()).toBe('未连接')
    expect(cell('gateway-conn').getAttribute('data-connected')).toBe('0')
    expect(cell('gateway-reconnects').textContent?.trim()).toBe('4')
    expect(cell('gateway-uptime').textContent?.trim()).toBe('—')

    status = { ...status, connected: true, asteriskVersion: '20.5.0', uptimeSeconds: 90061, channels: 3,
      lastEventAt: '2026-11-21T12:13:21.99', lastError: null }
    const before = seen.filter((c) => c.url === '/api/callcenter/gateways').length
    vi.advanceTimersByTime(5000)
    await flushPromises()
    const polls = seen.filter((c) => c.url === '/api/callcenter/gateways')
    expect(polls.length).toBe(before + 1)
    expect(polls[polls.length - 1].params).toMatchObject({ page: 1, size: 200 })
    expect(cell('gateway-conn').textContent?.trim()).toBe('已连接')
    expect(cell('gateway-version').textContent?.trim()).toBe('20.5.0')
    expect(cell('gateway-uptime').textContent?.trim()).toBe('1天1小时1分')
    expect(cell('gateway-channels').textContent?.trim()).toBe('3')
    expect(cell('gateway-last-event').textContent?.trim()).toBe('2026-11-21 12:13:21')
    expect(cell('gateway-edit')).not.toBeNull()
    expect(cell('gateway-disable')).not.toBeNull()
    w.unmount()
  })
})

describe('PhonesPage', () => {
  it('applies PHONE_STATE to the phone on screen', async () => {
    signIn(['callcenter:phone'])
    fakeServer((c) => (c.url === '/api/callcenter/phones' ? page([{ id: '11', gatewayId: '1', gatewayName: '总部网关',
      extension: '8001', endpointName: '8001', sipSecretSet: true, model: null, mac: null, remark: null, enabled: true,
      registered: null, deviceState: null, stateUpdatedAt: null, agentId: '31', agentJobNo: '1001', agentName: '李坐席',
      rowVersion: 0 }]) : { status: 403, data: { code: 'FORBIDDEN', msg: '无权访问' } }))
    const w = mount(PhonesPage, mountOpts())
    await flushPromises()
    expect(cell('phone-registered').textContent?.trim()).toBe('未知')
    expect(cell('phone-agent').textContent?.trim()).toBe('1001 李坐席')
    expect(cell('phone-add')).toBeNull()
    emit('agent', { type: 'PHONE_STATE', phoneId: '11', gatewayId: '1', extension: '8001', registered: true,
      deviceState: 'INUSE', agentId: '31', at: '2026-11-21T12:00:00' })
    await flushPromises()
    expect(cell('phone-registered').textContent?.trim()).toBe('已注册')
    expect(cell('phone-device-state').textContent?.trim()).toBe('使用中')
    w.unmount()
  })
})
