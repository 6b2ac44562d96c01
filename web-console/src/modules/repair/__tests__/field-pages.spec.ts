import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import RejectedOpsPage from '../mobile/RejectedOpsPage.vue'
import DevicesPage from '../mobile/DevicesPage.vue'
import CheckInsPage from '../mobile/CheckInsPage.vue'

function lead(): Profile {
  return {
    userId: '9', username: 'lead01', realName: '赵站长', jobNumber: 'W0101', orgId: '501', orgName: '第一维修站',
    subsidiaryId: '2', dataScope: 'ORG_AND_CHILDREN', roles: ['STATION_LEAD'],
    permissions: ['repair:pool', 'repair:device', 'repair:checkin', 'repair:sync:review'], menus: [], lastLoginAt: null,
    lastLoginIp: null,
  }
}

let pinia: Pinia
beforeEach(() => {
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().profile = lead()
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

/** ReasonDialog resolves on el-dialog's `closed` (end of the animation, which jsdom does not run) */
async function dialogClosed(w: VueWrapper) {
  for (const d of w.findAllComponents({ name: 'ElDialog' })) {
    if ((d.props('title') as string)?.length && !(d.props('modelValue') as boolean)) d.vm.$emit('closed')
  }
  await settle()
}

const workers = ok({ records: [{ userId: '31', realName: '周师傅', username: 'worker02', jobNumber: 'W0103' }], total: 1, page: 1, size: 1000 })

const OP = {
  id: '71', opId: 'f0e1d2c3-0000-4000-8000-000000000001', userId: '31', userName: '周师傅', deviceId: 'phone-abc12345',
  seq: 3, opType: 'FILL_BACK', ticketId: '88', ticketNo: 'SUB01-20261122-00001',
  payloadJson: '{"handlingResult":"更换阀门","durationMinutes":45}', status: 'REJECTED', reasonCode: 'TICKET_REASSIGNED',
  message: '工单已改派给 王师傅', clientTime: '2026-11-22T08:15:00', serverTime: '2026-11-22T09:01:00',
  reviewedBy: null, reviewedByName: null, reviewedAt: null, reviewNote: null,
}

describe('RejectedOpsPage', () => {
  it('lists unresolved refusals, shows the kept command and resolves it with a note', async () => {
    let resolved = false
    const seen = fakeServer((c) => {
      if (c.url === '/api/repair/workers') return workers
      if (c.url === '/api/repair/sync/rejected') {
        return ok({ records: [resolved ? { ...OP, reviewedAt: '2026-11-22T10:00:00', reviewedByName: '赵站长', reviewNote: '已电话核实' } : OP],
          total: 1, page: 1, size: 20 })
      }
      if (c.method === 'post' && c.url === `/api/repair/sync/rejected/${OP.opId}/resolve`) {
        resolved = true
        return ok({ ...OP, reviewedAt: '2026-11-22T10:00:00', reviewedByName: '赵站长', reviewNote: JSON.parse(c.data).note })
      }
      return { status: 404, data: { code: 'NOT_FOUND', msg: '不存在' } }
    })
    const w = mount(RejectedOpsPage, mountOpts())
    await settle()
    // unresolved first (the lead's to-do list)
    expect(seen.find((c) => c.url === '/api/repair/sync/rejected')!.params).toMatchObject({ resolved: false, page: 1 })
    expect(q('rejected-type')!.textContent).toBe('回填处理结果')
    expect(q('rejected-code')!.textContent!.trim()).toBe('工单已改派给他人')
    expect(q('rejected-message')!.textContent).toBe('工单已改派给 王师傅')

    q('rejected-detail')!.click()
    await settle()
    const drawer = q('rejected-detail-drawer')!
    expect(drawer.textContent).toContain('处理结果')
    expect(drawer.textContent).toContain('更换阀门')
    expect(drawer.textContent).toContain('处理时长（分钟）')
    expect(q('detail-client-time')!.textContent).toBe('2026-11-22 08:15:00')
    expect(q('detail-device')!.textContent).toBe('phone-abc12345')

    q('detail-resolve')!.click()
    await settle()
    q('reason-confirm')!.click()
    await settle()
    expect(q('reason-dialog')!.textContent).toContain('请填写处理说明')
    expect(seen.some((c) => c.method === 'post')).toBe(false)
    type('reason-input', '已电话核实')
    q('reason-confirm')!.click()
    await settle()
    const post = seen.find((c) => c.method === 'post')!
    expect(JSON.parse(post.data)).toEqual({ note: '已电话核实' })
    await dialogClosed(w)
    expect(q('detail-review')!.textContent).toContain('已电话核实')
    expect(qa('rejected-resolved')).toHaveLength(1)
    w.unmount()
  })

  it('sends the day range as from / to and the chosen reason code', async () => {
    const seen = fakeServer((c) => (c.url === '/api/repair/workers' ? workers : ok({ records: [], total: 0, page: 1, size: 20 })))
    const w = mount(RejectedOpsPage, mountOpts())
    await settle()
    const vm = w.findComponent({ name: 'ElDatePicker' })
    vm.vm.$emit('update:modelValue', ['2026-11-01', '2026-11-22'])
    await settle()
    q('table-search')!.click()
    await settle()
    const last = seen.filter((c) => c.url === '/api/repair/sync/rejected').at(-1)!
    expect(last.params).toMatchObject({ from: '2026-11-01T00:00:00', to: '2026-11-23T00:00:00', resolved: false })
    w.unmount()
  })
})

describe('DevicesPage', () => {
  it('shows bound phones and unbinds with a mandatory reason', async () => {
    const seen = fakeServer((c) => {
      if (c.url === '/api/repair/workers') return workers
      if (c.url === '/api/repair/devices') {
        return ok({ records: [{ id: '1', userId: '31', userName: '周师傅', deviceId: 'phone-abc12345', deviceName: '测试手机',
          platform: 'Android 14', boundAt: '2026-11-20T08:00:00', lastSeenAt: null, lastSeq: 4, orgPath: '/1/', rowVersion: 0 }],
        total: 1, page: 1, size: 20 })
      }
      if (c.url === '/api/repair/devices/requests') return ok({ records: [], total: 2, page: 1, size: 1 })
      if (c.method === 'post') return ok(null)
      return { status: 404, data: { code: 'NOT_FOUND', msg: '不存在' } }
    })
    const w = mount(DevicesPage, mountOpts())
    await settle()
    expect(q('device-user')!.textContent).toBe('周师傅')
    expect(q('device-id')!.textContent).toBe('phone-abc12345')
    expect(q('device-pending-count')!.textContent).toContain('2')
    q('device-unbind')!.click()
    await settle()
    q('reason-confirm')!.click()
    await settle()
    expect(q('reason-dialog')!.textContent).toContain('请填写解绑原因')
    type('reason-input', '手机丢失')
    q('reason-confirm')!.click()
    await settle()
    const post = seen.find((c) => c.method === 'post')!
    expect(post.url).toBe('/api/repair/devices/31/unbind')
    expect(JSON.parse(post.data)).toEqual({ reason: '手机丢失' })
    w.unmount()
  })
})

describe('CheckInsPage', () => {
  it('shows the place with a map link and offers the export', async () => {
    fakeServer((c) => {
      if (c.url === '/api/repair/workers') return workers
      return ok({ records: [{ id: '5', userId: '31', userName: '周师傅', checkType: 'SITE', ticketId: '88',
        ticketNo: 'SUB01-20261122-00001', lat: 34.7466, lng: 113.6253, accuracy: 12, address: '幸福家园3号楼',
        clientTime: '2026-11-22T08:10:00', serverTime: '2026-11-22T09:01:00', opId: 'x', deviceId: 'phone-abc12345' }],
      total: 1, page: 1, size: 20 })
    })
    const w = mount(CheckInsPage, mountOpts())
    await settle()
    expect(q('checkin-type')!.textContent!.trim()).toBe('现场签到')
    expect(q('checkin-coord')!.textContent).toBe('34.746600, 113.625300')
    expect(q('checkin-map')!.getAttribute('href')).toContain('position=113.6253%2C34.7466')
    expect(q('table-export')).not.toBeNull()
    w.unmount()
  })
})
