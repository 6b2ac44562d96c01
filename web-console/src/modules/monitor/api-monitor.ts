/**
 * Calls and shapes of the monitor module (监控中心): global ticket management (/api/monitor/tickets), approvals
 * (/api/monitor/approvals) and approval chains (/api/monitor/approval-chains). Ids are strings; date-times are
 * LocalDateTime strings without zone. The ticket records themselves come from the service desk's api-ticket.ts.
 */
import { download, get, post, put, type RequestOptions } from '@/api/http'
import type { PageResult } from '@/api/types'
import {
  listParams, type TicketAction, type TicketCommand, type TicketListFilter, type TicketRow, type TicketView,
} from '../servicedesk/api-ticket'

// ---------------------------------------------------------------- approvals

export type ApprovalStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN'

export const approvalStatusLabels: Record<ApprovalStatus, string> = {
  PENDING: '审批中',
  APPROVED: '已通过',
  REJECTED: '已驳回',
  WITHDRAWN: '已撤回',
}

export function approvalStatusTag(status: string): 'primary' | 'success' | 'danger' | 'info' | 'warning' {
  switch (status) {
    case 'PENDING': return 'warning'
    case 'APPROVED': return 'success'
    case 'REJECTED': return 'danger'
    default: return 'info'
  }
}

export type ApproverLevel = 'STATION' | 'SUBSIDIARY' | 'GROUP'

export const approverLevels: { value: ApproverLevel; label: string; role: string; roleLabel: string }[] = [
  { value: 'STATION', label: '维修站', role: 'STATION_LEAD', roleLabel: '维修站负责人' },
  { value: 'SUBSIDIARY', label: '分公司', role: 'SUBSIDIARY_ADMIN', roleLabel: '分公司管理员' },
  { value: 'GROUP', label: '集团', role: 'GROUP_ADMIN', roleLabel: '集团管理员' },
]

/** business types a chain may be configured for (ApprovalBizTypes) */
export const bizTypes: { value: string; label: string }[] = [
  { value: 'TICKET', label: '工单' },
  { value: 'CALLCENTER_PERMISSION', label: '呼叫中心权限' },
  { value: 'CALLCENTER_RULE', label: '呼叫中心规则' },
  { value: 'MOBILE_PERMISSION', label: '移动端权限' },
  { value: 'MOBILE_REBIND', label: '移动端换绑' },
]

/** the ticket actions that may need approval, in the order the pages offer them */
export const approvableTicketActions: { value: TicketAction; label: string }[] = [
  { value: 'DELAY', label: '延期' },
  { value: 'RETURN', label: '退回' },
  { value: 'VOID', label: '作废' },
  { value: 'CANCEL', label: '取消' },
  { value: 'CLOSE_WITHOUT_VISIT', label: '免回访处结' },
  { value: 'SECOND_DISPATCH', label: '二次派单' },
]

export interface ApprovalRow {
  id: string
  approvalNo: string
  bizType: string
  bizTypeLabel: string | null
  bizId: string
  bizNo: string | null
  action: string
  actionLabel: string | null
  reason: string
  status: ApprovalStatus
  statusLabel: string | null
  currentLevel: number
  totalLevels: number
  /** who decides the current level, e.g. "第一维修站 · 维修站负责人（赵站长）" */
  currentApprover: string | null
  applicantId: string
  applicantName: string | null
  subsidiaryId: string | null
  currentDueAt: string | null
  /** pending and past the current level's deadline: shown red */
  overdue: boolean
  urgeCount: number
  lastUrgedAt: string | null
  createdAt: string
  decidedAt: string | null
  rowVersion: number
  canDecide: boolean
  canWithdraw: boolean
  canUrge: boolean
}

export type StepDecision = 'WAITING' | 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN'

export interface ApprovalStep {
  id: string
  levelNo: number
  chainLevel: ApproverLevel
  approverLevel: ApproverLevel
  approverLevelLabel: string | null
  approverRole: string
  approverRoleLabel: string | null
  approverOrgId: string | null
  approverOrgName: string | null
  approverNames: string | null
  /** nobody could decide at the configured level, so a higher level does */
  escalated: boolean
  timeoutMinutes: number | null
  decision: StepDecision
  decisionLabel: string | null
  decisionReason: string | null
  decidedByName: string | null
  decidedAt: string | null
  startedAt: string | null
  dueAt: string | null
  overdue: boolean
}

export interface ApprovalDetail {
  approval: ApprovalRow
  /** the stored request (for tickets: the TicketCommand fields) */
  payload: Record<string, unknown>
  steps: ApprovalStep[]
}

export interface ApprovalFilter {
  status?: ApprovalStatus | '' | null
  action?: string | null
  bizType?: string | null
  bizNo?: string
  overdue?: boolean | null
  createdFrom?: string | null
  createdTo?: string | null
}

export type ApprovalBox = 'pending' | 'mine' | 'all'

export const approvalBoxes: { value: ApprovalBox; label: string; url: string; perm: string }[] = [
  { value: 'pending', label: '待我审批', url: '/api/monitor/approvals/pending', perm: 'monitor:approval' },
  { value: 'mine', label: '我发起的', url: '/api/monitor/approvals/mine', perm: 'monitor:approval' },
  { value: 'all', label: '审批监控', url: '/api/monitor/approvals', perm: 'monitor:approval:all' },
]

export interface ApprovalSubmit {
  bizType: string
  bizId: string
  action: string
  reason: string
  payload: Partial<TicketCommand> & Record<string, unknown>
}

const APPROVALS = '/api/monitor/approvals'

export const approvalApi = {
  page: (box: ApprovalBox, filter: ApprovalFilter & { page?: number; size?: number; sort?: string; order?: string }) =>
    get<PageResult<ApprovalRow>>(approvalBoxes.find((b) => b.value === box)!.url, filter as Record<string, unknown>),
  detail: (id: string, o?: RequestOptions) => get<ApprovalDetail>(`${APPROVALS}/${id}`, undefined, o),
  byTicket: (ticketId: string, o?: RequestOptions) =>
    get<ApprovalRow[]>(`${APPROVALS}/by-biz`, { bizType: 'TICKET', bizId: ticketId }, o),
  submit: (body: ApprovalSubmit, o?: RequestOptions) => post<ApprovalDetail>(APPROVALS, body, o),
  approve: (id: string, comment: string | null, expectedVersion: number, o?: RequestOptions) =>
    post<ApprovalDetail>(`${APPROVALS}/${id}/approve`, { comment, expectedVersion }, o),
  reject: (id: string, reason: string, expectedVersion: number, o?: RequestOptions) =>
    post<ApprovalDetail>(`${APPROVALS}/${id}/reject`, { reason, expectedVersion }, o),
  withdraw: (id: string, reason: string | null, expectedVersion: number, o?: RequestOptions) =>
    post<ApprovalDetail>(`${APPROVALS}/${id}/withdraw`, { reason, expectedVersion }, o),
  urge: (id: string, o?: RequestOptions) => post<ApprovalDetail>(`${APPROVALS}/${id}/urge`, {}, o),
}

/** the POST /approvals body for a ticket action: the command fields as payload, the reason on both */
export function ticketApprovalBody(ticketId: string, action: TicketAction, expectedVersion: number | null,
                                   reason: string, extra: Partial<TicketCommand> = {}): ApprovalSubmit {
  const payload: Partial<TicketCommand> & Record<string, unknown> = { expectedVersion, reason }
  for (const [k, v] of Object.entries(extra)) {
    if (v !== null && v !== undefined && v !== '' && k !== 'action' && k !== 'expectedVersion') payload[k] = v
  }
  return { bizType: 'TICKET', bizId: ticketId, action, reason, payload }
}

/** what the request asked for, in words (延期 120 分钟 …), from the stored payload */
export function payloadSummary(action: string, payload: Record<string, unknown> | null | undefined): string {
  if (!payload) return ''
  const parts: string[] = []
  const minutes = Number(payload.extendMinutes)
  if (action === 'DELAY' && minutes > 0) parts.push(`延期 ${minutesText(minutes)}`)
  if (typeof payload.deadline === 'string' && payload.deadline) parts.push(`新期限 ${payload.deadline.replace('T', ' ').slice(0, 16)}`)
  if (typeof payload.note === 'string' && payload.note) parts.push(`备注：${payload.note}`)
  return parts.join('；')
}

/** 90 → "1小时30分钟", 2880 → "2天" */
export function minutesText(minutes: number): string {
  const d = Math.floor(minutes / 1440)
  const h = Math.floor((minutes % 1440) / 60)
  const m = minutes % 60
  return [d ? `${d}天` : '', h ? `${h}小时` : '', m ? `${m}分钟` : ''].join('') || '0分钟'
}

/** "剩余 1小时5分" / "超时 20分钟" for an approval's current deadline */
export function dueText(dueAt: string | null | undefined, now: Date = new Date()): string | null {
  if (!dueAt) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(dueAt)
  if (!m) return null
  const due = new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0)
  const diff = Math.floor((due.getTime() - now.getTime()) / 60_000)
  const span = minutesText(Math.abs(diff))
  return diff < 0 ? `超时 ${span}` : `剩余 ${span}`
}

// ---------------------------------------------------------------- chains

export interface ChainStepView {
  levelNo: number
  approverLevel: ApproverLevel
  approverLevelLabel: string | null
  approverRole: string
  approverRoleLabel: string | null
  timeoutMinutes: number | null
}

export interface ChainView {
  id: string
  bizType: string
  bizTypeLabel: string | null
  action: string
  actionLabel: string | null
  /** null: the group default */
  scopeOrgId: string | null
  scopeName: string
  chainName: string
  enabled: boolean
  remark: string | null
  steps: ChainStepView[]
  editable: boolean
  rowVersion: number
  updatedAt: string
}

export interface ChainStepBody {
  approverLevel: ApproverLevel
  approverRole: string | null
  timeoutMinutes: number | null
}

export interface ChainCreateBody {
  bizType: string
  action: string
  scopeOrgId: string | null
  chainName: string | null
  remark: string | null
  enabled: boolean
  steps: ChainStepBody[]
}

export interface ChainUpdateBody {
  chainName: string
  remark: string | null
  steps: ChainStepBody[]
  rowVersion: number
}

const CHAINS = '/api/monitor/approval-chains'

export const chainApi = {
  list: (params: { bizType?: string | null; scopeOrgId?: string | null } = {}) => get<ChainView[]>(CHAINS, params),
  create: (body: ChainCreateBody, o?: RequestOptions) => post<ChainView>(CHAINS, body, o),
  update: (id: string, body: ChainUpdateBody, o?: RequestOptions) => put<ChainView>(`${CHAINS}/${id}`, body, o),
  disable: (id: string, rowVersion: number) => post<ChainView>(`${CHAINS}/${id}/disable`, { rowVersion }),
  enable: (id: string, rowVersion: number) => post<ChainView>(`${CHAINS}/${id}/enable`, { rowVersion }),
}

/** checks the levels the way the server does (ChainService.checkSteps); '' when fine */
export function stepsError(steps: ChainStepBody[]): string {
  if (steps.length === 0) return '至少需要一级审批'
  if (steps.length > 5) return '审批层级最多 5 级'
  const order: ApproverLevel[] = ['STATION', 'SUBSIDIARY', 'GROUP']
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]
    if (!order.includes(s.approverLevel)) return `第 ${i + 1} 级的审批层级只能是维修站、分公司或集团`
    if (i > 0 && order.indexOf(s.approverLevel) < order.indexOf(steps[i - 1].approverLevel)) {
      return `第 ${i + 1} 级低于上一级：审批只能逐级向上`
    }
    if (s.approverRole && !/^[A-Z][A-Z0-9_]{1,63}$/.test(s.approverRole)) return `第 ${i + 1} 级的审批角色编码不正确`
    const t = s.timeoutMinutes
    if (t !== null && t !== undefined && (!Number.isInteger(t) || t < 1 || t > 43200)) {
      return `第 ${i + 1} 级的审批时限应在 1 到 43200 分钟之间`
    }
  }
  return ''
}

// ---------------------------------------------------------------- global ticket management

const TICKETS = '/api/monitor/tickets'

export const monitorTicketApi = {
  page: (filter: TicketListFilter & { page?: number; size?: number; sort?: string; order?: 'asc' | 'desc' }) =>
    get<PageResult<TicketRow>>(TICKETS, listParams(filter)),
  detail: (id: string) => get<TicketView>(`${TICKETS}/${id}`),
  perform: (id: string, cmd: TicketCommand, o?: RequestOptions) => post<TicketView>(`${TICKETS}/${id}/actions`, cmd, o),
  export: (filter: TicketListFilter) => download(`${TICKETS}/export`, listParams(filter), '工单.xlsx'),
}

/** the operations 工单管理 offers on a row (each needs a reason); the server refuses what the status does not allow */
export const adminActions: { action: TicketAction; label: string; danger?: boolean }[] = [
  { action: 'SUPERVISE', label: '督办' },
  { action: 'URGE', label: '催办' },
  { action: 'DELAY', label: '延期' },
  { action: 'NOTE', label: '备注' },
  { action: 'VOID', label: '作废', danger: true },
  { action: 'CANCEL', label: '取消', danger: true },
]
