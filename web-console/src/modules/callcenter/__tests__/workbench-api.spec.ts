import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { isApiError } from '@/api/http'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import {
  acceptQuery, agentApi, applyStateEvent, ctiButtons, demoApi, elapsedSince, formatDuration, formatRate,
  parseServerTime, type AgentStateCode, type AgentStateEvent, type AgentView,
} from '../api-callcenter'
import { ctiError } from '../workbench/cti'

beforeEach(() => {
  sessionStorage.clear()
  setActivePinia(createPinia())
})

const body = (c: { data?: unknown }) => JSON.parse(String(c.data))

function agent(state: AgentStateCode, extra: Partial<AgentView> = {}): AgentView {
  return {
    id: '7', userId: '3', username: 'agent01', jobNo: '1001', agentName: '李坐席', orgName: '客服中心', phoneId: '31',
    extension: '8001', gatewayId: '1', gatewayName: '总部网关', phoneRegistered: true, phoneDeviceState: 'NOT_INUSE',
    state, stateLabel: '', stateReason: null, stateReasonLabel: null, stateSince: '2026-11-21T09:00:00', stateUntil: null,
    currentCall: null, currentQueue: null, skills: [], allowed: undefined as unknown as string[], remark: null, rowVersion: 0,
    ...extra,
  }
}

describe('agent endpoints', () => {
  it('read me, sign in with the extension and the gateway, and send state commands with their reason', async () => {
    const seen = fakeServer(() => ok(agent('IDLE')))
    await agentApi.me()
    await agentApi.signIn('8001', '1')
    await agentApi.command('SET_BUSY', 'MEETING')
    await agentApi.command('SET_IDLE')
    expect(seen.map((c) => `${c.method} ${c.url}`)).toEqual([
      'get /api/callcenter/agents/me', 'post /api/callcenter/agents/me/sign-in', 'post /api/callcenter/agents/me/state',
      'post /api/callcenter/agents/me/state'])
    expect(body(seen[1])).toEqual({ extension: '8001', gatewayId: '1' })
    expect(body(seen[2])).toEqual({ action: 'SET_BUSY', reason: 'MEETING' })
    expect(body(seen[3])).toEqual({ action: 'SET_IDLE', reason: null })
  })

  it('turn 403 / 409 / 503 refusals into titled messages with the server text', async () => {
    const replies = [
      { status: 403, data: { code: 'FORBIDDEN', msg: '工号1001只能在绑定的话机（分机 8001）上签入', field: null } },
      { status: 409, data: { code: 'ILLEGAL_TRANSITION', msg: '坐席当前为“通话中”，不能“签出”，请先结束通话', field: 'action' } },
      { status: 503, data: { code: 'GATEWAY_UNAVAILABLE', msg: '网关未能把分机加入队列“repair”，操作未生效', field: null } },
    ]
    let i = 0
    fakeServer(() => replies[i++])
    const errors = []
    for (let k = 0; k < 3; k++) {
      try {
        await agentApi.command('SIGN_OUT', null, { silent: true })
      } catch (e) {
        expect(isApiError(e)).toBe(true)
        errors.push(ctiError(e, '签出'))
      }
    }
    expect(errors.map((e) => e.status)).toEqual([403, 409, 503])
    expect(errors[0].title).toContain('被拒绝')
    expect(errors[0].message).toContain('只能在绑定的话机')
    expect(errors[1].title).toBe('签出未执行：坐席状态已变化')
    expect(errors[1].message).toContain('请先结束通话')
    expect(errors[2].title).toBe('签出未生效：呼叫中心网关不可用')
  })
})

describe('demo endpoints', () => {
  it('follow the contract: info, simulated call, phone buttons with the gateway, customer hang-up', async () => {
    const seen = fakeServer((c) => ok(c.url === '/api/callcenter/demo'
      ? { enabled: true, gateways: [{ gatewayId: '1', code: 'HQ', name: '总部', phones: ['8001'], queues: ['repair'] }] }
      : { linkedid: '1700000000.1', channel: 'PJSIP/trunk-00000001', extension: '8001', state: 'TALKING' }))
    const info = await demoApi.info()
    expect(info.gateways[0].phones).toEqual(['8001'])
    await demoApi.call({ gatewayId: '1', callerNumber: '13800138000', digits: '1' })
    await demoApi.phone('8001', 'answer', '1')
    await demoApi.phone('8001', 'reject')
    await demoApi.phone('8001', 'hangup', null)
    await demoApi.hangupCall('1700000000.1')
    expect(seen.map((c) => `${c.method} ${c.url}`)).toEqual([
      'get /api/callcenter/demo', 'post /api/callcenter/demo/calls',
      'post /api/callcenter/demo/phones/8001/answer?gatewayId=1', 'post /api/callcenter/demo/phones/8001/reject',
      'post /api/callcenter/demo/phones/8001/hangup', 'post /api/callcenter/demo/calls/1700000000.1/hangup'])
    expect(body(seen[1])).toEqual({ gatewayId: '1', callerNumber: '13800138000', digits: '1' })
  })
})

describe('CTI buttons', () => {
  const on = (b: ReturnType<typeof ctiButtons>) => Object.entries(b).filter(([, v]) => v).map(([k]) => k).sort()

  it('follow the state machine when derived from the state', () => {
    expect(on(ctiButtons(agent('SIGNED_OUT')))).toEqual(['signIn'])
    expect(on(ctiButtons(agent('IDLE')))).toEqual(['busy', 'rest', 'signOut'])
    expect(on(ctiButtons(agent('BUSY')))).toEqual(['idle', 'rest', 'signOut'])
    expect(on(ctiButtons(agent('BREAK')))).toEqual(['busy', 'idle', 'signOut'])
    expect(on(ctiButtons(agent('WRAP_UP')))).toEqual(['busy', 'endWrapUp', 'idle', 'rest', 'signOut'])
    expect(on(ctiButtons(agent('RINGING')))).toEqual([])
    expect(on(ctiButtons(agent('TALKING')))).toEqual([])
  })

  it('prefer the server\'s allowed set, need a bound phone to sign in, and lock everything while a command runs', () => {
    expect(on(ctiButtons(agent('IDLE', { allowed: ['SIGN_OUT', 'RING', 'CONNECT'] })))).toEqual(['signOut'])
    expect(on(ctiButtons(agent('SIGNED_OUT', { phoneId: null })))).toEqual([])
    expect(on(ctiButtons(agent('IDLE'), true))).toEqual([])
    expect(on(ctiButtons(null))).toEqual([])
  })

  it('derive the buttons again after a live state event', () => {
    const before = agent('IDLE', { allowed: ['SIGN_OUT', 'SET_BUSY', 'TAKE_BREAK'] })
    const e: AgentStateEvent = {
      type: 'AGENT_STATE', agentId: '7', userId: '3', jobNo: '1001', agentName: '李坐席', gatewayId: '1', extension: '8001',
      fromState: 'IDLE', state: 'TALKING', stateLabel: '通话中', stateReason: null, stateReasonLabel: null,
      stateSince: '2026-11-21T10:00:00', stateUntil: null, currentCall: '1700000000.1', source: 'AMI', input: 'CONNECT',
    }
    const after = applyStateEvent(before, e)
    expect(after.state).toBe('TALKING')
    expect(after.currentCall).toBe('1700000000.1')
    expect(after.extension).toBe('8001')
    expect(on(ctiButtons(after))).toEqual([])
    const wrap = applyStateEvent(after, { ...e, state: 'WRAP_UP', stateLabel: '整理' })
    expect(on(ctiButtons(wrap))).toEqual(['busy', 'endWrapUp', 'idle', 'rest', 'signOut'])
  })
})

describe('durations', () => {
  it('format milliseconds as m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00')
    expect(formatDuration(999)).toBe('0:00')
    expect(formatDuration(5_000)).toBe('0:05')
    expect(formatDuration(65_400)).toBe('1:05')
    expect(formatDuration(59 * 60_000 + 59_999)).toBe('59:59')
    expect(formatDuration(3_600_000)).toBe('1:00:00')
    expect(formatDuration(3_723_000)).toBe('1:02:03')
    expect(formatDuration(-2000)).toBe('0:00')
    expect(formatDuration(null)).toBe('—')
    expect(formatDuration(undefined)).toBe('—')
    expect(formatDuration('125000')).toBe('2:05')
  })

  it('tick from the server time of a state, corrected by the clock offset', () => {
    const since = '2026-11-21T09:00:00.250'
    const t = parseServerTime(since)!
    expect(new Date(t).getMilliseconds()).toBe(250)
    expect(elapsedSince(since, t + 75_000)).toBe('1:15')
    // the server clock is 10 s ahead of this browser
    expect(elapsedSince(since, t + 75_000, 10_000)).toBe('1:25')
    expect(elapsedSince(null, t)).toBe('—')
  })

  it('format rates', () => {
    expect(formatRate(95.25)).toBe('95.3%')
    expect(formatRate(0)).toBe('0.0%')
    expect(formatRate(null)).toBe('—')
  })
})

describe('ticket from a call', () => {
  it('passes the call id and household, and the number only when it is not masked', () => {
    expect(acceptQuery({ callId: '99', callerNumber: '138****8000', numberMasked: true }, '11'))
      .toEqual({ callId: '99', householdId: '11' })
    expect(acceptQuery({ callId: '99', callerNumber: '13800138000', numberMasked: false }, null))
      .toEqual({ callId: '99', phone: '13800138000' })
    expect(acceptQuery({ callId: '99', callerNumber: null, numberMasked: false }, null)).toEqual({ callId: '99' })
  })
})
