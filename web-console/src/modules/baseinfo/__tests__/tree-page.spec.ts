import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { InternalAxiosRequestConfig } from 'axios'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok, type FakeResponse } from '../../../../tests/unit/helpers'
import type { CoverageView, NodeDetail, NodeView } from '../api-tree'
import TreePage from '../tree/TreePage.vue'
import NodeLogTimeline from '../tree/NodeLogTimeline.vue'
import CoveragePanel from '../tree/CoveragePanel.vue'

function view(id: string, type: NodeView['nodeType'], label: string, code: string, name: string, path: string,
              extra: Partial<NodeView> = {}): NodeView {
  return {
    id, parentId: path.split('/').filter(Boolean).slice(-2, -1)[0] ?? null, nodeType: type, nodeTypeLabel: label,
    nodeLevel: path.split('/').filter(Boolean).length, nodeCode: code, nodeName: name, fullName: name, nodePath: path,
    enabled: true, sortNo: 0, orgId: null, subsidiaryId: '100', address: null, externalId: null, dataSource: 'MANUAL',
    leaf: false, childCount: 1, stationId: null, stationName: null, rowVersion: 0, createdAt: '2026-11-21T10:00:00',
    updatedAt: '2026-11-21T10:00:00', ...extra,
  }
}

const COMPANY = view('1', 'COMPANY', '公司', 'C1', '城北热力公司', '/1/')
const SOURCE = view('2', 'HEAT_SOURCE', '热源', 'HS1', '北郊热源厂', '/1/2/')
const STATION = view('3', 'HEAT_STATION', '热站', 'HX1', '一号换热站', '/1/2/3/')
const COMMUNITY = view('4', 'COMMUNITY', '小区', 'CM1', '幸福家园', '/1/2/3/4/',
  { fullName: '城北热力公司/北郊热源厂/一号换热站/幸福家园', stationId: '31', stationName: '城北第一维修站' })

const CHILDREN: Record<string, NodeView[]> = { '': [COMPANY], 1: [SOURCE], 2: [STATION], 3: [COMMUNITY] }

function detailOf(n: NodeView): NodeDetail {
  return {
    node: n, ancestors: [], households: 120, suspendedHouseholds: 7, stoppedHouseholds: 2, arrearsHouseholds: 15,
    openTickets: null, ticketsAvailable: false, coverage: null,
  }
}

const BY_ID: Record<string, NodeView> = { 1: COMPANY, 2: SOURCE, 3: STATION, 4: COMMUNITY }

function server(c: InternalAxiosRequestConfig): FakeResponse {
  const url = c.url ?? ''
  if (url === '/api/baseinfo/nodes/children') return ok(CHILDREN[String(c.params?.parentId ?? '')] ?? [])
  if (url === '/api/baseinfo/nodes/search') return ok([COMMUNITY])
  const logs = /^\/api\/baseinfo\/nodes\/(\d+)\/logs$/.exec(url)
  if (logs) return ok({ records: [], total: 0, page: 1, size: 10 })
  const one = /^\/api\/baseinfo\/nodes\/(\d+)$/.exec(url)
  if (one) return ok(detailOf(BY_ID[one[1]]))
  return { status: 404, data: { code: 'NOT_FOUND', msg: '接口或资源不存在' } }
}

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '1', username: 'admin', realName: '管理员', jobNumber: null, orgId: '2', orgName: '供热集团',
    subsidiaryId: null, dataScope: 'ALL', roles: ['GROUP_ADMIN'], permissions, menus: [], lastLoginAt: null,
    lastLoginIp: null,
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

async function settle() {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('TreePage', () => {
  it('loads the top level lazily, selects the first node and shows its counts', async () => {
    signIn(['*'])
    const seen = fakeServer(server)
    const w = mount(TreePage, mountOpts())
    await settle()
    expect(seen[0].url).toBe('/api/baseinfo/nodes/children')
    expect(w.find('[data-testid="tree-node-C1"]').exists()).toBe(true)
    expect(w.find('[data-testid="tree-node-HS1"]').exists()).toBe(false)
    expect(w.find('[data-testid="node-detail-name"]').text()).toContain('城北热力公司')
    expect(w.find('[data-testid="node-stat-households"]').text()).toContain('120')
    expect(w.find('[data-testid="node-stat-suspended"]').text()).toContain('7')
    expect(w.find('[data-testid="node-stat-tickets"]').text()).toContain('—')
    expect(w.find('[data-testid="node-add-child"]').text()).toContain('新增热源')
    expect(w.find('[data-testid="tree-add-company"]').exists()).toBe(true)
    // a company is not served by a station: no coverage card
    expect(w.find('[data-testid="node-coverage"]').exists()).toBe(false)
    w.unmount()
  })

  it('a search result opens the tree down to the node', async () => {
    signIn(['baseinfo:node'])
    const seen = fakeServer(server)
    const w = mount(TreePage, mountOpts())
    await settle()
    const input = w.find('input[data-testid="tree-search"]')
    await input.setValue('xfjy')
    await new Promise((r) => setTimeout(r, 400))
    await settle()
    const item = document.querySelector<HTMLElement>('[data-testid="tree-search-item-CM1"]')
    expect(item).not.toBeNull()
    item!.click()
    await settle()
    const parents = seen.filter((c) => c.url === '/api/baseinfo/nodes/children').map((c) => c.params?.parentId ?? null)
    expect(parents).toEqual([null, '1', '2', '3'])
    expect(w.find('[data-testid="tree-node-CM1"]').exists()).toBe(true)
    expect(w.find('[data-testid="node-detail-name"]').text()).toContain('幸福家园')
    expect(w.find('[data-testid="node-detail-station"]').text()).toBe('城北第一维修站')
    // read-only users: no write buttons, no node menu
    expect(w.find('[data-testid="node-edit"]').exists()).toBe(false)
    expect(w.find('[data-testid="node-disable"]').exists()).toBe(false)
    expect(w.find('[data-testid="tree-add-company"]').exists()).toBe(false)
    expect(w.find('[data-testid="tree-node-more-CM1"]').exists()).toBe(false)
    expect(w.find('[data-testid="node-coverage"]').exists()).toBe(true)
    expect(w.find('[data-testid="coverage-assign"]').exists()).toBe(false)
    w.unmount()
  })

  it('the node menu offers what the user may do', async () => {
    signIn(['baseinfo:node', 'baseinfo:node:edit'])
    fakeServer(server)
    const w = mount(TreePage, mountOpts())
    await settle()
    await w.find('[data-testid="tree-node-more-C1"]').trigger('click')
    expect(w.find('[data-testid="node-menu"]').exists()).toBe(true)
    expect(w.find('[data-testid="node-menu-add"]').text()).toBe('新增下级热源')
    expect(w.find('[data-testid="node-menu-edit"]').exists()).toBe(true)
    expect(w.find('[data-testid="node-menu-disable"]').exists()).toBe(false)
    expect(w.find('[data-testid="node-menu-delete"]').exists()).toBe(false)
    await w.find('[data-testid="node-menu-edit"]').trigger('click')
    await settle()
    expect(w.find('[data-testid="node-menu"]').exists()).toBe(false)
    const name = document.querySelector<HTMLInputElement>('[data-testid="node-form-name"]')
    expect(name?.value).toBe('城北热力公司')
    w.unmount()
  })
})

describe('NodeLogTimeline', () => {
  it('pages the log, newest first as the server sends it', async () => {
    signIn(['baseinfo:node'])
    const seen = fakeServer(() => ok({
      records: [{ id: '9', nodeId: '4', action: 'MOVE', summary: '从“A”移到“B”之下', beforeJson: null, afterJson: null,
        reason: '小区划分调整', createdBy: '1', createdByName: '管理员', createdAt: '2026-11-21T10:00:00' }],
      total: 25, page: 1, size: 10,
    }))
    const w = mount(NodeLogTimeline, { props: { nodeId: '4' }, ...mountOpts() })
    await settle()
    expect(seen[0].url).toBe('/api/baseinfo/nodes/4/logs')
    expect(seen[0].params).toEqual({ page: 1, size: 10 })
    expect(w.findAll('[data-testid="node-log-item"]')).toHaveLength(1)
    expect(w.text()).toContain('移动')
    expect(w.text()).toContain('原因：小区划分调整')
    expect(w.find('[data-testid="node-log-pagination"]').exists()).toBe(true)
    w.unmount()
  })
})

describe('CoveragePanel', () => {
  const own: CoverageView = {
    id: '90', stationId: '31', stationCode: 'ST01', stationName: '城北第一维修站', nodeId: '4', nodeType: 'COMMUNITY',
    nodeCode: 'CM1', nodeName: '幸福家园', fullName: COMMUNITY.fullName, subsidiaryId: '100', createdAt: '',
  }

  it('shows the own mapping and, with the permission, lets it be handed over or removed', async () => {
    signIn(['baseinfo:node', 'baseinfo:coverage'])
    const seen = fakeServer(() => ok([{ id: '32', orgCode: 'ST02', orgName: '城北第二维修站', subsidiaryId: '100' }]))
    const w = mount(CoveragePanel, { props: { node: COMMUNITY, own }, ...mountOpts() })
    await settle()
    expect(w.find('[data-testid="coverage-state"]').text()).toContain('由 城北第一维修站 服务')
    expect(w.find('[data-testid="coverage-remove"]').exists()).toBe(true)
    expect(w.find('[data-testid="coverage-assign"]').attributes('disabled')).toBeDefined()
    expect(seen.some((c) => c.url === '/api/baseinfo/coverage/stations' && c.params?.nodeId === '4')).toBe(true)
    w.unmount()
  })

  it('an inherited station is named; without the permission nothing can be changed', async () => {
    signIn(['baseinfo:node'])
    fakeServer(() => ok([]))
    const w = mount(CoveragePanel, { props: { node: COMMUNITY, own: null }, ...mountOpts() })
    await settle()
    expect(w.find('[data-testid="coverage-state"]').text()).toContain('继承上级的服务维修站：城北第一维修站')
    expect(w.find('[data-testid="coverage-station-select"]').exists()).toBe(false)
    w.unmount()
  })
})
