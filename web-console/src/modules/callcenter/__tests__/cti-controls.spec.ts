import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { InternalAxiosRequestConfig } from 'axios'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok, type FakeResponse } from '../../../../tests/unit/helpers'
import CallControls from '../workbench/CallControls.vue'
import CallDetailDrawer from '../calls/CallDetailDrawer.vue'
import type { AgentStateCode, AgentView, CallDetail } from '../api-callcenter'

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '3', username: 'agent01', realName: '李坐席', jobNumber: '1001', orgId: '2', orgName: '客服中心',
    subsidiaryId: null, dataScope: 'ALL', roles: ['AGENT'], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  } satisfies Profile
}

function agent(state: AgentStateCode): AgentView {
  return {
    id: '7', userId: '3', username: 'agent01', jobNo: '1001', agentName: '李坐席', orgName: '客服中心', phoneId: '31',
    extension: '8001', gatewayId: '1', gatewayName: '总部网关', phoneRegistered: true, phoneDeviceState: 'INUSE',
    state, stateLabel: '', stateReason: null, stateReasonLabel: null, stateSince: '2026-11-21T10:00:00', stateUntil: null,
    currentCall: state === 'TALKING' ? '1700000000.1' : null, currentQueue: null,
    skills: [{ queueId: '5', queueName: 'repair', displayName: '报修', skillCode: null, skillLabel: null, level: 1 }],
    allowed: [], remark: null, rowVersion: 0,
  }
}

const result = (action: string, message: string, target: string | null = null) =>
  ok({ action, message, linkedid: '1700000000.1', channel: 'PJSIP/8001-00000001', target, callbackOf: null })

type Handler = (c: InternalAxiosRequestConfig) => FakeResponse | undefined
let extra: Handler = () => undefined
function server() {
  return fakeServer((c) => extra(c) ?? result(String(c.url).split('/cti/')[1]?.toUpperCase() ?? 'X', '已执行'))
}

let pinia: Pinia
beforeEach(() => {
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  extra = () => undefined
})
afterEach(() => {
  document.body.innerHTML = ''
})

const global = () => ({ plugins: [pinia, ElementPlus, createRouter({ history: createMemoryHistory(),
  routes: [{ path: '/', component: { template: '<div/>' } }] })], directives: { perm: vPerm } })
const mountControls = (state: AgentStateCode) =>
  mount(CallControls, { props: { agent: agent(state) }, global: global(), attachTo: document.body })
const q = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)
const text = (testid: string) => q(testid)?.textContent?.replace(/\s+/g, ' ').trim()
const disabled = (testid: string) => (q(testid) as HTMLButtonElement).disabled
const body = (c: { data?: unknown }) => JSON.parse(String(c.data))
async function type(testid: string, value: string) {
  const input = document.querySelector<HTMLInputElement>(`[data-testid="${testid}"] input, input[data-testid="${testid}"]`)!
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}
async function click(testid: string) {
  q(testid)!.click()
  await flushPromises()
}

describe('CallControls', () => {
  it('is hidden when signed out, and shows the call disabled while it rings', async () => {
    signIn(['callcenter:workbench', 'callcenter:outbound'])
    server()
    const w = mountControls('SIGNED_OUT')
    expect(q('call-controls')).toBeNull()
    await w.setProps({ agent: agent('RINGING') })
    expect(q('call-controls')?.dataset.state).toBe('RINGING')
    expect(q('callctl-ringing-hint')).not.toBeNull()
    for (const id of ['callctl-hangup', 'callctl-hold', 'callctl-transfer', 'callctl-consult']) expect(disabled(id)).toBe(true)
    expect(q('callctl-dial')).toBeNull()
    w.unmount()
  })

  it('holds and resumes, hangs up, with progress and the server\'s message', async () => {
    signIn(['callcenter:workbench'])
    const seen = server()
    const w = mountControls('TALKING')
    expect(disabled('callctl-hangup')).toBe(false)
    expect(disabled('callctl-hold')).toBe(false)
    // progress: while the request is in flight the button says so and everything is disabled
    q('callctl-hold')!.click()
    await w.vm.$nextTick()
    expect(q('callctl-pending')?.dataset.action).toBe('HOLD')
    expect(disabled('callctl-hangup')).toBe(true)
    await flushPromises()
    expect(seen.map((c) => `${c.method} ${c.url}`)).toEqual(['post /api/callcenter/cti/hold'])
    expect(q('call-controls')?.dataset.held).toBe('true')
    expect(q('callctl-held')).not.toBeNull()
    expect(q('callctl-hold')).toBeNull()
    expect(disabled('callctl-transfer')).toBe(true)
    expect(text('callctl-result')).toBe('已执行')
    await click('callctl-resume')
    expect(q('call-controls')?.dataset.held).toBe('false')
    extra = (c) => (c.url === '/api/callcenter/cti/hangup'
      ? { status: 409, data: { code: 'ILLEGAL_TRANSITION', msg: '您的话机（分机 8001）当前没有通话', field: null } } : undefined)
    await click('callctl-hangup')
    expect(q('callctl-error')?.dataset.status).toBe('409')
    expect(text('callctl-error')).toContain('挂断未执行')
    expect(text('callctl-error')).toContain('当前没有通话')
    expect(w.emitted('changed')!.map((e) => e[0])).toEqual(['HOLD', 'RESUME'])
    w.unmount()
  })

  it('blind-transfers to a typed job number and keeps a refusal naming the target in the dialog', async () => {
    signIn(['callcenter:workbench'])
    const seen = server()
    const w = mountControls('TALKING')
    await click('callctl-transfer')
    expect(q('callctl-target-jobno')).not.toBeNull()
    expect(q('callctl-target-agent')).toBeNull()
    // no outbound permission: no outside number
    expect(q('callctl-kind-NUMBER')?.querySelector('input')?.disabled).toBe(true)
    await type('callctl-target-jobno', '1002')
    extra = (c) => (c.url === '/api/callcenter/cti/transfer'
      ? { status: 409, data: { code: 'ILLEGAL_TRANSITION', msg: '目标坐席（工号1002）正在通话或振铃，请稍后再转', field: 'target' } }
      : undefined)
    await click('callctl-transfer-submit')
    expect(text('callctl-transfer-field-error')).toContain('正在通话或振铃')
    expect(q('callctl-transfer-form')).not.toBeNull()
    extra = () => undefined
    await type('callctl-target-jobno', '1003')
    await click('callctl-transfer-submit')
    const sent = seen.filter((c) => c.url === '/api/callcenter/cti/transfer')
    expect(sent.map(body)).toEqual([{ kind: 'AGENT', target: '1002' }, { kind: 'AGENT', target: '1003' }])
    expect(w.emitted('changed')!.map((e) => e[0])).toEqual(['TRANSFER'])
    w.unmount()
  })

  it('consults an idle colleague from the agent list, then swaps and completes', async () => {
    signIn(['callcenter:workbench', 'callcenter:agent', 'callcenter:outbound'])
    const seen = server()
    extra = (c) => c.url === '/api/callcenter/agents'
      ? ok({ records: [
        { id: '8', jobNo: '1002', agentName: '王坐席', state: 'IDLE', stateLabel: '示闲', extension: '8002' },
        { id: '7', jobNo: '1001', agentName: '李坐席', state: 'TALKING', stateLabel: '通话中', extension: '8001' },
      ], total: 2, page: 1, size: 100 })
      : c.url === '/api/callcenter/cti/consult' ? result('CONSULT', '正在呼叫 8002', '8002') : undefined
    const w = mountControls('TALKING')
    await click('callctl-consult')
    const list = seen.find((c) => c.url === '/api/callcenter/agents')!
    expect(list.params).toMatchObject({ state: 'IDLE', gatewayId: '1', page: 1, size: 100 })
    expect(q('callctl-kind-NUMBER')?.querySelector('input')?.disabled).toBe(false)
    const select = w.findAllComponents({ name: 'ElSelect' }).find((s) => s.attributes('data-testid') === 'callctl-target-agent'
      || s.element.closest?.('[data-testid="callctl-target-agent"]'))
    expect(select).toBeTruthy()
    select!.vm.$emit('update:modelValue', '1002')
    await flushPromises()
    await click('callctl-transfer-submit')
    expect(body(seen.find((c) => c.url === '/api/callcenter/cti/consult')!)).toEqual({ kind: 'AGENT', target: '1002' })
    expect(q('call-controls')?.dataset.consulting).toBe('true')
    expect(text('callctl-consulting')).toContain('8002')
    expect(q('callctl-hangup')).toBeNull()
    await click('callctl-swap')
    await click('callctl-consult-complete')
    expect(seen.filter((c) => c.url?.startsWith('/api/callcenter/cti/')).map((c) => c.url)).toEqual([
      '/api/callcenter/cti/consult', '/api/callcenter/cti/swap', '/api/callcenter/cti/consult/complete'])
    expect(q('call-controls')?.dataset.consulting).toBe('false')
    expect(w.emitted('changed')!.map((e) => e[0])).toEqual(['CONSULT', 'SWAP', 'CONSULT_COMPLETE'])
    w.unmount()
  })

  it('cancels a consultation, and forgets it when the call ends', async () => {
    signIn(['callcenter:workbench'])
    const seen = server()
    const w = mountControls('TALKING')
    await click('callctl-consult')
    await w.findAllComponents({ name: 'ElRadioGroup' })[0].vm.$emit('update:modelValue', 'QUEUE')
    await flushPromises()
    expect(q('callctl-target-queue')).not.toBeNull()
    const qs = w.findAllComponents({ name: 'ElSelect' }).at(-1)!
    qs.vm.$emit('update:modelValue', 'repair')
    await flushPromises()
    await click('callctl-transfer-submit')
    expect(body(seen.find((c) => c.url === '/api/callcenter/cti/consult')!)).toEqual({ kind: 'QUEUE', target: 'repair' })
    await click('callctl-consult-cancel')
    expect(q('call-controls')?.dataset.consulting).toBe('false')
    expect(disabled('callctl-hangup')).toBe(false)
    await click('callctl-consult')
    await w.findAllComponents({ name: 'ElRadioGroup' })[0].vm.$emit('update:modelValue', 'QUEUE')
    await flushPromises()
    w.findAllComponents({ name: 'ElSelect' }).at(-1)!.vm.$emit('update:modelValue', 'repair')
    await flushPromises()
    await click('callctl-transfer-submit')
    expect(q('call-controls')?.dataset.consulting).toBe('true')
    await w.setProps({ agent: agent('WRAP_UP') })
    expect(q('call-controls')?.dataset.consulting).toBe('false')
    expect(q('callctl-pickup')).not.toBeNull()
    w.unmount()
  })

  it('dials a number when idle and shows the refusal of a barred number; no dial without the permission', async () => {
    signIn(['callcenter:workbench', 'callcenter:outbound'])
    const seen = server()
    const w = mountControls('IDLE')
    expect(disabled('callctl-dial')).toBe(true)
    await type('callctl-dial-number', '0049 151 12345678')
    extra = (c) => (c.url === '/api/callcenter/cti/dial'
      ? { status: 400, data: { code: 'BAD_REQUEST', msg: '号码“0049 151 12345678”以“00”开头，国际长途不允许外呼', field: 'number' } }
      : undefined)
    await click('callctl-dial')
    expect(q('callctl-error')?.dataset.field).toBe('number')
    expect(text('callctl-error')).toContain('国际长途不允许外呼')
    extra = () => undefined
    await type('callctl-dial-number', '13800138000')
    await click('callctl-dial')
    expect(seen.filter((c) => c.url === '/api/callcenter/cti/dial').map(body)).toEqual([
      { number: '0049 151 12345678', householdId: null }, { number: '13800138000', householdId: null }])
    expect(q('callctl-error')).toBeNull()
    // from the screen pop: with the household
    await (w.vm as unknown as { dialNumber: (n: string, h: string) => Promise<boolean> }).dialNumber('13900139000', '11')
    expect(body(seen.filter((c) => c.url === '/api/callcenter/cti/dial').at(-1)!)).toEqual({ number: '13900139000', householdId: '11' })
    await w.setProps({ agent: agent('WRAP_UP') })
    expect(disabled('callctl-dial')).toBe(true)
    w.unmount()

    signIn(['callcenter:workbench'])
    const w2 = mountControls('IDLE')
    expect(q('callctl-dial-form')).toBeNull()
    expect(disabled('callctl-pickup')).toBe(false)
    w2.unmount()
  })

  it('picks up a colleague by job number, or any ringing colleague', async () => {
    signIn(['callcenter:workbench'])
    const seen = server()
    const w = mountControls('BUSY')
    await click('callctl-pickup')
    extra = (c) => (c.url === '/api/callcenter/cti/pickup' && body(c).jobNo === '1009'
      ? { status: 400, data: { code: 'BAD_REQUEST', msg: '工号1009不存在', field: 'jobNo' } }
      : c.url === '/api/callcenter/cti/pickup' && body(c).jobNo === null
        ? { status: 409, data: { code: 'ILLEGAL_TRANSITION', msg: '没有正在振铃的来电可代答', field: null } } : undefined)
    await type('callctl-pickup-jobno', '1009')
    await click('callctl-pickup-submit')
    expect(text('callctl-pickup-field-error')).toBe('工号1009不存在')
    await type('callctl-pickup-jobno', '')
    await click('callctl-pickup-submit')
    expect(q('callctl-pickup-error')?.dataset.status).toBe('409')
    expect(text('callctl-pickup-error')).toContain('没有正在振铃的来电可代答')
    await type('callctl-pickup-jobno', '1002')
    await click('callctl-pickup-submit')
    expect(seen.filter((c) => c.url === '/api/callcenter/cti/pickup').map(body))
      .toEqual([{ jobNo: '1009' }, { jobNo: null }, { jobNo: '1002' }])
    expect(w.emitted('changed')!.map((e) => e[0])).toEqual(['PICKUP'])
    w.unmount()
  })
})

describe('CallDetailDrawer 回拨', () => {
  const missed = (result: string, direction = 'IN'): CallDetail => ({
    call: { id: '900', gatewayId: '1', linkedid: 'l', direction, directionLabel: null, callerNumber: '138****8000',
      calledNumber: '96000', numbersMasked: true, did: null, queueName: 'repair', agentId: null, agentUserId: null,
      agentJobNo: null, agentName: null, startedAt: null, queuedAt: null, firstRingAt: null, answeredAt: null, endedAt: null,
      waitMs: null, ringMs: null, talkMs: null, holdMs: null, ringAttempts: 0, hangupBy: null, hangupByLabel: null, result,
      resultLabel: null, recordingId: null, householdId: null, surveyScore: null, surveyScore2: null, status: 'ENDED',
      statusLabel: null, adopted: false, reconciled: false },
    legs: [], tickets: [], recordings: [],
  })

  it('calls back an abandoned inbound call with the outbound permission only', async () => {
    signIn(['callcenter:workbench', 'callcenter:call', 'callcenter:outbound'])
    let detail = missed('ABANDONED')
    const seen = fakeServer((c) => (c.url === '/api/callcenter/calls/900' ? ok(detail) : result('CALLBACK', '正在回拨')))
    const w = mount(CallDetailDrawer, { props: { callId: '900', modelValue: true }, global: global(), attachTo: document.body })
    await flushPromises()
    await click('call-drawer-callback')
    expect(seen.at(-1)!.method).toBe('post')
    expect(seen.at(-1)!.url).toBe('/api/callcenter/cti/callback/900')
    w.unmount()

    detail = missed('ANSWERED')
    const w2 = mount(CallDetailDrawer, { props: { callId: '900', modelValue: true }, global: global(), attachTo: document.body })
    await flushPromises()
    expect(q('call-drawer')).not.toBeNull()
    expect(q('call-drawer-callback')).toBeNull()
    w2.unmount()

    signIn(['callcenter:workbench', 'callcenter:call'])
    detail = missed('NO_ANSWER')
    const w3 = mount(CallDetailDrawer, { props: { callId: '900', modelValue: true }, global: global(), attachTo: document.body })
    await flushPromises()
    expect(q('call-drawer-callback')).toBeNull()
    w3.unmount()
  })
})
