import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import AuditPage, { auditParams, describeVerify, prettyDetail, resultLabel } from '../AuditPage.vue'

describe('verification result', () => {
  it('intact chain: green sentence with the number of rows', () => {
    expect(describeVerify({ ok: true, checkedRows: 1234, firstBrokenSeq: null, firstBrokenId: null, reason: null, problem: null }))
      .toEqual({ ok: true, title: '审计链完整，共校验 1234 条', lines: [] })
  })

  it('broken chain: first broken seq and id, the server reason and the kind of problem', () => {
    const v = describeVerify({
      ok: false, checkedRows: 41, firstBrokenSeq: '42', firstBrokenId: '9007199254740993',
      reason: '第 42 条记录的内容与其哈希不一致（记录被修改）', problem: 'MODIFIED',
    })
    expect(v.ok).toBe(false)
    expect(v.title).toBe('审计链校验未通过：首个异常位于序号 42，记录号 9007199254740993')
    expect(v.lines[0]).toBe('原因：第 42 条记录的内容与其哈希不一致（记录被修改）')
    expect(v.lines[1]).toBe('问题类型：记录被篡改')
    expect(v.lines[2]).toContain('已校验 41 条')
  })

  it('a deleted row has a seq but no id; a head mismatch may have neither', () => {
    expect(describeVerify({ ok: false, checkedRows: 3, firstBrokenSeq: 4, firstBrokenId: null, reason: 'r', problem: 'MISSING' }).title)
      .toBe('审计链校验未通过：首个异常位于序号 4')
    expect(describeVerify({ ok: false, checkedRows: 0, firstBrokenSeq: null, firstBrokenId: null, reason: null, problem: 'HEAD_MISMATCH' }))
      .toMatchObject({ title: '审计链校验未通过：链头异常', lines: ['原因：链头与最后一条记录不一致', '问题类型：链头与最后一条记录不一致', expect.any(String)] })
  })
})

describe('helpers', () => {
  it('filters → params', () => {
    expect(auditParams({ username: ' admin ', action: '', result: 'FAILURE', range: ['2026-01-01 00:00:00', '2026-01-02 23:59:59'] }))
      .toEqual({ username: 'admin', action: undefined, result: 'FAILURE', from: '2026-01-01 00:00:00', to: '2026-01-02 23:59:59' })
  })

  it('labels and details', () => {
    expect(resultLabel('SUCCESS')).toBe('成功')
    expect(resultLabel('FAILURE')).toBe('失败')
    expect(prettyDetail('{"a":1}')).toBe('{\n  "a": 1\n}')
    expect(prettyDetail('条件：用户名=admin')).toBe('条件：用户名=admin')
    expect(prettyDetail(null)).toBe('—')
  })
})

// ---- the page against a fake server ----------------------------------------------------------------------------
let pinia: Pinia
beforeEach(() => {
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().profile = {
    userId: '1', username: 'auditor', realName: '审计员', jobNumber: null, orgId: '2', orgName: '供热集团',
    subsidiaryId: null, dataScope: 'ALL', roles: ['AUDITOR'], permissions: ['audit', 'audit:view', 'audit:verify', 'audit:export'],
    menus: [], lastLoginAt: null, lastLoginIp: null,
  } satisfies Profile
})
afterEach(() => {
  document.body.innerHTML = ''
})

const PAGE = ok({
  records: [{
    id: '77', seq: 3, occurredAt: '2026-11-21T10:00:00', userId: '1', username: 'admin', clientIp: '127.0.0.1',
    action: '登录', target: 'POST /api/auth/login', detail: null, result: 'SUCCESS', httpStatus: 200,
    subsidiaryId: null, orgPath: '/1/', prevHash: 'a'.repeat(64), rowHash: 'b'.repeat(64),
  }],
  total: 1, page: 1, size: 20,
})

async function mountWith(verify: unknown) {
  const seen = fakeServer((c) => (c.url === '/api/audit/verify' ? ok(verify) : PAGE))
  const w = mount(AuditPage, { global: { plugins: [pinia, ElementPlus], directives: { perm: vPerm } }, attachTo: document.body })
  await flushPromises()
  return { w, seen }
}

describe('AuditPage', () => {
  it('lists newest first with the filters and shows an intact chain in green', async () => {
    const { w, seen } = await mountWith({ ok: true, checkedRows: 3, firstBrokenSeq: null, firstBrokenId: null, reason: null, problem: null })
    expect(seen[0].url).toBe('/api/audit/logs')
    expect(seen[0].params).toMatchObject({ page: 1, size: 20 })
    expect(w.findAll('[data-testid="table-row"]')).toHaveLength(1)
    await w.find('[data-testid="audit-verify"]').trigger('click')
    await flushPromises()
    const ok = w.find('[data-testid="audit-verify-ok"]')
    expect(ok.exists()).toBe(true)
    expect(w.find('.el-alert--success').exists()).toBe(true)
    expect(w.find('[data-testid="audit-verify-result"]').text()).toBe('审计链完整，共校验 3 条')
    w.unmount()
  })

  it('shows a broken chain in red with the first broken row', async () => {
    const { w } = await mountWith({ ok: false, checkedRows: 2, firstBrokenSeq: '3', firstBrokenId: '77', reason: '记录被修改', problem: 'MODIFIED' })
    await w.find('[data-testid="audit-verify"]').trigger('click')
    await flushPromises()
    const bad = w.find('[data-testid="audit-verify-broken"]')
    expect(bad.exists()).toBe(true)
    expect(w.find('.el-alert--error').exists()).toBe(true)
    expect(bad.text()).toContain('序号 3')
    expect(bad.text()).toContain('记录号 77')
    expect(bad.text()).toContain('原因：记录被修改')
    w.unmount()
  })

  it('hides the verify and export buttons without audit:verify and audit:export', async () => {
    useAuthStore().profile!.permissions = ['audit:view']
    const { w } = await mountWith({})
    expect(w.find('[data-testid="audit-verify"]').exists()).toBe(false)
    expect(w.find('[data-testid="table-export"]').exists()).toBe(false)
    w.unmount()
  })
})
