import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { vPerm } from '@/directives/perm'
import { fakeServer, ok } from '../../../../tests/unit/helpers'

vi.mock('@/api/live', () => ({ onLive: () => () => undefined }))

import OutboxPage from '../OutboxPage.vue'
import TemplateEditDialog from '../TemplateEditDialog.vue'
import type { NoticeTemplate } from '../api'

let pinia: Pinia

function profile(permissions: string[]): Profile {
  return {
    userId: '1', username: 'admin', realName: '管理员', jobNumber: null, orgId: '1', orgName: '集团', subsidiaryId: null,
    dataScope: 'ALL', roles: [], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  }
}

function plugins() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<div/>' } }] })
  return [pinia, ElementPlus, router]
}

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().profile = profile(['notice:delivery', 'notice:template', 'notice:template:edit'])
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

const dead = {
  id: '11', channel: 'SMS', channelLabel: '短信', recipientId: '5', recipientName: '周师傅', address: '139****1234',
  eventCode: 'TICKET_URGED', eventName: '工单催办', title: null, content: '工单GD1被催办', status: 'DEAD', attempts: 6,
  nextAttemptAt: null, lastError: '短信网关返回 HTTP 500（已尝试 6 次，停止自动重试）', bizType: 'TICKET', bizId: '1',
  bizNo: 'GD1', createdAt: '2026-01-15T10:00:00', sentAt: null, retryable: true,
}

describe('OutboxPage', () => {
  it('lists with status counts, shows the delivery log and retries a dead message', async () => {
    const seen = fakeServer((c) => {
      if (c.url === '/api/notice/outbox') return ok({ records: [dead], total: 1, page: 1, size: 20 })
      if (c.url === '/api/notice/outbox/stats') return ok({ byStatus: { PENDING: 2, SENT: 10, FAILED: 1, DEAD: 1 } })
      if (c.url === '/api/notice/outbox/11/logs') {
        return ok([{ id: '1', attemptNo: 1, channel: 'SMS', adapter: 'http', success: false, response: '{"code":500}',
          error: '短信网关返回 HTTP 500', durationMs: 12, attemptedAt: '2026-01-15T10:00:01' }])
      }
      if (c.url === '/api/notice/outbox/11/retry') return ok({ ...dead, status: 'PENDING', retryable: false })
      return { status: 404 }
    })
    const w = mount(OutboxPage, { global: { plugins: plugins(), directives: { perm: vPerm } }, attachTo: document.body })
    await flushPromises()
    expect(w.find('[data-testid="outbox-status-ALL"]').text()).toContain('14')
    expect(w.find('[data-testid="outbox-status-DEAD"]').text()).toContain('1')
    expect(w.find('[data-testid="outbox-cell-address"]').text()).toBe('139****1234')
    expect(w.find('[data-testid="outbox-cell-status"]').text()).toBe('已放弃')

    await w.find('[data-testid="outbox-logs"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-testid="outbox-log-item"]')?.textContent).toContain('短信网关返回 HTTP 500')

    await w.find('[data-testid="outbox-retry"]').trigger('click')
    await flushPromises()
    expect(seen.some((c) => c.url === '/api/notice/outbox/11/retry' && c.method === 'post')).toBe(true)

    await w.find('[data-testid="outbox-status-FAILED"] input').setValue(true)
    await flushPromises()
    expect(seen.filter((c) => c.url === '/api/notice/outbox').at(-1)?.params?.status).toBe('FAILED')
    w.unmount()
  })
})

const tpl: NoticeTemplate = {
  id: '113', eventCode: 'TICKET_URGED', eventName: '工单催办', channel: 'SMS', channelLabel: '短信', titleTpl: null,
  contentTpl: '工单${ticketNo}被催办：${reason}', extTemplateId: null, enabled: true, remark: null, rowVersion: 3,
  updatedByName: null, updatedAt: '2026-01-01T00:00:00', params: ['ticketNo', 'operatorName', 'reason', 'deadline'],
}

describe('TemplateEditDialog', () => {
  it('previews, inserts parameters, and shows the server error at its field', async () => {
    let put: Record<string, unknown> | null = null
    fakeServer((c) => {
      if (c.url === '/api/notice/templates/preview') {
        const body = JSON.parse(c.data as string)
        return ok({ title: null, content: String(body.contentTpl).replace('${ticketNo}', 'GD2026').replace('${reason}', '快'),
          placeholders: [], unknown: [], length: 12, smsSegments: 1 })
      }
      if (c.url === '/api/notice/templates/113' && c.method === 'put') {
        put = JSON.parse(c.data as string)
        return { status: 400, data: { code: 'VALIDATION', msg: '参数 ${x} 不是“工单催办”提供的参数', field: 'contentTpl' } }
      }
      return { status: 404 }
    })
    const w = mount(TemplateEditDialog, { global: { plugins: plugins() }, attachTo: document.body })
    ;(w.vm as unknown as { open: (t: NoticeTemplate) => void }).open(tpl)
    // the preview waits 300 ms after the last change
    await vi.advanceTimersByTimeAsync(400)
    await flushPromises()
    expect(document.querySelector('[data-testid="template-preview-content"]')?.textContent).toBe('工单GD2026被催办：快')
    expect(document.querySelector('[data-testid="template-title"]')).toBeNull()

    const params = document.querySelectorAll('[data-testid="template-param"]')
    expect(params).toHaveLength(4)
    ;(params[3] as HTMLElement).click()
    await flushPromises()
    const content = document.querySelector('textarea[data-testid="template-content"], [data-testid="template-content"] textarea') as HTMLTextAreaElement
    expect(content.value).toContain('${deadline}')

    ;(document.querySelector('[data-testid="template-save"]') as HTMLElement).click()
    await flushPromises()
    expect(put).toMatchObject({ rowVersion: 3, titleTpl: null, enabled: true })
    await vi.waitFor(() => expect(document.querySelector('[data-testid="template-form"]')?.textContent)
      .toContain('不是“工单催办”提供的参数'))
    w.unmount()
  })
})
