/**
 * Calls of the call center's administration pages (网关管理、IP 话机、队列与技能、坐席管理), /api/callcenter/...
 * Shapes follow GatewayViews / AgentViews / GatewayRequests / AgentRequests of module-callcenter. Ids (Java Long)
 * are strings; Instants (gateway status) arrive as ISO strings with a zone ("…Z"), LocalDateTimes without one.
 */
import { ApiError, del, download, get, isApiError, post, put, type RequestOptions } from '@/api/http'
import type { PageResult } from '@/api/types'
import { formatDateTime } from '@/utils/format'

export const CC = '/api/callcenter'

// ---------------------------------------------------------------- shapes

export type GatewayKind = 'HQ' | 'STATION'

export const gatewayKindLabels: Record<GatewayKind, string> = { HQ: '总部网关', STATION: '站部网关' }

/** live AMI link state (GatewayStatusView); null when the AMI layer does not run */
export interface GatewayStatus {
  gatewayId: string
  connected: boolean
  asteriskVersion: string | null
  startedAt: string | null
  uptimeSeconds: number | string | null
  channels: number | null
  lastEventAt: string | null
  connectedSince: string | null
  lastError: string | null
  reconnects: number | string
}

export interface GatewayView {
  id: string
  code: string
  name: string
  kind: GatewayKind
  kindLabel: string
  stationOrgId: string | null
  stationName: string | null
  amiHost: string
  amiPort: number
  amiUsername: string
  amiSecretSet: boolean
  agiHost: string | null
  agiPort: number | null
  recordingDir: string | null
  enabled: boolean
  remark: string | null
  phoneCount: number
  queueCount: number
  status: GatewayStatus | null
  rowVersion: number
  createdAt: string | null
  updatedAt: string | null
}

export interface GatewayFilter {
  keyword?: string | null
  kind?: GatewayKind | null
  enabled?: boolean | null
  stationOrgId?: string | null
}

/** GatewayRequests.GatewaySave; amiSecret null/blank on edit keeps the stored secret */
export interface GatewaySave {
  code: string
  name: string
  kind: GatewayKind
  stationOrgId: string | null
  amiHost: string
  amiPort: number
  amiUsername: string
  amiSecret: string | null
  agiHost: string | null
  agiPort: number | null
  recordingDir: string | null
  enabled?: boolean | null
  remark: string | null
  rowVersion?: number | null
}

export interface PhoneView {
  id: string
  gatewayId: string
  gatewayName: string | null
  extension: string
  endpointName: string | null
  sipSecretSet: boolean
  model: string | null
  mac: string | null
  remark: string | null
  enabled: boolean
  /** null = no registration state seen yet */
  registered: boolean | null
  deviceState: string | null
  stateUpdatedAt: string | null
  agentId: string | null
  agentJobNo: string | null
  agentName: string | null
  rowVersion: number
}

export interface PhoneFilter {
  gatewayId?: string | null
  keyword?: string | null
  bound?: boolean | null
  registered?: boolean | null
}

/** GatewayRequests.PhoneSave; sipSecret blank = generated (create) / kept (edit) */
export interface PhoneSave {
  gatewayId: string
  extension: string
  endpointName: string | null
  sipSecret: string | null
  model: string | null
  mac: string | null
  remark: string | null
  enabled?: boolean | null
  rowVersion?: number | null
}

export interface QueueView {
  id: string
  gatewayId: string
  gatewayName: string | null
  queueName: string
  displayName: string
  skillCode: string
  skillLabel: string | null
  strategy: string
  timeoutSeconds: number
  wrapupSeconds: number
  maxWaitSeconds: number
  enabled: boolean
  remark: string | null
  memberCount: number
  rowVersion: number
}

/** GatewayRequests.QueueSave */
export interface QueueSave {
  gatewayId: string
  queueName: string
  displayName: string
  skillCode: string
  strategy: string | null
  timeoutSeconds: number | null
  wrapupSeconds: number | null
  maxWaitSeconds: number | null
  enabled?: boolean | null
  remark: string | null
  rowVersion?: number | null
}

/** a dictionary item (DictItemOption) */
export interface DictOption {
  code: string
  label: string
  sortNo?: number
  tagColor?: string | null
}

export type AgentState = 'SIGNED_OUT' | 'IDLE' | 'BUSY' | 'WRAP_UP' | 'BREAK' | 'RINGING' | 'TALKING'

export type ForceAction = 'FORCE_BUSY' | 'FORCE_IDLE' | 'FORCE_SIGN_OUT'

export interface SkillView {
  queueId: string
  queueName: string
  displayName: string
  skillCode: string
  skillLabel: string | null
  level: number
}

export interface AgentView {
  id: string
  userId: string
  username: string | null
  jobNo: string
  agentName: string | null
  orgName: string | null
  phoneId: string | null
  extension: string | null
  gatewayId: string | null
  gatewayName: string | null
  phoneRegistered: boolean | null
  phoneDeviceState: string | null
  state: AgentState
  stateLabel: string | null
  stateReason: string | null
  stateReasonLabel: string | null
  stateSince: string | null
  stateUntil: string | null
  currentCall: string | null
  currentQueue: string | null
  skills: SkillView[]
  /** the inputs the state machine allows now (AgentInput names) */
  allowed: string[]
  remark: string | null
  rowVersion: number
}

export interface AgentFilter {
  keyword?: string | null
  gatewayId?: string | null
  state?: AgentState | null
  bound?: boolean | null
}

export interface AgentCandidate {
  userId: string
  username: string
  realName: string
  jobNumber: string | null
  orgId: string | null
  orgName: string | null
}

export interface SkillAssign {
  queueId: string
  level: number
}

export interface AgentCreate {
  userId: string
  jobNo: string | null
  phoneId: string | null
  skills: SkillAssign[]
  remark: string | null
}

export interface AgentUpdate {
  jobNo: string
  remark: string | null
  rowVersion: number
}

export interface StateLogView {
  id: string
  agentId: string
  jobNo: string
  fromState: string | null
  fromStateLabel: string | null
  toState: string
  toStateLabel: string | null
  input: string | null
  reason: string | null
  source: string | null
  actorId: string | null
  actorName: string | null
  callId: string | null
  changedAt: string
  durationMs: number | string
}

export interface SessionView {
  id: string
  agentId: string
  jobNo: string
  extension: string | null
  gatewayId: string | null
  signedInAt: string
  signedOutAt: string | null
  signOutHow: string | null
  signedOutBy: string | null
  clientIp: string | null
  durationSeconds: number | string | null
}

/** live push on topic "agent", type AGENT_STATE */
export interface AgentStateEvent {
  type: 'AGENT_STATE'
  agentId: string
  userId: string
  jobNo: string
  agentName: string | null
  gatewayId: string | null
  extension: string | null
  fromState: string | null
  state: AgentState
  stateLabel: string | null
  stateReason: string | null
  stateReasonLabel: string | null
  stateSince: string | null
  stateUntil: string | null
  currentCall: string | null
  source: string | null
  input: string | null
}

/** live push on topic "agent", type PHONE_STATE */
export interface PhoneStateEvent {
  type: 'PHONE_STATE'
  phoneId: string
  gatewayId: string
  extension: string
  registered: boolean
  deviceState: string | null
  agentId: string | null
  at: string | null
}

export const AGENT_TOPIC = 'agent'

// ---------------------------------------------------------------- calls

type Opts = RequestOptions | undefined

export const gatewayApi = {
  page: (filter: GatewayFilter & { page?: number; size?: number; sort?: string; order?: string }, o?: Opts) =>
    get<PageResult<GatewayView>>(`${CC}/gateways`, { ...filter }, o),
  get: (id: string, o?: Opts) => get<GatewayView>(`${CC}/gateways/${id}`, undefined, o),
  create: (body: GatewaySave, o?: Opts) => post<GatewayView>(`${CC}/gateways`, body, o),
  update: (id: string, body: GatewaySave, o?: Opts) => put<GatewayView>(`${CC}/gateways/${id}`, body, o),
  setEnabled: (id: string, enabled: boolean, o?: Opts) =>
    post<GatewayView>(`${CC}/gateways/${id}/enabled`, { enabled }, o),
  remove: (id: string, o?: Opts) => del<void>(`${CC}/gateways/${id}`, undefined, o),
}

export const phoneApi = {
  page: (filter: PhoneFilter & { page?: number; size?: number; sort?: string; order?: string }, o?: Opts) =>
    get<PageResult<PhoneView>>(`${CC}/phones`, { ...filter }, o),
  get: (id: string, o?: Opts) => get<PhoneView>(`${CC}/phones/${id}`, undefined, o),
  create: (body: PhoneSave, o?: Opts) => post<PhoneView>(`${CC}/phones`, body, o),
  update: (id: string, body: PhoneSave, o?: Opts) => put<PhoneView>(`${CC}/phones/${id}`, body, o),
  remove: (id: string, o?: Opts) => del<void>(`${CC}/phones/${id}`, undefined, o),
}

export const queueApi = {
  skills: (o?: Opts) => get<DictOption[]>(`${CC}/skills`, undefined, o),
  list: (filter: { gatewayId?: string | null; skillCode?: string | null } = {}, o?: Opts) =>
    get<QueueView[]>(`${CC}/queues`, { ...filter }, o),
  create: (body: QueueSave, o?: Opts) => post<QueueView>(`${CC}/queues`, body, o),
  update: (id: string, body: QueueSave, o?: Opts) => put<QueueView>(`${CC}/queues/${id}`, body, o),
  remove: (id: string, o?: Opts) => del<void>(`${CC}/queues/${id}`, undefined, o),
}

export const agentApi = {
  page: (filter: AgentFilter & { page?: number; size?: number; sort?: string; order?: string }, o?: Opts) =>
    get<PageResult<AgentView>>(`${CC}/agents`, { ...filter }, o),
  get: (id: string, o?: Opts) => get<AgentView>(`${CC}/agents/${id}`, undefined, o),
  candidates: (o?: Opts) => get<AgentCandidate[]>(`${CC}/agents/candidates`, undefined, o),
  create: (body: AgentCreate, o?: Opts) => post<AgentView>(`${CC}/agents`, body, o),
  update: (id: string, body: AgentUpdate, o?: Opts) => put<AgentView>(`${CC}/agents/${id}`, body, o),
  bind: (id: string, phoneId: string, rowVersion: number, o?: Opts) =>
    post<AgentView>(`${CC}/agents/${id}/phone`, { phoneId, rowVersion }, o),
  unbind: (id: string, rowVersion: number, o?: Opts) =>
    post<AgentView>(`${CC}/agents/${id}/phone/unbind`, { rowVersion }, o),
  setSkills: (id: string, skills: SkillAssign[], o?: Opts) =>
    put<AgentView>(`${CC}/agents/${id}/skills`, { skills }, o),
  force: (id: string, action: ForceAction, reason: string | null, o?: Opts) =>
    post<AgentView>(`${CC}/agents/${id}/force`, { action, reason }, o),
  remove: (id: string, o?: Opts) => del<void>(`${CC}/agents/${id}`, undefined, o),
  stateLog: (q: { agentId?: string | null; from?: string | null; to?: string | null; page?: number; size?: number }, o?: Opts) =>
    get<PageResult<StateLogView>>(`${CC}/agents/state-log`, { ...q }, o),
  sessions: (q: { agentId?: string | null; from?: string | null; to?: string | null; page?: number; size?: number }, o?: Opts) =>
    get<PageResult<SessionView>>(`${CC}/agents/sessions`, { ...q }, o),
}

/** busy_reason / break_reason (any logged-in user may read dictionary options) */
export async function loadReasonDicts(o?: Opts): Promise<{ busy_reason: DictOption[]; break_reason: DictOption[] }> {
  const m = await get<Record<string, DictOption[]>>('/api/settings/dicts', { types: 'busy_reason,break_reason' },
    o ?? { silent: true })
  return { busy_reason: m.busy_reason ?? [], break_reason: m.break_reason ?? [] }
}

/** every gateway the user may see (for drop-downs); [] when the user may not list gateways */
export async function loadGatewayOptions(): Promise<GatewayView[]> {
  try {
    return (await gatewayApi.page({ page: 1, size: 200 }, { silent: true })).records
  } catch {
    return []
  }
}

/**
 * A server error about an element of a list ("skills[1].level") as an error of the list itself ("skills"), so that
 * a form shows it under the list's field. Other errors are returned unchanged.
 */
export function listFieldError(e: unknown, list: string): unknown {
  if (!isApiError(e) || !e.field || e.field === list || !e.field.startsWith(list + '[')) return e
  return new ApiError(e.status, e.code, e.msg, list, e.data)
}

// ---------------------------------------------------------------- labels and formatting

/** Asterisk queue strategies the server accepts (QueueService.STRATEGIES); default rrmemory */
export const queueStrategies: { value: string; label: string }[] = [
  { value: 'rrmemory', label: '轮询（记忆位置）' },
  { value: 'ringall', label: '全部振铃' },
  { value: 'leastrecent', label: '最久未接优先' },
  { value: 'fewestcalls', label: '接听最少优先' },
  { value: 'random', label: '随机' },
  { value: 'rrordered', label: '轮询（按顺序）' },
  { value: 'linear', label: '按顺序' },
  { value: 'wrandom', label: '按技能等级加权随机' },
]

export function strategyLabel(code: string | null | undefined): string {
  return queueStrategies.find((s) => s.value === code)?.label ?? code ?? ''
}

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

/** the colour and text of each agent state (AgentState on the server) */
export const agentStates: Record<AgentState, { label: string; type: TagType; effect: 'light' | 'dark' | 'plain' }> = {
  SIGNED_OUT: { label: '签出', type: 'info', effect: 'plain' },
  IDLE: { label: '示闲', type: 'success', effect: 'light' },
  BUSY: { label: '示忙', type: 'danger', effect: 'light' },
  WRAP_UP: { label: '整理', type: 'warning', effect: 'light' },
  BREAK: { label: '小休', type: 'info', effect: 'light' },
  RINGING: { label: '振铃', type: 'warning', effect: 'dark' },
  TALKING: { label: '通话中', type: 'primary', effect: 'dark' },
}

/** tag type, effect and text for a state; the server's label wins, a reason label is appended (示忙·开会) */
export function stateTag(state: string | null | undefined, label?: string | null, reasonLabel?: string | null):
  { type: TagType; effect: 'light' | 'dark' | 'plain'; text: string } {
  const s = state ? agentStates[state as AgentState] : undefined
  const base = label || s?.label || state || '未知'
  return {
    type: s?.type ?? 'info',
    effect: s?.effect ?? 'plain',
    text: reasonLabel && (state === 'BUSY' || state === 'BREAK') ? `${base}·${reasonLabel}` : base,
  }
}

/** "2026-11-21T12:13:21.99" (server local time) → epoch ms in the browser; NaN when unreadable */
export function parseLocalDateTime(value: string | null | undefined): number {
  if (!value) return NaN
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?/.exec(value)
  if (!m) return NaN
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return Date.parse(value)
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0
  return new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, ms).getTime()
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * How long an agent has been in its state, ticking: "05:07" under an hour, "1:05:07" under a day,
 * "2天3小时" beyond. Negative spans (clock skew) count as 0.
 */
export function formatStateDuration(ms: number): string {
  if (!Number.isFinite(ms)) return ''
  const total = Math.max(0, Math.floor(ms / 1000))
  const d = Math.floor(total / 86400)
  const h = Math.floor((total % 86400) / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (d > 0) return `${d}天${h}小时`
  if (h > 0) return `${h}:${pad(m)}:${pad(s)}`
  return `${pad(m)}:${pad(s)}`
}

/** the state duration of `since` at `now` (both local), '' when since is missing */
export function stateDuration(since: string | null | undefined, now: number): string {
  const t = parseLocalDateTime(since)
  return Number.isNaN(t) ? '' : formatStateDuration(now - t)
}

/** Asterisk uptime: "3天4小时12分", "5小时0分", "12分"; under a minute "不足1分" */
export function formatUptime(seconds: number | string | null | undefined): string {
  if (seconds === null || seconds === undefined || seconds === '') return ''
  const total = Math.max(0, Math.floor(Number(seconds)))
  if (!Number.isFinite(total)) return ''
  if (total < 60) return '不足1分'
  const d = Math.floor(total / 86400)
  const h = Math.floor((total % 86400) / 3600)
  const m = Math.floor((total % 3600) / 60)
  if (d > 0) return `${d}天${h}小时${m}分`
  if (h > 0) return `${h}小时${m}分`
  return `${m}分`
}

/** "2026-11-21T04:13:21.5Z" (Instant) → "2026-11-21 12:13:21" in the browser's zone; LocalDateTime as is */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return ''
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return formatDateTime(value)
  const t = new Date(value)
  if (Number.isNaN(t.getTime())) return value
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}`
}

/** a duration in ms of the state log: "3分12秒", "1小时2分", "45秒" */
export function formatSpan(ms: number | string | null | undefined): string {
  if (ms === null || ms === undefined || ms === '') return ''
  const total = Math.max(0, Math.round(Number(ms) / 1000))
  if (!Number.isFinite(total)) return ''
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return `${h}小时${m}分`
  if (m > 0) return `${m}分${s}秒`
  return `${s}秒`
}

/** registration text of a phone */
export function registrationText(registered: boolean | null | undefined): string {
  return registered === true ? '已注册' : registered === false ? '未注册' : '未知'
}

/** Asterisk device states in Chinese (PJSIPShowEndpoints / DeviceStateChange names) */
const deviceStates: Record<string, string> = {
  NOT_INUSE: '空闲', INUSE: '使用中', BUSY: '忙', RINGING: '振铃', RINGINUSE: '振铃中（使用中）', ONHOLD: '保持',
  UNAVAILABLE: '不可用', INVALID: '无效', UNKNOWN: '未知', NOT_IN_USE: '空闲', IN_USE: '使用中', ON_HOLD: '保持',
}

export function deviceStateText(state: string | null | undefined): string {
  if (!state) return ''
  return deviceStates[state.toUpperCase().replace(/\s+/g, '_')] ?? state
}

export const stateSources: Record<string, string> = { COMMAND: '坐席操作', SUPERVISOR: '班长强制', AMI: '网关事件', SYSTEM: '系统' }
export const signOutHows: Record<string, string> = { COMMAND: '坐席签出', SUPERVISOR: '班长强制签出', SYSTEM: '系统签出' }

/** the Chinese names of the state machine's inputs (AgentInput) */
export const agentInputs: Record<string, string> = {
  SIGN_IN: '签入', SIGN_OUT: '签出', SET_BUSY: '示忙', SET_IDLE: '示闲', TAKE_BREAK: '小休', END_WRAP_UP: '结束整理',
  FORCE_BUSY: '强制示忙', FORCE_IDLE: '强制示闲', FORCE_SIGN_OUT: '强制签出', RING: '振铃', RING_TIMEOUT: '振铃未接',
  CONNECT: '接通', COMPLETE: '通话结束', HANGUP: '振铃挂断', ABANDON: '来电放弃',
}

/**
 * Which forced changes make sense from a state (AgentStateMachine): 示忙 from IDLE/BREAK/WRAP_UP, 示闲 from
 * BUSY/BREAK/WRAP_UP, 签出 from any signed-in state but talking. The server has the last word.
 */
export function forceAllowed(state: string | null | undefined, action: ForceAction): boolean {
  switch (action) {
    case 'FORCE_BUSY': return state === 'IDLE' || state === 'BREAK' || state === 'WRAP_UP'
    case 'FORCE_IDLE': return state === 'BUSY' || state === 'BREAK' || state === 'WRAP_UP'
    case 'FORCE_SIGN_OUT': return !!state && state !== 'SIGNED_OUT' && state !== 'TALKING'
  }
}

export const forceActions: Record<ForceAction, { label: string; needsReason: boolean }> = {
  FORCE_BUSY: { label: '强制示忙', needsReason: true },
  FORCE_IDLE: { label: '强制示闲', needsReason: false },
  FORCE_SIGN_OUT: { label: '强制签出', needsReason: false },
}

/** what a gateway's Asterisk configuration bundle would contain (no content: it holds secrets) */
export interface BundlePreview {
  gatewayCode: string
  zipName: string
  files: { name: string; size: number }[]
  placeholders: string[]
  warnings: string[]
}

export function bundlePreview(gatewayId: string): Promise<BundlePreview> {
  return get<BundlePreview>(`/api/callcenter/gateways/${gatewayId}/asterisk-config/preview`)
}

/** downloads the zip (audited on the server) */
export function downloadBundle(gatewayId: string, zipName: string): Promise<void> {
  return download(`/api/callcenter/gateways/${gatewayId}/asterisk-config`, undefined, zipName)
}
