import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import routes from '../routes-sync'
import {
  badgeCount, badgeTitle, cursorState, cursorText, describeCron, failureStatus, lastRun, retryAllMessage, retryAllParams,
  runFinished, scheduleText, syncApi, type SyncCursorView, type SyncSourceView, type SyncStatusView,
} from '../api-sync'
import SyncPage from '../sync/SyncPage.vue'

const cursor = (over: Partial<SyncCursorView> = {}): SyncCursorView => ({
  entity: 'HOUSEHOLD', entityName: '房屋', cursorTime: null, cursorKey: null, lastRunAt: null, lastOkAt: null,
  lastStatus: null, lastMessage: null, pulledTotal: 0, ...over,
})

const source = (over: Partial<SyncSourceView> = {}): SyncSourceView => ({
  source: 'BILLING', name: '经营计费系统', configured: true, enabled: true, baseUrl: 'http://billing/api', signing: true,
  cron: '0 */5 * * * *', pageSize: 500, cursors: [cursor()], ...over,
})

describe('route', () => {
  it('is the menu path with the menu permission', () => {
    expect(routes).toHaveLength(1)
    expect(routes[0].path).toBe('/baseinfo/sync')
    expect(routes[0].name).toBe('baseinfo-sync')
    expect(routes[0].meta).toMatchObject({ title: '系统同步', perm: 'baseinfo:sync' })
  })
})

describe('labels', () => {
  it('cursor state depends on configuration', () => {
    expect(cursorState(cursor(), false)).toEqual({ label: '未配置', tag: 'info' })
    expect(cursorState(cursor(), true)).toEqual({ label: '尚未同步', tag: 'info' })
    expect(cursorState(cursor({ lastStatus: 'OK' }), true).label).toBe('正常')
    expect(cursorState(cursor({ lastStatus: 'FAILED' }), true)).toEqual({ label: '失败', tag: 'danger' })
    expect(cursorState(cursor({ lastStatus: 'RUNNING' }), true).label).toBe('同步中')
  })

  it('cursor position and schedule', () => {
    expect(cursorText(cursor())).toBe('从头开始')
    expect(cursorText(cursor({ cursorTime: '2026-01-05T10:00:03', cursorKey: 'SUB01:HH0003' })))
      .toBe('2026-01-05 10:00:03 · SUB01:HH0003')
    expect(describeCron('0 */5 * * * *')).toBe('每 5 分钟')
    expect(describeCron('0 0 */2 * * *')).toBe('每 2 小时')
    expect(describeCron('0 30 2 * * *')).toBe('cron 0 30 2 * * *')
    expect(scheduleText(source())).toBe('定时：每 5 分钟')
    expect(scheduleText(source({ enabled: false }))).toContain('暂停')
    expect(scheduleText(source({ configured: false, source: 'HEATNET' }))).toContain('heatdesk.integrations.heatnet.base-url')
  })

  it('failure statuses', () => {
    expect(failureStatus('PENDING')).toEqual({ label: '待重试', tag: 'warning' })
    expect(failureStatus('ABANDONED')).toEqual({ label: '已放弃', tag: 'danger' })
    expect(failureStatus('RESOLVED')).toEqual({ label: '已解决', tag: 'success' })
    expect(failureStatus('ODD').label).toBe('ODD')
  })

  it('badge counts unresolved records and failed pulls', () => {
    expect(badgeCount(null)).toBe(0)
    expect(badgeCount({ pendingFailures: 3, abandonedFailures: 1, failedCursors: 2 })).toBe(5)
    expect(badgeTitle({ pendingFailures: 0, abandonedFailures: 0, failedCursors: 0 })).toBe('数据同步正常')
    expect(badgeTitle({ pendingFailures: 3, abandonedFailures: 1, failedCursors: 2 }))
      .toBe('未解决的同步失败记录 3 条（其中已放弃 1 条），拉取失败 2 项')
  })

  it('retry-all message and parameters', () => {
    expect(retryAllMessage({ tried: 0, resolved: 0, failed: 0, more: false })).toBe('没有需要重试的记录')
    expect(retryAllMessage({ tried: 5, resolved: 3, failed: 2, more: true }))
      .toBe('已重试 5 条：成功 3 条，仍失败 2 条；还有更多未解决的记录，请再次点击“全部重试”')
    expect(retryAllParams({ status: 'OPEN', source: 'BILLING', entity: '', keyword: ' HH1 ' }))
      .toEqual({ source: 'BILLING', keyword: 'HH1' })
    expect(retryAllParams({ status: 'RESOLVED' })).toEqual({})
    expect(retryAllParams({ status: 'ABANDONED', channel: 'PUSH' })).toEqual({ status: 'ABANDONED', channel: 'PUSH' })
  })

  it('a manual run is followed until a newer run is over', () => {
    const before = lastRun(source({ cursors: [cursor({ lastRunAt: '2026-01-05T10:00:00' }), cursor({ lastRunAt: '2026-01-05T10:05:00' })] }))
    expect(before).toBe('2026-01-05T10:05:00')
    expect(runFinished(source({ cursors: [cursor({ lastRunAt: '2026-01-05T10:05:00', lastStatus: 'OK' })] }), before)).toBe(false)
    expect(runFinished(source({ cursors: [cursor({ lastRunAt: '2026-01-05T10:06:00', lastStatus: 'RUNNING' })] }), before)).toBe(false)
    expect(runFinished(source({ cursors: [cursor({ lastRunAt: '2026-01-05T10:06:00', lastStatus: 'FAILED' })] }), before)).toBe(true)
    expect(runFinished(source({ cursors: [cursor({ lastRunAt: '2026-01-05T10:06:00', lastStatus: 'OK' })] }), null)).toBe(true)
  })
})

describe('syncApi', () => {
  it('calls the documented endpoints', async () => {
    const seen = fakeServer(() => ok({}))
    await syncApi.status()
    await syncApi.run('HEATNET')
    await syncApi.retry('9007199254740993')
    await syncApi.retryAll({ status: 'OPEN', source: 'BILLING', entity: 'PAYMENT', keyword: 'P-1' })
    await syncApi.alerts()
    expect(seen.map((c) => `${c.method} ${c.url}`)).toEqual([
      'get /api/baseinfo/sync/status',
      'post /api/baseinfo/sync/run?source=HEATNET',
      'post /api/baseinfo/sync/failures/9007199254740993/retry',
      'post /api/baseinfo/sync/failures/retry-all?source=BILLING&entity=PAYMENT&keyword=P-1',
      'get /api/baseinfo/sync/alerts',
    ])
  })
})

// ---- the page against a fake server ----------------------------------------------------------------------------
let pinia: Pinia
const STATUS: SyncStatusView = {
  sources: [
    source({ cursors: [
      cursor({ lastStatus: 'OK', lastRunAt: '2026-01-05T10:05:00', lastOkAt: '2026-01-05T10:05:01', cursorTime: '2026-01-05T10:00:03',
        cursorKey: 'SUB01:HH0003', pulledTotal: 1234, lastMessage: '拉取3条' }),
      cursor({ entity: 'PAYMENT', entityName: '交退费', lastStatus: 'FAILED', lastRunAt: '2026-01-05T10:05:00',
        lastMessage: '经营计费系统返回错误 HTTP 500' }),
    ] }),
    source({ source: 'HEATNET', name: '智慧热网', configured: false, baseUrl: null, signing: false,
      cursors: [cursor({ entity: 'TEMPERATURE', entityName: '室温' })] }),
  ],
  alerts: { pendingFailures: 2, abandonedFailures: 0, failedCursors: 1 },
  maxAttempts: 10,
}
const FAILURES = ok({
  records: [{
    id: '9007199254740993', sourceSystem: 'BILLING', sourceName: '经营计费系统', entity: 'HOUSEHOLD', entityName: '房屋',
    channel: 'PULL', externalKey: 'SUB01/HH0099', reason: '单元编码“U9”在本分公司不存在（字段 unitCode）', attempts: 1,
    status: 'PENDING', nextRetryAt: '2026-01-05T10:06:00', lastTriedAt: '2026-01-05T10:05:00', resolvedAt: null,
    createdAt: '2026-01-05T10:05:00', subsidiaryId: '2', payload: '{\n  "householdCode" : "HH0099"\n}',
  }],
  total: 1, page: 1, size: 20,
})

function profile(permissions: string[]): Profile {
  return {
    userId: '1', username: 'sub01admin', realName: '分公司管理员', jobNumber: null, orgId: '2', orgName: '城北热力分公司',
    subsidiaryId: '2', dataScope: 'SUBSIDIARY', roles: ['SUBSIDIARY_ADMIN'], permissions, menus: [], lastLoginAt: null,
    lastLoginIp: null,
  }
}

beforeEach(() => {
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
})
afterEach(() => {
  document.body.innerHTML = ''
})

async function mountPage(permissions: string[]) {
  useAuthStore().profile = profile(permissions)
  const seen = fakeServer((c) => {
    if (c.url === '/api/baseinfo/sync/status') return ok(STATUS)
    if (c.url?.startsWith('/api/baseinfo/sync/failures/') && c.url.endsWith('/retry')) {
      return ok({ ...(FAILURES.data as { data: { records: object[] } }).data.records[0], status: 'RESOLVED', attempts: 2 })
    }
    return FAILURES
  })
  const w = mount(SyncPage, { global: { plugins: [pinia, ElementPlus], directives: { perm: vPerm } }, attachTo: document.body })
  await flushPromises()
  return { w, seen }
}

describe('SyncPage', () => {
  it('shows a card per source with its feeds, and the open failures', async () => {
    const { w, seen } = await mountPage(['baseinfo:sync', 'baseinfo:sync:run'])
    const billing = w.find('[data-testid="sync-source-BILLING"]')
    expect(billing.find('[data-testid="sync-source-configured"]').text()).toBe('已配置')
    const households = billing.find('[data-testid="sync-cursor-BILLING-HOUSEHOLD"]')
    expect(households.find('[data-testid="sync-cursor-status"]').text()).toBe('正常')
    expect(households.find('[data-testid="sync-cursor-position"]').text()).toBe('2026-01-05 10:00:03 · SUB01:HH0003')
    expect(households.find('[data-testid="sync-cursor-total"]').text()).toBe('1234 条')
    const payments = billing.find('[data-testid="sync-cursor-BILLING-PAYMENT"]')
    expect(payments.find('[data-testid="sync-cursor-status"]').text()).toBe('失败')
    expect(payments.find('[data-testid="sync-cursor-message"]').text()).toContain('HTTP 500')
    const heatnet = w.find('[data-testid="sync-source-HEATNET"]')
    expect(heatnet.find('[data-testid="sync-cursor-status"]').text()).toBe('未配置')
    expect(heatnet.find('[data-testid="sync-run-HEATNET"]').attributes('disabled')).toBeDefined()
    expect(billing.find('[data-testid="sync-run-BILLING"]').attributes('disabled')).toBeUndefined()

    const list = seen.find((c) => c.url === '/api/baseinfo/sync/failures')!
    expect(list.params).toMatchObject({ status: 'OPEN', page: 1, size: 20 })
    expect(w.find('[data-testid="sync-failure-key"]').text()).toBe('SUB01/HH0099')
    expect(w.find('[data-testid="sync-failure-status"]').text()).toBe('待重试')

    await w.find('[data-testid="sync-failure-payload"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-testid="sync-payload-content"]')!.textContent).toContain('HH0099')

    await w.find('[data-testid="sync-failure-retry"]').trigger('click')
    await flushPromises()
    expect(seen.some((c) => c.method === 'post' && c.url === '/api/baseinfo/sync/failures/9007199254740993/retry')).toBe(true)
  })

  it('hides run and retry without baseinfo:sync:run', async () => {
    const { w } = await mountPage(['baseinfo:sync'])
    expect(w.find('[data-testid="sync-run-BILLING"]').exists()).toBe(false)
    expect(w.find('[data-testid="sync-retry-all"]').exists()).toBe(false)
    expect(w.find('[data-testid="sync-failure-retry"]').exists()).toBe(false)
    expect(w.find('[data-testid="sync-failure-payload"]').exists()).toBe(true)
  })
})
