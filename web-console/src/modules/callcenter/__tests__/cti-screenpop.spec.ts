import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import ScreenPopPanel from '../workbench/ScreenPopPanel.vue'
import type { PopHouseholdPanel, ScreenPopMessage } from '../api-callcenter'

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '3', username: 'agent01', realName: '李坐席', jobNumber: '1001', orgId: '2', orgName: '客服中心',
    subsidiaryId: null, dataScope: 'ALL', roles: ['AGENT'], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  } satisfies Profile
}

const PANEL = {
  household: { id: '11', householdCode: 'HH-501', unitId: '6', nodePath: '/1/6/', address: '幸福家园 3号楼 1单元 501',
    roomNo: '501', area: 88.5, heatingStatus: 'HEATING', arrears: 0, customerId: '21', ownerName: '张三', subsidiaryId: '3',
    orgPath: '/1/3/' },
  meterNo: null, valveNo: null, tags: null, remark: null, dataSource: 'BILLING', billingUpdatedAt: null,
  customer: { id: '21', customerCode: 'C-1', name: '张三', customerType: 'RESIDENT', idNumber: null, contactPref: 'PHONE',
    contactTime: null, noDisturb: false, phones: [
      { id: '31', phone: '13800138000', phoneKind: 'MOBILE', primary: true, dataSource: 'BILLING' },
      { id: '32', phone: '139****9000', phoneKind: 'MOBILE', primary: false, dataSource: 'BILLING' },
    ] },
  path: [], stationId: null, recentTickets: [], unitOpenTickets: [], ticketsAvailable: true, payments: [], temperatures: [],
  blacklist: [],
} as unknown as PopHouseholdPanel

const POP: ScreenPopMessage = {
  callId: '900', linkedid: '1700000000.1', gatewayId: '1', queue: 'repair', did: '96000', callerNumber: '13800138000',
  numberMasked: false, unknownNumber: false, blacklisted: false,
  panel: { phone: '13800138000', households: [PANEL.household], panel: PANEL, blacklist: [] },
  agentJobNo: '1001', ringingAt: '2026-11-21T10:00:00',
}

let pinia: Pinia
beforeEach(() => {
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
})
afterEach(() => {
  document.body.innerHTML = ''
})

const opts = () => ({ global: { plugins: [pinia, ElementPlus, createRouter({ history: createMemoryHistory(),
  routes: [{ path: '/', component: { template: '<div/>' } }] })], directives: { perm: vPerm } }, attachTo: document.body })
const all = (testid: string) => [...document.querySelectorAll<HTMLButtonElement>(`[data-testid="${testid}"]`)]

describe('ScreenPopPanel 外呼', () => {
  it('offers to dial an unmasked household phone with the household, with the outbound permission only', async () => {
    signIn(['callcenter:workbench', 'callcenter:outbound'])
    fakeServer(() => ok(null))
    const w = mount(ScreenPopPanel, { ...opts(), props: { pop: POP } })
    await flushPromises()
    const buttons = all('screenpop-dial')
    expect(buttons).toHaveLength(2)
    expect(buttons[1].disabled).toBe(true) // masked: cannot be dialled
    buttons[0].click()
    await flushPromises()
    expect(w.emitted('dial')).toEqual([['13800138000', '11']])
    w.unmount()

    signIn(['callcenter:workbench'])
    const w2 = mount(ScreenPopPanel, { ...opts(), props: { pop: POP } })
    await flushPromises()
    expect(all('screenpop-dial')).toHaveLength(0)
    w2.unmount()
  })
})
