/**
 * The tree's rules on the client, mirroring the server (NodeType, NodeWriter.checkLevel / requireCode / requireName,
 * NodeRules.checkMove) with the same messages, so an impossible drop or input is refused before the request.
 * The server stays the authority.
 */
import type { FormItemRule, FormRules } from 'element-plus'
import { maxLength, notBlank, notNull, pattern } from '@/utils/validators'
import type { NodeTypeCode } from '../api-tree'

export interface NodeTypeInfo {
  code: NodeTypeCode
  label: string
  level: number
}

/** NodeType, in order: a node's parent is always the level above */
export const NODE_TYPES: NodeTypeInfo[] = [
  { code: 'COMPANY', label: '公司', level: 1 },
  { code: 'HEAT_SOURCE', label: '热源', level: 2 },
  { code: 'HEAT_STATION', label: '热站', level: 3 },
  { code: 'COMMUNITY', label: '小区', level: 4 },
  { code: 'BUILDING', label: '楼栋', level: 5 },
  { code: 'UNIT', label: '单元', level: 6 },
]

export const typeInfo = (code: string): NodeTypeInfo | undefined => NODE_TYPES.find((t) => t.code === code)
export const typeLabel = (code: string): string => typeInfo(code)?.label ?? code
export const parentType = (code: string): NodeTypeInfo | null => {
  const t = typeInfo(code)
  return t && t.level > 1 ? NODE_TYPES[t.level - 2] : null
}
export const childType = (code: string): NodeTypeInfo | null => {
  const t = typeInfo(code)
  return t && t.level < NODE_TYPES.length ? NODE_TYPES[t.level] : null
}

/** only communities and buildings are served by repair stations */
export const coverable = (code: string): boolean => code === 'COMMUNITY' || code === 'BUILDING'

/** "/1/22/333/" → ["1", "22", "333"] (ids stay strings: Java longs) */
export function pathIds(nodePath: string): string[] {
  return nodePath.split('/').filter((s) => s !== '')
}

/** what a drop needs to know about a node */
export interface TreeNodeLike {
  id: string
  parentId: string | null
  nodeType: string
  nodeName: string
  nodePath: string
  subsidiaryId: string
  enabled: boolean
}

/** why `moving` cannot go under `target` (NodeRules.checkMove), or null */
export function moveProblem(moving: TreeNodeLike, target: TreeNodeLike): string | null {
  if (moving.nodeType === 'COMPANY') return '公司是树的第一级，不能移动'
  if (target.nodePath.startsWith(moving.nodePath)) {
    return `不能把“${moving.nodeName}”移动到它自己或它的下级节点之下`
  }
  if (target.subsidiaryId !== moving.subsidiaryId) return '不能跨分公司移动，只能在同一分公司内调整'
  const expected = parentType(moving.nodeType)
  if (expected && target.nodeType !== expected.code) {
    return `层级不正确：${typeLabel(moving.nodeType)}的上级必须是${expected.label}，而“${target.nodeName}”是${typeLabel(target.nodeType)}`
  }
  if (!target.enabled) return `目标上级节点“${target.nodeName}”已停用`
  if (target.id === moving.parentId) return '目标上级节点与当前上级节点相同'
  return null
}

/** NodeWriter.CODE */
export const NODE_CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/

const noSlash: FormItemRule = {
  trigger: 'blur',
  validator: (_r, v, cb) => (typeof v === 'string' && v.includes('/') ? cb(new Error('节点名称不能包含“/”')) : cb()),
}

const common: FormRules = {
  nodeCode: [notBlank('节点编码不能为空'), pattern(NODE_CODE_RE, '节点编码只能包含字母、数字、下划线、点和短横线，且不超过64位')],
  nodeName: [notBlank('节点名称不能为空'), maxLength(100, '节点名称不能超过100个字'), noSlash],
  address: [maxLength(255, '地址不能超过255个字')],
  externalId: [maxLength(64, '外部编号不能超过64个字')],
}

/** NodeRequests.Create through NodeWriter.create */
export const nodeCreateRules = (company: boolean): FormRules =>
  (company ? { ...common, orgId: [notNull('请选择公司所属的分公司')] } : common)

/** NodeRequests.Update */
export const nodeUpdateRules: FormRules = common

/** change-log actions */
export const LOG_ACTIONS: Record<string, { label: string; type: 'primary' | 'success' | 'warning' | 'danger' | 'info' }> = {
  CREATE: { label: '新增', type: 'success' },
  UPDATE: { label: '修改', type: 'primary' },
  MOVE: { label: '移动', type: 'warning' },
  DISABLE: { label: '停用', type: 'danger' },
  ENABLE: { label: '启用', type: 'success' },
  DELETE: { label: '删除', type: 'danger' },
  COVERAGE: { label: '服务区域', type: 'info' },
}

export const logAction = (a: string) => LOG_ACTIONS[a] ?? { label: a, type: 'info' as const }
