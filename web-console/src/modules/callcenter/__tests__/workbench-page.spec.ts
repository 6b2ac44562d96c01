import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { InternalAxiosRequestConfig } from 'axios'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok, type FakeResponse } from '../../../../tests/unit/helpers'

const live = vi.hoisted(() => ({ handlers: new Map<string, (p: unknown) => void>() }))
vi.mock('@/api/live', () => ({
  onLive: (topic: string, h: (p: unknown) => void) => {
    live.handlers.set(topic, h)
    return () => live.handlers.delete(topic)
  },
}))

import WorkbenchPage from '../workbench/WorkbenchPage.vue'
import AgentFiguresTable from '../workbench/AgentFiguresTable.vue'
import type { AgentFigures, AgentView, CallStats } from '../api-callcenter'

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '3', username: 'agent01', realName: '李坐席', jobNumber: '1001', orgId: '2', orgName: '客服中心',
    subsidiaryId: null, dataScope: 'ALL', roles: ['AGENT'], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  } satisfies Profile
}

const ME: AgentView = {
  id: '7', userId: '3', username: 'agent01', jobNo: '1001', agentName: '李坐席', orgName: '客服中心', phoneId: '31',
  extension: '8001', gatewayId: '1', gatewayName: '总部网关', phoneRegistered: true, phoneDeviceState: 'NOT_INUSE',
  state: 'SIGNED_OUT', stateLabel: '签出', stateReason: null, stateReasonLabel: null, stateSince: null, stateUntil: null,
  currentCall: null, currentQueue: null, skills: [], allowed: ['SIGN_IN'], remark: null, rowVersion: 0,
}

const STATS: CallStats = {
  at: '2026-11-21T10:00:00', queues: [{ gatewayId: '1', queue: 'repair', waiting: 2, longestWaitMs: 65_000 }], liveCalls: 3,
  waitingTotal: 2, inboundToday: 40, outboundToday: 5, internalToday: 0, offeredToday: 38, answeredToday: 36,
  abandonedToday: 1, noAnswerToday: 1, answerRate: 94.7, lossRate: 5.3, averageWaitMs: 12_000,
}

type Handler = (c: InternalAxiosRequestConfig) => FakeResponse | undefined
let extra: Handler = () => undefined
let demo: FakeResponse = ok({ enabled: true, gateways: [{ gatewayId: '1', code: 'HQ', name: '总部', phones: ['8001'], queues: ['repair'] }] })

function server() {
  return fakeServer((c) => {
    const hit = extra(c)
    if (hit) return hit
    if (c.url === '/api/callcenter/agents/me') return ok(ME)
    if (c.url === '/api/callcenter/calls/stats') return ok(STATS)
    if (c.url === '/api/settings/dicts') {
      return ok({ busy_reason: [{ code: 'MEETING', label: '会议' }], break_reason: [{ code: 'MEAL', label: '用餐' }] })
    }
    if (c.url === '/api/callcenter/demo') return demo
    return ok(null)
  })
}

let pinia: Pinia
beforeEach(() => {
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  live.handlers.clear()
  extra = () => undefined
  demo = ok({ enabled: true, gateways: [{ gatewayId: '1', code: 'HQ', name: '总部', phones: ['8001'], queues: ['repair'] }] })
})
afterEach(() => {
  document.body.innerHTML = ''
  vi.useRealTimers()
})

function mountPage() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<div/>' } }] })
  return mount(WorkbenchPage, { global: { plugins: [pinia, ElementPlus, router], directives: { perm: vPerm } }, attachTo: document.body })
}
const q = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)
const text = (testid: string) => q(testid)?.textContent?.replace(/\s+/g, ' ').trim()
const disabled = (testid: string) => (q(testid) as HTMLButtonElement).disabled

describe('WorkbenchPage', () => {
  it('shows my agent, signs in on my phone and follows my live state events', async () => {
    signIn(['callcenter:workbench', 'callcenter:call'])
    const seen = server()
    const w = mountPage()
    await flushPromises()
    expect(text('cti-job-no')).toBe('1001')
    expect(text('cti-extension-bound')).toBe('8001')
    expect(q('cti-state')?.dataset.state).toBe('SIGNED_OUT')
    expect(disabled('cti-sign-in')).toBe(false)
    expect(disabled('cti-idle')).toBe(true)
    expect(disabled('cti-sign-out')).toBe(true)
    expect((q('cti-extension') as HTMLInputElement).value).toBe('8001')
    expect([...live.handlers.keys()].sort()).toEqual(['agent', 'callstats', 'screenpop'])

    extra = (c) => c.url === '/api/callcenter/agents/me/sign-in'
      ? ok({ ...ME, state: 'IDLE', stateLabel: '示闲', stateSince: '2026-11-21T10:00:00', allowed: ['SIGN_OUT', 'SET_BUSY', 'TAKE_BREAK'] })
      : undefined
    q('cti-sign-in')!.click()
    await flushPromises()
    const req = seen.find((c) => c.url === '/api/callcenter/agents/me/sign-in')!
    expect(JSON.parse(String(req.data))).toEqual({ extension: '8001', gatewayId: '1' })
    expect(q('cti-state')?.dataset.state).toBe('IDLE')
    expect(disabled('cti-busy')).toBe(false)
    expect(disabled('cti-idle')).toBe(true)
    expect(q('cti-sign-in')).toBeNull()

    // a ring and an answer arrive as events of my agent; another agent's event changes nothing
    live.handlers.get('agent')!({ type: 'AGENT_STATE', agentId: '8', state: 'BUSY', stateLabel: '示忙' })
    await flushPromises()
    expect(q('cti-state')?.dataset.state).toBe('IDLE')
    live.handlers.get('agent')!({ type: 'AGENT_STATE', agentId: '7', state: 'TALKING', stateLabel: '通话中',
      stateSince: '2026-11-21T10:01:00', currentCall: '1700000000.1' })
    await flushPromises()
    expect(text('cti-state')).toBe('通话中')
    expect(disabled('cti-sign-out')).toBe(true)
    expect(disabled('cti-busy')).toBe(true)
    live.handlers.get('agent')!({ type: 'PHONE_STATE', phoneId: '31', agentId: '7', registered: false, deviceState: 'UNAVAILABLE' })
    await flushPromises()
    expect(text('cti-phone-registered')).toBe('未注册')
    w.unmount()
  })

  it('shows the server\'s refusal of a command', async () => {
    signIn(['callcenter:workbench'])
    const seen = server()
    extra = (c) => c.url === '/api/callcenter/agents/me/sign-in'
      ? { status: 403, data: { code: 'FORBIDDEN', msg: '工号1001只能在绑定的话机（分机 8001）上签入', field: 'extension' } }
      : undefined
    const w = mountPage()
    await flushPromises()
    // the workbench permission alone reads the live figures (agents see the per-agent table too)
    expect(q('call-stats')).not.toBeNull()
    expect(seen.some((c) => c.url === '/api/callcenter/calls/stats')).toBe(true)
    await w.find('[data-testid="cti-extension"]').setValue('8002')
    q('cti-sign-in')!.click()
    await flushPromises()
    expect(q('cti-error')?.dataset.status).toBe('403')
    expect(text('cti-error')).toContain('只能在绑定的话机')
    expect(q('cti-state')?.dataset.state).toBe('SIGNED_OUT')
    w.unmount()
  })

  it('says so when the user has no agent profile', async () => {
    signIn(['callcenter:workbench'])
    server()
    extra = (c) => c.url === '/api/callcenter/agents/me'
      ? { status: 404, data: { code: 'NOT_FOUND', msg: '您的坐席工号不存在', field: null } } : undefined
    const w = mountPage()
    await flushPromises()
    expect(text('cti-no-agent')).toContain('您的坐席工号不存在')
    w.unmount()
  })

  it('pops the caller panel on a screenpop push and shows the live figures', async () => {
    signIn(['callcenter:workbench', 'callcenter:call', 'servicedesk:ticket:create'])
    server()
    const w = mountPage()
    await flushPromises()
    expect(text('stats-waiting')).toContain('2')
    expect(text('stats-inbound')).toContain('40')
    expect(text('stats-answer-rate')).toContain('94.7%')
    expect(text('stats-avg-wait')).toContain('0:12')
    expect(q('stats-queue')?.dataset.queue).toBe('repair')
    live.handlers.get('callstats')!({ ...STATS, inboundToday: 41, queues: [] })
    await flushPromises()
    expect(text('stats-inbound')).toContain('41')
    expect(text('stats-queues')).toContain('各队列暂无排队')

    expect(q('screenpop-empty')).not.toBeNull()
    live.handlers.get('screenpop')!({ callId: '900', linkedid: '1700000000.1', gatewayId: '1', queue: 'repair', did: null,
      callerNumber: '138****8000', numberMasked: true, unknownNumber: true, blacklisted: false, panel: null,
      agentJobNo: '1001', ringingAt: '2026-11-21T10:00:00' })
    await flushPromises()
    expect(q('screenpop')?.dataset.callId).toBe('900')
    expect(q('screenpop-unknown')).not.toBeNull()
    expect(text('demo-linkedid')).toBe('1700000000.1')
    w.unmount()
  })

  it('runs the demo controls against the contract, and hides them without the demo', async () => {
    signIn(['callcenter:workbench'])
    const seen = server()
    extra = (c) => c.url?.startsWith('/api/callcenter/demo/')
      ? ok({ linkedid: '1700000000.9', channel: 'PJSIP/trunk-1', extension: '8001', state: 'TALKING' }) : undefined
    const w = mountPage()
    await flushPromises()
    expect(q('demo-panel')).not.toBeNull()
    expect((q('demo-caller') as HTMLInputElement).value).toBe('13800138000')
    expect((q('demo-digits') as HTMLInputElement).value).toBe('1')
    q('demo-call')!.click()
    await flushPromises()
    const call = seen.find((c) => c.url === '/api/callcenter/demo/calls')!
    expect(JSON.parse(String(call.data))).toEqual({ gatewayId: '1', callerNumber: '13800138000', digits: '1' })
    q('demo-answer')!.click()
    await flushPromises()
    expect(seen.at(-1)?.url).toBe('/api/callcenter/demo/phones/8001/answer?gatewayId=1')
    expect(q('demo-phone-state')?.dataset.state).toBe('TALKING')
    q('demo-customer-hangup')!.click()
    await flushPromises()
    expect(seen.at(-1)?.url).toBe('/api/callcenter/demo/calls/1700000000.9/hangup')
    w.unmount()

    demo = { status: 404, data: { code: 'NOT_FOUND', msg: '接口不存在', field: null } }
    const w2 = mountPage()
    await flushPromises()
    expect(q('demo-panel')).toBeNull()
    w2.unmount()
  })
})

const LI: AgentFigures = {
  agentId: '7', jobNo: '1001', agentName: '李坐席', extension: '8001', state: 'IDLE', stateLabel: '示闲',
  stateReason: null, stateSince: '2026-11-21T09:58:00', answeredToday: 12, missedToday: 2, outboundToday: 3,
  talkSecondsToday: 3725,
}
const WANG: AgentFigures = {
  agentId: '8', jobNo: '1002', agentName: '王班长', extension: '8002', state: 'BUSY', stateLabel: '示忙',
  stateReason: '会议', stateSince: '2026-11-21T09:59:30', answeredToday: 0, missedToday: 0, outboundToday: 0,
  talkSecondsToday: 0,
}

const WITH_AGENTS: CallStats = { ...STATS, agents: [LI, WANG] }

const states = () => [...document.querySelectorAll<HTMLElement>('[data-testid="agent-figure-state"]')]
  .map((e) => `${e.dataset.job}:${e.dataset.state}:${e.textContent?.trim()}`)
const rowTexts = () => [...document.querySelectorAll('[data-testid="agent-figures-table"] .el-table__body tr')]
  .map((tr) => tr.textContent?.replace(/\s+/g, ' ').trim())

describe('per-agent live figures on the workbench', () => {
  it('an agent with only the workbench permission reads them and sees every agent of the scope in a table', async () => {
    signIn(['callcenter:workbench'])
    extra = (c) => (c.url === '/api/callcenter/calls/stats' ? ok(WITH_AGENTS) : undefined)
    const seen = server()
    mountPage()
    await flushPromises()
    expect(seen.some((c) => c.url === '/api/callcenter/calls/stats')).toBe(true)
    expect(live.handlers.has('callstats')).toBe(true)
    expect(q('agent-figures')?.textContent).toContain('坐席实时状态')
    expect(states()).toEqual(['1001:IDLE:示闲', '1002:BUSY:示忙（会议）'])
    const [li] = rowTexts()
    expect(li).toContain('李坐席')
    expect(li).toContain('8001')
    expect(li).toContain('12')      // answered today
    expect(li).toContain('1:02:05') // talk time 3725 s

    // the push replaces the figures: 1001 rings now
    live.handlers.get('callstats')!({ ...WITH_AGENTS, at: '2026-11-21T10:00:02',
      agents: [{ ...LI, state: 'RINGING', stateLabel: '振铃', stateSince: '2026-11-21T10:00:01' }, WANG] })
    await flushPromises()
    expect(states()[0]).toBe('1001:RINGING:振铃')
  })

  it('without any call-center figures permission neither the table nor the request appears', async () => {
    signIn([])
    const seen = server()
    mountPage()
    await flushPromises()
    expect(seen.some((c) => c.url === '/api/callcenter/calls/stats')).toBe(false)
    expect(live.handlers.has('callstats')).toBe(false)
    expect(q('agent-figures')).toBeNull()
  })

  it('the state duration ticks with the clock and signed-out agents show none', async () => {
    const at = new Date(2026, 10, 21, 10, 0, 0).getTime()
    const w = mount(AgentFiguresTable, {
      props: { agents: [LI, { ...WANG, state: 'SIGNED_OUT', stateLabel: '签出', stateReason: null }], now: at },
      global: { plugins: [ElementPlus] }, attachTo: document.body,
    })
    await flushPromises()
    expect(rowTexts()[0]).toContain('2:00')   // idle since 09:58:00
    expect(rowTexts()[1]).toContain('—')
    await w.setProps({ now: at + 65_000 })
    expect(rowTexts()[0]).toContain('3:05')
    await w.setProps({ agents: [] })
    expect(q('agent-figures-empty')?.textContent).toContain('暂无签入的坐席')
  })
})
