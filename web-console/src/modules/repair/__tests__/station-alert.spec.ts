import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'

const live = vi.hoisted(() => ({ handlers: new Map<string, Set<(p: unknown) => void>>(), offs: 0 }))
vi.mock('@/api/live', () => ({
  onLive: (topic: string, h: (p: unknown) => void) => {
    const set = live.handlers.get(topic) ?? new Set()
    set.add(h)
    live.handlers.set(topic, set)
    return () => {
      live.offs++
      live.handlers.get(topic)?.delete(h)
    }
  },
}))
const notify = vi.hoisted(() => ({ calls: [] as { title?: string; message?: string; type?: string }[] }))
vi.mock('element-plus', async (importOriginal) => {
  const mod = await importOriginal<typeof import('element-plus')>()
  return { ...mod, ElNotification: (o: { title?: string; message?: string; type?: string }) => notify.calls.push(o) }
})

import StationAlert from '../StationAlert.vue'
import { concernsStation, firstNotice, isArrivalFor, resetNotices } from '../stationAlert'

let pinia: Pinia

function lead(permissions: string[]): Profile {
  return {
    userId: '9', username: 'lead01', realName: '赵站长', jobNumber: 'W0101', orgId: '501', orgName: '第一维修站',
    subsidiaryId: '2', dataScope: 'ORG_AND_CHILDREN', roles: ['STATION_LEAD'], permissions, menus: [],
    lastLoginAt: null, lastLoginIp: null,
  }
}

function router() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: { template: '<div/>' } }, { path: '/repair/dispatch', component: { template: '<div/>' } }],
  })
}

const change = (action: string, stationOrgId: string | null, rowVersion = 1, extra: Record<string, unknown> = {}) => ({
  ticketId: '7001', ticketNo: 'SUB01-20261121-00001', action, fromStatus: 'PENDING_DISPATCH', toStatus: 'DISPATCHED',
  stationOrgId, rowVersion, supervised: false, overLevel: false, ...extra,
})

function push(payload: unknown) {
  live.handlers.get('ticket')?.forEach((h) => h(payload))
}

beforeEach(() => {
  sessionStorage.clear()
  live.handlers.clear()
  live.offs = 0
  notify.calls = []
  resetNotices()
  pinia = createPinia()
  setActivePinia(pinia)
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('station arrival rules', () => {
  it('only a dispatch to the very station is an arrival', () => {
    expect(isArrivalFor(change('DISPATCH', '501'), '501')).toBe(true)
    expect(isArrivalFor(change('REDISPATCH', '501'), '501')).toBe(true)
    expect(isArrivalFor(change('SECOND_DISPATCH', '501'), '501')).toBe(true)
    expect(isArrivalFor({ ...change('DISPATCH', null), stationOrgId: 501 }, '501')).toBe(true)
    expect(isArrivalFor(change('DISPATCH', '502'), '501')).toBe(false)
    expect(isArrivalFor(change('ASSIGN', '501'), '501')).toBe(false)
    expect(isArrivalFor(change('DISPATCH', null), '501')).toBe(false)
    expect(isArrivalFor(change('DISPATCH', '501'), null)).toBe(false)
    expect(isArrivalFor('DISPATCH', '501')).toBe(false)
    expect(concernsStation(change('ASSIGN', '501'), '501')).toBe(true)
    expect(concernsStation(change('ASSIGN', '502'), '501')).toBe(false)
  })

  it('notices each change once', () => {
    const p = change('DISPATCH', '501', 3)
    expect(firstNotice(p, 1000)).toBe(true)
    expect(firstNotice(p, 2000)).toBe(false)
    expect(firstNotice(change('DISPATCH', '501', 5), 2000)).toBe(true)
    // forgotten after a minute
    expect(firstNotice(p, 70_000)).toBe(true)
  })
})

describe('StationAlert', () => {
  it('pops up and emits for tickets dispatched to the lead\u2019s station only', async () => {
    useAuthStore().profile = lead(['repair:pool'])
    const w = mount(StationAlert, { props: { sound: false }, global: { plugins: [pinia, ElementPlus, router()] } })
    await flushPromises()
    expect(w.find('[data-testid="station-alert"]').attributes('data-active')).toBe('1')

    push(change('DISPATCH', '502'))
    push(change('ASSIGN', '501'))
    expect(notify.calls).toHaveLength(0)
    expect(w.emitted('arrived')).toBeUndefined()

    push(change('DISPATCH', '501', 1, { supervised: true }))
    expect(notify.calls).toHaveLength(1)
    expect(notify.calls[0].title).toBe('新工单到站')
    expect(notify.calls[0].message).toContain('SUB01-20261121-00001')
    expect(notify.calls[0].message).toContain('督办')
    expect(notify.calls[0].type).toBe('error')
    expect(w.emitted('arrived')).toHaveLength(1)
    w.unmount()
    expect(live.offs).toBe(1)
  })

  it('two alerts on one page pop up once but both refresh', async () => {
    useAuthStore().profile = lead(['repair:pool'])
    const a = mount(StationAlert, { props: { sound: false }, global: { plugins: [pinia, ElementPlus, router()] } })
    const b = mount(StationAlert, { props: { sound: false }, global: { plugins: [pinia, ElementPlus, router()] } })
    await flushPromises()
    push(change('SECOND_DISPATCH', '501', 9))
    expect(notify.calls).toHaveLength(1)
    expect(notify.calls[0].message).toContain('二次派单')
    expect(a.emitted('arrived')).toHaveLength(1)
    expect(b.emitted('arrived')).toHaveLength(1)
  })

  it('does not listen without repair:pool', async () => {
    useAuthStore().profile = lead(['notice:message'])
    const w = mount(StationAlert, { global: { plugins: [pinia, ElementPlus, router()] } })
    await flushPromises()
    expect(w.find('[data-testid="station-alert"]').attributes('data-active')).toBe('0')
    expect(live.handlers.get('ticket')?.size ?? 0).toBe(0)
  })
})
