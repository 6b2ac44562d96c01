import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus, { ElMessageBox } from 'element-plus'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import VoicemailPage from '../voicemail/VoicemailPage.vue'
import type { VoicemailView } from '../api-voicemail'

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '3', username: 'admin', realName: '管理员', jobNumber: '0001', orgId: '2', orgName: '客服中心',
    subsidiaryId: null, dataScope: 'ALL', roles: ['SUPERVISOR'], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  } satisfies Profile
}

const TICKETED: VoicemailView = {
  id: '71', gatewayId: '1', linkedid: '1700000000.1', callId: '900', caller: '138****1111', callerMasked: true,
  durationMs: 12_000, fileSize: 192_044, recordStatus: 'HANGUP', receivedAt: '2026-11-21T22:10:00', retainUntil: '2027-11-21',
  householdId: '11', ticketId: '500', ticketNo: 'SUB01-20261121-00007', status: 'TICKETED', statusLabel: '已生成工单',
  attempts: 1, nextAttemptAt: null, lastError: null, ticketedAt: '2026-11-21T22:10:05',
}
const FAILED: VoicemailView = {
  ...TICKETED, id: '72', linkedid: '1700000001.1', ticketId: null, ticketNo: null, status: 'FAILED', statusLabel: '生成失败',
  lastError: '分公司不存在', attempts: 1, householdId: null,
}

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  URL.createObjectURL = vi.fn(() => 'blob:voicemail-71')
  URL.revokeObjectURL = vi.fn()
})
afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

function router() {
  return createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<div/>' } }] })
}
const opts = () => ({ global: { plugins: [pinia, ElementPlus, router()], directives: { perm: vPerm } }, attachTo: document.body })
const all = (testid: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)]

describe('VoicemailPage', () => {
  it('lists messages newest first with their state, ticket link, and plays one as a blob', async () => {
    signIn(['callcenter:voicemail', 'callcenter:voicemail:play'])
    const audio = new Blob([new Uint8Array([82, 73, 70, 70])], { type: 'audio/wav' })
    const seen = fakeServer((c) => {
      if (c.url === '/api/callcenter/voicemails') return ok({ records: [TICKETED, FAILED], total: 2, page: 1, size: 20 })
      if (c.url === '/api/callcenter/voicemails/71/audio') return { status: 200, data: audio }
      return ok(null)
    })
    const w = mount(VoicemailPage, opts())
    await flushPromises()
    expect(seen.find((c) => c.url === '/api/callcenter/voicemails')?.params).toMatchObject({ sort: 'receivedAt', order: 'desc', page: 1 })
    expect(all('voicemail-status').map((e) => e.dataset.status)).toEqual(['TICKETED', 'FAILED'])
    expect(all('voicemail-ticket').map((e) => e.textContent?.trim())).toEqual(['SUB01-20261121-00007'])
    // no retry permission: no retry button
    expect(all('voicemail-retry')).toHaveLength(0)
    all('voicemail-play')[0].click()
    await flushPromises()
    expect(seen.find((c) => c.url === '/api/callcenter/voicemails/71/audio')?.responseType).toBe('blob')
    expect(document.querySelector('[data-testid="voicemail-audio"]')?.getAttribute('src')).toBe('blob:voicemail-71')
    w.unmount()
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:voicemail-71')
  })

  it('retries only messages without a ticket, sending the reason', async () => {
    signIn(['callcenter:voicemail', 'callcenter:voicemail:retry'])
    const seen = fakeServer((c) => {
      if (c.url === '/api/callcenter/voicemails' && c.method === 'get') return ok({ records: [TICKETED, FAILED], total: 2, page: 1, size: 20 })
      if (c.url === '/api/callcenter/voicemails/72/retry') return ok({ ...FAILED, status: 'PENDING', attempts: 0 })
      return ok(null)
    })
    vi.spyOn(ElMessageBox, 'prompt').mockResolvedValue({ value: '已补充分公司', action: 'confirm' } as never)
    const w = mount(VoicemailPage, opts())
    await flushPromises()
    expect(all('voicemail-play')).toHaveLength(0)
    const retry = all('voicemail-retry')
    expect(retry).toHaveLength(1)
    retry[0].click()
    await flushPromises()
    const sent = seen.find((c) => c.url === '/api/callcenter/voicemails/72/retry')!
    expect(JSON.parse(String(sent.data))).toEqual({ reason: '已补充分公司' })
    // the list is refreshed after the retry
    expect(seen.filter((c) => c.url === '/api/callcenter/voicemails').length).toBeGreaterThanOrEqual(2)
    w.unmount()
  })
})
