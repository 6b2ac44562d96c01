/**
 * 班长监控 (/api/callcenter/supervisor; docs/supervisor.md): the queue board (waiting callers per queue and the
 * agents' states), the actions on an agent's call (监听 / 耳语 / 强插 ring the supervisor's own phone first; 强拆;
 * 拦截), the manual priorities of a waiting caller (优先 = to the front, 指定坐席 = to a free agent) and the action
 * log. Ids (Java Long) arrive as strings.
 */
import { get, post, type RequestOptions } from '@/api/http'

const BASE = '/api/callcenter/supervisor'

export type SpyAction = 'listen' | 'whisper' | 'barge'
export type CallAction = SpyAction | 'release' | 'intercept'

export const callActionLabels: Record<CallAction, string> = {
  listen: '监听', whisper: '耳语', barge: '强插', release: '强拆', intercept: '拦截',
}

/** what each action does, for the confirmation and the buttons' tooltips */
export const callActionHints: Record<CallAction, string> = {
  listen: '先呼叫您绑定的话机，摘机后旁听坐席与客户的通话（双方听不到您）',
  whisper: '先呼叫您绑定的话机，摘机后只有坐席能听到您说话（客户听不到）',
  barge: '先呼叫您绑定的话机，摘机后加入通话，坐席和客户都能听到您',
  release: '立即结束坐席当前的通话（客户被挂断）',
  intercept: '客户转到您绑定的话机，坐席退出通话',
}

export const logActionLabels: Record<string, string> = {
  LISTEN: '监听', WHISPER: '耳语', BARGE: '强插', RELEASE: '强拆', INTERCEPT: '拦截', TO_FRONT: '优先',
  TO_AGENT: '指定坐席',
}

export interface SupervisorResult {
  action: string
  message: string
  linkedid: string | null
  channel: string | null
  targetJobNo: string | null
}

export interface WaitingCaller {
  gatewayId: string
  gatewayName: string | null
  queue: string
  linkedid: string
  /** Asterisk's position in the queue (null when the gateway did not answer QueueStatus) */
  position: number | null
  /** masked unless the reader holds callcenter:number:view */
  number: string | null
  householdId: string | null
  householdName: string | null
  address: string | null
  waitSeconds: number
  queuedAt: string
}

export interface QueueBoard {
  gatewayId: string
  gatewayName: string | null
  queue: string
  waiting: number
  longestWaitSeconds: number
  callers: WaitingCaller[]
}

export interface BoardAgent {
  agentId: string
  jobNo: string
  agentName: string | null
  extension: string | null
  state: string
  stateLabel: string
  stateReason: string | null
  stateSince: string | null
  answeredToday: number
  missedToday: number
  outboundToday: number
  talkSecondsToday: number
}

export interface Board {
  at: string
  queues: QueueBoard[]
  agents: BoardAgent[]
}

export interface SupervisorLog {
  id: string
  action: string
  actionLabel: string
  gatewayId: string | null
  linkedid: string | null
  supervisorId: string
  supervisorName: string | null
  supervisorExtension: string | null
  targetAgentId: string | null
  targetJobNo: string | null
  queueName: string | null
  result: 'OK' | 'FAILED'
  resultLabel: string
  errorMessage: string | null
  createdAt: string
}

/** seconds as 分:秒 (1:05), hours when long (1:02:03) */
export function formatWait(seconds: number | null | undefined): string {
  if (seconds == null || Number.isNaN(seconds)) return '—'
  const s = Math.max(0, Math.floor(seconds))
  const pad = (n: number) => String(n).padStart(2, '0')
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`
}

/** the agents a supervisor can act on: in a call */
export function inCall(a: Pick<BoardAgent, 'state'>): boolean {
  return a.state === 'TALKING'
}

export const supervisorApi = {
  board: (o?: RequestOptions) => get<Board>(`${BASE}/board`, undefined, o),
  act: (agentId: string, action: CallAction, o?: RequestOptions) =>
    post<SupervisorResult>(`${BASE}/agents/${agentId}/${action}`, {}, o),
  toFront: (c: Pick<WaitingCaller, 'gatewayId' | 'linkedid'>, o?: RequestOptions) =>
    post<SupervisorResult>(`${BASE}/queue/prioritize`, { gatewayId: c.gatewayId, linkedid: c.linkedid, mode: 'FRONT' }, o),
  toAgent: (c: Pick<WaitingCaller, 'gatewayId' | 'linkedid'>, agentId: string, o?: RequestOptions) =>
    post<SupervisorResult>(`${BASE}/queue/prioritize`,
      { gatewayId: c.gatewayId, linkedid: c.linkedid, mode: 'AGENT', agentId }, o),
  logUrl: `${BASE}/actions`,
}
