/**
 * 系统同步 (/baseinfo/sync): the billing-system and smart-heat-network integration.
 * Server contract: module-baseinfo …/baseinfo/sync/SyncController.java (SyncViews, SyncPuller.RunTicket,
 * SyncRetrier.RetryAllResult, api/SyncAlertApi.Summary); docs/integrations/billing.md §6.
 * Reading needs baseinfo:sync; 立即同步 and 重试 need baseinfo:sync:run.
 */
import { get, post, type RequestOptions } from '@/api/http'
import type { PageResult } from '@/api/types'
import { formatDateTime } from '@/utils/format'

export const SYNC_PERM = 'baseinfo:sync'
export const SYNC_RUN_PERM = 'baseinfo:sync:run'
export const SYNC_PATH = '/baseinfo/sync'

export type SyncSourceCode = 'BILLING' | 'HEATNET'
export type SyncEntityCode = 'HOUSEHOLD' | 'PAYMENT' | 'TEMPERATURE'
export type CursorStatus = 'RUNNING' | 'OK' | 'FAILED'
export type FailureStatus = 'PENDING' | 'ABANDONED' | 'RESOLVED'

/** SyncViews.CursorView: one change feed; never run → times and status null */
export interface SyncCursorView {
  entity: SyncEntityCode
  entityName: string
  cursorTime: string | null
  cursorKey: string | null
  lastRunAt: string | null
  lastOkAt: string | null
  lastStatus: CursorStatus | null
  lastMessage: string | null
  pulledTotal: number
}

/** SyncViews.SourceView */
export interface SyncSourceView {
  source: SyncSourceCode
  name: string
  /** base-url configured (a client exists) */
  configured: boolean
  /** the schedule is on */
  enabled: boolean
  baseUrl: string | null
  signing: boolean
  cron: string
  pageSize: number
  cursors: SyncCursorView[]
}

/** SyncAlertApi.Summary */
export interface SyncAlertSummary {
  pendingFailures: number
  abandonedFailures: number
  failedCursors: number
}

export interface SyncStatusView {
  sources: SyncSourceView[]
  alerts: SyncAlertSummary
  maxAttempts: number
}

/** SyncViews.FailureView; payload is pretty JSON, masked for users without data:unmask */
export interface SyncFailureView {
  id: string
  sourceSystem: SyncSourceCode
  sourceName: string
  entity: SyncEntityCode
  entityName: string
  channel: 'PULL' | 'PUSH'
  externalKey: string | null
  reason: string
  attempts: number
  status: FailureStatus
  nextRetryAt: string | null
  lastTriedAt: string | null
  resolvedAt: string | null
  createdAt: string
  subsidiaryId: string | null
  payload: string | null
}

export interface SyncRunTicket {
  source: SyncSourceCode
  started: boolean
  at: string
  message: string
}

export interface RetryAllResult {
  tried: number
  resolved: number
  failed: number
  /** more unresolved rows than one request retries */
  more: boolean
}

/** the failure list's filters (query parameters); status OPEN = PENDING or ABANDONED */
export interface SyncFailureFilters {
  status: '' | 'OPEN' | FailureStatus
  source: '' | SyncSourceCode
  entity: '' | SyncEntityCode
  channel: '' | 'PULL' | 'PUSH'
  keyword: string
}

export const FAILURES_URL = '/api/baseinfo/sync/failures'

export const syncApi = {
  status: () => get<SyncStatusView>('/api/baseinfo/sync/status'),
  run: (source: SyncSourceCode, o?: RequestOptions) =>
    post<SyncRunTicket>(`/api/baseinfo/sync/run?source=${encodeURIComponent(source)}`, undefined, o),
  failures: (params: Record<string, unknown>) => get<PageResult<SyncFailureView>>(FAILURES_URL, params),
  failure: (id: string) => get<SyncFailureView>(`${FAILURES_URL}/${id}`),
  retry: (id: string, o?: RequestOptions) => post<SyncFailureView>(`${FAILURES_URL}/${id}/retry`, undefined, o),
  /** the filters travel as query parameters (the endpoint binds them like the list) */
  retryAll: (filters: Partial<SyncFailureFilters>, o?: RequestOptions) =>
    post<RetryAllResult>(`${FAILURES_URL}/retry-all${query(retryAllParams(filters))}`, undefined, o),
  alerts: (o?: RequestOptions) => get<SyncAlertSummary>('/api/baseinfo/sync/alerts', undefined, o),
}

function query(params: Record<string, string>): string {
  const q = new URLSearchParams(params).toString()
  return q ? `?${q}` : ''
}

// ---- labels and small rules (unit-tested) ------------------------------------------------------------------

export const SOURCES: { value: SyncSourceCode; label: string }[] = [
  { value: 'BILLING', label: '经营计费系统' },
  { value: 'HEATNET', label: '智慧热网' },
]

export const ENTITIES: { value: SyncEntityCode; label: string }[] = [
  { value: 'HOUSEHOLD', label: '房屋' },
  { value: 'PAYMENT', label: '交退费' },
  { value: 'TEMPERATURE', label: '室温' },
]

export const CHANNELS: Record<string, string> = { PULL: '定时拉取', PUSH: '实时推送' }

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary'

export const FAILURE_STATUSES: { value: 'OPEN' | FailureStatus; label: string; tag: TagType }[] = [
  { value: 'OPEN', label: '未解决', tag: 'warning' },
  { value: 'PENDING', label: '待重试', tag: 'warning' },
  { value: 'ABANDONED', label: '已放弃', tag: 'danger' },
  { value: 'RESOLVED', label: '已解决', tag: 'success' },
]

export function failureStatus(status: string): { label: string; tag: TagType } {
  const s = FAILURE_STATUSES.find((x) => x.value === status && x.value !== 'OPEN')
  return s ? { label: s.label, tag: s.tag } : { label: status, tag: 'info' }
}

/** the state shown on a cursor card */
export function cursorState(c: SyncCursorView, configured: boolean): { label: string; tag: TagType } {
  switch (c.lastStatus) {
    case 'RUNNING': return { label: '同步中', tag: 'primary' }
    case 'OK': return { label: '正常', tag: 'success' }
    case 'FAILED': return configured ? { label: '失败', tag: 'danger' } : { label: '失败（已停用）', tag: 'info' }
    default: return configured ? { label: '尚未同步', tag: 'info' } : { label: '未配置', tag: 'info' }
  }
}

/** where the feed stands: "2026-01-05 10:00:03 · SUB01:HH0003", or that it starts from the beginning */
export function cursorText(c: SyncCursorView): string {
  if (!c.cursorTime && !c.cursorKey) return '从头开始'
  return [formatDateTime(c.cursorTime), c.cursorKey].filter((x) => x).join(' · ')
}

/** the schedule line of a source card */
export function scheduleText(s: SyncSourceView): string {
  if (!s.configured) return '未配置（heatdesk.integrations.' + s.source.toLowerCase() + '.base-url）'
  if (!s.enabled) return '定时同步已暂停，可手动同步'
  return '定时：' + describeCron(s.cron)
}

/** "0 *\/5 * * * *" → "每 5 分钟"; anything else is shown as the expression */
export function describeCron(cron: string): string {
  const m = /^0 \*\/(\d+) \* \* \* \*$/.exec(cron.trim())
  if (m) return `每 ${m[1]} 分钟`
  const h = /^0 0 \*\/(\d+) \* \* \*$/.exec(cron.trim())
  if (h) return `每 ${h[1]} 小时`
  return `cron ${cron}`
}

/** what the header badge counts: unresolved failed records plus failed pulls */
export function badgeCount(s: SyncAlertSummary | null | undefined): number {
  if (!s) return 0
  return (s.pendingFailures || 0) + (s.failedCursors || 0)
}

export function badgeTitle(s: SyncAlertSummary | null | undefined): string {
  if (!s || badgeCount(s) === 0) return '数据同步正常'
  const parts: string[] = []
  if (s.pendingFailures) {
    parts.push(`未解决的同步失败记录 ${s.pendingFailures} 条` + (s.abandonedFailures ? `（其中已放弃 ${s.abandonedFailures} 条）` : ''))
  }
  if (s.failedCursors) parts.push(`拉取失败 ${s.failedCursors} 项`)
  return parts.join('，')
}

/** the message after 全部重试 */
export function retryAllMessage(r: RetryAllResult): string {
  if (r.tried === 0) return '没有需要重试的记录'
  let m = `已重试 ${r.tried} 条：成功 ${r.resolved} 条`
  if (r.failed) m += `，仍失败 ${r.failed} 条`
  if (r.more) m += '；还有更多未解决的记录，请再次点击“全部重试”'
  return m
}

/** list filters → retry-all parameters; a RESOLVED filter retries nothing, so it is dropped to OPEN */
export function retryAllParams(f: Partial<SyncFailureFilters>): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.status && f.status !== 'RESOLVED' && f.status !== 'OPEN') out.status = f.status
  if (f.source) out.source = f.source
  if (f.entity) out.entity = f.entity
  if (f.channel) out.channel = f.channel
  if (f.keyword && f.keyword.trim()) out.keyword = f.keyword.trim()
  return out
}

/** the latest run start among a source's feeds (ISO strings of one format compare as text) */
export function lastRun(s: SyncSourceView | undefined): string | null {
  let max: string | null = null
  for (const c of s?.cursors ?? []) {
    if (c.lastRunAt && (!max || c.lastRunAt > max)) max = c.lastRunAt
  }
  return max
}

/** a run started after `before` (the latest run when 立即同步 was clicked) is over: it ran and nothing is RUNNING */
export function runFinished(s: SyncSourceView | undefined, before: string | null): boolean {
  if (!s) return true
  if (s.cursors.some((c) => c.lastStatus === 'RUNNING')) return false
  const now = lastRun(s)
  return now !== null && (before === null || now > before)
}
