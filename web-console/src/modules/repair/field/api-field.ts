/**
 * The field record of a ticket (现场记录: what the repair crew recorded in the mobile app), as the console's ticket
 * drawer shows it. GET /api/repair/tickets/{id}/field-record; files open through /api/files/{fileId}.
 * Ids are strings (Java Long in JSON).
 */
import { get, type RequestOptions } from '@/api/http'

export type FieldMediaKind = 'PHOTO' | 'VIDEO' | 'AUDIO' | 'SIGNATURE'
/** NONE: no speech recognition configured (the recording is kept); DONE: transcribed; FAILED: recognition failed */
export type TranscriptStatus = 'NONE' | 'DONE' | 'FAILED'

export interface FieldMediaView {
  id: string
  kind: FieldMediaKind
  kindLabel: string
  /** SM3 of the content (hex) */
  contentHash: string
  fileId: string
  mimeType: string | null
  size: number | null
  fileName: string | null
  capturedAt: string | null
  lat: number | null
  lng: number | null
  note: string | null
  durationSeconds: number | null
  transcript: string | null
  transcriptStatus: TranscriptStatus | null
  userId: string
  userName: string | null
  createdAt: string
}

export interface FieldSignatureView {
  id: string
  signatureHash: string
  fileId: string
  /** SM3 over the signed facts, computed by the server */
  recordHash: string
  /** the stored record hash still matches the stored facts */
  intact: boolean
  satisfaction: number
  satisfactionLabel: string | null
  comment: string | null
  clientTime: string | null
  serverTime: string
  userId: string
  userName: string | null
}

export interface FieldTemperatureView {
  id: string
  householdId: string | null
  householdCode: string | null
  indoorTemp: number
  measuredAt: string
  room: string | null
  note: string | null
  userId: string
  userName: string | null
  createdAt: string
  forwardedAt: string | null
  forwardError: string | null
}

export interface FieldRecord {
  ticketId: string
  ticketNo: string
  media: FieldMediaView[]
  voiceNotes: FieldMediaView[]
  signature: FieldSignatureView | null
  temperatures: FieldTemperatureView[]
  asrConfigured: boolean
  heatNetConfigured: boolean
}

export const fieldRecordPath = (ticketId: string) => `/api/repair/tickets/${ticketId}/field-record`

export const fieldApi = {
  record: (ticketId: string, o?: RequestOptions) => get<FieldRecord>(fieldRecordPath(ticketId), undefined, o),
}

/** a server answer that is not a field record (older server, stub) counts as an empty one */
export function normalizeRecord(r: unknown): FieldRecord | null {
  if (!r || typeof r !== 'object' || Array.isArray(r)) return null
  const x = r as Partial<FieldRecord>
  return {
    ticketId: x.ticketId ?? '', ticketNo: x.ticketNo ?? '', media: x.media ?? [], voiceNotes: x.voiceNotes ?? [],
    signature: x.signature ?? null, temperatures: x.temperatures ?? [], asrConfigured: !!x.asrConfigured,
    heatNetConfigured: !!x.heatNetConfigured,
  }
}

export const isEmptyRecord = (r: FieldRecord | null) =>
  !r || (!r.media.length && !r.voiceNotes.length && !r.signature && !r.temperatures.length)

/** what a voice note says about its text */
export function transcriptText(v: Pick<FieldMediaView, 'transcript' | 'transcriptStatus'>): string {
  if (v.transcriptStatus === 'DONE') return v.transcript || '（识别结果为空）'
  if (v.transcriptStatus === 'FAILED') return '语音识别失败，保留原声'
  return '未配置语音识别，保留原声'
}

export function temperatureText(indoorTemp: number | string): string {
  return `${Number(indoorTemp).toFixed(1)} ℃`
}

/** a hash shortened for display: first 8 … last 8 */
export const shortHash = (h: string | null | undefined) => (!h ? '' : h.length > 20 ? `${h.slice(0, 8)}…${h.slice(-8)}` : h)

export const locationText = (m: Pick<FieldMediaView, 'lat' | 'lng'>) =>
  m.lat == null || m.lng == null ? '' : `${Number(m.lat).toFixed(5)}, ${Number(m.lng).toFixed(5)}`
