import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
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

import DispatchPage from '../dispatch/DispatchPage.vue'

let pinia: Pinia

function lead(): Profile {
  return {
    userId: '9', username: 'lead01', realName: '赵站长', jobNumber: 'W0101', orgId: '501', orgName: '第一维修站',
    subsidiaryId: '2', dataScope: 'ORG_AND_CHILDREN', roles: ['STATION_LEAD'],
    permissions: ['repair:pool', 'repair:assign', 'repair:handle'], menus: [], lastLoginAt: null, lastLoginIp: null,
  }
}

const ticket = (id: string, status: string, timing: string) => ({
  id, ticketNo: 'SUB01-20261121-0000' + id, ticketType: 'REPAIR', ticketTypeLabel: '报修', source: 'PHONE', sourceLabel: '电话',
  urgency: 'NORMAL', urgencyLabel: '一般', priority: 0, status, statusLabel: null, nodeCode: 'DISPATCH', nodeName: null,
  title: null, address: '幸福家园1号楼1单元10' + id, householdCode: 'H0100000' + id, contactName: '王建国',
  callerPhone: '138****8000', subsidiaryId: '2', subsidiaryName: '城北热力分公司', stationOrgId: '501',
  stationName: '第一维修站', workerId: null, workerName: null, deadline: '2026-11-21T18:00:00', timing, supervised: false,
  overLevel: false, urgeCount: 0, escalationLevel: 0, reworkCount: 0, pendingApproval: null, visitResult: null,
  satisfaction: null, createdAt: '2026-11-21T10:00:00', createdByName: '李坐席', completedAt: null, closedAt: null,
  rowVersion: 2,
})

beforeEach(() => {
  sessionStorage.clear()
  live.handlers.clear()
  pinia = createPinia()
  setActivePinia(pinia)
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('DispatchPage', () => {
  it('shows the pool with counts, colours overdue and near rows, and refreshes on a dispatch to the station', async () => {
    useAuthStore().profile = lead()
    const seen = fakeServer((c) => {
      switch (c.url) {
        case '/api/repair/tickets':
          return ok({ records: [ticket('1', 'DISPATCHED', 'OVERDUE'), ticket('2', 'CONFIRMED', 'NEAR'),
            ticket('3', 'DISPATCHED', 'NORMAL')], total: 3, page: 1, size: 20 })
        case '/api/repair/tickets/counts':
          return ok({ pending: 3, assigned: 5, pendingOverdue: 1, assignedOverdue: 0 })
        case '/api/repair/workers':
          return ok({ records: [], total: 0, page: 1, size: 200 })
        case '/api/settings/dicts':
          return ok({ ticket_type: [{ code: 'REPAIR', label: '报修' }], ticket_source: [], ticket_urgency: [] })
        default:
          return { status: 404, data: { code: 'NOT_FOUND', msg: '不存在' } }
      }
    })
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<div/>' } }] })
    const w = mount(DispatchPage, { global: { plugins: [pinia, ElementPlus, router] }, attachTo: document.body })
    await flushPromises()
    await flushPromises()

    const list = seen.filter((c) => c.url === '/api/repair/tickets')
    expect(list[0].params).toMatchObject({ pool: 'STATION_PENDING', page: 1, size: 20 })
    expect(w.find('[data-testid="pool-count-STATION_PENDING"]').text()).toContain('3')
    expect(w.find('[data-testid="pool-count-STATION_ASSIGNED"]').text()).toContain('5')

    const rows = w.findAll('[data-testid="station-ticket-row"]')
    expect(rows.map((r) => r.attributes('data-timing'))).toEqual(['OVERDUE', 'NEAR', 'NORMAL'])
    expect(rows[0].classes()).toContain('hd-row-overdue')
    expect(rows[1].classes()).toContain('hd-row-near')
    expect(rows[2].classes()).not.toContain('hd-row-overdue')
    // a dispatched ticket is confirmed or assigned straight away; a lead never sees 派单
    expect(rows[0].find('[data-testid="row-action-CONFIRM"]').exists()).toBe(true)
    expect(rows[0].find('[data-testid="row-action-ASSIGN"]').exists()).toBe(true)
    expect(w.find('[data-testid="row-action-DISPATCH"]').exists()).toBe(false)

    // another station's change is ignored, a dispatch to this station re-reads the pool and the counts
    vi.useFakeTimers()
    const before = seen.filter((c) => c.url === '/api/repair/tickets').length
    live.handlers.get('ticket')?.forEach((h) => h({ ticketId: '99', ticketNo: 'X', action: 'DISPATCH', stationOrgId: '502', rowVersion: 1 }))
    await vi.advanceTimersByTimeAsync(2500)
    expect(seen.filter((c) => c.url === '/api/repair/tickets').length).toBe(before)
    live.handlers.get('ticket')?.forEach((h) => h({ ticketId: '98', ticketNo: 'Y', action: 'DISPATCH', stationOrgId: '501', rowVersion: 1 }))
    await vi.advanceTimersByTimeAsync(2500)
    await flushPromises()
    expect(seen.filter((c) => c.url === '/api/repair/tickets').length).toBeGreaterThan(before)
    w.unmount()
  })
})
