import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import ElementPlus from 'element-plus'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import type { HouseholdPanel } from '@/modules/baseinfo/api-household'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import ScreenPopPanel from '../workbench/ScreenPopPanel.vue'
import type { PopHouseholdPanel, ScreenPopMessage } from '../api-callcenter'

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '3', username: 'agent01', realName: '李坐席', jobNumber: '1001', orgId: '2', orgName: '客服中心',
    subsidiaryId: null, dataScope: 'ALL', roles: ['AGENT'], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  } satisfies Profile
}

const PANEL: HouseholdPanel = {
  household: {
    id: '11', householdCode: 'HH-501', unitId: '6', nodePath: '/1/6/', address: '幸福家园 3号楼 1单元 501', roomNo: '501',
    area: 88.5, heatingStatus: 'HEATING', arrears: 320.5, customerId: '21', ownerName: '张三', subsidiaryId: '3', orgPath: '/1/3/',
  },
  heatingStatusLabel: '供热', meterNo: null, valveNo: null, tags: null, remark: null, dataSource: 'BILLING',
  billingUpdatedAt: null,
  customer: {
    id: '21', customerCode: 'C-1', name: '张三', customerType: 'RESIDENT', idNumber: null, contactPref: 'PHONE',
    contactTime: null, noDisturb: false,
    phones: [{ id: '31', phone: '138****8000', phoneKind: 'MOBILE', primary: true, dataSource: 'BILLING' }],
  },
  path: [], stationId: '99', stationName: '城北第一维修站',
  recentTickets: [{ id: '71', ticketNo: 'SUB01-20261120-00001', ticketType: '报修', status: '已办结', summary: '暖气不热',
    householdId: '11', address: null, createdAt: '2026-11-20T08:00:00', deadline: null }],
  unitOpenTickets: [{ id: '72', ticketNo: 'SUB01-20261121-00003', ticketType: 'REPAIR', status: 'DISPATCHED', summary: '单元漏水',
    householdId: '12', address: '幸福家园 3号楼 1单元 601', createdAt: '2026-11-21T08:00:00', deadline: null }],
  ticketsAvailable: true,
  payments: [{ id: '41', payKind: 'PAY', amount: 2000, paidAt: '2026-10-02T10:00:00', season: '2026-2027', channel: null,
    dataSource: 'BILLING', receivedAt: '' }],
  temperatures: [
    { id: '51', temperature: 19.5, measuredAt: '2026-11-20T08:00:00', dataSource: 'HEATNET', receivedAt: '' },
    { id: '52', temperature: 16.25, measuredAt: '2026-11-21T08:00:00', dataSource: 'HEATNET', receivedAt: '' },
  ],
  blacklist: [], blacklisted: false,
}

/** what the push carries: baseinfo's published panel, without the REST view's labels */
const { heatingStatusLabel: _h, stationName: _s, blacklisted: _b, ...POP_PANEL } = PANEL
void _h
void _s
void _b

function pop(extra: Partial<ScreenPopMessage> = {}): ScreenPopMessage {
  return {
    callId: '900', linkedid: '1700000000.1', gatewayId: '1', queue: 'repair', did: '96000', callerNumber: '138****8000',
    numberMasked: true, unknownNumber: false, blacklisted: false,
    panel: { phone: '138****8000', households: [PANEL.household], panel: POP_PANEL as PopHouseholdPanel, blacklist: [] },
    agentJobNo: '1001', ringingAt: '2026-11-21T10:00:00.123', ...extra,
  }
}

let pinia: Pinia
let router: Router
beforeEach(async () => {
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/', component: { template: '<div/>' } },
    { path: '/servicedesk/accept', component: { template: '<div/>' } },
  ] })
  await router.push('/')
})
afterEach(() => {
  document.body.innerHTML = ''
})

const mountOpts = () => ({ global: { plugins: [pinia, ElementPlus, router], directives: { perm: vPerm } }, attachTo: document.body })
const q = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)
const text = (testid: string) => q(testid)?.textContent?.replace(/\s+/g, ' ').trim()

describe('ScreenPopPanel', () => {
  it('waits for a call before anything rings', () => {
    signIn(['servicedesk:ticket:create'])
    fakeServer(() => ok(null))
    const w = mount(ScreenPopPanel, { ...mountOpts(), props: { pop: null } })
    expect(q('screenpop-empty')).not.toBeNull()
    expect(q('screenpop')).toBeNull()
    w.unmount()
  })

  it('shows a known caller at once from the pushed panel, without a request', async () => {
    signIn(['servicedesk:ticket:create', 'baseinfo:panel'])
    const seen = fakeServer(() => ok(null))
    const w = mount(ScreenPopPanel, { ...mountOpts(), props: { pop: pop() } })
    await flushPromises()
    expect(seen).toHaveLength(0)
    expect(q('screenpop')?.dataset.callId).toBe('900')
    expect(q('screenpop')?.dataset.unknown).toBe('false')
    expect(text('screenpop-number')).toBe('138****8000')
    expect(text('screenpop-queue')).toBe('repair')
    expect(text('screenpop-household-code')).toBe('HH-501')
    expect(text('screenpop-address')).toBe('幸福家园 3号楼 1单元 501')
    expect(text('screenpop-heating')).toBe('供热')
    expect(text('screenpop-arrears')).toBe('欠费 320.50 元')
    expect(text('screenpop-customer-name')).toBe('张三')
    expect(text('screenpop-phone')).toBe('138****8000（主）')
    // the latest reading, not the first in the list
    expect(text('screenpop-temperature')).toBe('16.3 ℃（2026-11-21 08:00）')
    expect(text('screenpop-unit-tickets')).toContain('SUB01-20261121-00003')
    expect(text('screenpop-unit-tickets')).toContain('待站点确认')
    expect(text('screenpop-customer')).not.toContain('城北第一维修站')
    expect(q('screenpop-unknown')).toBeNull()
    expect(q('screenpop-blacklisted')).toBeNull()
    expect(q('screenpop-open-panel')).not.toBeNull()
    w.unmount()
  })

  it('opens 业务受理 with the household and the call id, never with a masked number', async () => {
    signIn(['servicedesk:ticket:create'])
    fakeServer(() => ok(null))
    const w = mount(ScreenPopPanel, { ...mountOpts(), props: { pop: pop() } })
    await flushPromises()
    q('screenpop-create-ticket')!.click()
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/servicedesk/accept')
    expect(router.currentRoute.value.query).toEqual({ callId: '900', householdId: '11' })
    w.unmount()
  })

  it('offers search and bind for an unknown number, and shows the household once the number is bound', async () => {
    signIn(['servicedesk:ticket:create', 'baseinfo:phone:bind', 'baseinfo:household'])
    const seen = fakeServer((c) => {
      if (c.url === '/api/baseinfo/households') {
        return ok({ records: [{ ...PANEL.household, nodePath: '/1/6/', floorNo: null, customerCode: 'C-1' }], total: 1, page: 1, size: 20 })
      }
      if (c.url === '/api/baseinfo/customers/21/phones') return ok({ id: '21', phones: [] })
      if (c.url === '/api/baseinfo/panel/households/11') return ok(PANEL)
      return ok(null)
    })
    const w = mount(ScreenPopPanel, {
      ...mountOpts(),
      props: { pop: pop({ unknownNumber: true, panel: null, callerNumber: '13900001111', numberMasked: false, blacklisted: true }) },
    })
    await flushPromises()
    expect(q('screenpop')?.dataset.unknown).toBe('true')
    expect(q('screenpop-unknown')).not.toBeNull()
    expect(q('screenpop-unknown-tag')).not.toBeNull()
    expect(q('screenpop-blacklisted')).not.toBeNull()
    expect(q('screenpop-household-code')).toBeNull()
    expect((q('screenpop-bind') as HTMLButtonElement).disabled).toBe(true)

    // search a household and pick it
    const select = w.findComponent({ name: 'ElSelect' })
    await (select.props('remoteMethod') as (k: string) => Promise<void>)('幸福家园')
    await flushPromises()
    expect(seen.at(-1)?.params).toMatchObject({ keyword: '幸福家园', page: 1, size: 20 })
    select.vm.$emit('update:modelValue', '11')
    await flushPromises()
    expect((q('screenpop-bind') as HTMLButtonElement).disabled).toBe(false)

    // bind the (unmasked) caller number to the household's customer
    q('screenpop-bind')!.click()
    await flushPromises()
    const number = document.querySelector<HTMLInputElement>('[data-testid="phone-bind-number"]')!
    expect(number.value).toBe('13900001111')
    q('phone-bind-confirm')!.click()
    await flushPromises()
    const bind = seen.find((c) => c.url === '/api/baseinfo/customers/21/phones')!
    expect(JSON.parse(String(bind.data))).toMatchObject({ phone: '13900001111' })
    expect(text('screenpop-household-code')).toBe('HH-501')
    expect(q('screenpop-unknown')).toBeNull()

    // and the ticket gets the household, the call and the number
    q('screenpop-create-ticket')!.click()
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ callId: '900', householdId: '11', phone: '13900001111' })
    w.unmount()
  })

  it('lets an unknown caller get a ticket without a household', async () => {
    signIn(['servicedesk:ticket:create'])
    fakeServer(() => ok(null))
    const w = mount(ScreenPopPanel, { ...mountOpts(), props: { pop: pop({ unknownNumber: true, panel: null }) } })
    await flushPromises()
    expect(q('screenpop-bind')).toBeNull() // no baseinfo:phone:bind
    q('screenpop-create-ticket')!.click()
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ callId: '900' })
    w.unmount()
  })
})
