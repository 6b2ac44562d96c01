import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import AcceptPage from '../accept/AcceptPage.vue'
import HouseholdPanelDrawer from '@/modules/baseinfo/household/HouseholdPanelDrawer.vue'
import type { HouseholdPanel } from '@/modules/baseinfo/api-household'

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '1', username: 'agent01', realName: '李坐席', jobNumber: null, orgId: '2', orgName: '客服中心',
    subsidiaryId: null, dataScope: 'ALL', roles: ['AGENT'], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  } satisfies Profile
}

const PANEL = {
  household: { id: '11', householdCode: 'HH-501', unitId: '6', nodePath: '/', address: '幸福家园 3号楼 1单元 501', roomNo: '501',
    area: 88.5, heatingStatus: 'HEATING', arrears: 320.5, customerId: '21', ownerName: '张三', subsidiaryId: '3', orgPath: '/1/3/' },
  heatingStatusLabel: '供暖', meterNo: null, valveNo: null, tags: null, remark: null, dataSource: 'BILLING', billingUpdatedAt: null,
  customer: { id: '21', customerCode: 'C-1', name: '张三', customerType: 'RESIDENT', idNumber: null, contactPref: 'PHONE',
    contactTime: null, noDisturb: false, phones: [{ id: '31', phone: '138****8000', phoneKind: 'MOBILE', primary: true, dataSource: 'BILLING' }] },
  path: [], stationId: '9', stationName: '城北第一维修站', recentTickets: [], unitOpenTickets: [], ticketsAvailable: true,
  payments: [], temperatures: [], blacklist: [], blacklisted: false,
} satisfies HouseholdPanel

const ORG_TREE = [{ id: '1', parentId: null, orgType: 'GROUP', orgTypeName: '集团', orgCode: 'G', orgName: '集团', subsidiaryId: null,
  enabled: true, sortNo: 0, rowVersion: 0, children: [{ id: '3', parentId: '1', orgType: 'SUBSIDIARY', orgTypeName: '分公司',
    orgCode: 'SUB01', orgName: '城北热力分公司', subsidiaryId: '3', enabled: true, sortNo: 0, rowVersion: 0,
    children: [{ id: '9', parentId: '3', orgType: 'REPAIR_STATION', orgTypeName: '维修站', orgCode: 'ST01',
      orgName: '城北第一维修站', subsidiaryId: '3', enabled: true, sortNo: 0, rowVersion: 0, children: [] }] }] }]

function router() {
  const r = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/', component: { template: '<div />' } },
    { path: '/servicedesk/accept', name: 'servicedesk-accept', component: AcceptPage },
  ] })
  return r
}

describe('业务受理', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    document.body.innerHTML = ''
  })

  it('pre-fills household and phone from the query, previews the deadline for the household\'s subsidiary, '
    + 'suggests the station and sends the ticket', async () => {
    signIn(['servicedesk:ticket', 'servicedesk:ticket:create'])
    const seen = fakeServer((c) => {
      if (c.url === '/api/settings/dicts') {
        return ok({ ticket_type: [{ code: 'REPAIR', label: '报修' }, { code: 'TEMP_CHECK', label: '测温' }],
          ticket_source: [{ code: 'PHONE', label: '电话' }], ticket_urgency: [{ code: 'NORMAL', label: '一般' }] })
      }
      if (c.url === '/api/baseinfo/panel/households/11') return ok(PANEL)
      if (c.url === '/api/servicedesk/tickets/station-suggestion') return ok({ stationOrgId: '9', stationName: '城北第一维修站' })
      if (c.url === '/api/servicedesk/tickets/deadline-preview') {
        return ok({ minutes: 1440, deadline: '2026-11-22T12:00:00', ruleId: '5' })
      }
      if (c.url === '/api/settings/orgs/tree') return ok(ORG_TREE)
      if (c.method === 'post' && c.url === '/api/servicedesk/tickets') {
        return ok({ ticket: { id: '500', ticketNo: 'GD-1', status: 'DISPATCHED', stationName: '城北第一维修站',
          deadline: '2026-11-22T12:00:00' }, timeline: [], visits: [], attachments: [], allowedActions: [] })
      }
      return ok(null)
    })
    const r = router()
    await r.push('/servicedesk/accept?householdId=11&phone=13800138000&callId=C-77')
    const w = mount(AcceptPage, { global: { plugins: [ElementPlus, r] }, attachTo: document.body })
    await flushPromises()
    await flushPromises()

    expect((w.find('[data-testid="accept-phone"]').element as HTMLInputElement).value).toBe('13800138000')
    expect((w.find('[data-testid="accept-address"]').element as HTMLInputElement).value).toBe('幸福家园 3号楼 1单元 501')
    expect((w.find('[data-testid="accept-contact"]').element as HTMLInputElement).value).toBe('张三')
    expect(w.find('[data-testid="accept-caller-code"]').text()).toBe('HH-501')
    expect(w.find('[data-testid="accept-station-suggestion"]').text()).toContain('城北第一维修站')
    expect(w.find('[data-testid="accept-deadline-preview"]').text()).toBe('2026-11-22 12:00')
    expect(w.find('[data-testid="accept-kb"]').attributes('disabled')).toBeDefined()
    const previews = seen.filter((c) => c.url === '/api/servicedesk/tickets/deadline-preview')
    expect(previews[previews.length - 1].params).toMatchObject({ ticketType: 'REPAIR', urgency: 'NORMAL', source: 'PHONE', subsidiaryId: '3' })

    await w.find('[data-testid="accept-content"]').setValue('客厅暖气不热')
    await w.find('[data-testid="accept-save-dispatch"]').trigger('click')
    await flushPromises()
    await flushPromises()
    const post = seen.find((c) => c.method === 'post' && c.url === '/api/servicedesk/tickets')
    expect(post).toBeTruthy()
    expect(JSON.parse(post!.data as string)).toMatchObject({
      ticketType: 'REPAIR', source: 'PHONE', urgency: 'NORMAL', householdId: '11', callerPhone: '13800138000',
      contactName: '张三', content: '客厅暖气不热', stationOrgId: '9', dispatchNow: true, subsidiaryId: '3', callId: 'C-77',
      deadline: null, attachmentIds: [], kbArticleId: null,
    })
    expect(w.find('[data-testid="accept-result-no"]').text()).toBe('GD-1')
    w.unmount()
  }, 30_000)

  it('the caller panel\'s 新建工单 opens 业务受理 with the household and the calling number', async () => {
    signIn(['baseinfo:household', 'baseinfo:panel', 'servicedesk:ticket:create'])
    fakeServer((c) => {
      if (c.url === '/api/baseinfo/panel/by-phone') {
        // the server answers the number masked; the button passes on the number as typed
        return ok({ phone: '138****8000', households: [PANEL.household], panel: PANEL, blacklist: [], blacklisted: false })
      }
      return ok(null)
    })
    const r = router()
    await r.push('/')
    const w = mount(HouseholdPanelDrawer, { global: { plugins: [ElementPlus, r] }, attachTo: document.body })
    await (w.vm as unknown as { openCaller: (p: string) => Promise<void> }).openCaller('13800138000')
    await flushPromises()
    const button = document.body.querySelector('[data-testid="panel-create-ticket"]') as HTMLElement
    expect(button).not.toBeNull()
    button.click()
    await flushPromises()
    expect(r.currentRoute.value.path).toBe('/servicedesk/accept')
    expect(r.currentRoute.value.query).toEqual({ householdId: '11', phone: '13800138000' })
    w.unmount()
  })

  it('the button is not there without the permission to accept tickets', async () => {
    signIn(['baseinfo:household', 'baseinfo:panel'])
    fakeServer(() => ok(PANEL))
    const w = mount(HouseholdPanelDrawer, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    await (w.vm as unknown as { open: (id: string) => Promise<void> }).open('11')
    await flushPromises()
    expect(document.body.querySelector('[data-testid="panel-household-code"]')).not.toBeNull()
    expect(document.body.querySelector('[data-testid="panel-create-ticket"]')).toBeNull()
    w.unmount()
  })
})
