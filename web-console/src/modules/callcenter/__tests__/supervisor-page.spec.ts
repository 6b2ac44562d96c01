import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok } from '../../../../tests/unit/helpers'

const live = vi.hoisted(() => ({ handlers: new Map<string, (p: unknown) => void>() }))
vi.mock('@/api/live', () => ({
  onLive: (topic: string, h: (p: unknown) => void) => {
    live.handlers.set(topic, h)
    return () => live.handlers.delete(topic)
  },
}))

import SupervisorPage from '../supervisor/SupervisorPage.vue'
import type { Board } from '../api-supervisor'

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '5', username: 'monitor01', realName: '王班长', jobNumber: '8101', orgId: '2', orgName: '客服中心',
    subsidiaryId: null, dataScope: 'ALL', roles: ['SUPERVISOR'], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  } satisfies Profile
}

const BOARD: Board = {
  at: '2026-11-22T10:00:00',
  queues: [{ gatewayId: '1', gatewayName: '总部网关', queue: 'repair', waiting: 1, longestWaitSeconds: 75, callers: [
    { gatewayId: '1', gatewayName: '总部网关', queue: 'repair', linkedid: 'gw-hq-1.7', position: 2, number: '139****0002',
      householdId: '11', householdName: '张三', address: '幸福小区 1-2-301', waitSeconds: 75, queuedAt: '2026-11-22T09:58:45' },
  ] }],
  agents: [
    { agentId: '7', jobNo: '8001', agentName: '李坐席', extension: '8001', state: 'TALKING', stateLabel: '通话中',
      stateReason: null, stateSince: '2026-11-22T09:59:00', answeredToday: 3, missedToday: 0, outboundToday: 0,
      talkSecondsToday: 300 },
    { agentId: '8', jobNo: '8002', agentName: '赵坐席', extension: '8002', state: 'IDLE', stateLabel: '示闲',
      stateReason: null, stateSince: '2026-11-22T09:50:00', answeredToday: 1, missedToday: 0, outboundToday: 0,
      talkSecondsToday: 60 },
  ],
}

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  live.handlers.clear()
})
afterEach(() => {
  document.body.innerHTML = ''
})

const opts = () => ({ global: { plugins: [pinia, ElementPlus], directives: { perm: vPerm } }, attachTo: document.body })
const all = (testid: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)]

describe('SupervisorPage', () => {
  it('shows the waiting callers and offers the call actions only for agents in a call', async () => {
    signIn(['callcenter:supervisor', 'callcenter:agent:supervise'])
    const seen = fakeServer((c) => c.url === '/api/callcenter/supervisor/board' ? ok(BOARD)
      : ok({ action: 'LISTEN', message: '正在呼叫您的话机（分机 8101）', linkedid: 'gw-hq-1.1', channel: 'hd-spy-1', targetJobNo: '8001' }))
    const w = mount(SupervisorPage, opts())
    await flushPromises()
    expect(document.body.textContent).toContain('139****0002')
    expect(document.body.textContent).toContain('幸福小区 1-2-301')
    expect(document.body.textContent).toContain('1:15')
    expect(document.querySelector('[data-testid="supervisor-refreshed"]')?.textContent).toContain('每 3 秒自动刷新')
    // one agent in a call: one set of buttons
    expect(all('supervisor-listen')).toHaveLength(1)
    expect(all('supervisor-barge')).toHaveLength(1)
    all('supervisor-listen')[0].click()
    await flushPromises()
    expect(seen.map((c) => `${c.method} ${c.url}`)).toContain('post /api/callcenter/supervisor/agents/7/listen')
    expect(live.handlers.has('callstats')).toBe(true)
    w.unmount()
  })

  it('moves a waiting caller to the front', async () => {
    signIn(['callcenter:supervisor', 'callcenter:agent:supervise'])
    const seen = fakeServer((c) => c.url === '/api/callcenter/supervisor/board' ? ok(BOARD)
      : ok({ action: 'TO_FRONT', message: '已将来电排到队列 repair 的最前面', linkedid: 'gw-hq-1.7', channel: null, targetJobNo: null }))
    const w = mount(SupervisorPage, opts())
    await flushPromises()
    all('supervisor-front')[0].click()
    await flushPromises()
    const post = seen.find((c) => c.url === '/api/callcenter/supervisor/queue/prioritize')!
    expect(JSON.parse(post.data as string)).toEqual({ gatewayId: '1', linkedid: 'gw-hq-1.7', mode: 'FRONT' })
    w.unmount()
  })

  it('shows no action buttons without callcenter:agent:supervise', async () => {
    signIn(['callcenter:supervisor'])
    fakeServer(() => ok(BOARD))
    const w = mount(SupervisorPage, opts())
    await flushPromises()
    expect(all('supervisor-listen')).toHaveLength(0)
    expect(all('supervisor-front')).toHaveLength(0)
    w.unmount()
  })
})
