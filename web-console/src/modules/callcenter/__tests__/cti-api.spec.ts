import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import type { AgentStateCode } from '../api-callcenter'
import { callControlButtons, ctiApi, dialable, type CtiResult } from '../api-cti'
import { callRefusal } from '../workbench/call-control'

beforeEach(() => {
  sessionStorage.clear()
  setActivePinia(createPinia())
})

const body = (c: { data?: unknown }) => (c.data === undefined ? undefined : JSON.parse(String(c.data)))
const RESULT: CtiResult = { action: 'HANGUP', message: '已挂断', linkedid: '1700000000.1', channel: 'PJSIP/8001-00000001',
  target: null, callbackOf: null }

describe('cti endpoints', () => {
  it('post every action to its path with the documented body', async () => {
    const seen = fakeServer(() => ok(RESULT))
    await ctiApi.hangup()
    await ctiApi.hold()
    await ctiApi.resume()
    await ctiApi.transfer({ kind: 'AGENT', target: ' 1002 ' })
    await ctiApi.consult({ kind: 'QUEUE', target: 'repair' })
    await ctiApi.transfer({ kind: 'NUMBER', target: '13800138000' })
    await ctiApi.completeConsult()
    await ctiApi.cancelConsult()
    await ctiApi.swap()
    await ctiApi.pickup('1002')
    await ctiApi.pickup()
    await ctiApi.pickup('  ')
    await ctiApi.dial(' 13800138000 ', '11')
    await ctiApi.dial('0311-12345678')
    await ctiApi.callback('900')
    expect(seen.map((c) => `${c.method} ${c.url}`)).toEqual([
      'post /api/callcenter/cti/hangup', 'post /api/callcenter/cti/hold', 'post /api/callcenter/cti/resume',
      'post /api/callcenter/cti/transfer', 'post /api/callcenter/cti/consult', 'post /api/callcenter/cti/transfer',
      'post /api/callcenter/cti/consult/complete', 'post /api/callcenter/cti/consult/cancel', 'post /api/callcenter/cti/swap',
      'post /api/callcenter/cti/pickup', 'post /api/callcenter/cti/pickup', 'post /api/callcenter/cti/pickup',
      'post /api/callcenter/cti/dial', 'post /api/callcenter/cti/dial', 'post /api/callcenter/cti/callback/900',
    ])
    expect(body(seen[3])).toEqual({ kind: 'AGENT', target: '1002' })
    expect(body(seen[4])).toEqual({ kind: 'QUEUE', target: 'repair' })
    expect(body(seen[5])).toEqual({ kind: 'NUMBER', target: '13800138000' })
    expect(body(seen[9])).toEqual({ jobNo: '1002' })
    expect(body(seen[10])).toEqual({ jobNo: null })
    expect(body(seen[11])).toEqual({ jobNo: null })
    expect(body(seen[12])).toEqual({ number: '13800138000', householdId: '11' })
    expect(body(seen[13])).toEqual({ number: '0311-12345678', householdId: null })
  })

  it('return the server\'s result', async () => {
    fakeServer(() => ok({ ...RESULT, action: 'CALLBACK', message: '正在回拨', callbackOf: '900' }))
    const r = await ctiApi.callback('900')
    expect(r.message).toBe('正在回拨')
    expect(r.callbackOf).toBe('900')
  })
})

describe('callControlButtons', () => {
  const on = (b: Record<string, boolean>) => Object.entries(b).filter(([, v]) => v).map(([k]) => k).sort()

  it('offers hang-up, hold, transfer and consult while talking', () => {
    expect(on({ ...callControlButtons('TALKING', { outbound: true }) }))
      .toEqual(['consult', 'hangup', 'hold', 'inCall', 'transfer', 'transferToNumber'])
    expect(on({ ...callControlButtons('TALKING') })).toEqual(['consult', 'hangup', 'hold', 'inCall', 'transfer'])
  })

  it('shows the call but enables nothing while ringing (answer on the phone)', () => {
    expect(on({ ...callControlButtons('RINGING', { outbound: true }) })).toEqual(['inCall', 'transferToNumber'])
  })

  it('offers resume and hang-up on hold, and complete / cancel / swap in a consultation', () => {
    expect(on({ ...callControlButtons('TALKING', { held: true }) })).toEqual(['hangup', 'inCall', 'resume'])
    expect(on({ ...callControlButtons('TALKING', { consulting: true }) })).toEqual(['cancel', 'complete', 'inCall', 'swap'])
  })

  it('offers pickup when signed in without a call, and dial only when idle or busy with the outbound permission', () => {
    const idle = (s: AgentStateCode, outbound = true) => on({ ...callControlButtons(s, { outbound }) })
    expect(idle('IDLE')).toEqual(['dial', 'pickup', 'transferToNumber'])
    expect(idle('BUSY')).toEqual(['dial', 'pickup', 'transferToNumber'])
    expect(idle('WRAP_UP')).toEqual(['pickup', 'transferToNumber'])
    expect(idle('BREAK')).toEqual(['pickup', 'transferToNumber'])
    expect(idle('IDLE', false)).toEqual(['pickup'])
    expect(idle('SIGNED_OUT', false)).toEqual([])
    expect(on({ ...callControlButtons(null) })).toEqual([])
  })

  it('enables nothing while a request is in flight', () => {
    for (const s of ['TALKING', 'IDLE'] as AgentStateCode[]) {
      const b = callControlButtons(s, { busy: true, outbound: true, consulting: s === 'TALKING' })
      expect([b.hangup, b.hold, b.resume, b.transfer, b.consult, b.complete, b.cancel, b.swap, b.pickup, b.dial])
        .toEqual(Array(10).fill(false))
    }
  })

  it('dials only unmasked numbers', () => {
    expect(dialable('13800138000')).toBe(true)
    expect(dialable('138****8000')).toBe(false)
    expect(dialable('')).toBe(false)
    expect(dialable(null)).toBe(false)
  })
})

describe('callRefusal', () => {
  async function refusal(status: number, msg: string, field: string | null = null) {
    fakeServer(() => ({ status, data: { code: 'X', msg, field } }))
    try {
      await ctiApi.hangup({ silent: true })
    } catch (e) {
      return e
    }
    throw new Error('not refused')
  }

  it('titles by status and always carries the server\'s reason and field', async () => {
    const no = callRefusal(await refusal(409, '您的话机（分机 8001）当前没有通话'), 'HANGUP')
    expect(no).toEqual({ status: 409, title: '挂断未执行', message: '您的话机（分机 8001）当前没有通话', field: null })
    const intl = callRefusal(await refusal(400, '号码“0049 151 12345678”以“00”开头，国际长途不允许外呼', 'number'), 'DIAL')
    expect(intl.title).toBe('外呼未执行：号码或目标不符合要求')
    expect(intl.field).toBe('number')
    expect(intl.message).toContain('国际长途不允许外呼')
    const busy = callRefusal(await refusal(409, '目标坐席（工号1002）正在通话或振铃，请稍后再转', 'target'), 'TRANSFER')
    expect(busy.field).toBe('target')
    expect(callRefusal(await refusal(503, '网关 HQ 未连接'), 'HOLD').title).toBe('保持未生效：呼叫中心网关不可用')
    expect(callRefusal(await refusal(403, '没有权限'), 'DIAL').title).toBe('外呼被拒绝：没有权限')
    expect(callRefusal(await refusal(404, '通话记录不存在'), 'CALLBACK').title).toContain('回拨失败')
    expect(callRefusal(new Error('boom'), 'SWAP')).toEqual({ status: 0, title: '切换通话失败', message: 'boom', field: null })
  })
})
