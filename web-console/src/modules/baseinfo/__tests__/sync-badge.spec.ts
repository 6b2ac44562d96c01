import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import SyncAlertBadge from '../sync/SyncAlertBadge.vue'

let pinia: Pinia

function profile(permissions: string[]): Profile {
  return {
    userId: '1', username: 'admin', realName: '管理员', jobNumber: null, orgId: '1', orgName: '集团', subsidiaryId: null,
    dataScope: 'ALL', roles: [], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  }
}

function router() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: { template: '<div/>' } }, { path: '/baseinfo/sync', component: { template: '<div/>' } }],
  })
}

beforeEach(() => {
  vi.useFakeTimers()
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('SyncAlertBadge', () => {
  it('polls the alert counts every minute and opens the sync page', async () => {
    useAuthStore().profile = profile(['baseinfo:sync'])
    let pending = 2
    const seen = fakeServer(() => ok({ pendingFailures: pending, abandonedFailures: 0, failedCursors: 1 }))
    const r = router()
    const w = mount(SyncAlertBadge, { global: { plugins: [pinia, ElementPlus, r] } })
    await flushPromises()
    expect(seen.filter((c) => c.url === '/api/baseinfo/sync/alerts')).toHaveLength(1)
    expect(w.find('[data-testid="sync-alert-badge"]').attributes('data-count')).toBe('3')
    expect(w.find('.el-badge__content').text()).toBe('3')

    pending = 0
    await vi.advanceTimersByTimeAsync(60_000)
    await flushPromises()
    expect(seen.filter((c) => c.url === '/api/baseinfo/sync/alerts')).toHaveLength(2)
    expect(w.find('[data-testid="sync-alert-badge"]').attributes('data-count')).toBe('1')

    await w.find('[data-testid="sync-alert-button"]').trigger('click')
    await flushPromises()
    expect(r.currentRoute.value.path).toBe('/baseinfo/sync')
    w.unmount()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(seen.filter((c) => c.url === '/api/baseinfo/sync/alerts')).toHaveLength(2)
  })

  it('keeps the last numbers when a poll fails', async () => {
    useAuthStore().profile = profile(['baseinfo:sync'])
    let fail = false
    fakeServer(() => (fail ? { status: 500, data: { code: 'INTERNAL', msg: '系统繁忙' } }
      : ok({ pendingFailures: 4, abandonedFailures: 0, failedCursors: 0 })))
    const w = mount(SyncAlertBadge, { global: { plugins: [pinia, ElementPlus, router()] } })
    await flushPromises()
    fail = true
    await vi.advanceTimersByTimeAsync(60_000)
    await flushPromises()
    expect(w.find('[data-testid="sync-alert-badge"]').attributes('data-count')).toBe('4')
  })

  it('renders nothing and asks nothing without baseinfo:sync', async () => {
    useAuthStore().profile = profile(['baseinfo:node'])
    const seen = fakeServer(() => ok({}))
    const w = mount(SyncAlertBadge, { global: { plugins: [pinia, ElementPlus, router()] } })
    await flushPromises()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(w.find('[data-testid="sync-alert-badge"]').exists()).toBe(false)
    expect(seen).toHaveLength(0)
  })
})
