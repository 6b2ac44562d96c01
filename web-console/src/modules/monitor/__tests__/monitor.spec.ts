import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import routes from '../routes'
import { moduleRoutes } from '@/router'
import {
  approvalApi, chainApi, dueText, minutesText, monitorTicketApi, payloadSummary, stepsError, ticketApprovalBody,
} from '../api-monitor'
import { emptyTicketFilters, ticketFilterOf } from '../tickets/ticketFilters'
import ApprovalRequestDialog from '../components/ApprovalRequestDialog.vue'
import type { TicketAction, TicketCommand } from '../../servicedesk/api-ticket'
import { fakeServer, ok } from '../../../../tests/unit/helpers'

const json = (c: { data?: unknown }) => JSON.parse(String(c.data))

/** form validation and the dialog's transitions settle over a few ticks */
async function settle() {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 20))
  }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('routes follow the permissions json', () => {
  it('declares every menu path of monitor.json with its permission', () => {
    const perms = JSON.parse(readFileSync(resolve(__dirname,
      '../../../../../module-monitor/src/main/resources/heatdesk/permissions/monitor.json'), 'utf8')) as
      { code: string; kind: string; path?: string }[]
    const menus = perms.filter((p) => p.kind === 'MENU' && p.path && p.code !== 'monitor')
    expect(menus.map((m) => m.path).sort()).toEqual(routes.map((r) => r.path).sort())
    for (const m of menus) {
      expect(routes.find((r) => r.path === m.path)!.meta!.perm).toBe(m.code)
    }
    expect(moduleRoutes.some((r) => r.path === '/monitor/approvals')).toBe(true)
  })
})

describe('approval helpers', () => {
  it('builds the submit body from a ticket command, leaving out empty fields', () => {
    expect(ticketApprovalBody('42', 'DELAY', 3, '用户改约', { extendMinutes: 120, stationOrgId: null, note: '' })).toEqual({
      bizType: 'TICKET', bizId: '42', action: 'DELAY', reason: '用户改约',
      payload: { expectedVersion: 3, reason: '用户改约', extendMinutes: 120 },
    })
  })

  it('describes minutes, deadlines and what was asked', () => {
    expect(minutesText(90)).toBe('1小时30分钟')
    expect(minutesText(2880)).toBe('2天')
    expect(minutesText(0)).toBe('0分钟')
    const now = new Date(2026, 10, 21, 12, 0, 0)
    expect(dueText('2026-11-21T13:05:00', now)).toBe('剩余 1小时5分钟')
    expect(dueText('2026-11-21T11:40:00', now)).toBe('超时 20分钟')
    expect(dueText(null, now)).toBeNull()
    expect(payloadSummary('DELAY', { extendMinutes: 120, reason: 'x' })).toBe('延期 2小时')
    expect(payloadSummary('VOID', { reason: 'x' })).toBe('')
  })

  it('checks chain levels like the server', () => {
    expect(stepsError([])).toBe('至少需要一级审批')
    expect(stepsError([{ approverLevel: 'STATION', approverRole: 'STATION_LEAD', timeoutMinutes: 120 },
      { approverLevel: 'SUBSIDIARY', approverRole: null, timeoutMinutes: null }])).toBe('')
    expect(stepsError([{ approverLevel: 'GROUP', approverRole: null, timeoutMinutes: null },
      { approverLevel: 'STATION', approverRole: null, timeoutMinutes: null }])).toBe('第 2 级低于上一级：审批只能逐级向上')
    expect(stepsError([{ approverLevel: 'STATION', approverRole: 'lead', timeoutMinutes: null }]))
      .toBe('第 1 级的审批角色编码不正确')
    expect(stepsError([{ approverLevel: 'STATION', approverRole: null, timeoutMinutes: 0 }]))
      .toBe('第 1 级的审批时限应在 1 到 43200 分钟之间')
  })
})

describe('ticket filters', () => {
  it('sends only what was chosen, statuses comma-separated, flags only when ticked', async () => {
    const f = emptyTicketFilters()
    expect(ticketFilterOf(f)).toMatchObject({ statuses: null, supervised: null, overLevel: null, createdFrom: null })
    f.ticketNo = ' GD001 '
    f.statuses = ['DISPATCHED', 'CONFIRMED']
    f.supervised = true
    f.days = ['2026-01-01', '2026-01-31']
    const seen = fakeServer(() => ok({ records: [], total: 0, page: 1, size: 20 }))
    await monitorTicketApi.page({ ...ticketFilterOf(f), page: 1, size: 20 })
    expect(seen[0].url).toBe('/api/monitor/tickets')
    expect(seen[0].params).toEqual({ ticketNo: 'GD001', statuses: 'DISPATCHED,CONFIRMED', supervised: true,
      createdFrom: '2026-01-01', createdTo: '2026-01-31', page: 1, size: 20 })
  })
})

describe('approval calls', () => {
  it('uses the box endpoints and sends the versions', async () => {
    const seen = fakeServer(() => ok({ records: [], total: 0, page: 1, size: 20 }))
    await approvalApi.page('pending', { overdue: true })
    await approvalApi.page('mine', {})
    await approvalApi.page('all', { status: 'PENDING' })
    await approvalApi.approve('9', null, 2)
    await approvalApi.reject('9', '理由不足', 2)
    await approvalApi.urge('9')
    await chainApi.disable('5', 1)
    expect(seen.map((c) => `${c.method} ${c.url}`)).toEqual([
      'get /api/monitor/approvals/pending', 'get /api/monitor/approvals/mine', 'get /api/monitor/approvals',
      'post /api/monitor/approvals/9/approve', 'post /api/monitor/approvals/9/reject', 'post /api/monitor/approvals/9/urge',
      'post /api/monitor/approval-chains/5/disable'])
    expect(json(seen[3])).toEqual({ comment: null, expectedVersion: 2 })
    expect(json(seen[4])).toEqual({ reason: '理由不足', expectedVersion: 2 })
    expect(json(seen[6])).toEqual({ rowVersion: 1 })
  })
})

describe('ApprovalRequestDialog', () => {
  function mountDialog(props: { ticketId: string; action: TicketAction; expectedVersion: number | null;
    reason?: string; command?: Partial<TicketCommand> }) {
    setActivePinia(createPinia())
    return mount(ApprovalRequestDialog, { props, global: { plugins: [ElementPlus] }, attachTo: document.body })
  }

  it('needs a reason, then submits the command as the payload and emits submitted', async () => {
    const seen = fakeServer((c) => (c.url === '/api/monitor/approvals'
      ? ok({ approval: { id: '900', approvalNo: 'SP202611210001' }, payload: {}, steps: [] })
      : ok([])))
    const w = mountDialog({ ticketId: '42', action: 'DELAY', expectedVersion: 3, command: { extendMinutes: 60 } })
    await flushPromises()
    const submit = document.querySelector('[data-testid="approval-request-submit"]') as HTMLButtonElement
    submit.click()
    await settle()
    expect(seen.filter((c) => c.url === '/api/monitor/approvals')).toHaveLength(0)
    expect(document.body.textContent).toContain('请填写申请原因')

    const field = document.querySelector('[data-testid="approval-request-reason"]')!
    const input = (field.tagName === 'TEXTAREA' ? field : field.querySelector('textarea')) as HTMLTextAreaElement
    input.value = '用户出差，需改约'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    submit.click()
    await settle()
    const sent = seen.filter((c) => c.url === '/api/monitor/approvals')
    expect(sent).toHaveLength(1)
    expect(json(sent[0])).toEqual({ bizType: 'TICKET', bizId: '42', action: 'DELAY', reason: '用户出差，需改约',
      payload: { expectedVersion: 3, reason: '用户出差，需改约', extendMinutes: 60 } })
    expect(w.emitted('submitted')).toHaveLength(1)
    expect(w.emitted('update:modelValue')?.[0]).toEqual([false])
    w.unmount()
  })

  it('shows the server refusing the reason under the field', async () => {
    fakeServer((c) => (c.url === '/api/monitor/approvals'
      ? { status: 400, data: { code: 'VALIDATION', msg: '请填写申请原因', field: 'reason' } }
      : ok([])))
    const w = mountDialog({ ticketId: '42', action: 'VOID', expectedVersion: 1, reason: '   x' })
    await flushPromises()
    ;(document.querySelector('[data-testid="approval-request-submit"]') as HTMLButtonElement).click()
    await settle()
    expect(document.querySelector('[data-testid="approval-request-dialog"]')!.textContent).toContain('请填写申请原因')
    expect(w.emitted('submitted')).toBeUndefined()
    w.unmount()
  })
})
