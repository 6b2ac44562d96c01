import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { InternalAxiosRequestConfig } from 'axios'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok, type FakeResponse } from '../../../../tests/unit/helpers'
import type { ImportJobView } from '../api-import'
import ImportPage from '../imports/ImportPage.vue'

function job(extra: Partial<ImportJobView> = {}): ImportJobView {
  return {
    id: '501', kind: 'HOUSEHOLD', kindLabel: '房屋信息', fileName: '房屋.xlsx', status: 'RUNNING',
    totalRows: 1000, processedRows: 500, okRows: 480, failedRows: 20, percent: 50, rowsPerSec: 250, message: null,
    createdAt: '2026-11-21T10:00:00', startedAt: '2026-11-21T10:00:01', finishedAt: null, createdByName: '管理员',
    subsidiaryId: '100', subsidiaryName: '城北热力分公司', fileHash: null, fileSize: '1024', ...extra,
  }
}

const SUBSIDIARIES = [
  { id: '100', orgCode: 'SUB01', orgName: '城北热力分公司' },
  { id: '200', orgCode: 'SUB02', orgName: '城南热力分公司' },
]

function signIn(permissions: string[], subsidiaryId: string | null = null) {
  useAuthStore().profile = {
    userId: '1', username: 'admin', realName: '管理员', jobNumber: null, orgId: '2', orgName: '供热集团',
    subsidiaryId, dataScope: subsidiaryId ? 'SUBSIDIARY' : 'ALL', roles: [], permissions, menus: [], lastLoginAt: null,
    lastLoginIp: null,
  } satisfies Profile
}

let pinia: Pinia
beforeEach(() => {
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  URL.createObjectURL = vi.fn(() => 'blob:fake')
  URL.revokeObjectURL = vi.fn()
  // jsdom cannot navigate to the blob URL of a download
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
})
afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

const mountOpts = () => ({ global: { plugins: [pinia, ElementPlus], directives: { perm: vPerm } }, attachTo: document.body })

async function settle(ms = 0) {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 10))
  }
  if (ms) {
    await new Promise((r) => setTimeout(r, ms))
    await flushPromises()
  }
}

function server(state: { job: ImportJobView; polls: number }) {
  return (c: InternalAxiosRequestConfig): FakeResponse => {
    const url = c.url ?? ''
    if (url === '/api/settings/orgs/subsidiaries') return ok(SUBSIDIARIES)
    if (url === '/api/settings/dicts/heating_status') return ok([{ code: 'HEATING', label: '供热' }, { code: 'SUSPENDED', label: '报停' }])
    if (url === '/api/baseinfo/nodes/children') return ok([])
    if (url === '/api/baseinfo/imports') return ok({ records: [state.job, job({ id: '400', status: 'SUCCEEDED', percent: 100, failedRows: 0 })], total: 2, page: 1, size: 10 })
    if (url === `/api/baseinfo/imports/${state.job.id}`) {
      state.polls++
      return ok(state.job)
    }
    if (url === `/api/baseinfo/imports/${state.job.id}/cancel`) {
      state.job = { ...state.job, status: 'CANCELLED', message: '已由管理员取消' }
      return ok(state.job)
    }
    if (url.endsWith('/errors') || url.startsWith('/api/baseinfo/export/')) {
      return { status: 200, data: new Blob(['xlsx']), headers: { 'content-disposition': "attachment; filename*=UTF-8''a.xlsx" } }
    }
    return { status: 404, data: { code: 'NOT_FOUND', msg: '接口或资源不存在' } }
  }
}

describe('import page', () => {
  it('lists jobs with progress and polls a running job every second until it finishes', async () => {
    signIn(['baseinfo:import', 'baseinfo:export'])
    const state = { job: job(), polls: 0 }
    fakeServer(server(state))
    const w = mount(ImportPage, mountOpts())
    await settle()
    const rows = w.findAll('.hd-import-row')
    expect(rows).toHaveLength(2)
    expect(rows[0].find('[data-testid="import-job-status"]').text()).toBe('导入中')
    expect(rows[0].find('[data-testid="import-job-rows"]').text()).toBe('500 / 1000 行')
    expect(rows[0].find('[data-testid="import-job-rate"]').text()).toBe('250 行/秒')
    expect(rows[0].find('[data-testid="import-job-eta"]').text()).toBe('约 2 秒')
    expect(rows[0].find('[data-testid="import-job-cancel"]').exists()).toBe(true)
    expect(rows[1].find('[data-testid="import-job-cancel"]').exists()).toBe(false)
    expect(rows[1].find('[data-testid="import-job-errors"]').exists()).toBe(false)

    state.job = job({ processedRows: 900, percent: 90 })
    await settle(1100)
    expect(state.polls).toBeGreaterThanOrEqual(1)
    expect(w.findAll('.hd-import-row')[0].find('[data-testid="import-job-rows"]').text()).toBe('900 / 1000 行')

    state.job = job({ status: 'SUCCEEDED', processedRows: 1000, percent: 100 })
    await settle(1100)
    expect(w.findAll('.hd-import-row')[0].find('[data-testid="import-job-status"]').text()).toBe('已完成')
    const polls = state.polls
    await settle(1200)
    expect(state.polls).toBe(polls)
    w.unmount()
  }, 20_000)

  it('cancels after confirmation and downloads the failed rows', async () => {
    signIn(['baseinfo:import'])
    const state = { job: job(), polls: 0 }
    const seen = fakeServer(server(state))
    const w = mount(ImportPage, mountOpts())
    await settle()
    await w.find('[data-testid="import-job-errors"]').trigger('click')
    await settle()
    const errors = seen.find((c) => c.url === '/api/baseinfo/imports/501/errors')
    expect(errors?.responseType).toBe('blob')

    await w.find('[data-testid="import-job-cancel"]').trigger('click')
    await settle()
    ;(document.querySelector('.hd-msgbox .hd-msgbox-confirm') as HTMLElement).click()
    await settle()
    expect(seen.some((c) => c.url === '/api/baseinfo/imports/501/cancel' && c.method === 'post')).toBe(true)
    expect(w.findAll('.hd-import-row')[0].find('[data-testid="import-job-status"]').text()).toBe('已取消')
    expect(w.find('[data-testid="export-panel"]').exists()).toBe(false)
    w.unmount()
  })

  it('a group user must pick the subsidiary before a file is sent', async () => {
    signIn(['baseinfo:import'])
    fakeServer(server({ job: job({ status: 'SUCCEEDED' }), polls: 0 }))
    const w = mount(ImportPage, mountOpts())
    await settle()
    expect(w.find('[data-testid="import-subsidiary"]').exists()).toBe(true)
    const input = w.find('[data-testid="import-upload"] input[type=file]')
    const file = new File(['PK'], '房屋.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await settle()
    expect(w.find('[data-testid="import-upload-error"]').text()).toContain('请先选择导入到哪个分公司')
    w.unmount()
  })

  it('a subsidiary user imports into their own subsidiary', async () => {
    signIn(['baseinfo:import'], '100')
    fakeServer(server({ job: job({ status: 'SUCCEEDED' }), polls: 0 }))
    const w = mount(ImportPage, mountOpts())
    await settle()
    expect(w.find('[data-testid="import-subsidiary"]').exists()).toBe(false)
    expect(w.find('[data-testid="import-subsidiary-fixed"]').text()).toBe('城北热力分公司')
    w.unmount()
  })

  it('an export-only user sees the export half and exports with the filters', async () => {
    signIn(['baseinfo:export'])
    const seen = fakeServer(server({ job: job(), polls: 0 }))
    const w = mount(ImportPage, mountOpts())
    await settle()
    expect(w.find('[data-testid="import-panel"]').exists()).toBe(false)
    expect(seen.some((c) => c.url === '/api/baseinfo/imports')).toBe(false)
    await w.find('[data-testid="export-keyword"]').setValue('幸福')
    await w.find('[data-testid="export-arrears"] input').setValue(true)
    await w.find('[data-testid="export-run"]').trigger('click')
    await settle()
    const req = seen.find((c) => c.url === '/api/baseinfo/export/households')
    expect(req?.params).toMatchObject({ keyword: '幸福', arrearsOnly: true })
    expect(req?.responseType).toBe('blob')
    expect(w.find('[data-testid="export-done"]').text()).toContain('a.xlsx')
    w.unmount()
  })
})
