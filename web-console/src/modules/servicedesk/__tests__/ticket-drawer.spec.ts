import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { resetLive } from '@/api/live'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import TicketDetailDrawer from '../components/TicketDetailDrawer.vue'
import type { TicketRow, TicketView } from '../api-ticket'

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '1', username: 'agent01', realName: '李坐席', jobNumber: null, orgId: '2', orgName: '客服中心',
    subsidiaryId: null, dataScope: 'ALL', roles: ['AGENT'], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  } satisfies Profile
}

const ROW: TicketRow = {
  id: '500', ticketNo: 'GD20261121-0001', ticketType: 'REPAIR', ticketTypeLabel: '报修', source: 'PHONE',
  sourceLabel: '电话', urgency: 'URGENT', urgencyLabel: '紧急', priority: 2, status: 'COMPLETED', statusLabel: '待回访',
  nodeCode: 'VISIT', nodeName: '回访', title: '暖气不热', address: '幸福家园 3号楼 1单元 501', householdCode: 'HH-501',
  contactName: '张三', callerPhone: '138****8000', subsidiaryId: '3', subsidiaryName: '城北热力分公司', stationOrgId: '9',
  stationName: '城北第一维修站', workerId: '8', workerName: '王师傅', deadline: '2020-01-01T00:00:00', timing: 'OVERDUE',
  supervised: true, overLevel: false, urgeCount: 1, escalationLevel: 0, reworkCount: 1, pendingApproval: null,
  visitResult: 'UNSATISFIED', satisfaction: 2, createdAt: '2026-11-21T08:00:00', createdByName: '李坐席',
  completedAt: '2026-11-21T10:00:00', closedAt: null, rowVersion: 7,
}

const entry = (id: string, action: string, from: string | null, to: string | null, at: string, extra = {}) => ({
  id, action, actionLabel: null, fromStatus: from, toStatus: to, fromNode: null, toNode: null, reason: null, note: null,
  detail: null, operatorId: '1', operatorName: '李坐席', origin: 'WEB', clientIp: null, approvalId: null, createdAt: at,
  ...extra,
})

const VIEW: TicketView = {
  ticket: ROW, content: '客厅暖气片不热', householdId: '11', unitId: '6', customerName: '张三',
  formFields: { faultPart: 'RADIATOR' }, callId: null, kbArticleId: null, dispatchedAt: '2026-11-21T08:01:00',
  acceptedAt: null, firstResponseAt: null, handlingResult: '已放气', attachments: [],
  timeline: [
    entry('1', 'CREATE', null, 'PENDING_DISPATCH', '2026-11-21T08:00:00'),
    entry('2', 'DISPATCH', 'PENDING_DISPATCH', 'DISPATCHED', '2026-11-21T08:01:00', { detail: '派至 城北第一维修站' }),
    entry('3', 'COMPLETE', 'IN_PROGRESS', 'COMPLETED', '2026-11-21T10:00:00', { operatorName: '赵站长' }),
    entry('4', 'VISIT', 'COMPLETED', 'COMPLETED', '2026-11-21T11:00:00', { note: '还是不热' }),
  ] as TicketView['timeline'],
  visits: [{ id: '70', visitResult: 'UNSATISFIED', satisfaction: 2, templateCode: 'REPAIR_STD', answers: {}, remark: '还是不热',
    paymentNote: null, visitorName: '李坐席', createdAt: '2026-11-21T11:00:00' }],
  allowedActions: ['VISIT', 'SECOND_DISPATCH', 'CLOSE_WITHOUT_VISIT', 'VOID', 'DELAY', 'SUPERVISE', 'URGE', 'ESCALATE',
    'NOTE'],
}

describe('TicketDetailDrawer', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    document.body.innerHTML = ''
  })
  afterEach(() => {
    resetLive()
  })

  async function mountDrawer(view: TicketView | (() => TicketView)) {
    const seen = fakeServer((c) => {
      if (c.method === 'get' && c.url === '/api/servicedesk/tickets/500') return ok(typeof view === 'function' ? view() : view)
      if (c.method === 'post' && c.url === '/api/servicedesk/tickets/500/actions') {
        return { status: 409, data: { code: 'CONFLICT', msg: '数据已被他人修改，请刷新后重试' } }
      }
      return ok([])
    })
    const w = mount(TicketDetailDrawer, { props: { ticketId: '500', modelValue: true }, global: { plugins: [ElementPlus] },
      attachTo: document.body })
    await flushPromises()
    return { w, seen }
  }

  it('shows header flags, the overdue countdown, the fields and the whole timeline', async () => {
    signIn(['servicedesk:ticket', 'servicedesk:visit:do'])
    const { w } = await mountDrawer(VIEW)
    const body = document.body
    expect(body.querySelector('[data-testid="ticket-drawer-no"]')!.textContent).toBe('GD20261121-0001')
    expect(body.querySelector('[data-testid="ticket-drawer-status"]')!.textContent!.trim()).toBe('待回访')
    expect(body.querySelector('[data-testid="ticket-flag-supervised"]')).not.toBeNull()
    expect(body.querySelector('[data-testid="ticket-flag-overdue"]')).not.toBeNull()
    expect(body.querySelector('[data-testid="ticket-drawer-countdown"]')!.getAttribute('data-level')).toBe('OVERDUE')
    expect(body.querySelector('[data-testid="ticket-drawer-phone"]')!.textContent).toBe('138****8000')
    expect(body.querySelector('[data-testid="ticket-drawer-fields"]')!.textContent).toContain('暖气片')
    const items = [...body.querySelectorAll('[data-testid="ticket-timeline-item"]')]
    // newest first, every entry
    expect(items.map((i) => i.getAttribute('data-action'))).toEqual(['VISIT', 'COMPLETE', 'DISPATCH', 'CREATE'])
    expect(items[0].textContent).toContain('还是不热')
    expect(items[2].textContent).toContain('派至 城北第一维修站')
    expect(items[2].textContent).toContain('待派单 → 待站点确认')
    expect(body.querySelector('[data-testid="ticket-visit-result"]')!.textContent!.trim()).toBe('不满意')
    w.unmount()
  })

  it('offers only the actions the user holds a permission for, never system ones', async () => {
    signIn(['servicedesk:ticket', 'servicedesk:visit:do'])
    const { w } = await mountDrawer(VIEW)
    const buttons = [...document.body.querySelectorAll('[data-testid^="ticket-action-"]')]
      .map((b) => b.getAttribute('data-testid')!.replace('ticket-action-', ''))
    expect(buttons).toEqual(['VISIT', 'CLOSE_WITHOUT_VISIT'])
    w.unmount()
  })

  it('a conflict on an action reloads the ticket', async () => {
    signIn(['servicedesk:ticket', 'servicedesk:ticket:operate'])
    let version = 7
    const { w, seen } = await mountDrawer(() => ({ ...VIEW, ticket: { ...ROW, rowVersion: version } }))
    ;(document.body.querySelector('[data-testid="ticket-action-NOTE"]') as HTMLElement).click()
    await flushPromises()
    const note = document.body.querySelector('textarea[data-testid="action-note"], [data-testid="action-note"] textarea') as HTMLTextAreaElement
    note.value = '用户再次来电'
    note.dispatchEvent(new Event('input'))
    await flushPromises()
    version = 8
    ;(document.body.querySelector('[data-testid="action-confirm"]') as HTMLElement).click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 400))
    await flushPromises()
    const post = seen.find((c) => c.method === 'post')!
    expect(JSON.parse(post.data as string)).toMatchObject({ action: 'NOTE', expectedVersion: 7, note: '用户再次来电' })
    expect(seen.filter((c) => c.method === 'get' && c.url === '/api/servicedesk/tickets/500').length).toBe(2)
    w.unmount()
  })
})
