import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import CustomerDetailDrawer from '../customer/CustomerDetailDrawer.vue'
import BlacklistPage from '../blacklist/BlacklistPage.vue'
import BlacklistAddDialog from '../blacklist/BlacklistAddDialog.vue'
import type { BlacklistEntry, CustomerDetail } from '../api-household'

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '1', username: 'agent01', realName: '李坐席', jobNumber: null, orgId: '2', orgName: '客服中心',
    subsidiaryId: null, dataScope: 'ALL', roles: ['AGENT'], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  } satisfies Profile
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

async function settle() {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 20))
  }
}

function type(testid: string, value: string) {
  const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-testid="${testid}"]`)!
  el.value = value
  el.dispatchEvent(new Event('input'))
}

/**
 * ReasonDialog resolves when its el-dialog emits `closed` at the end of the closing animation; jsdom runs no CSS
 * transitions, so the test plays that event for the dialog that holds the reason form.
 */
async function dialogClosed(w: VueWrapper) {
  for (const d of w.findAllComponents({ name: 'ElDialog' })) {
    if ((d.props('title') as string)?.length && !(d.props('modelValue') as boolean)) d.vm.$emit('closed')
  }
  await settle()
}

const DETAIL: CustomerDetail = {
  customer: {
    id: '21', customerCode: 'C-1', customerName: '张三', namePy: 'zs', customerType: 'RESIDENT', idNumber: null,
    contactPref: 'PHONE', contactTime: null, noDisturb: false, remark: null, dataSource: 'BILLING', subsidiaryId: '3',
    orgPath: '/1/3/', rowVersion: 0, createdAt: '', updatedAt: '', billingOwnedFields: ['customerName', 'idNumber'],
    phones: [
      { id: '31', phone: '138****5678', phoneKind: 'MOBILE', primary: true, dataSource: 'BILLING', remark: null, createdAt: '' },
      { id: '32', phone: '139****0000', phoneKind: 'MOBILE', primary: false, dataSource: 'MANUAL', remark: '儿子', createdAt: '' },
    ],
  },
  households: [],
}

describe('CustomerDetailDrawer', () => {
  it('unbinding asks for a reason, warns about billing numbers and sends the reason', async () => {
    signIn(['baseinfo:customer', 'baseinfo:phone:bind'])
    const seen = fakeServer((c) => (c.method === 'delete'
      ? ok({ ...DETAIL.customer, phones: [DETAIL.customer.phones[1]] })
      : ok(DETAIL)))
    const w = mount(CustomerDetailDrawer, mountOpts())
    await (w.vm as unknown as { open: (id: string) => Promise<void> }).open('21')
    await settle()
    expect(qa('customer-phone-number').map((e) => e.textContent)).toEqual(['138****5678', '139****0000'])
    // the primary number has no 设为主号码 button
    expect(qa('customer-phone-primary')).toHaveLength(1)
    qa('customer-phone-unbind')[0].click()
    await settle()
    expect(q('reason-dialog')?.textContent).toContain('来自经营计费系统')
    q('reason-confirm')!.click()
    await settle()
    expect(q('reason-dialog')?.textContent).toContain('请填写解绑原因')
    expect(seen.some((c) => c.method === 'delete')).toBe(false)
    type('reason-input', '号码已停用')
    q('reason-confirm')!.click()
    await settle()
    const del = seen.find((c) => c.method === 'delete')!
    expect(del.url).toBe('/api/baseinfo/customers/21/phones/31')
    expect(del.params).toEqual({ reason: '号码已停用' })
    await dialogClosed(w)
    expect(qa('customer-phone-number').map((e) => e.textContent)).toEqual(['139****0000'])
    w.unmount()
  })

  it('without phone:bind there is no bind or unbind', async () => {
    signIn(['baseinfo:customer'])
    fakeServer(() => ok(DETAIL))
    const w = mount(CustomerDetailDrawer, mountOpts())
    await (w.vm as unknown as { open: (id: string) => Promise<void> }).open('21')
    await settle()
    expect(q('customer-phone-bind')).toBeNull()
    expect(q('customer-phone-unbind')).toBeNull()
    w.unmount()
  })
})

function entry(id: string, status: BlacklistEntry['status'], removable: boolean): BlacklistEntry {
  return {
    id, phone: '138****5678', reason: '骚扰', expiresAt: null, status, createdBy: '1', createdByName: '李坐席',
    createdAt: '2026-01-01T10:00:00', removedBy: null, removedByName: null, removedAt: null, removeReason: null,
    subsidiaryId: '0', orgPath: '/1/', rowVersion: 3, removable,
  }
}

describe('BlacklistPage', () => {
  it('lists active entries first; removable ones can be removed with a reason', async () => {
    signIn(['baseinfo:blacklist', 'baseinfo:blacklist:edit'])
    const seen = fakeServer((c) => (c.method === 'post'
      ? ok({ ...entry('1', 'REMOVED', false) })
      : ok({ records: [entry('1', 'ACTIVE', true), entry('2', 'EXPIRED', false)], total: 2, page: 1, size: 20 })))
    const w = mount(BlacklistPage, mountOpts())
    await settle()
    expect(seen[0].url).toBe('/api/baseinfo/blacklist')
    expect(seen[0].params).toMatchObject({ status: 'ACTIVE', page: 1, size: 20 })
    expect(qa('blacklist-cell-status').map((e) => e.textContent?.trim())).toEqual(['生效中', '已过期'])
    expect(qa('blacklist-remove')).toHaveLength(1)
    qa('blacklist-remove')[0].click()
    await settle()
    type('reason-input', '用户致歉')
    q('reason-confirm')!.click()
    await settle()
    const post = seen.find((c) => c.method === 'post')!
    expect(post.url).toBe('/api/baseinfo/blacklist/1/remove')
    expect(JSON.parse(String(post.data))).toEqual({ reason: '用户致歉', rowVersion: 3 })
    await dialogClosed(w)
    // reloaded after the removal
    expect(seen.filter((c) => c.method === 'get')).toHaveLength(2)
    w.unmount()
  })

  it('read-only users see no add or remove', async () => {
    signIn(['baseinfo:blacklist'])
    fakeServer(() => ok({ records: [entry('1', 'ACTIVE', true)], total: 1, page: 1, size: 20 }))
    const w = mount(BlacklistPage, mountOpts())
    await settle()
    expect(q('blacklist-add')).toBeNull()
    expect(q('blacklist-remove')).toBeNull()
    w.unmount()
  })
})

describe('BlacklistAddDialog', () => {
  it('checks the number and reason in the browser, then sends a permanent entry', async () => {
    signIn(['baseinfo:blacklist', 'baseinfo:blacklist:edit'])
    const seen = fakeServer(() => ok(entry('9', 'ACTIVE', true)))
    const w = mount(BlacklistAddDialog, mountOpts())
    ;(w.vm as unknown as { open: () => void }).open()
    await settle()
    type('blacklist-add-phone', '12ab')
    q('blacklist-add-confirm')!.click()
    await settle()
    const text = q('blacklist-add-dialog')!.textContent
    expect(text).toContain('电话号码格式不正确：12ab')
    expect(text).toContain('请填写加入黑名单的原因')
    expect(seen).toHaveLength(0)
    type('blacklist-add-phone', '138 1234 5678')
    type('blacklist-add-reason', '多次恶意骚扰')
    q('blacklist-add-confirm')!.click()
    await settle()
    expect(seen).toHaveLength(1)
    expect(JSON.parse(String(seen[0].data))).toEqual({ phone: '138 1234 5678', reason: '多次恶意骚扰', expiresAt: null })
    expect(w.emitted('added')).toHaveLength(1)
    w.unmount()
  })
})
