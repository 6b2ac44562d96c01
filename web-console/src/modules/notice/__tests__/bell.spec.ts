import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok } from '../../../../tests/unit/helpers'

const live = vi.hoisted(() => ({ handlers: new Map<string, (p: unknown) => void>(), offs: 0 }))
vi.mock('@/api/live', () => ({
  onLive: (topic: string, h: (p: unknown) => void) => {
    live.handlers.set(topic, h)
    return () => {
      live.offs++
      live.handlers.delete(topic)
    }
  },
}))

import MessageBell from '../MessageBell.vue'

let pinia: Pinia

function profile(permissions: string[]): Profile {
  return {
    userId: '1', username: 'worker01', realName: '孙师傅', jobNumber: null, orgId: '1', orgName: '一站', subsidiaryId: '2',
    dataScope: 'SELF', roles: [], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  }
}

function router() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: { template: '<div/>' } },
      { path: '/servicedesk/tickets', component: { template: '<div/>' } },
      { path: '/notice/messages', component: { template: '<div/>' } }],
  })
}

const message = (id: string, read = false) => ({
  id, title: `新派工单：GD${id}`, content: '请尽快接单', eventCode: 'TICKET_ASSIGNED', eventName: '工单分派给维修人员',
  bizType: 'TICKET', bizId: `77${id}`, bizNo: `GD${id}`, read, readAt: null, createdAt: '2026-01-15T10:00:00',
})

beforeEach(() => {
  sessionStorage.clear()
  live.handlers.clear()
  live.offs = 0
  pinia = createPinia()
  setActivePinia(pinia)
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('MessageBell', () => {
  it('shows the unread count, lists the latest and opens the ticket of a message', async () => {
    useAuthStore().profile = profile(['notice:message'])
    let unread = 2
    const seen = fakeServer((c) => {
      if (c.url === '/api/notice/messages/unread-count') return ok({ unread })
      if (c.url === '/api/notice/messages') return ok({ records: [message('1'), message('2', true)], total: 2, page: 1, size: 6 })
      if (c.url === '/api/notice/messages/1/read') {
        unread = 1
        return ok({ unread })
      }
      return { status: 404 }
    })
    const r = router()
    const w = mount(MessageBell, { global: { plugins: [pinia, ElementPlus, r] }, attachTo: document.body })
    await flushPromises()
    expect(w.find('[data-testid="message-badge"]').attributes('data-count')).toBe('2')
    expect(live.handlers.has('notice')).toBe(true)

    await w.find('[data-testid="message-bell"]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(document.querySelectorAll('[data-testid="message-item"]')).toHaveLength(2))
    const items = document.querySelectorAll('[data-testid="message-item"]')
    expect(items[0].textContent).toContain('新派工单：GD1')
    ;(items[0] as HTMLElement).click()
    await flushPromises()
    expect(seen.some((c) => c.url === '/api/notice/messages/1/read' && c.method === 'post')).toBe(true)
    expect(r.currentRoute.value.fullPath).toBe('/servicedesk/tickets?open=771')
    expect(w.find('[data-testid="message-badge"]').attributes('data-count')).toBe('1')
    w.unmount()
    expect(live.offs).toBe(1)
  })

  it('updates live: a new message counts up, a read elsewhere sets the count', async () => {
    useAuthStore().profile = profile(['notice:message'])
    fakeServer((c) => (c.url === '/api/notice/messages/unread-count' ? ok({ unread: 0 }) : ok({ records: [], total: 0, page: 1, size: 6 })))
    const w = mount(MessageBell, { global: { plugins: [pinia, ElementPlus, router()] } })
    await flushPromises()
    expect(w.find('[data-testid="message-badge"]').attributes('data-count')).toBe('0')
    live.handlers.get('notice')!({ kind: 'MESSAGE', message: message('5') })
    await flushPromises()
    expect(w.find('[data-testid="message-badge"]').attributes('data-count')).toBe('1')
    expect(document.body.textContent).toContain('新派工单：GD5')
    live.handlers.get('notice')!({ kind: 'PUSH', title: 'x' })
    live.handlers.get('notice')!({ kind: 'READ', unread: 0 })
    await flushPromises()
    expect(w.find('[data-testid="message-badge"]').attributes('data-count')).toBe('0')
    w.unmount()
  })

  it('is absent without notice:message', async () => {
    useAuthStore().profile = profile([])
    const seen = fakeServer(() => ok({ unread: 3 }))
    const w = mount(MessageBell, { global: { plugins: [pinia, ElementPlus, router()] } })
    await flushPromises()
    expect(w.find('[data-testid="message-bell"]').exists()).toBe(false)
    expect(seen).toHaveLength(0)
    expect(live.handlers.size).toBe(0)
  })
})
