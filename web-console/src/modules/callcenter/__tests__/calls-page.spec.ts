import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
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

import CallsPage from '../calls/CallsPage.vue'
import CallDetailDrawer from '../calls/CallDetailDrawer.vue'
import type { CallDetail, CallView } from '../api-callcenter'

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '3', username: 'agent01', realName: '李坐席', jobNumber: '1001', orgId: '2', orgName: '客服中心',
    subsidiaryId: null, dataScope: 'ALL', roles: ['AGENT'], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  } satisfies Profile
}

const CALL: CallView = {
  id: '900', gatewayId: '1', linkedid: '1700000000.1', direction: 'IN', directionLabel: '呼入', callerNumber: '138****8000',
  calledNumber: '96000', numbersMasked: true, did: '96000', queueName: 'repair', agentId: '7', agentUserId: '3',
  agentJobNo: '1001', agentName: '李坐席', startedAt: '2026-11-21T10:00:00.120', queuedAt: '2026-11-21T10:00:05',
  firstRingAt: '2026-11-21T10:00:07', answeredAt: '2026-11-21T10:00:12', endedAt: '2026-11-21T10:02:17',
  waitMs: 7_000, ringMs: 5_000, talkMs: 125_000, holdMs: 0, ringAttempts: 1, hangupBy: 'CALLER', hangupByLabel: '主叫',
  result: 'ANSWERED', resultLabel: '已接通', recordingId: '55', householdId: '11', surveyScore: null, surveyScore2: null,
  status: 'ENDED', statusLabel: '已结束', adopted: false, reconciled: false,
}

const DETAIL: CallDetail = {
  call: CALL,
  legs: [{ id: '1', channel: 'PJSIP/trunk-00000001', uniqueid: '1700000000.1', party: 'CALLER', partyLabel: '主叫',
    number: '138****8000', agentUserId: null, agentName: null, startedAt: '2026-11-21T10:00:00', answeredAt: null,
    endedAt: '2026-11-21T10:02:17', hangupCause: 16, hangupText: 'Normal Clearing' }],
  tickets: [],
  recordings: [{ id: '55', callId: '900', fileName: 'in-1700000000.1.wav', fileSize: 2_000_000, durationMs: 125_000,
    startedAt: null, endedAt: null, retainUntil: '2029-11-21', deleted: false, audioUrl: '/api/callcenter/recordings/55/audio' }],
}

let pinia: Pinia
beforeEach(() => {
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  live.handlers.clear()
  URL.createObjectURL = vi.fn(() => 'blob:recording-55')
  URL.revokeObjectURL = vi.fn()
})
afterEach(() => {
  document.body.innerHTML = ''
})

function router() {
  return createRouter({ history: createMemoryHistory(), routes: [
    { path: '/', component: { template: '<div/>' } },
    { path: '/callcenter/calls', name: 'callcenter-calls', component: { template: '<div/>' } },
  ] })
}
const opts = () => ({ global: { plugins: [pinia, ElementPlus, router()], directives: { perm: vPerm } }, attachTo: document.body })
const q = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)
const text = (testid: string) => q(testid)?.textContent?.replace(/\s+/g, ' ').trim()
/** types into a native input rendered outside the wrapper (drawers are teleported to body) */
async function type(testid: string, value: string) {
  const input = document.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`)!
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('CallsPage', () => {
  it('lists calls newest first with result tags and formatted durations, and offers export only with the permission', async () => {
    signIn(['callcenter:call'])
    const seen = fakeServer((c) => (c.url === '/api/callcenter/calls'
      ? ok({ records: [CALL], total: 1, page: 1, size: 20 })
      : { status: 404, data: { code: 'NOT_FOUND', msg: '接口不存在' } }))
    const w = mount(CallsPage, opts())
    await flushPromises()
    const list = seen.find((c) => c.url === '/api/callcenter/calls')!
    expect(list.params).toMatchObject({ sort: 'startedAt', order: 'desc', page: 1, size: 20 })
    expect(q('call-result')?.dataset.result).toBe('ANSWERED')
    expect(text('call-result')).toBe('已接通')
    expect(text('call-talk')).toBe('2:05')
    expect(text('call-caller')).toBe('138****8000')
    expect(q('table-export')).toBeNull()
    // no gateway list and no demo: the gateway filter is not offered
    expect(q('call-filter-gateway')).toBeNull()
    expect([...live.handlers.keys()]).toEqual(['callstats'])
    w.unmount()
  })

  it('sends the filters with the time range', async () => {
    signIn(['callcenter:call', 'callcenter:call:export'])
    const seen = fakeServer(() => ok({ records: [], total: 0, page: 1, size: 20 }))
    const w = mount(CallsPage, opts())
    await flushPromises()
    expect(q('table-export')).not.toBeNull()
    await w.find('[data-testid="call-filter-number"]').setValue(' 13800138000 ')
    await w.find('[data-testid="call-filter-agent"]').setValue('1001')
    const picker = w.findComponent({ name: 'ElDatePicker' })
    picker.vm.$emit('update:modelValue', ['2026-11-21T00:00:00', '2026-11-21T23:59:59'])
    await flushPromises()
    q('table-search')!.click()
    await flushPromises()
    expect(seen.at(-1)?.params).toMatchObject({ number: '13800138000', agentJobNo: '1001', from: '2026-11-21T00:00:00',
      to: '2026-11-21T23:59:59', page: 1 })
    w.unmount()
  })
})

describe('CallDetailDrawer', () => {
  it('shows the call, its legs, plays the recording as a blob and lists who played it', async () => {
    signIn(['callcenter:call', 'callcenter:recording:play', 'callcenter:recording:audit'])
    const audio = new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/wav' })
    const seen = fakeServer((c) => {
      if (c.url === '/api/callcenter/calls/900') return ok(DETAIL)
      if (c.url === '/api/callcenter/recordings/55/audio') return { status: 200, data: audio }
      if (c.url === '/api/callcenter/recordings/55/access') {
        return ok([{ userId: '3', username: 'agent01', kind: 'PLAY', range: 'bytes=0-', clientIp: '127.0.0.1', at: '2026-11-21T10:05:00' }])
      }
      return ok(null)
    })
    const w = mount(CallDetailDrawer, { ...opts(), props: { callId: '900', modelValue: true } })
    await flushPromises()
    expect(q('call-drawer')?.dataset.result).toBe('ANSWERED')
    expect(text('call-drawer-result')).toBe('已接通')
    expect(text('call-drawer-talk')).toBe('2:05')
    expect(text('call-drawer-wait')).toBe('0:07')
    expect(text('call-legs')).toContain('Normal Clearing')
    expect(q('call-link-input')).toBeNull() // no callcenter:call:link
    expect(q('recording-audio')).toBeNull()
    q('recording-play')!.click()
    await flushPromises()
    const req = seen.find((c) => c.url === '/api/callcenter/recordings/55/audio')!
    expect(req.responseType).toBe('blob')
    expect(URL.createObjectURL).toHaveBeenCalledWith(audio)
    expect(q('recording-audio')?.getAttribute('src')).toBe('blob:recording-55')
    q('recording-access')!.click()
    await flushPromises()
    expect(text('recording-access-table')).toContain('agent01')
    w.unmount()
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:recording-55')
  })

  it('hides the player without the permission, and links a ticket by its number', async () => {
    signIn(['callcenter:call', 'callcenter:call:link'])
    const seen = fakeServer((c) => {
      if (c.url === '/api/callcenter/calls/900' && c.method === 'get') return ok(DETAIL)
      if (c.url === '/api/servicedesk/tickets') {
        // a search that also finds a longer number: only the exact one counts
        return ok({ records: [{ id: '4', ticketNo: 'SUB01-20261121-00001' }, { id: '8', ticketNo: 'NOPE-10' }], total: 2 })
      }
      if (c.url === '/api/callcenter/calls/900/tickets') {
        return ok({ ...DETAIL, tickets: [{ ticketId: '4', ticketNo: 'SUB01-20261121-00001', kind: 'MANUAL', linkedByName: '李坐席',
          linkedAt: '2026-11-21T10:06:00' }] })
      }
      return ok(null)
    })
    const w = mount(CallDetailDrawer, { ...opts(), props: { callId: '900', modelValue: true } })
    await flushPromises()
    expect(q('recording-play')).toBeNull()
    expect(q('recording-access')).toBeNull()
    await type('call-link-input', 'SUB01-20261121-00001')
    q('call-link-submit')!.click()
    await flushPromises()
    const link = seen.find((c) => c.url === '/api/callcenter/calls/900/tickets')!
    expect(JSON.parse(String(link.data))).toEqual({ ticketId: '4' })
    expect(text('call-ticket-link')).toBe('SUB01-20261121-00001')

    // an unknown number is said, not sent
    await type('call-link-input', 'NOPE-1')
    q('call-link-submit')!.click()
    await flushPromises()
    expect(text('call-link-error')).toBe('未找到工单“NOPE-1”')
    expect(seen.filter((c) => c.url === '/api/callcenter/calls/900/tickets')).toHaveLength(1)
    w.unmount()
  })
})
