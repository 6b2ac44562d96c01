import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import HouseholdPanelDrawer from '../household/HouseholdPanelDrawer.vue'
import HouseholdFormDialog from '../household/HouseholdFormDialog.vue'
import type { CallerPanel, HouseholdPanel, HouseholdView } from '../api-household'

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '1', username: 'agent01', realName: '李坐席', jobNumber: null, orgId: '2', orgName: '客服中心',
    subsidiaryId: null, dataScope: 'ALL', roles: ['AGENT'], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  } satisfies Profile
}

const PANEL: HouseholdPanel = {
  household: {
    id: '11', householdCode: 'HH-501', unitId: '6', nodePath: '/1/2/3/4/5/6/', address: '幸福家园 3号楼 1单元 501',
    roomNo: '501', area: 88.5, heatingStatus: 'SUSPENDED', arrears: 320.5, customerId: '21', ownerName: '张三',
    subsidiaryId: '3', orgPath: '/1/3/',
  },
  heatingStatusLabel: '报停', meterNo: 'M-1', valveNo: null, tags: '独居老人', remark: null, dataSource: 'BILLING',
  billingUpdatedAt: null,
  customer: {
    id: '21', customerCode: 'C-1', name: '张三', customerType: 'RESIDENT', idNumber: '1101**********1234',
    contactPref: 'PHONE', contactTime: '晚上', noDisturb: true,
    phones: [{ id: '31', phone: '138****5678', phoneKind: 'MOBILE', primary: true, dataSource: 'BILLING' },
      { id: '32', phone: '139****0000', phoneKind: 'MOBILE', primary: false, dataSource: 'MANUAL' }],
  },
  path: [
    { id: '1', nodeType: 'COMPANY', nodeCode: 'CO', nodeName: '城北热力' },
    { id: '4', nodeType: 'COMMUNITY', nodeCode: 'CM', nodeName: '幸福家园' },
    { id: '6', nodeType: 'UNIT', nodeCode: 'U1', nodeName: '1单元' },
  ],
  stationId: '99', stationName: '城北第一维修站', recentTickets: [], unitOpenTickets: [], ticketsAvailable: false,
  payments: [{ id: '41', payKind: 'REFUND', amount: 100, paidAt: '2026-01-02T10:00:00', season: '2025-2026',
    channel: 'WECHAT', dataSource: 'BILLING', receivedAt: '' }],
  temperatures: [],
  blacklist: [{ id: '51', phone: '139****0000', reason: '恶意投诉', expiresAt: null, createdAt: '', createdByName: '李坐席' }],
  blacklisted: true,
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

const mountOpts = () => ({ global: { plugins: [pinia, ElementPlus], directives: { perm: vPerm } }, attachTo: document.body })
const q = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)
const qa = (testid: string) => Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`))

describe('HouseholdPanelDrawer', () => {
  it('shows the household, masked phones, path, blacklist badge, and says tickets are not available yet', async () => {
    signIn(['baseinfo:panel', 'baseinfo:phone:bind'])
    const seen = fakeServer(() => ok(PANEL))
    const w = mount(HouseholdPanelDrawer, mountOpts())
    await (w.vm as unknown as { open: (id: string) => Promise<void> }).open('11')
    await flushPromises()
    expect(seen[0].url).toBe('/api/baseinfo/panel/households/11')
    expect(q('panel-household-code')?.textContent).toBe('HH-501')
    expect(q('panel-heating-status')?.textContent?.trim()).toBe('报停')
    expect(q('panel-arrears-tag')?.textContent).toContain('320.50')
    expect(q('panel-blacklist-badge')).not.toBeNull()
    expect(qa('panel-phone').map((e) => e.textContent?.trim())).toEqual(['138****5678（主）', '139****0000'])
    expect(q('panel-customer-idnumber')?.textContent).toBe('1101**********1234')
    expect(q('panel-path-COMPANY')?.textContent).toBe('城北热力')
    expect(q('panel-path-UNIT')?.textContent).toBe('1单元')
    expect(q('panel-tickets-unavailable')?.textContent).toContain('工单模块尚未启用')
    expect(q('panel-blacklist')?.textContent).toContain('恶意投诉')
    expect(q('panel-bind-phone')).not.toBeNull()
    w.unmount()
  })

  it('caller mode: lists every household of the number and switches between them', async () => {
    signIn(['baseinfo:panel'])
    const caller: CallerPanel = {
      phone: '138****5678', panel: PANEL, blacklist: [], blacklisted: false,
      households: [PANEL.household, { ...PANEL.household, id: '12', householdCode: 'HH-502', address: '幸福家园 3号楼 1单元 502' }],
    }
    const seen = fakeServer((c) => ok(c.url === '/api/baseinfo/panel/by-phone'
      ? caller : { ...PANEL, household: { ...PANEL.household, id: '12', householdCode: 'HH-502' } }))
    const w = mount(HouseholdPanelDrawer, mountOpts())
    await (w.vm as unknown as { openCaller: (p: string) => Promise<void> }).openCaller(' 13812345678 ')
    await flushPromises()
    expect(seen[0].params).toEqual({ phone: '13812345678' })
    expect(q('panel-caller-phone')?.textContent).toBe('138****5678')
    expect(q('panel-household-switch')).not.toBeNull()
    expect(q('panel-bind-phone')).toBeNull()
    w.unmount()
  })

  it('caller mode without a household says so', async () => {
    signIn(['baseinfo:panel'])
    fakeServer(() => ok({ phone: '138****5678', households: [], panel: null, blacklisted: true,
      blacklist: [{ id: '5', phone: '138****5678', reason: '骚扰', expiresAt: null, createdAt: '', createdByName: 'x' }] }))
    const w = mount(HouseholdPanelDrawer, mountOpts())
    await (w.vm as unknown as { openCaller: (p: string) => Promise<void> }).openCaller('13812345678')
    await flushPromises()
    expect(q('panel-caller-empty')).not.toBeNull()
    expect(q('panel-caller-blacklisted')).not.toBeNull()
    expect(q('panel-caller-blacklist')?.textContent).toContain('骚扰')
    w.unmount()
  })
})

const BILLING_HOUSEHOLD: HouseholdView = {
  id: '11', householdCode: 'HH-501', unitId: '6', nodePath: '/1/6/', address: '幸福家园 3号楼 1单元 501', floorNo: '5',
  roomNo: '501', area: 88.5, heatingStatus: 'HEATING', heatingStatusLabel: '供热', arrears: 0, customerId: null,
  customerCode: null, ownerName: '张三', meterNo: null, valveNo: null, tags: null, remark: null, enabled: true,
  dataSource: 'BILLING', billingUpdatedAt: null, subsidiaryId: '3', orgPath: '/1/3/', rowVersion: 2, createdAt: '',
  updatedAt: '',
  billingOwnedFields: ['householdCode', 'unitId', 'floorNo', 'roomNo', 'area', 'heatingStatus', 'arrears', 'ownerName',
    'meterNo', 'valveNo'],
}

describe('HouseholdFormDialog', () => {
  it('a billing household: billing fields disabled, only tags and remark sent', async () => {
    signIn(['baseinfo:household', 'baseinfo:household:edit'])
    const seen = fakeServer((c) => (c.method === 'put' ? ok({ ...BILLING_HOUSEHOLD, tags: '重点' }) : ok([])))
    const w = mount(HouseholdFormDialog, { ...mountOpts(), props: { statuses: [{ code: 'HEATING', label: '供热' }] } })
    ;(w.vm as unknown as { openEdit: (h: HouseholdView) => void }).openEdit(BILLING_HOUSEHOLD)
    await flushPromises()
    expect(q('household-form-billing-tip')).not.toBeNull()
    for (const id of ['household-form-room', 'household-form-floor', 'household-form-owner', 'household-form-meter']) {
      expect(document.querySelector<HTMLInputElement>(`input[data-testid="${id}"]`)?.disabled, id).toBe(true)
    }
    expect(document.querySelector<HTMLInputElement>('input[data-testid="household-form-tags"]')?.disabled).toBe(false)
    const tags = document.querySelector<HTMLInputElement>('input[data-testid="household-form-tags"]')!
    tags.value = '重点'
    tags.dispatchEvent(new Event('input'))
    await flushPromises()
    q('household-form-confirm')!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 20))
    await flushPromises()
    const put = seen.find((c) => c.method === 'put')!
    expect(put.url).toBe('/api/baseinfo/households/11')
    expect(JSON.parse(String(put.data))).toEqual({ tags: '重点', remark: '', rowVersion: 2 })
    expect(w.emitted('saved')).toHaveLength(1)
    w.unmount()
  })

  it('a refusal naming a field shows under that field', async () => {
    signIn(['baseinfo:household', 'baseinfo:household:edit'])
    fakeServer((c) => (c.method === 'put'
      ? { status: 400, data: { code: 'VALIDATION', msg: '该字段由经营计费系统维护，请在计费系统修改', field: 'tags' } }
      : ok([])))
    const w = mount(HouseholdFormDialog, { ...mountOpts(), props: { statuses: [] } })
    ;(w.vm as unknown as { openEdit: (h: HouseholdView) => void }).openEdit(BILLING_HOUSEHOLD)
    await flushPromises()
    q('household-form-confirm')!.click()
    for (let i = 0; i < 5; i++) {
      await flushPromises()
      await new Promise((r) => setTimeout(r, 20))
    }
    expect(document.querySelector('[data-testid="household-form-dialog"] .el-form-item__error')?.textContent)
      .toContain('该字段由经营计费系统维护，请在计费系统修改')
    expect(w.emitted('saved')).toBeUndefined()
    w.unmount()
  })
})
