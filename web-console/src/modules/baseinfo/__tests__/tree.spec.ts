import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { FormItemRule } from 'element-plus'
import routes from '../routes-tree'
import { collectModuleRoutes, moduleRoutes } from '@/router'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import { coverageApi, nodeApi } from '../api-tree'
import {
  childType, coverable, logAction, moveProblem, NODE_CODE_RE, NODE_TYPES, nodeCreateRules, nodeUpdateRules, parentType,
  pathIds, typeLabel, type TreeNodeLike,
} from '../tree/rules'

function firstError(rules: FormItemRule[] | FormItemRule | undefined, value: unknown): string {
  for (const r of ([] as FormItemRule[]).concat(rules ?? [])) {
    let msg = ''
    r.validator!(r, value, (e?: string | Error) => { msg = e ? String(e instanceof Error ? e.message : e) : '' }, {}, {})
    if (msg) return msg
  }
  return ''
}

function node(id: string, type: string, path: string, extra: Partial<TreeNodeLike> = {}): TreeNodeLike {
  const ids = pathIds(path)
  return {
    id, parentId: ids.length > 1 ? ids[ids.length - 2] : null, nodeType: type, nodeName: `${typeLabel(type)}${id}`,
    nodePath: path, subsidiaryId: '100', enabled: true, ...extra,
  }
}

describe('node types mirror NodeType', () => {
  it('six levels, each the parent of the next', () => {
    expect(NODE_TYPES.map((t) => t.label)).toEqual(['公司', '热源', '热站', '小区', '楼栋', '单元'])
    expect(parentType('COMPANY')).toBeNull()
    expect(parentType('BUILDING')?.code).toBe('COMMUNITY')
    expect(childType('COMMUNITY')?.code).toBe('BUILDING')
    expect(childType('UNIT')).toBeNull()
    expect(typeLabel('HEAT_STATION')).toBe('热站')
    expect(coverable('COMMUNITY')).toBe(true)
    expect(coverable('BUILDING')).toBe(true)
    expect(coverable('UNIT')).toBe(false)
  })

  it('node paths are ids as strings, top first', () => {
    expect(pathIds('/1/382534738163793920/3/')).toEqual(['1', '382534738163793920', '3'])
    expect(pathIds('/')).toEqual([])
  })
})

describe('moveProblem mirrors NodeRules.checkMove', () => {
  const community = node('4', 'COMMUNITY', '/1/2/3/4/')
  const other = node('7', 'COMMUNITY', '/1/2/3/7/')
  const building = node('5', 'BUILDING', '/1/2/3/4/5/')
  const unit = node('6', 'UNIT', '/1/2/3/4/5/6/')
  const station = node('3', 'HEAT_STATION', '/1/2/3/')

  it('allows a building onto another community of the subsidiary', () => {
    expect(moveProblem(building, other)).toBeNull()
  })

  it('refuses with the server\'s words', () => {
    expect(moveProblem(node('1', 'COMPANY', '/1/'), node('9', 'COMPANY', '/9/'))).toBe('公司是树的第一级，不能移动')
    expect(moveProblem(building, unit)).toBe('不能把“楼栋5”移动到它自己或它的下级节点之下')
    expect(moveProblem(building, station)).toBe('层级不正确：楼栋的上级必须是小区，而“热站3”是热站')
    expect(moveProblem(building, { ...other, subsidiaryId: '200' })).toBe('不能跨分公司移动，只能在同一分公司内调整')
    expect(moveProblem(building, { ...other, enabled: false })).toBe('目标上级节点“小区7”已停用')
    expect(moveProblem(building, community)).toBe('目标上级节点与当前上级节点相同')
  })
})

describe('node form rules mirror NodeWriter', () => {
  it('codes', () => {
    expect(NODE_CODE_RE.test('CM-01.a_b')).toBe(true)
    expect(NODE_CODE_RE.test('x'.repeat(64))).toBe(true)
    expect(NODE_CODE_RE.test('x'.repeat(65))).toBe(false)
    expect(NODE_CODE_RE.test('-x')).toBe(false)
    expect(NODE_CODE_RE.test('小区')).toBe(false)
    expect(firstError(nodeUpdateRules.nodeCode, ' ')).toBe('节点编码不能为空')
    expect(firstError(nodeUpdateRules.nodeCode, 'a b')).toBe('节点编码只能包含字母、数字、下划线、点和短横线，且不超过64位')
  })

  it('names, address, external id; companies need a subsidiary', () => {
    expect(firstError(nodeUpdateRules.nodeName, '')).toBe('节点名称不能为空')
    expect(firstError(nodeUpdateRules.nodeName, '名'.repeat(100))).toBe('')
    expect(firstError(nodeUpdateRules.nodeName, '名'.repeat(101))).toBe('节点名称不能超过100个字')
    expect(firstError(nodeUpdateRules.nodeName, '3号楼/2单元')).toBe('节点名称不能包含“/”')
    expect(firstError(nodeUpdateRules.address, 'x'.repeat(256))).toBe('地址不能超过255个字')
    expect(firstError(nodeUpdateRules.externalId, 'x'.repeat(65))).toBe('外部编号不能超过64个字')
    expect(firstError(nodeCreateRules(true).orgId, null)).toBe('请选择公司所属的分公司')
    expect(nodeCreateRules(false).orgId).toBeUndefined()
  })

  it('log actions have Chinese labels', () => {
    expect(logAction('MOVE').label).toBe('移动')
    expect(logAction('COVERAGE').label).toBe('服务区域')
    expect(logAction('X').label).toBe('X')
  })
})

describe('api-tree', () => {
  it('lazy children: no parentId for the top level, includeDisabled always sent', async () => {
    const seen = fakeServer(() => ok([]))
    await nodeApi.children(null)
    await nodeApi.children('382534738163793920', true)
    expect(seen[0].url).toBe('/api/baseinfo/nodes/children')
    expect(seen[0].params).toEqual({ includeDisabled: false })
    expect(seen[1].params).toEqual({ parentId: '382534738163793920', includeDisabled: true })
  })

  it('writes send what the controller reads', async () => {
    const seen = fakeServer(() => ok(null))
    await nodeApi.move('5', '7', '小区划分调整')
    await nodeApi.enable('5', '恢复', true)
    await nodeApi.remove('6', '建错了')
    await nodeApi.search('xfjy', 'COMMUNITY')
    await coverageApi.map('31', ['4', '5'])
    await coverageApi.remove('90')
    expect(seen[0].url).toBe('/api/baseinfo/nodes/5/move')
    expect(JSON.parse(seen[0].data)).toEqual({ newParentId: '7', sortNo: null, reason: '小区划分调整' })
    expect(JSON.parse(seen[1].data)).toEqual({ reason: '恢复', subtree: true })
    expect(seen[2].method).toBe('delete')
    expect(seen[2].url).toBe('/api/baseinfo/nodes/6')
    expect(seen[2].params).toEqual({ reason: '建错了' })
    expect(seen[3].params).toEqual({ keyword: 'xfjy', type: 'COMMUNITY' })
    expect(JSON.parse(seen[4].data)).toEqual({ stationId: '31', nodeIds: ['4', '5'] })
    expect(seen[5].method).toBe('delete')
    expect(seen[5].url).toBe('/api/baseinfo/coverage/90')
  })
})

interface Declared { code: string; kind: string; path?: string }
const declared: Declared[] = JSON.parse(readFileSync(resolve(process.cwd(),
  '../module-baseinfo/src/main/resources/heatdesk/permissions/baseinfo.json'), 'utf-8'))

describe('routes-tree', () => {
  it('is the menu path of baseinfo:node, lazy, with a declared permission', () => {
    const menu = declared.find((d) => d.code === 'baseinfo:node')!
    expect(routes.map((r) => r.path)).toEqual([menu.path])
    expect(routes[0].meta?.perm).toBe('baseinfo:node')
    expect(typeof routes[0].component).toBe('function')
    expect(moduleRoutes.map((r) => r.name)).toContain('baseinfo-tree')
    expect(collectModuleRoutes({ 'x/routes-tree.ts': { default: routes } })).toHaveLength(1)
  })
})
