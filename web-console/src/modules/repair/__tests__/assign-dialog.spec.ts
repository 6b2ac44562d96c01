import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import AssignDialog from '../dispatch/AssignDialog.vue'

const candidate = (userId: string, realName: string, score: number, assignable = true, extra: Record<string, unknown> = {}) => ({
  workerId: 'w' + userId, userId, realName, username: 'worker' + userId, jobNumber: 'W' + userId, workerType: 'REPAIR',
  workerTypeLabel: '维修员', skills: [{ code: 'PIPE', name: '管网维修' }], matchedSkills: score >= 40 ? ['管网维修'] : [],
  areas: [{ nodeId: '40', nodeType: 'COMMUNITY', nodeName: '城北热力/热电厂/1号站/幸福家园', nodePath: '/1/2/3/40/' }],
  matchedArea: '幸福家园', onDuty: assignable, openLoad: 3, maxLoad: 8, score,
  reasons: [score >= 40 ? '技能匹配：管网维修' : '无对口技能', '负责区域：幸福家园', '当前工单 3 张'],
  assignable, blockedReason: assignable ? null : '不在岗', ...extra,
})

const row = { id: '7001', ticketNo: 'SUB01-20261121-00001', rowVersion: 4, ticketType: 'REPAIR', ticketTypeLabel: '报修',
  address: '幸福家园1号楼1单元101', workerId: '101', workerName: '孙师傅' }

beforeEach(() => {
  sessionStorage.clear()
  setActivePinia(createPinia())
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('AssignDialog', () => {
  it('lists the suggestions, pre-selects the best assignable one and reassigns with the reason', async () => {
    const posted: unknown[] = []
    fakeServer((c) => {
      if (c.method === 'get' && c.url === '/api/repair/tickets/7001/candidates') {
        return ok({ ticketId: '7001', ticketNo: row.ticketNo, ticketType: 'REPAIR', ticketTypeLabel: '报修',
          stationOrgId: '501', stationName: '第一维修站', currentWorkerId: '101', householdPath: '/1/2/3/40/50/60/',
          candidates: [candidate('102', '周师傅', 93), candidate('103', '吴师傅', 60),
            candidate('101', '孙师傅', 95, false, { blockedReason: '当前处理人' })] })
      }
      if (c.method === 'post' && c.url === '/api/repair/tickets/7001/actions') {
        posted.push(JSON.parse(c.data as string))
        return ok({ ticket: { ...row, workerId: '102', workerName: '周师傅', rowVersion: 5 } })
      }
      return { status: 404, data: { code: 'NOT_FOUND', msg: '不存在' } }
    })
    const w = mount(AssignDialog, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    const done = (w.vm as unknown as { open: (r: typeof row, a: string) => Promise<unknown> }).open(row, 'REASSIGN')
    await flushPromises()

    const cards = document.querySelectorAll('[data-testid="assign-candidate"]')
    expect([...cards].map((c) => c.getAttribute('data-user-id'))).toEqual(['102', '103', '101'])
    expect([...cards].map((c) => c.getAttribute('data-assignable'))).toEqual(['1', '1', '0'])
    expect(document.body.textContent).toContain('技能匹配：管网维修 · 负责区域：幸福家园 · 当前工单 3 张')

    // the reason is mandatory for a reassignment
    ;(document.querySelector('[data-testid="assign-confirm"]') as HTMLElement).click()
    await flushPromises()
    expect(posted).toHaveLength(0)

    const reason = document.querySelector('textarea[data-testid="assign-reason"]') as HTMLTextAreaElement
    reason.value = '孙师傅外出抢修'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    ;(document.querySelector('[data-testid="assign-confirm"]') as HTMLElement).click()
    await flushPromises()
    expect(posted).toEqual([{ action: 'REASSIGN', expectedVersion: 4, workerId: '102', reason: '孙师傅外出抢修', note: null }])
    expect(await done).toMatchObject({ ticket: { workerId: '102' } })
    w.unmount()
  })

  it('closes with the server\u2019s message when another lead was first', async () => {
    fakeServer((c) => {
      if (c.method === 'get') {
        return ok({ ticketId: '7001', ticketNo: row.ticketNo, ticketType: 'REPAIR', ticketTypeLabel: '报修',
          stationOrgId: '501', stationName: '第一维修站', currentWorkerId: null, householdPath: null,
          candidates: [candidate('102', '周师傅', 70)] })
      }
      return { status: 409, data: { code: 'CONFLICT', msg: '工单已被他人修改（当前为第 5 版），请刷新后重试' } }
    })
    const w = mount(AssignDialog, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    const done = (w.vm as unknown as { open: (r: typeof row, a: string) => Promise<unknown> }).open(
      { ...row, workerId: null, workerName: null } as unknown as typeof row, 'ASSIGN')
    await flushPromises()
    ;(document.querySelector('[data-testid="assign-confirm"]') as HTMLElement).click()
    await flushPromises()
    expect(document.body.textContent).toContain('工单已被他人修改')
    expect(await done).toBeNull()
    w.unmount()
  })
})
