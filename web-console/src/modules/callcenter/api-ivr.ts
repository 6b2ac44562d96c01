/**
 * 语音导航: IVR menus per gateway and hotline, /api/callcenter/ivr-menus. Shapes follow IvrViews / IvrRequests of
 * module-callcenter (docs/ivr.md). A menu is saved as a whole tree.
 */
import { del, get, post, put, type RequestOptions } from '@/api/http'
import { CC } from './api-admin'

export type IvrActionCode = 'MENU' | 'QUEUE' | 'VOICEMAIL' | 'SELF_SERVICE' | 'REPEAT' | 'OPERATOR' | 'HANGUP'

export interface IvrActionOption {
  code: IvrActionCode
  label: string
  needsTarget: boolean
}

/** the actions and whether they need a target (node code for MENU, queue name for QUEUE); same as the server's */
export const ivrActions: IvrActionOption[] = [
  { code: 'MENU', label: '子菜单', needsTarget: true },
  { code: 'QUEUE', label: '进入队列', needsTarget: true },
  { code: 'VOICEMAIL', label: '留言', needsTarget: false },
  { code: 'SELF_SERVICE', label: '自助查询工单', needsTarget: false },
  { code: 'REPEAT', label: '重听', needsTarget: false },
  { code: 'OPERATOR', label: '转人工', needsTarget: false },
  { code: 'HANGUP', label: '挂机', needsTarget: false },
]

/** actions allowed when a node gives up and out of hours (no 自助查询 / 重听) */
export const endActions = ivrActions.filter((a) => a.code !== 'SELF_SERVICE' && a.code !== 'REPEAT')

export function actionLabel(code: string | null | undefined): string {
  return ivrActions.find((a) => a.code === code)?.label ?? code ?? ''
}

export function needsTarget(code: string | null | undefined): boolean {
  return ivrActions.find((a) => a.code === code)?.needsTarget ?? false
}

export interface IvrKey {
  digit: string
  action: IvrActionCode
  target: string | null
  label: string | null
}

export interface IvrNode {
  code: string
  name: string
  prompt: string
  timeoutSeconds: number
  maxRetries: number
  invalidPrompt: string | null
  timeoutPrompt: string | null
  failAction: IvrActionCode
  failTarget: string | null
  keys: IvrKey[]
}

export interface WorkHours {
  weekday: number
  start: string
  end: string
}

export interface IvrMenuView {
  id: string
  gatewayId: string
  gatewayName: string | null
  hotline: string
  menuName: string
  rootNode: string
  operatorQueue: string | null
  offHoursAction: IvrActionCode | null
  offHoursTarget: string | null
  offHoursPrompt: string | null
  workHours: WorkHours[]
  holidays: string[]
  nodes: (IvrNode & { keys: (IvrKey & { actionLabel?: string })[] })[]
  enabled: boolean
  remark: string | null
  rowVersion: number
  updatedAt: string | null
}

export interface IvrMenuSave {
  gatewayId: string | null
  hotline: string
  menuName: string
  rootNode: string
  operatorQueue: string | null
  offHoursAction: IvrActionCode | null
  offHoursTarget: string | null
  offHoursPrompt: string | null
  workHours: WorkHours[]
  holidays: string[]
  nodes: IvrNode[]
  enabled: boolean
  remark: string | null
  rowVersion?: number
}

type Opts = RequestOptions | undefined
const BASE = `${CC}/ivr-menus`

export const ivrApi = {
  list: (gatewayId?: string | null, o?: Opts) => get<IvrMenuView[]>(BASE, { gatewayId }, o),
  get: (id: string, o?: Opts) => get<IvrMenuView>(`${BASE}/${id}`, undefined, o),
  create: (body: IvrMenuSave, o?: Opts) => post<IvrMenuView>(BASE, body, o),
  update: (id: string, body: IvrMenuSave, o?: Opts) => put<IvrMenuView>(`${BASE}/${id}`, body, o),
  remove: (id: string, o?: Opts) => del<void>(`${BASE}/${id}`, undefined, o),
}

export const weekdayLabels = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** a new node with the server's defaults */
export function newNode(code: string, name: string): IvrNode {
  return { code, name, prompt: 'custom/welcome', timeoutSeconds: 6, maxRetries: 2, invalidPrompt: 'invalid',
    timeoutPrompt: null, failAction: 'HANGUP', failTarget: null, keys: [] }
}

/** an empty menu for the editor: one root node */
export function emptyMenu(gatewayId: string | null = null): IvrMenuSave {
  return { gatewayId, hotline: '', menuName: '', rootNode: 'main', operatorQueue: null, offHoursAction: null,
    offHoursTarget: null, offHoursPrompt: null, workHours: [], holidays: [], nodes: [newNode('main', '主菜单')],
    enabled: true, remark: null }
}

/** the editable copy of a loaded menu (drops view-only fields) */
export function toSave(v: IvrMenuView): IvrMenuSave {
  return {
    gatewayId: v.gatewayId, hotline: v.hotline, menuName: v.menuName, rootNode: v.rootNode,
    operatorQueue: v.operatorQueue, offHoursAction: v.offHoursAction, offHoursTarget: v.offHoursTarget,
    offHoursPrompt: v.offHoursPrompt, workHours: v.workHours.map((w) => ({ ...w })), holidays: [...v.holidays],
    nodes: v.nodes.map((n) => ({
      code: n.code, name: n.name, prompt: n.prompt, timeoutSeconds: n.timeoutSeconds, maxRetries: n.maxRetries,
      invalidPrompt: n.invalidPrompt, timeoutPrompt: n.timeoutPrompt, failAction: n.failAction,
      failTarget: n.failTarget,
      keys: n.keys.map((k) => ({ digit: k.digit, action: k.action, target: k.target, label: k.label })),
    })),
    enabled: v.enabled, remark: v.remark, rowVersion: v.rowVersion,
  }
}

/** targets are only sent for actions that take one */
export function cleanForSave(m: IvrMenuSave): IvrMenuSave {
  return {
    ...m,
    offHoursTarget: needsTarget(m.offHoursAction) ? m.offHoursTarget : null,
    nodes: m.nodes.map((n) => ({
      ...n,
      failTarget: needsTarget(n.failAction) ? n.failTarget : null,
      keys: n.keys.map((k) => ({ ...k, target: needsTarget(k.action) ? k.target : null })),
    })),
  }
}

export interface TreeItem {
  id: string
  label: string
  nodeIndex: number
  keyIndex?: number
  children?: TreeItem[]
}

/** el-tree data: each node with its keys as children ("1 → 进入队列 repair") */
export function menuTree(m: IvrMenuSave): TreeItem[] {
  return m.nodes.map((n, i) => ({
    id: `n${i}`,
    label: `${n.name}（${n.code}）${n.code === m.rootNode ? ' · 起始' : ''}`,
    nodeIndex: i,
    children: n.keys.map((k, j) => ({
      id: `n${i}k${j}`,
      label: `${k.digit} → ${actionLabel(k.action)}${k.target ? ' ' + k.target : ''}${k.label ? '（' + k.label + '）' : ''}`,
      nodeIndex: i,
      keyIndex: j,
    })),
  }))
}

/** where a server field error points: "nodes[2].keys[1].target" → node 2, key 1 */
export function errorLocation(field: string | null | undefined): { node?: number; key?: number } {
  const m = /^nodes\[(\d+)](?:\.keys\[(\d+)])?/.exec(field ?? '')
  if (!m) {
    return {}
  }
  return { node: Number(m[1]), key: m[2] === undefined ? undefined : Number(m[2]) }
}
