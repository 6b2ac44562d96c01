/**
 * Call control of the agent's own bound phone (/api/callcenter/cti, docs/cti.md): hang up, hold/resume, blind and
 * consultation transfer (to an agent by job number, a queue or an outside number), complete / cancel / swap of a
 * consultation, pickup of a colleague's ringing call, click-to-dial and callback of a missed call. The server keeps
 * no call state: every answer is a CtiResult with a Chinese message, every refusal an ApiError (400 naming the field,
 * 403, 404, 409, 503). All calls need callcenter:workbench; dial, callback and NUMBER transfers also
 * callcenter:outbound. The pure rule of which buttons are enabled lives here so the component and its tests share it.
 */
import { post, type RequestOptions } from '@/api/http'
import type { AgentStateCode } from './api-callcenter'

export type TransferKind = 'AGENT' | 'QUEUE' | 'NUMBER'

export const transferKindLabels: Record<TransferKind, string> = { AGENT: '坐席', QUEUE: '队列', NUMBER: '外线号码' }

/** CtiRequests.Transfer (also the body of /consult) */
export interface TransferBody {
  kind: TransferKind
  target: string
}

/** CtiViews.Result */
export interface CtiResult {
  /** HANGUP, HOLD, RESUME, TRANSFER, CONSULT, … */
  action: string
  message: string
  linkedid: string | null
  channel: string | null
  target: string | null
  /** for a callback: the id of the missed call (Long → string) */
  callbackOf: string | null
}

/** the actions of the call-control bar, with their Chinese names (for progress and refusal titles) */
export type CtiAction = 'HANGUP' | 'HOLD' | 'RESUME' | 'TRANSFER' | 'CONSULT' | 'CONSULT_COMPLETE' | 'CONSULT_CANCEL'
  | 'SWAP' | 'PICKUP' | 'DIAL' | 'CALLBACK'

export const ctiActionLabels: Record<CtiAction, string> = {
  HANGUP: '挂断', HOLD: '保持', RESUME: '恢复通话', TRANSFER: '转接', CONSULT: '咨询转接', CONSULT_COMPLETE: '完成转接',
  CONSULT_CANCEL: '取消咨询', SWAP: '切换通话', PICKUP: '代答', DIAL: '外呼', CALLBACK: '回拨',
}

const CTI = '/api/callcenter/cti'

export const ctiApi = {
  hangup: (o?: RequestOptions) => post<CtiResult>(`${CTI}/hangup`, {}, o),
  hold: (o?: RequestOptions) => post<CtiResult>(`${CTI}/hold`, {}, o),
  resume: (o?: RequestOptions) => post<CtiResult>(`${CTI}/resume`, {}, o),
  transfer: (body: TransferBody, o?: RequestOptions) =>
    post<CtiResult>(`${CTI}/transfer`, { kind: body.kind, target: body.target.trim() }, o),
  consult: (body: TransferBody, o?: RequestOptions) =>
    post<CtiResult>(`${CTI}/consult`, { kind: body.kind, target: body.target.trim() }, o),
  completeConsult: (o?: RequestOptions) => post<CtiResult>(`${CTI}/consult/complete`, {}, o),
  cancelConsult: (o?: RequestOptions) => post<CtiResult>(`${CTI}/consult/cancel`, {}, o),
  swap: (o?: RequestOptions) => post<CtiResult>(`${CTI}/swap`, {}, o),
  /** jobNo empty: any colleague ringing on my gateway */
  pickup: (jobNo?: string | null, o?: RequestOptions) =>
    post<CtiResult>(`${CTI}/pickup`, { jobNo: jobNo?.trim() || null }, o),
  dial: (number: string, householdId?: string | null, o?: RequestOptions) =>
    post<CtiResult>(`${CTI}/dial`, { number: number.trim(), householdId: householdId ?? null }, o),
  callback: (callId: string, o?: RequestOptions) =>
    post<CtiResult>(`${CTI}/callback/${encodeURIComponent(callId)}`, {}, o),
}

// ---------------------------------------------------------------- button rules

export interface CallControlButtons {
  /** the in-call part is shown (ringing, talking, or a consultation under way) */
  inCall: boolean
  hangup: boolean
  hold: boolean
  resume: boolean
  transfer: boolean
  consult: boolean
  complete: boolean
  cancel: boolean
  swap: boolean
  /** the idle part: pickup of a ringing colleague and click-to-dial */
  pickup: boolean
  dial: boolean
  /** NUMBER as a transfer target */
  transferToNumber: boolean
}

export interface CallFlags {
  /** my call is on hold (set by a successful hold, cleared by resume) */
  held?: boolean
  /** a consultation is under way (set by a successful consult, cleared by complete / cancel) */
  consulting?: boolean
  /** a request is in flight */
  busy?: boolean
  /** the user holds callcenter:outbound */
  outbound?: boolean
}

const IN_CALL: readonly AgentStateCode[] = ['RINGING', 'TALKING']
/** pickup rings my phone: not while it rings or talks, not signed out */
const PICKUP_FROM: readonly AgentStateCode[] = ['IDLE', 'BUSY', 'BREAK', 'WRAP_UP']
const DIAL_FROM: readonly AgentStateCode[] = ['IDLE', 'BUSY']

/**
 * Which call-control buttons are enabled. RINGING shows the in-call part all disabled (the call is answered on the
 * phone; Asterisk has no bridged leg of mine yet). TALKING: hang up, hold, transfer, consult; on hold: resume and
 * hang up; in a consultation: complete, cancel, swap (hang-up would complete it, so it is off). Nothing while a
 * request is in flight.
 */
export function callControlButtons(state: AgentStateCode | null | undefined, flags: CallFlags = {}): CallControlButtons {
  const held = !!flags.held
  const consulting = !!flags.consulting
  const inCall = !!state && (IN_CALL.includes(state) || (consulting && state !== 'SIGNED_OUT'))
  const talking = state === 'TALKING' && !flags.busy
  const idle = !flags.busy && !!state && !inCall
  return {
    inCall,
    hangup: talking && !consulting,
    hold: talking && !held && !consulting,
    resume: talking && held && !consulting,
    transfer: talking && !held && !consulting,
    consult: talking && !held && !consulting,
    complete: consulting && !flags.busy,
    cancel: consulting && !flags.busy,
    swap: consulting && !flags.busy,
    pickup: idle && PICKUP_FROM.includes(state!),
    dial: idle && !!flags.outbound && DIAL_FROM.includes(state!),
    transferToNumber: !!flags.outbound,
  }
}

/** a number the console may offer to dial: not masked (a masked number cannot be called) */
export function dialable(number: string | null | undefined): boolean {
  return !!number && !number.includes('*') && /\d/.test(number)
}
