/**
 * Calls of the repair module (维修中心, /api/repair/...): station pools and actions, assignment suggestions, fault
 * hot spots, worker profiles and skills, the field app's devices, refused commands and check-ins. Ticket records (TicketRow, TicketView) are the service desk's shapes.
 * Ids are strings (Java Long in JSON).
 */
import { get, post, put, type RequestOptions } from '@/api/http'
import type { PageResult } from '@/api/types'
import type { TicketAction, TicketRow, TicketTiming, TicketView } from '@/modules/servicedesk/api-ticket'

export const REPAIR = '/api/repair'

// ---------------------------------------------------------------- pools and actions

export type StationPool = 'STATION_PENDING' | 'STATION_ASSIGNED'

export const stationPoolLabels: Record<StationPool, string> = { STATION_PENDING: '待分派', STATION_ASSIGNED: '已分派' }

export interface StationTicketFilter {
  pool: StationPool
  ticketNo?: string
  keyword?: string
  ticketType?: string | null
  urgency?: string | null
  timing?: TicketTiming | null
  workerId?: string | null
  stationOrgId?: string | null
  /** LocalDateTime "YYYY-MM-DDTHH:mm:ss": deadline at or before */
  deadlineBefore?: string | null
}

/** pool sizes and how many of each are overdue */
export interface StationCounts {
  pending: number
  assigned: number
  pendingOverdue: number
  assignedOverdue: number
}

/** the station's actions (StationActions on the server) */
export type StationAction =
  | 'CONFIRM' | 'ASSIGN' | 'REASSIGN' | 'COMPLETE' | 'CLOSE_DIRECT' | 'REPORT_PROGRESS' | 'NOTE'
  | 'RETURN' | 'VOID' | 'CANCEL' | 'DELAY'

/** what each station action needs; approvable ones may turn into an approval request */
export const stationActionSpecs: Record<StationAction, {
  label: string
  perm: 'repair:assign' | 'repair:handle'
  reason?: 'required' | 'optional'
  note?: 'required' | 'optional'
  handling?: boolean
  minutes?: boolean
  approvable?: boolean
}> = {
  CONFIRM: { label: '确认', perm: 'repair:assign', note: 'optional' },
  ASSIGN: { label: '分派', perm: 'repair:assign', note: 'optional' },
  REASSIGN: { label: '改派', perm: 'repair:assign', reason: 'required' },
  COMPLETE: { label: '处理登记', perm: 'repair:handle', handling: true, note: 'optional' },
  CLOSE_DIRECT: { label: '直接处结', perm: 'repair:handle', handling: true, reason: 'required' },
  REPORT_PROGRESS: { label: '上报进度', perm: 'repair:handle', note: 'required' },
  NOTE: { label: '备注', perm: 'repair:handle', note: 'required' },
  RETURN: { label: '退回', perm: 'repair:assign', reason: 'required', approvable: true },
  VOID: { label: '作废', perm: 'repair:handle', reason: 'required', approvable: true },
  CANCEL: { label: '取消', perm: 'repair:handle', reason: 'required', approvable: true },
  DELAY: { label: '延期', perm: 'repair:handle', reason: 'required', minutes: true, approvable: true },
}

/**
 * The row actions offered for a ticket in the station pools, by status (the server's state machine has the last
 * word; this only decides which buttons make sense). 上报进度 is for supervised and over-level tickets.
 */
export function rowActions(row: Pick<TicketRow, 'status' | 'supervised' | 'overLevel' | 'pendingApproval'>,
                           can: (perm: string) => boolean): StationAction[] {
  const out: StationAction[] = []
  const s = row.status
  if (s === 'DISPATCHED') out.push('CONFIRM', 'ASSIGN')
  if (s === 'CONFIRMED') out.push('ASSIGN')
  if (s === 'ASSIGNED' || s === 'ACCEPTED' || s === 'IN_PROGRESS') out.push('REASSIGN')
  if (s === 'CONFIRMED' || s === 'ASSIGNED' || s === 'ACCEPTED' || s === 'IN_PROGRESS') out.push('COMPLETE', 'CLOSE_DIRECT')
  const withStation = ['DISPATCHED', 'CONFIRMED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'].includes(s)
  if (withStation && (row.supervised || row.overLevel)) out.push('REPORT_PROGRESS')
  if (!row.pendingApproval) {
    if (s === 'DISPATCHED' || s === 'CONFIRMED') out.push('RETURN')
    if (withStation) out.push('DELAY', 'VOID')
  }
  return out.filter((a) => can(stationActionSpecs[a].perm))
}

/** POST /api/repair/tickets/{id}/actions */
export interface StationCommand {
  action: StationAction
  expectedVersion: number
  reason?: string | null
  note?: string | null
  workerId?: string | null
  extendMinutes?: number | null
  deadline?: string | null
  fields?: { handlingResult: string; parts?: string | null; durationMinutes?: number | null } | null
}

// ---------------------------------------------------------------- suggestions and hot spots

export interface SkillRef {
  code: string
  name: string
}

export interface AreaView {
  nodeId: string
  nodeType: string | null
  /** full name from the company down */
  nodeName: string
  nodePath: string
}

export interface Candidate {
  workerId: string
  userId: string
  realName: string
  username: string | null
  jobNumber: string | null
  workerType: string
  workerTypeLabel: string
  skills: SkillRef[]
  matchedSkills: string[]
  areas: AreaView[]
  matchedArea: string | null
  onDuty: boolean
  openLoad: number
  maxLoad: number
  score: number
  /** 技能匹配：管网维修 · 负责区域：幸福家园 · 当前工单 3 张 */
  reasons: string[]
  assignable: boolean
  blockedReason: string | null
}

export interface Candidates {
  ticketId: string
  ticketNo: string
  ticketType: string
  ticketTypeLabel: string | null
  stationOrgId: string
  stationName: string | null
  currentWorkerId: string | null
  householdPath: string | null
  candidates: Candidate[]
}

export interface Spot {
  nodeId: string
  name: string
  tickets: number
  openTickets: number
  households: number
  /** ticket type label → count */
  byType: Record<string, number>
}

export interface Hotspots {
  days: number
  stationOrgId: string | null
  tickets: number
  truncated: boolean
  unlocated: number
  communities: Spot[]
  units: Spot[]
}

// ---------------------------------------------------------------- workers and skills

export type WorkerType = 'REPAIR' | 'GRID'

export const workerTypeLabels: Record<WorkerType, string> = { REPAIR: '维修员', GRID: '网格员' }

export interface WorkerView {
  id: string
  userId: string
  username: string | null
  realName: string
  jobNumber: string | null
  userEnabled: boolean
  /** the user now belongs to another org than the profile's station */
  movedAway: boolean
  stationOrgId: string
  stationName: string | null
  workerType: WorkerType
  workerTypeLabel: string
  skills: SkillRef[]
  areas: AreaView[]
  onDuty: boolean
  maxLoad: number
  /** open tickets held now */
  openLoad: number
  remark: string | null
  rowVersion: number
  createdAt: string
  updatedAt: string
}

export interface UnprofiledUser {
  userId: string
  username: string
  realName: string
  jobNumber: string | null
  orgId: string
  orgName: string | null
}

export interface SkillView {
  id: string
  code: string
  name: string
  ticketTypes: string[]
  ticketTypeLabels: string[]
  sortNo: number
  enabled: boolean
  rowVersion: number
}

export interface AreaPick {
  nodeId: string
  nodePath: string
  nodeType: string | null
  nodeName: string
}

export interface WorkerBody {
  workerType: WorkerType
  skills: string[]
  areas: AreaPick[]
  onDuty: boolean
  maxLoad: number
  remark: string | null
}

export interface WorkerFilter {
  stationOrgId?: string | null
  workerType?: WorkerType | null
  onDuty?: boolean | null
  skill?: string | null
}

/** "城北热力有限公司/城北热电厂/城北1-1号换热站/幸福家园/1号楼" → "幸福家园/1号楼" (from the community down) */
export function shortArea(fullName: string | null | undefined): string {
  if (!fullName) return ''
  const parts = fullName.split('/')
  return parts.length > 3 ? parts.slice(3).join('/') : fullName
}

// ---------------------------------------------------------------- field app: devices, refused commands, check-ins

/** rp_device: the one phone a field user's account works on */
export interface DeviceView {
  id: string
  userId: string
  userName: string | null
  deviceId: string
  deviceName: string | null
  platform: string | null
  boundAt: string
  boundBy: string | null
  lastSeenAt: string | null
  /** highest command seq applied contiguously */
  lastSeq: number | string
  orgPath: string
  rowVersion: number
}

export type DeviceRequestStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED'

export const deviceRequestStatusLabels: Record<DeviceRequestStatus, string> = {
  PENDING: '待审批', APPROVED: '已批准', REJECTED: '已驳回', CANCELLED: '已取消',
}

/** rp_device_request: a worker logged in on another phone while one is bound */
export interface DeviceRequestView {
  id: string
  userId: string
  userName: string | null
  deviceId: string
  deviceName: string | null
  platform: string | null
  oldDeviceId: string | null
  oldDeviceName: string | null
  status: DeviceRequestStatus
  requestedAt: string
  decidedBy: string | null
  decidedByName: string | null
  decidedAt: string | null
  decisionNote: string | null
  rowVersion: number
}

/** rp_sync_op: a pushed command the server refused, kept for the station lead */
export interface SyncOpView {
  id: string
  opId: string
  userId: string
  userName: string | null
  deviceId: string
  seq: number | string
  opType: string
  ticketId: string | null
  ticketNo: string | null
  /** the command's payload as the app sent it (JSON text) */
  payloadJson: string | null
  status: 'APPLIED' | 'REJECTED'
  reasonCode: string | null
  message: string | null
  clientTime: string | null
  serverTime: string
  reviewedBy: string | null
  reviewedByName: string | null
  reviewedAt: string | null
  reviewNote: string | null
}

export type CheckType = 'DAILY' | 'SITE'

export const checkTypeLabels: Record<CheckType, string> = { DAILY: '每日签到', SITE: '现场签到' }

/** rp_check_in: a check-in with the phone's GPS fix (WGS-84) */
export interface CheckInView {
  id: string
  userId: string
  userName: string | null
  checkType: CheckType
  ticketId: string | null
  ticketNo: string | null
  lat: number | null
  lng: number | null
  /** metres */
  accuracy: number | null
  address: string | null
  clientTime: string | null
  serverTime: string
  opId: string | null
  deviceId: string | null
}

export interface RejectedFilter {
  workerId?: string | null
  ticketNo?: string | null
  code?: string | null
  /** LocalDateTime, server time at or after */
  from?: string | null
  /** LocalDateTime, before */
  to?: string | null
  resolved?: boolean | null
}

export interface CheckInFilter {
  workerId?: string | null
  checkType?: CheckType | null
  from?: string | null
  to?: string | null
}

export const repairApi = {
  tickets: (filter: StationTicketFilter & { page?: number; size?: number; sort?: string; order?: 'asc' | 'desc' }) =>
    get<PageResult<TicketRow>>(`${REPAIR}/tickets`, filter as unknown as Record<string, unknown>),
  counts: (stationOrgId?: string | null) =>
    get<StationCounts>(`${REPAIR}/tickets/counts`, { stationOrgId }, { silent: true }),
  perform: (id: string, cmd: StationCommand, o?: RequestOptions) =>
    post<TicketView>(`${REPAIR}/tickets/${id}/actions`, cmd, o),
  candidates: (id: string, o?: RequestOptions) => get<Candidates>(`${REPAIR}/tickets/${id}/candidates`, undefined, o),
  hotspots: (days: number, stationOrgId?: string | null) =>
    get<Hotspots>(`${REPAIR}/hotspots`, { days, stationOrgId }, { silent: true }),

  workers: (filter: WorkerFilter & { page?: number; size?: number }) =>
    get<PageResult<WorkerView>>(`${REPAIR}/workers`, filter as Record<string, unknown>),
  unprofiled: (stationOrgId: string) =>
    get<UnprofiledUser[]>(`${REPAIR}/workers/unprofiled`, { stationOrgId }),
  createWorker: (body: WorkerBody & { userId: string }, o?: RequestOptions) =>
    post<WorkerView>(`${REPAIR}/workers`, body, o),
  updateWorker: (id: string, body: WorkerBody & { rowVersion: number }, o?: RequestOptions) =>
    put<WorkerView>(`${REPAIR}/workers/${id}`, body, o),
  duty: (id: string, onDuty: boolean, o?: RequestOptions) =>
    post<WorkerView>(`${REPAIR}/workers/${id}/duty`, { onDuty }, o),
  skills: () => get<SkillView[]>(`${REPAIR}/skills`),

  devices: (filter: { userId?: string | null; keyword?: string | null; page?: number; size?: number }) =>
    get<PageResult<DeviceView>>(`${REPAIR}/devices`, filter as Record<string, unknown>),
  deviceRequests: (filter: { status?: DeviceRequestStatus | null; userId?: string | null; page?: number; size?: number }) =>
    get<PageResult<DeviceRequestView>>(`${REPAIR}/devices/requests`, filter as Record<string, unknown>),
  approveRequest: (id: string, note: string | null, o?: RequestOptions) =>
    post<DeviceRequestView>(`${REPAIR}/devices/requests/${id}/approve`, { note }, o),
  rejectRequest: (id: string, note: string, o?: RequestOptions) =>
    post<DeviceRequestView>(`${REPAIR}/devices/requests/${id}/reject`, { note }, o),
  unbind: (userId: string, reason: string, o?: RequestOptions) =>
    post<void>(`${REPAIR}/devices/${userId}/unbind`, { reason }, o),
  rejected: (filter: RejectedFilter & { page?: number; size?: number }) =>
    get<PageResult<SyncOpView>>(`${REPAIR}/sync/rejected`, filter as Record<string, unknown>),
  resolveRejected: (opId: string, note: string, o?: RequestOptions) =>
    post<SyncOpView>(`${REPAIR}/sync/rejected/${encodeURIComponent(opId)}/resolve`, { note }, o),
  checkIns: (filter: CheckInFilter & { page?: number; size?: number }) =>
    get<PageResult<CheckInView>>(`${REPAIR}/check-ins`, filter as Record<string, unknown>),
}

export type { TicketAction }
