/**
 * 留言管理: voice messages callers left through the IVR and the work orders made from them,
 * /api/callcenter/voicemails. Shapes follow VoicemailViews of module-callcenter (docs/voicemail.md). Ids (Java Long)
 * arrive as strings; the caller's number arrives masked unless the user holds callcenter:number:view.
 */
import { http, get, post, type RequestOptions } from '@/api/http'
import type { PageResult } from '@/api/types'

export const VOICEMAILS = '/api/callcenter/voicemails'

export type VoicemailStatus = 'PENDING' | 'TICKETED' | 'FAILED'

export const voicemailStatusLabels: Record<VoicemailStatus, string> = {
  PENDING: '待生成工单', TICKETED: '已生成工单', FAILED: '生成失败',
}

export function voicemailStatusTagType(status: string | null | undefined): 'success' | 'warning' | 'danger' | 'info' {
  switch (status) {
    case 'TICKETED': return 'success'
    case 'PENDING': return 'warning'
    case 'FAILED': return 'danger'
    default: return 'info'
  }
}

export interface VoicemailView {
  id: string
  gatewayId: string
  linkedid: string
  callId: string | null
  caller: string | null
  callerMasked: boolean
  durationMs: number | null
  fileSize: number | null
  recordStatus: string | null
  receivedAt: string
  retainUntil: string | null
  householdId: string | null
  ticketId: string | null
  ticketNo: string | null
  status: VoicemailStatus
  statusLabel: string | null
  attempts: number
  nextAttemptAt: string | null
  lastError: string | null
  ticketedAt: string | null
}

export interface VoicemailLogEntry {
  action: string
  fromStatus: string | null
  toStatus: string
  detail: string | null
  operatorId: string | null
  operatorName: string | null
  at: string
}

export interface VoicemailDetail {
  voicemail: VoicemailView
  audioAvailable: boolean
  log: VoicemailLogEntry[]
}

export const voicemailLogLabels: Record<string, string> = {
  TICKETED: '生成工单', FAILED: '生成失败', RETRY: '手动重试',
}

/** a retry is offered for messages without a ticket; a ticketed one would be refused (409) by the server */
export function canRetry(v: Pick<VoicemailView, 'status' | 'ticketId'>): boolean {
  return !v.ticketId && (v.status === 'FAILED' || v.status === 'PENDING')
}

/** the list's query parameters from the filter form (blank number and null range left out) */
export function voicemailParams(f: { number: string; status: string | null; gatewayId: string | null },
  range: [string, string] | null): Record<string, unknown> {
  return { number: f.number.trim() || null, status: f.status, gatewayId: f.gatewayId,
    from: range?.[0] ?? null, to: range?.[1] ?? null }
}

export const voicemailApi = {
  page: (params: Record<string, unknown>, o?: RequestOptions) =>
    get<PageResult<VoicemailView>>(VOICEMAILS, params, o),
  detail: (id: string, o?: RequestOptions) => get<VoicemailDetail>(`${VOICEMAILS}/${id}`, undefined, o),
  retry: (id: string, reason?: string, o?: RequestOptions) =>
    post<VoicemailView>(`${VOICEMAILS}/${id}/retry`, { reason: reason ?? null }, o),
  audioPath: (id: string) => `${VOICEMAILS}/${id}/audio`,
  /** the audio as a Blob with the session token (an <audio src> cannot send it); one request = one audited playback */
  audio: async (id: string, o?: RequestOptions): Promise<Blob> => {
    const r = await http.request({ ...o, method: 'get', url: `${VOICEMAILS}/${id}/audio`, responseType: 'blob',
      timeout: 300_000 })
    return (r as unknown as { data: Blob }).data
  },
}
