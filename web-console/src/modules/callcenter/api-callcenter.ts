/**
 * Calls and shapes of the call center's agent-facing endpoints: the agent's own workbench (/api/callcenter/agents/me),
 * call records, live figures, recordings, the demo controls (/api/callcenter/demo), and the screen-pop message pushed
 * on topic "screenpop". Ids (Java Long) arrive as strings. Numbers arrive masked unless the user holds
 * callcenter:number:view. Pure helpers (labels, the state-button rules, duration formatting) live here too so the
 * pages and their unit tests share them.
 */
import { http, get, post, type RequestOptions } from '@/api/http'
import type { PageResult } from '@/api/types'
import type { BlacklistHit, HouseholdPanel, HouseholdSummary } from '@/modules/baseinfo/api-household'

// ---------------------------------------------------------------- agent states

export type AgentStateCode = 'SIGNED_OUT' | 'IDLE' | 'BUSY' | 'WRAP_UP' | 'BREAK' | 'RINGING' | 'TALKING'

/** the agent's own commands (POST /me/state action; SIGN_IN has its own endpoint) */
export type AgentCommand = 'SIGN_OUT' | 'SET_BUSY' | 'SET_IDLE' | 'TAKE_BREAK' | 'END_WRAP_UP'

export const agentStateLabels: Record<AgentStateCode, string> = {
  SIGNED_OUT: '签出', IDLE: '示闲', BUSY: '示忙', WRAP_UP: '整理', BREAK: '小休', RINGING: '振铃', TALKING: '通话中',
}

/** el-tag type per state */
export function agentStateTagType(state: string | null | undefined): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (state) {
    case 'IDLE': return 'success'
    case 'BUSY': return 'warning'
    case 'BREAK': return 'warning'
    case 'WRAP_UP': return 'primary'
    case 'RINGING': return 'danger'
    case 'TALKING': return 'danger'
    default: return 'info'
  }
}

export interface SkillView {
  queueId: string
  queueName: string
  displayName: string | null
  skillCode: string | null
  skillLabel: string | null
  level: number
}

/** AgentViews.AgentView */
export interface AgentView {
  id: string
  userId: string
  username: string
  jobNo: string
  agentName: string
  orgName: string | null
  phoneId: string | null
  extension: string | null
  gatewayId: string | null
  gatewayName: string | null
  /** null = registration not seen yet */
  phoneRegistered: boolean | null
  phoneDeviceState: string | null
  state: AgentStateCode
  stateLabel: string
  stateReason: string | null
  stateReasonLabel: string | null
  stateSince: string | null
  stateUntil: string | null
  /** linkedid of the call the agent is ringing for / talking on */
  currentCall: string | null
  currentQueue: string | null
  skills: SkillView[]
  /** the inputs the state machine allows now (AgentInput names) */
  allowed: string[]
  remark: string | null
  rowVersion: number | null
}

/** the push on topic "agent" after a state change (type AGENT_STATE) */
export interface AgentStateEvent {
  type: 'AGENT_STATE'
  agentId: string
  userId: string
  jobNo: string
  agentName: string
  gatewayId: string | null
  extension: string | null
  fromState: string
  state: AgentStateCode
  stateLabel: string
  stateReason: string | null
  stateReasonLabel: string | null
  stateSince: string | null
  stateUntil: string | null
  currentCall: string | null
  source: string
  input: string
}

/** the push on topic "agent" when a phone's registration changes (type PHONE_STATE) */
export interface PhoneStateEvent {
  type: 'PHONE_STATE'
  phoneId: string
  gatewayId: string
  extension: string
  registered: boolean
  deviceState: string | null
  agentId: string | null
  at: string
}

/** the legal targets of the agent's own inputs (AgentStateMachine.next, SIGN_IN/commands only) */
const COMMAND_FROM: Record<'SIGN_IN' | AgentCommand, readonly AgentStateCode[]> = {
  SIGN_IN: ['SIGNED_OUT'],
  SIGN_OUT: ['IDLE', 'BUSY', 'BREAK', 'WRAP_UP'],
  SET_BUSY: ['IDLE', 'BREAK', 'WRAP_UP'],
  SET_IDLE: ['BUSY', 'BREAK', 'WRAP_UP'],
  TAKE_BREAK: ['IDLE', 'BUSY', 'WRAP_UP'],
  END_WRAP_UP: ['WRAP_UP'],
}

export interface CtiButtons {
  signIn: boolean
  idle: boolean
  busy: boolean
  rest: boolean
  signOut: boolean
  endWrapUp: boolean
}

/**
 * Which CTI buttons are enabled. The server's `allowed` set is used when it belongs to the state shown (the view
 * from GET /me); after a live state event the set is derived from the state with the same table as the server's
 * state machine. Sign-in also needs a bound phone; nothing is enabled while a command is in flight.
 */
export function ctiButtons(agent: Pick<AgentView, 'state' | 'phoneId'> & { allowed?: string[] | null } | null,
                           busy = false): CtiButtons {
  const none: CtiButtons = { signIn: false, idle: false, busy: false, rest: false, signOut: false, endWrapUp: false }
  if (!agent || busy) return none
  const can = (input: 'SIGN_IN' | AgentCommand) =>
    agent.allowed ? agent.allowed.includes(input) : COMMAND_FROM[input].includes(agent.state)
  return {
    signIn: can('SIGN_IN') && !!agent.phoneId,
    idle: can('SET_IDLE'),
    busy: can('SET_BUSY'),
    rest: can('TAKE_BREAK'),
    signOut: can('SIGN_OUT'),
    endWrapUp: can('END_WRAP_UP'),
  }
}

/** a live state event applied to the agent on screen; `allowed` is dropped (derived from the state afterwards) */
export function applyStateEvent(agent: AgentView, e: AgentStateEvent): AgentView {
  return {
    ...agent, state: e.state, stateLabel: e.stateLabel, stateReason: e.stateReason, stateReasonLabel: e.stateReasonLabel,
    stateSince: e.stateSince, stateUntil: e.stateUntil, currentCall: e.currentCall,
    allowed: (Object.keys(COMMAND_FROM) as ('SIGN_IN' | AgentCommand)[]).filter((i) => COMMAND_FROM[i].includes(e.state)),
  }
}

// ---------------------------------------------------------------- durations

/** milliseconds as "m:ss" (under an hour) or "h:mm:ss"; '—' for null/undefined; negative counts as 0 */
export function formatDuration(ms: number | string | null | undefined): string {
  if (ms === null || ms === undefined || ms === '' || Number.isNaN(Number(ms))) return '—'
  const total = Math.max(0, Math.floor(Number(ms) / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/** parses a server LocalDateTime ("2026-11-21T12:13:21[.123]") as local time, with milliseconds */
export function parseServerTime(value: string | null | undefined): number | null {
  if (!value) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?/.exec(value)
  if (!m) return null
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0
  return new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, ms).getTime()
}

/** time spent in a state since `since` (server time), as formatDuration; `skewMs` = server clock − local clock */
export function elapsedSince(since: string | null | undefined, now: number = Date.now(), skewMs = 0): string {
  const t = parseServerTime(since)
  return t === null ? '—' : formatDuration(now + skewMs - t)
}

/** a percentage figure ("95.5%"), '—' when the server had nothing to compute it from */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Number(rate).toFixed(1)}%`
}

// ---------------------------------------------------------------- calls

export const directionLabels: Record<string, string> = { IN: '呼入', OUT: '呼出', INTERNAL: '内部' }
export const resultLabels: Record<string, string> = {
  ANSWERED: '已接通', ABANDONED: '放弃', NO_ANSWER: '未接通', REJECTED: '拒接', BLACKLISTED: '黑名单拦截', FAILED: '呼叫失败',
}
export const partyLabels: Record<string, string> = { CALLER: '主叫', AGENT: '坐席', OUTSIDE: '外线', SYSTEM: '系统' }
export const callStatusLabels: Record<string, string> = { LIVE: '通话中', ENDED: '已结束' }
/** the sort keys GET /api/callcenter/calls accepts */
export const CALL_SORT_KEYS = ['startedAt', 'endedAt', 'waitMs', 'talkMs', 'ringMs', 'queue', 'result'] as const

export function resultTagType(result: string | null | undefined): 'success' | 'warning' | 'danger' | 'info' {
  switch (result) {
    case 'ANSWERED': return 'success'
    case 'ABANDONED': return 'warning'
    case 'NO_ANSWER': return 'warning'
    case 'REJECTED': return 'danger'
    case 'BLACKLISTED': return 'danger'
    case 'FAILED': return 'danger'
    default: return 'info'
  }
}

export function labelIn(labels: Record<string, string>, code: string | null | undefined, serverLabel?: string | null): string {
  return serverLabel || (code ? labels[code] ?? code : '')
}

/** CallViews.CallView */
export interface CallView {
  id: string
  gatewayId: string
  linkedid: string
  direction: string
  directionLabel: string | null
  callerNumber: string | null
  calledNumber: string | null
  numbersMasked: boolean
  did: string | null
  queueName: string | null
  agentId: string | null
  agentUserId: string | null
  agentJobNo: string | null
  agentName: string | null
  startedAt: string | null
  queuedAt: string | null
  firstRingAt: string | null
  answeredAt: string | null
  endedAt: string | null
  waitMs: number | null
  ringMs: number | null
  talkMs: number | null
  holdMs: number | null
  ringAttempts: number
  hangupBy: string | null
  hangupByLabel: string | null
  result: string | null
  resultLabel: string | null
  recordingId: string | null
  householdId: string | null
  surveyScore: number | null
  surveyScore2: number | null
  status: string
  statusLabel: string | null
  adopted: boolean
  reconciled: boolean
  /** the agent who ended the call when hangupBy is AGENT (CTI 挂断 or the agent's phone) */
  hangupAgentId?: string | null
  hangupAgentName?: string | null
  /** a callback: the id of the missed call it returns */
  callbackOf?: string | null
}

/** a callback of a missed call (已回拨): who, when, result */
export interface CallbackView {
  id: string
  linkedid: string
  agentId: string | null
  agentJobNo: string | null
  agentName: string | null
  startedAt: string | null
  answeredAt: string | null
  endedAt: string | null
  talkMs: number | null
  status: string
  statusLabel: string | null
  result: string | null
  resultLabel: string | null
}

/** list filter callbackState: missed inbound calls (放弃 / 未接通) without or with a callback */
export const callbackStateLabels: Record<string, string> = { PENDING: '未回拨的未接来电', DONE: '已回拨的未接来电' }

export interface LegView {
  id: string
  channel: string
  uniqueid: string
  party: string
  partyLabel: string | null
  number: string | null
  agentUserId: string | null
  agentName: string | null
  startedAt: string | null
  answeredAt: string | null
  endedAt: string | null
  hangupCause: number | null
  hangupText: string | null
  /** music on hold on this leg after the answer */
  holdMs?: number | null
}

export interface TicketLinkView {
  ticketId: string
  ticketNo: string | null
  /** AUTO (created with the call's id) / MANUAL */
  kind: string
  linkedByName: string | null
  linkedAt: string | null
}

export interface RecordingView {
  id: string
  callId: string
  fileName: string
  fileSize: number | null
  durationMs: number | null
  startedAt: string | null
  endedAt: string | null
  retainUntil: string | null
  deleted: boolean
  audioUrl: string | null
}

export interface CallDetail {
  call: CallView
  legs: LegView[]
  tickets: TicketLinkView[]
  recordings: RecordingView[]
  /** callbacks of this (missed) call, oldest first */
  callbacks?: CallbackView[]
}

export interface AccessView {
  userId: string
  username: string | null
  /** PLAY / DOWNLOAD */
  kind: string
  range: string | null
  clientIp: string | null
  at: string
}

export interface CallFilters {
  number?: string
  agentJobNo?: string
  agentUserId?: string | null
  from?: string | null
  to?: string | null
  queue?: string | null
  result?: string | null
  direction?: string | null
  gatewayId?: string | null
  status?: string | null
  /** PENDING = 未回拨的未接来电, DONE = 已回拨的未接来电 */
  callbackState?: string | null
}

export interface QueueFigures {
  gatewayId: string
  queue: string
  waiting: number
  longestWaitMs: number
}

/** CallStatsService.AgentFigures: one agent of the reader's scope, its state and today's counts */
export interface AgentFigures {
  agentId: string
  jobNo: string
  agentName: string
  extension: string | null
  state: string
  stateLabel: string | null
  stateReason: string | null
  stateSince: string | null
  answeredToday: number
  /** rings not answered (振铃未接) */
  missedToday: number
  outboundToday: number
  talkSecondsToday: number
}

/** CallStatsService.CallStats (GET /calls/stats and topic "callstats", both in the reader's data scope) */
export interface CallStats {
  at: string
  queues: QueueFigures[]
  liveCalls: number
  waitingTotal: number
  inboundToday: number
  outboundToday: number
  internalToday: number
  offeredToday: number
  answeredToday: number
  abandonedToday: number
  noAnswerToday: number
  answerRate: number | null
  lossRate: number | null
  averageWaitMs: number | null
  /** per agent of the reader's scope: signed-in ones first (absent from servers before issue 7's figures) */
  agents?: AgentFigures[]
}

/** who may read the live figures (GET /calls/stats, topic "callstats") */
export const CALL_STATS_PERMISSIONS = ['callcenter:call', 'callcenter:workbench', 'callcenter:agent'] as const

// ---------------------------------------------------------------- screen pop

/**
 * The household panel inside a screen pop: baseinfo's published HouseholdPanel (cn.heatdesk.baseinfo.api), which
 * lacks the REST view's labels — heating status label, station name, blacklisted flag — so the console fills them.
 */
export type PopHouseholdPanel = Omit<HouseholdPanel, 'heatingStatusLabel' | 'stationName' | 'blacklisted'>
  & Partial<Pick<HouseholdPanel, 'heatingStatusLabel' | 'stationName' | 'blacklisted'>>

/** cn.heatdesk.baseinfo.api.CallerPanel */
export interface PopCallerPanel {
  phone: string | null
  households: HouseholdSummary[]
  panel: PopHouseholdPanel | null
  blacklist: BlacklistHit[]
}

export const heatingStatusLabels: Record<string, string> = { HEATING: '供热', SUSPENDED: '报停', STOPPED: '停供' }

/** ScreenPopMessage, pushed on topic "screenpop" to the agent a call rings */
export interface ScreenPopMessage {
  /** what the ticket takes as callId */
  callId: string
  linkedid: string
  gatewayId: string
  queue: string | null
  did: string | null
  callerNumber: string | null
  numberMasked: boolean
  /** no household bound to the number: offer search / bind */
  unknownNumber: boolean
  blacklisted: boolean
  /** null when unknownNumber */
  panel: PopCallerPanel | null
  agentJobNo: string | null
  ringingAt: string | null
}

/**
 * The 业务受理 query for a new ticket from a call: the call id always, the household when known, the caller's
 * number only when it is not masked (a masked number must never land in a ticket).
 */
export function acceptQuery(pop: Pick<ScreenPopMessage, 'callId' | 'callerNumber' | 'numberMasked'>,
                            householdId: string | null): Record<string, string> {
  const q: Record<string, string> = { callId: pop.callId }
  if (householdId) q.householdId = householdId
  if (pop.callerNumber && !pop.numberMasked && !pop.callerNumber.includes('*')) q.phone = pop.callerNumber
  return q
}

// ---------------------------------------------------------------- demo controls

export interface DemoGateway {
  gatewayId: string
  code: string
  name: string
  phones: string[]
  queues: string[]
}

export interface DemoInfo {
  enabled: boolean
  gateways: DemoGateway[]
}

export interface DemoCallResult {
  linkedid: string
  channel: string
}

export interface DemoPhoneResult {
  extension: string
  state: string
}

export type DemoPhoneAction = 'answer' | 'reject' | 'hangup'

// ---------------------------------------------------------------- endpoints

const CC = '/api/callcenter'
const ME = `${CC}/agents/me`
const CALLS = `${CC}/calls`
const RECORDINGS = `${CC}/recordings`
const DEMO = `${CC}/demo`

export const agentApi = {
  me: (o?: RequestOptions) => get<AgentView>(ME, undefined, o),
  signIn: (extension: string, gatewayId?: string | null, o?: RequestOptions) =>
    post<AgentView>(`${ME}/sign-in`, { extension, gatewayId: gatewayId ?? null }, o),
  command: (action: AgentCommand, reason?: string | null, o?: RequestOptions) =>
    post<AgentView>(`${ME}/state`, { action, reason: reason ?? null }, o),
}

export const callApi = {
  page: (params: CallFilters & { page?: number; size?: number; sort?: string; order?: 'asc' | 'desc' }) =>
    get<PageResult<CallView>>(CALLS, params as Record<string, unknown>),
  detail: (id: string, o?: RequestOptions) => get<CallDetail>(`${CALLS}/${id}`, undefined, o),
  linkTicket: (id: string, ticketId: string, o?: RequestOptions) =>
    post<CallDetail>(`${CALLS}/${id}/tickets`, { ticketId }, o),
  stats: (o?: RequestOptions) => get<CallStats>(`${CALLS}/stats`, undefined, o),
  exportUrl: `${CALLS}/export`,
}

export const recordingApi = {
  audioPath: (id: string) => `${RECORDINGS}/${id}/audio`,
  /**
   * The audio as a Blob, fetched with the session token by the console's http client (an <audio src> could not
   * send the Authorization header). One request without Range: the server audits it as one playback.
   */
  audio: async (id: string, o?: RequestOptions): Promise<Blob> => {
    const r = await http.request({ ...o, method: 'get', url: `${RECORDINGS}/${id}/audio`, responseType: 'blob',
      timeout: 300_000 })
    return (r as unknown as { data: Blob }).data
  },
  access: (id: string, o?: RequestOptions) => get<AccessView[]>(`${RECORDINGS}/${id}/access`, undefined, o),
}

export const demoApi = {
  info: (o?: RequestOptions) => get<DemoInfo>(DEMO, undefined, o),
  call: (body: { gatewayId?: string | null; callerNumber: string; digits?: string | null }, o?: RequestOptions) =>
    post<DemoCallResult>(`${DEMO}/calls`, body, o),
  phone: (extension: string, action: DemoPhoneAction, gatewayId?: string | null, o?: RequestOptions) =>
    post<DemoPhoneResult>(`${DEMO}/phones/${encodeURIComponent(extension)}/${action}`
      + (gatewayId ? `?gatewayId=${encodeURIComponent(gatewayId)}` : ''), {}, o),
  hangupCall: (linkedid: string, o?: RequestOptions) =>
    post<{ linkedid: string }>(`${DEMO}/calls/${encodeURIComponent(linkedid)}/hangup`, {}, o),
}

/**
 * The id of the ticket an agent typed to link to a call: a work-order number ("SUB01-20261121-00001") is looked up
 * in the ticket list (the same number, any letter case), a bare long number is taken as the id itself. Null when nothing matches.
 */
export async function resolveTicketId(input: string): Promise<string | null> {
  const s = input.trim()
  if (!s) return null
  if (/^\d{10,20}$/.test(s)) return s
  const page = await get<PageResult<{ id: string; ticketNo: string }>>('/api/servicedesk/tickets',
    { ticketNo: s, page: 1, size: 5 }, { silent: true })
  return page.records.find((t) => t.ticketNo.toUpperCase() === s.toUpperCase())?.id ?? null
}
