/**
 * Shapes and calls of the service desk's work-order endpoints (/api/servicedesk/...), mirroring the records of
 * module-service-desk's published api (TicketRow, TicketView, TicketHistoryEntry, TicketCommand, TicketCreate).
 * Ids are strings (Java Long in JSON); date-times are LocalDateTime strings in Asia/Shanghai without zone.
 * Other modules (repair, monitor, notice) import the types, labels and calls from here.
 */
import { apiUrl, get, post, put, del, http, type RequestOptions } from '@/api/http'
import type { PageResult } from '@/api/types'

// ---------------------------------------------------------------- enums and labels

export type TicketStatus =
  | 'PENDING_DISPATCH' | 'DISPATCHED' | 'CONFIRMED' | 'ASSIGNED' | 'ACCEPTED' | 'IN_PROGRESS' | 'RETURNED'
  | 'COMPLETED' | 'EXTRA_NODE' | 'CLOSED' | 'VOIDED' | 'CANCELLED'

export const statusLabels: Record<TicketStatus, string> = {
  PENDING_DISPATCH: '待派单',
  DISPATCHED: '待站点确认',
  CONFIRMED: '待分派',
  ASSIGNED: '待接单',
  ACCEPTED: '已接单',
  IN_PROGRESS: '处理中',
  RETURNED: '已退回',
  COMPLETED: '待回访',
  EXTRA_NODE: '扩展节点',
  CLOSED: '已办结',
  VOIDED: '已作废',
  CANCELLED: '已取消',
}

export type TicketAction =
  | 'CREATE' | 'DISPATCH' | 'REDISPATCH' | 'CONFIRM' | 'ASSIGN' | 'REASSIGN' | 'WORKER_ACCEPT' | 'WORKER_REJECT'
  | 'CHECK_IN' | 'COMPLETE' | 'DESK_RESOLVE' | 'CLOSE_DIRECT' | 'RETURN' | 'VISIT' | 'SECOND_DISPATCH'
  | 'CLOSE_WITHOUT_VISIT' | 'VOID' | 'CANCEL' | 'DELAY' | 'PASS_NODE' | 'TRANSFER' | 'COLLABORATE' | 'SUPERVISE'
  | 'URGE' | 'ESCALATE' | 'REPORT_PROGRESS' | 'FEEDBACK' | 'EDIT' | 'NOTE' | 'APPROVAL_REQUESTED'
  | 'APPROVAL_REJECTED'

export const actionLabels: Record<TicketAction, string> = {
  CREATE: '受理',
  DISPATCH: '派单',
  REDISPATCH: '改派站点',
  CONFIRM: '站点确认',
  ASSIGN: '分派',
  REASSIGN: '改派人员',
  WORKER_ACCEPT: '接单',
  WORKER_REJECT: '拒绝接单',
  CHECK_IN: '现场签到',
  COMPLETE: '处理完成',
  DESK_RESOLVE: '坐席直接解答',
  CLOSE_DIRECT: '直接处结',
  RETURN: '退回',
  VISIT: '回访',
  SECOND_DISPATCH: '二次派单',
  CLOSE_WITHOUT_VISIT: '免回访处结',
  VOID: '作废',
  CANCEL: '取消',
  DELAY: '延期',
  PASS_NODE: '办理扩展节点',
  TRANSFER: '跨公司转办',
  COLLABORATE: '协同办理',
  SUPERVISE: '督办',
  URGE: '催办',
  ESCALATE: '超时升级',
  REPORT_PROGRESS: '上报进度',
  FEEDBACK: '集团反馈',
  EDIT: '修改信息',
  NOTE: '备注',
  APPROVAL_REQUESTED: '提交审批',
  APPROVAL_REJECTED: '审批驳回',
}

/** actions that may need an approval (TicketAction.approvable); CLOSE_WITHOUT_VISIT always does */
export const approvableActions: ReadonlySet<TicketAction> = new Set<TicketAction>([
  'RETURN', 'SECOND_DISPATCH', 'CLOSE_WITHOUT_VISIT', 'VOID', 'CANCEL', 'DELAY',
])

/** actions whose reason is mandatory on the server (TicketCommand.reason) */
export const reasonRequired: ReadonlySet<TicketAction> = new Set<TicketAction>([
  'REDISPATCH', 'REASSIGN', 'RETURN', 'VOID', 'CANCEL', 'DELAY', 'TRANSFER', 'EDIT', 'CLOSE_DIRECT',
  'CLOSE_WITHOUT_VISIT', 'WORKER_REJECT', 'SUPERVISE',
])

/** actions whose note (or reason) is mandatory on the server: the text is the point of the action */
export const noteRequired: ReadonlySet<TicketAction> = new Set<TicketAction>([
  'REPORT_PROGRESS', 'FEEDBACK', 'NOTE', 'URGE', 'COLLABORATE',
])

/** actions the system performs itself; never buttons */
export const systemActions: ReadonlySet<TicketAction> = new Set<TicketAction>([
  'CREATE', 'ESCALATE', 'APPROVAL_REQUESTED', 'APPROVAL_REJECTED',
])

export type TicketPool =
  | 'UNARRANGED' | 'ARRANGED' | 'RETURNED' | 'SUPERVISED' | 'OVER_LEVEL' | 'STATION_PENDING' | 'STATION_ASSIGNED'
  | 'VISIT_DUE' | 'EXTRA_NODE'

export const poolLabels: Record<TicketPool, string> = {
  UNARRANGED: '待安排',
  ARRANGED: '已安排',
  RETURNED: '退回',
  SUPERVISED: '督办',
  OVER_LEVEL: '越级投诉',
  STATION_PENDING: '待分派',
  STATION_ASSIGNED: '已分派',
  VISIT_DUE: '待回访',
  EXTRA_NODE: '扩展节点',
}

export type TicketOrigin = 'WEB' | 'APP' | 'CALL' | 'API' | 'APPROVAL' | 'SYSTEM'

export const originLabels: Record<TicketOrigin, string> = {
  WEB: '电脑端',
  APP: '移动端',
  CALL: '呼叫中心',
  API: '接口',
  APPROVAL: '审批',
  SYSTEM: '系统',
}

/** NORMAL, NEAR (临期, yellow) or OVERDUE (超时, red) */
export type TicketTiming = 'NORMAL' | 'NEAR' | 'OVERDUE'

export const timingLabels: Record<TicketTiming, string> = { NORMAL: '正常', NEAR: '临期', OVERDUE: '超时' }

export type VisitResult = 'SATISFIED' | 'UNSATISFIED' | 'UNREACHABLE'

export const visitResultLabels: Record<VisitResult, string> = {
  SATISFIED: '满意',
  UNSATISFIED: '不满意',
  UNREACHABLE: '未联系上',
}

/** satisfaction 1 … 5 */
export const satisfactionLabels: Record<number, string> = {
  1: '很不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '很满意',
}

/** the group template's core nodes (FlowNode) in order */
export type FlowNodeCode = 'ACCEPT' | 'DISPATCH' | 'HANDLE' | 'VISIT' | 'CLOSE'

export const flowNodes: { code: FlowNodeCode; label: string }[] = [
  { code: 'ACCEPT', label: '受理' },
  { code: 'DISPATCH', label: '派单' },
  { code: 'HANDLE', label: '处理' },
  { code: 'VISIT', label: '回访' },
  { code: 'CLOSE', label: '办结' },
]

/** core nodes after which a subsidiary may insert its own nodes */
export const extendableNodes: ReadonlySet<FlowNodeCode> = new Set<FlowNodeCode>(['ACCEPT', 'HANDLE', 'VISIT'])

/** the core node of a status (TicketStatus.node()); null for EXTRA_NODE */
export const statusNode: Record<TicketStatus, FlowNodeCode | null> = {
  PENDING_DISPATCH: 'ACCEPT',
  DISPATCHED: 'DISPATCH',
  CONFIRMED: 'DISPATCH',
  ASSIGNED: 'HANDLE',
  ACCEPTED: 'HANDLE',
  IN_PROGRESS: 'HANDLE',
  RETURNED: 'DISPATCH',
  COMPLETED: 'VISIT',
  EXTRA_NODE: null,
  CLOSED: 'CLOSE',
  VOIDED: 'CLOSE',
  CANCELLED: 'CLOSE',
}

export function isOpenStatus(s: TicketStatus): boolean {
  return s !== 'CLOSED' && s !== 'VOIDED' && s !== 'CANCELLED'
}

/** the server's label when it sent one, else ours, else the code */
export function labelOf<K extends string>(labels: Record<K, string>, code: string | null | undefined,
                                          serverLabel?: string | null): string {
  if (serverLabel) return serverLabel
  if (!code) return ''
  return (labels as Record<string, string>)[code] ?? code
}

/**
 * Where an action is sent and the permission it needs. The service desk's endpoint takes the desk's actions
 * (TicketController.DESK_ACTIONS); a repair station's actions (confirm, assign, handling …) go to
 * POST /api/repair/tickets/{id}/actions (StationActions.ALLOWED). Actions both sides may do (note, delay, void …)
 * go where the user holds the permission, the desk first. The worker's own actions (接单, 签到) belong to the app.
 */
export interface ActionTarget {
  url: (ticketId: string) => string
  perm: string
}

const desk = (perm: string): ActionTarget => ({ url: (id) => `/api/servicedesk/tickets/${id}/actions`, perm })
const station = (perm: string): ActionTarget => ({ url: (id) => `/api/repair/tickets/${id}/actions`, perm })

export const actionTargets: Partial<Record<TicketAction, ActionTarget[]>> = {
  DISPATCH: [desk('servicedesk:ticket:dispatch')],
  REDISPATCH: [desk('servicedesk:ticket:dispatch')],
  SECOND_DISPATCH: [desk('servicedesk:ticket:dispatch')],
  TRANSFER: [desk('servicedesk:ticket:dispatch')],
  COLLABORATE: [desk('servicedesk:ticket:dispatch')],
  URGE: [desk('servicedesk:ticket:operate')],
  EDIT: [desk('servicedesk:ticket:operate')],
  DESK_RESOLVE: [desk('servicedesk:ticket:operate')],
  PASS_NODE: [desk('servicedesk:ticket:operate')],
  NOTE: [desk('servicedesk:ticket:operate'), station('repair:handle')],
  REPORT_PROGRESS: [desk('servicedesk:ticket:operate'), station('repair:handle')],
  DELAY: [desk('servicedesk:ticket:operate'), station('repair:handle')],
  VOID: [desk('servicedesk:ticket:operate'), station('repair:handle')],
  CANCEL: [desk('servicedesk:ticket:operate'), station('repair:handle')],
  VISIT: [desk('servicedesk:visit:do')],
  CLOSE_WITHOUT_VISIT: [desk('servicedesk:visit:do')],
  SUPERVISE: [desk('servicedesk:ticket:supervise')],
  FEEDBACK: [desk('servicedesk:ticket:supervise')],
  CONFIRM: [station('repair:assign')],
  ASSIGN: [station('repair:assign')],
  REASSIGN: [station('repair:assign')],
  RETURN: [station('repair:assign')],
  COMPLETE: [station('repair:handle')],
  CLOSE_DIRECT: [station('repair:handle')],
}

/** the endpoint for an action given the user's permissions; null when the user may not do it from the console */
export function targetFor(action: TicketAction, can: (perm: string) => boolean): ActionTarget | null {
  if (systemActions.has(action)) return null
  return (actionTargets[action] ?? []).find((t) => can(t.perm)) ?? null
}

/**
 * The actions a user may be offered: legal now (the server's allowedActions, which follow the status only),
 * not system-only, and with an endpoint the user holds the permission for. `can` is the permission check.
 */
export function offeredActions(allowed: readonly string[], can: (perm: string) => boolean): TicketAction[] {
  return allowed.filter((a): a is TicketAction => targetFor(a as TicketAction, can) !== null)
}

// ---------------------------------------------------------------- records

export interface TicketRow {
  id: string
  ticketNo: string
  ticketType: string
  ticketTypeLabel: string | null
  source: string
  sourceLabel: string | null
  urgency: string
  urgencyLabel: string | null
  priority: number
  status: TicketStatus
  statusLabel: string | null
  nodeCode: string | null
  nodeName: string | null
  title: string | null
  address: string | null
  householdCode: string | null
  contactName: string | null
  /** masked unless the user holds data:unmask */
  callerPhone: string | null
  subsidiaryId: string | null
  subsidiaryName: string | null
  stationOrgId: string | null
  stationName: string | null
  workerId: string | null
  workerName: string | null
  deadline: string | null
  timing: TicketTiming | string | null
  supervised: boolean
  overLevel: boolean
  urgeCount: number
  escalationLevel: number
  reworkCount: number
  /** the action waiting for approval, if any */
  pendingApproval: string | null
  visitResult: VisitResult | string | null
  satisfaction: number | null
  createdAt: string
  createdByName: string | null
  completedAt: string | null
  closedAt: string | null
  rowVersion: number
}

export interface TicketHistoryEntry {
  id: string
  action: TicketAction
  actionLabel: string | null
  fromStatus: TicketStatus | null
  toStatus: TicketStatus | null
  fromNode: string | null
  toNode: string | null
  reason: string | null
  note: string | null
  detail: string | null
  operatorId: string | null
  operatorName: string | null
  origin: TicketOrigin | null
  clientIp: string | null
  approvalId: string | null
  createdAt: string
}

export interface AttachmentInfo {
  id: string
  fileId: string
  fileName: string
  contentType: string | null
  size: number
  sm3: string | null
  stage: string | null
  uploadedByName: string | null
  createdAt: string
}

export interface VisitRecord {
  id: string
  visitResult: VisitResult | string
  satisfaction: number | null
  templateCode: string | null
  answers: Record<string, unknown> | null
  remark: string | null
  paymentNote: string | null
  visitorName: string | null
  createdAt: string
}

export interface TicketView {
  ticket: TicketRow
  content: string | null
  householdId: string | null
  unitId: string | null
  customerName: string | null
  formFields: Record<string, unknown> | null
  callId: string | null
  kbArticleId: string | null
  dispatchedAt: string | null
  acceptedAt: string | null
  firstResponseAt: string | null
  handlingResult: string | null
  timeline: TicketHistoryEntry[]
  visits: VisitRecord[]
  attachments: AttachmentInfo[]
  /** TicketAction names legal now for this user */
  allowedActions: TicketAction[]
}

/** one action; unused fields stay null (TicketCommand) */
export interface TicketCommand {
  action: TicketAction
  /** the ticket's rowVersion the operator saw */
  expectedVersion: number | null
  reason?: string | null
  note?: string | null
  stationOrgId?: string | null
  workerId?: string | null
  extendMinutes?: number | null
  targetSubsidiaryId?: string | null
  /** visit: 1 … 5 */
  satisfaction?: number | null
  visitResult?: VisitResult | null
  /** a new deadline (LocalDateTime "YYYY-MM-DDTHH:mm:ss") */
  deadline?: string | null
  fields?: Record<string, unknown> | null
}

export interface TicketCreate {
  ticketType: string
  source: string
  urgency: string
  householdId: string | null
  callerPhone: string | null
  contactName: string | null
  address: string | null
  title: string | null
  content: string
  formFields: Record<string, unknown>
  /** manual deadline; needs deadlineReason */
  deadline: string | null
  deadlineReason: string | null
  stationOrgId: string | null
  dispatchNow: boolean
  subsidiaryId: string | null
  callId: string | null
  kbArticleId: string | null
  attachmentIds: string[]
}

export interface TicketListFilter {
  pool?: TicketPool | null
  ticketNo?: string
  keyword?: string
  /** several statuses, sent comma-separated */
  statuses?: TicketStatus[] | null
  ticketType?: string | null
  source?: string | null
  urgency?: string | null
  supervised?: boolean | null
  overLevel?: boolean | null
  orgId?: string | null
  stationOrgId?: string | null
  workerId?: string | null
  householdId?: string | null
  phone?: string
  timing?: TicketTiming | null
  visitResult?: string | null
  createdFrom?: string | null
  createdTo?: string | null
}

export type PoolCounts = Partial<Record<TicketPool, number>>

export interface DeadlinePreview {
  minutes: number
  deadline: string
  /** null: no rule matched, the system default applied */
  ruleId: string | null
}

export interface StationSuggestion {
  stationOrgId: string | null
  stationName: string | null
}

export interface UploadedFile {
  id: string
  sm3: string
  size: number
  contentType: string
  fileName: string
}

/** closureRate and satisfactionRate are percentages (0-100, one decimal); null when nothing to divide */
export interface VisitStats {
  completed: number
  visited: number
  closed: number
  satisfied: number
  unsatisfied: number
  overdue: number
  closureRate: number | null
  satisfactionRate: number | null
}

/** one deadline rule: type × urgency × source → minutes (null urgency/source = any); subsidiaryId "0" = group */
export interface DeadlineRule {
  id: string
  ticketType: string
  urgency: string | null
  source: string | null
  limitMinutes: number
  /** the 临期 warning window before the deadline */
  warnMinutes: number
  /** minutes between automatic escalations once overdue */
  escalateMinutes: number
  /** 1 / 0 */
  enabled: number
  remark: string | null
  subsidiaryId: string
  orgPath: string
  rowVersion: number
  createdAt: string
  updatedAt: string
}

export interface DeadlineRuleBody {
  ticketType: string
  urgency: string | null
  source: string | null
  limitMinutes: number
  warnMinutes: number | null
  escalateMinutes: number | null
  enabled: boolean
  remark: string | null
  /** null / "0": group default */
  subsidiaryId: string | null
  rowVersion?: number | null
}

/** a node of a subsidiary's flow template: core nodes are locked, extra nodes follow ACCEPT/HANDLE/VISIT */
export interface FlowNodeDef {
  /** null for core nodes */
  id: string | null
  nodeCode: string
  nodeName: string
  core: boolean
  /** extra nodes: the core node they follow */
  afterNode: FlowNodeCode | null
  /** extra nodes: only tickets of this type stop there (null = every type) */
  ticketType: string | null
  sortNo: number
  enabled: boolean
  remark: string | null
  rowVersion: number | null
}

export interface FlowNodeBody {
  subsidiaryId: string
  nodeCode: string
  nodeName: string
  afterNode: FlowNodeCode
  ticketType: string | null
  sortNo: number
  enabled: boolean
  remark: string | null
  rowVersion?: number | null
}

export type VisitQuestionType = 'YES_NO' | 'RATING' | 'TEXT' | 'CHOICE'

export const questionTypeLabels: Record<VisitQuestionType, string> = {
  YES_NO: '是/否',
  RATING: '评分（1-5）',
  TEXT: '文字',
  CHOICE: '选项',
}

export interface VisitQuestion {
  /** English identifier, the key of the answer */
  key: string
  text: string
  type: VisitQuestionType | string
  /** CHOICE: the choices */
  options: string[] | null
}

export interface VisitTemplate {
  id: string
  templateCode: string
  templateName: string
  /** null: every ticket type */
  ticketType: string | null
  questions: VisitQuestion[]
  enabled: boolean
  rowVersion: number | null
}

export interface VisitTemplateBody {
  templateCode: string
  templateName: string
  ticketType: string | null
  questions: VisitQuestion[]
  enabled: boolean
  rowVersion?: number | null
}

// ---------------------------------------------------------------- calls

export const SD = '/api/servicedesk'
const TICKETS = `${SD}/tickets`

/** list filters as query params: statuses comma-separated, empty values dropped by the http client */
export function listParams(filter: TicketListFilter): Record<string, unknown> {
  const { statuses, ...rest } = filter
  const out: Record<string, unknown> = { ...rest }
  if (statuses && statuses.length) out.statuses = statuses.join(',')
  return out
}

/** a command with every field the server expects, nulls where unused */
export function command(action: TicketAction, expectedVersion: number | null,
                        extra: Partial<Omit<TicketCommand, 'action' | 'expectedVersion'>> = {}): TicketCommand {
  return {
    action, expectedVersion, reason: null, note: null, stationOrgId: null, workerId: null, extendMinutes: null,
    targetSubsidiaryId: null, satisfaction: null, visitResult: null, deadline: null, fields: null, ...extra,
  }
}

export const ticketApi = {
  create: (body: TicketCreate, o?: RequestOptions) => post<TicketView>(TICKETS, body, o),
  page: (filter: TicketListFilter & { page?: number; size?: number; sort?: string; order?: 'asc' | 'desc' }) =>
    get<PageResult<TicketRow>>(TICKETS, listParams(filter)),
  /** Map<String, Long> on the server: boxed Longs arrive as strings, so they are turned into numbers here */
  poolCounts: async (): Promise<PoolCounts> => {
    const raw = await get<Record<string, string | number>>(`${TICKETS}/pool-counts`, undefined, { silent: true })
    return Object.fromEntries(Object.entries(raw ?? {}).map(([k, v]) => [k, Number(v)])) as PoolCounts
  },
  detail: (id: string, o?: RequestOptions) => get<TicketView>(`${TICKETS}/${id}`, undefined, o),
  /** the desk's endpoint; use performAction to route station actions to the repair module */
  perform: (id: string, cmd: TicketCommand, o?: RequestOptions) => post<TicketView>(`${TICKETS}/${id}/actions`, cmd, o),
  timeline: (id: string) => get<TicketHistoryEntry[]>(`${TICKETS}/${id}/timeline`),
  addAttachments: (id: string, fileIds: string[], stage: string | null, o?: RequestOptions) =>
    post<TicketView>(`${TICKETS}/${id}/attachments`, { fileIds, stage }, o),
  deadlinePreview: (ticketType: string, urgency: string, source: string, subsidiaryId?: string | null) =>
    get<DeadlinePreview>(`${TICKETS}/deadline-preview`, { ticketType, urgency, source, subsidiaryId }, { silent: true }),
  stationSuggestion: (householdId: string) =>
    get<StationSuggestion>(`${TICKETS}/station-suggestion`, { householdId }, { silent: true }),
  visitStats: (from?: string | null, to?: string | null) =>
    get<VisitStats>(`${SD}/visits/stats`, { from, to }, { silent: true }),
}

/** the printable HTML sheet; the server checks the token header, so the console fetches it and opens the result */
export function printPath(id: string): string {
  return `${TICKETS}/${id}/print`
}

export function printPdfPath(id: string): string {
  return `${TICKETS}/${id}/print.pdf`
}

/** GET /api/files/{id} as an absolute URL path */
export function fileUrl(fileId: string): string {
  return apiUrl(`/api/files/${fileId}`)
}

/** fetches a protected file (token header) and hands back an object URL (revoke it when done) */
export async function fileObjectUrl(path: string): Promise<string> {
  const r = await http.request({ method: 'get', url: path, responseType: 'blob', silent: true })
  return URL.createObjectURL((r as unknown as { data: Blob }).data)
}

/** sends an action to the endpoint that takes it for this user (desk or station; see targetFor) */
export function performAction(id: string, cmd: TicketCommand, can: (perm: string) => boolean,
                              o?: RequestOptions): Promise<TicketView> {
  const target = targetFor(cmd.action, can)
  return post<TicketView>(target ? target.url(id) : `${TICKETS}/${id}/actions`, cmd, o)
}

export const configApi = {
  deadlineRules: (params: { ticketType?: string | null; subsidiaryId?: string | null } = {}) =>
    get<DeadlineRule[]>(`${SD}/deadline-rules`, params as Record<string, unknown>),
  createDeadlineRule: (body: DeadlineRuleBody, o?: RequestOptions) => post<DeadlineRule>(`${SD}/deadline-rules`, body, o),
  updateDeadlineRule: (id: string, body: DeadlineRuleBody, o?: RequestOptions) =>
    put<DeadlineRule>(`${SD}/deadline-rules/${id}`, body, o),
  deleteDeadlineRule: (id: string) => del(`${SD}/deadline-rules/${id}`),

  flowNodes: (subsidiaryId: string) => get<FlowNodeDef[]>(`${SD}/flow-nodes`, { subsidiaryId }),
  createFlowNode: (body: FlowNodeBody, o?: RequestOptions) => post<FlowNodeDef>(`${SD}/flow-nodes`, body, o),
  updateFlowNode: (id: string, body: FlowNodeBody, o?: RequestOptions) => put<FlowNodeDef>(`${SD}/flow-nodes/${id}`, body, o),
  deleteFlowNode: (id: string) => del(`${SD}/flow-nodes/${id}`),

  visitTemplates: () => get<VisitTemplate[]>(`${SD}/visit-templates`),
  createVisitTemplate: (body: VisitTemplateBody, o?: RequestOptions) => post<VisitTemplate>(`${SD}/visit-templates`, body, o),
  updateVisitTemplate: (id: string, body: VisitTemplateBody, o?: RequestOptions) =>
    put<VisitTemplate>(`${SD}/visit-templates/${id}`, body, o),
}

/**
 * Uploads one file to the kernel's file store (POST /api/files, multipart "file"); onProgress gets 0-100.
 */
export function uploadFile(file: File, onProgress?: (percent: number) => void, o?: RequestOptions): Promise<UploadedFile> {
  const form = new FormData()
  form.append('file', file)
  return http.request({
    ...o,
    method: 'post',
    url: '/api/files',
    data: form,
    timeout: 600_000,
    onUploadProgress: (e) => {
      if (onProgress && e.total) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)))
    },
  }) as unknown as Promise<UploadedFile>
}

// ---------------------------------------------------------------- helpers for lists and the drawer

/** the CSS class of a list row by timing: red when overdue, yellow when near the deadline */
export function timingRowClass(row: Pick<TicketRow, 'timing' | 'status'>): string {
  if (!isOpenStatus(row.status)) return ''
  if (row.timing === 'OVERDUE') return 'hd-row-overdue'
  if (row.timing === 'NEAR') return 'hd-row-near'
  return ''
}

/** the el-tag type of a status */
export function statusTagType(status: TicketStatus): 'primary' | 'success' | 'warning' | 'danger' | 'info' {
  switch (status) {
    case 'PENDING_DISPATCH':
    case 'RETURNED':
      return 'warning'
    case 'COMPLETED':
      return 'primary'
    case 'CLOSED':
      return 'success'
    case 'VOIDED':
    case 'CANCELLED':
      return 'info'
    default:
      return 'primary'
  }
}

/** parses a server LocalDateTime ("2026-11-21T12:13:21[.123]") as local time; null when absent or invalid */
export function parseLocal(value: string | null | undefined): Date | null {
  if (!value) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value)
  if (!m) return null
  return new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0)
}

/** a Date as the server's LocalDateTime "YYYY-MM-DDTHH:mm:ss" */
export function toLocalDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}

/**
 * The countdown to a deadline: "剩余 2小时5分" / "超时 1天3小时", and its level for colouring. `nearMinutes`
 * is the warning window when the server did not say (timing): within it the level is NEAR.
 */
export function deadlineCountdown(deadline: string | null | undefined, now: Date = new Date(),
                                  timing?: string | null, nearMinutes = 120):
  { text: string; level: TicketTiming } | null {
  const d = parseLocal(deadline)
  if (!d) return null
  const diffMin = Math.floor((d.getTime() - now.getTime()) / 60_000)
  const abs = Math.abs(diffMin)
  const days = Math.floor(abs / 1440)
  const hours = Math.floor((abs % 1440) / 60)
  const mins = abs % 60
  const span = days > 0 ? `${days}天${hours}小时` : hours > 0 ? `${hours}小时${mins}分` : `${mins}分钟`
  if (diffMin < 0) return { text: `超时 ${span}`, level: 'OVERDUE' }
  let level: TicketTiming = diffMin <= nearMinutes ? 'NEAR' : 'NORMAL'
  // the server knows the rule's warning window; trust it over the default
  if (timing === 'NEAR' || timing === 'NORMAL') level = timing
  if (timing === 'OVERDUE') level = 'OVERDUE'
  return { text: `剩余 ${span}`, level }
}

/** the el-steps index of a status on 受理-派单-接单-处理-回访-办结 (ASSIGNED = 派单 done, awaiting 接单) */
export const progressSteps = ['受理', '派单', '接单', '处理', '回访', '办结'] as const

export function progressIndex(status: TicketStatus): number {
  switch (status) {
    case 'PENDING_DISPATCH':
    case 'RETURNED':
      return 1
    case 'DISPATCHED':
    case 'CONFIRMED':
    case 'ASSIGNED':
      return 2
    case 'ACCEPTED':
    case 'IN_PROGRESS':
    case 'EXTRA_NODE':
      return 3
    case 'COMPLETED':
      return 4
    case 'CLOSED':
    case 'VOIDED':
    case 'CANCELLED':
      return 6
  }
}

/** an error code meaning the action must go through an approval */
export const APPROVAL_REQUIRED = 'APPROVAL_REQUIRED'
