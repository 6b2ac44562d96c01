/**
 * Calls and shapes of the notice endpoints (/api/notice/messages, /templates, /outbox) and the live payloads of
 * topic "notice". Ids are strings; phone numbers arrive masked unless the user holds data:unmask.
 */
import { get, post, put, type RequestOptions } from '@/api/http'
import type { PageResult } from '@/api/types'

export type Channel = 'IN_APP' | 'SMS' | 'WECHAT' | 'APP_PUSH'
export type OutboxStatus = 'PENDING' | 'SENT' | 'FAILED' | 'DEAD'

export const CHANNELS: { value: Channel; label: string }[] = [
  { value: 'IN_APP', label: '站内消息' },
  { value: 'SMS', label: '短信' },
  { value: 'WECHAT', label: '微信模板消息' },
  { value: 'APP_PUSH', label: '移动端推送' },
]

export const OUTBOX_STATUS: Record<OutboxStatus, { label: string; type: 'info' | 'success' | 'danger' | 'warning' }> = {
  PENDING: { label: '待发送', type: 'warning' },
  SENT: { label: '已发送', type: 'success' },
  FAILED: { label: '失败', type: 'danger' },
  DEAD: { label: '已放弃', type: 'info' },
}

/** the events other modules send (NoticeEvents on the server) */
export const EVENTS: { code: string; name: string }[] = [
  { code: 'TICKET_DISPATCHED', name: '工单派至维修站' },
  { code: 'TICKET_ASSIGNED', name: '工单分派给维修人员' },
  { code: 'TICKET_REASSIGNED', name: '工单改派' },
  { code: 'TICKET_URGED', name: '工单催办' },
  { code: 'TICKET_ESCALATED', name: '工单超时升级' },
  { code: 'TICKET_RETURNED', name: '工单被退回' },
  { code: 'TICKET_COMPLETED', name: '工单处理完成待回访' },
  { code: 'TICKET_SUPERVISED', name: '工单督办' },
  { code: 'TICKET_TRANSFERRED', name: '工单转派' },
  { code: 'TICKET_PROGRESS', name: '督办工单进度上报' },
  { code: 'APPROVAL_PENDING', name: '待审批' },
  { code: 'APPROVAL_DECIDED', name: '审批结果' },
  { code: 'APPROVAL_URGED', name: '审批催办' },
  { code: 'APPROVAL_OVERDUE', name: '审批超时' },
]

export interface NoticeMessage {
  id: string
  title: string
  content: string
  eventCode: string
  eventName: string
  bizType: string | null
  bizId: string | null
  bizNo: string | null
  read: boolean
  readAt: string | null
  createdAt: string
}

export interface UnreadCount {
  unread: number
}

/** payload of live topic "notice" */
export interface LiveNotice {
  kind: 'MESSAGE' | 'READ' | 'PUSH' | string
  message?: NoticeMessage | null
  unread?: number | null
}

export interface NoticeTemplate {
  id: string
  eventCode: string
  eventName: string
  channel: Channel
  channelLabel: string
  titleTpl: string | null
  contentTpl: string
  extTemplateId: string | null
  enabled: boolean
  remark: string | null
  rowVersion: number
  updatedByName: string | null
  updatedAt: string
  params: string[]
}

export interface TemplateUpdate {
  titleTpl: string | null
  contentTpl: string
  extTemplateId: string | null
  enabled: boolean
  remark: string | null
  rowVersion: number
}

export interface TemplatePreview {
  title: string | null
  content: string
  placeholders: string[]
  unknown: string[]
  length: number
  smsSegments: number
}

export interface OutboxRow {
  id: string
  channel: Channel
  channelLabel: string
  recipientId: string
  recipientName: string | null
  address: string | null
  eventCode: string
  eventName: string
  title: string | null
  content: string
  status: OutboxStatus
  attempts: number
  nextAttemptAt: string | null
  lastError: string | null
  bizType: string | null
  bizId: string | null
  bizNo: string | null
  createdAt: string
  sentAt: string | null
  retryable: boolean
}

export interface DeliveryLog {
  id: string
  attemptNo: number
  channel: Channel
  adapter: string
  success: boolean
  response: string | null
  error: string | null
  durationMs: number
  attemptedAt: string
}

export const messageApi = {
  page: (params: Record<string, unknown>, options?: RequestOptions) =>
    get<PageResult<NoticeMessage>>('/api/notice/messages', params, options),
  unread: (options?: RequestOptions) => get<UnreadCount>('/api/notice/messages/unread-count', undefined, options),
  read: (id: string, options?: RequestOptions) => post<UnreadCount>(`/api/notice/messages/${id}/read`, {}, options),
  readAll: () => post<UnreadCount>('/api/notice/messages/read-all', {}),
}

export const templateApi = {
  get: (id: string) => get<NoticeTemplate>(`/api/notice/templates/${id}`),
  update: (id: string, body: TemplateUpdate, options?: RequestOptions) =>
    put<NoticeTemplate>(`/api/notice/templates/${id}`, body, options),
  preview: (body: { eventCode?: string; channel?: string; titleTpl: string | null; contentTpl: string;
    params?: Record<string, unknown> }, options?: RequestOptions) =>
    post<TemplatePreview>('/api/notice/templates/preview', body, options),
}

export const outboxApi = {
  stats: (params: Record<string, unknown>) =>
    get<{ byStatus: Record<OutboxStatus, number> }>('/api/notice/outbox/stats', params),
  logs: (id: string) => get<DeliveryLog[]>(`/api/notice/outbox/${id}/logs`),
  retry: (id: string, options?: RequestOptions) => post<OutboxRow>(`/api/notice/outbox/${id}/retry`, {}, options),
}

/**
 * Where a message leads: the business object it is about. Tickets open in the service desk's ticket list
 * (the page opens the ticket given by ?open=); anything else opens the message centre.
 */
export function bizLink(m: Pick<NoticeMessage, 'bizType' | 'bizId' | 'id'>): string {
  if (m.bizType === 'TICKET' && m.bizId) return `/servicedesk/tickets?open=${encodeURIComponent(m.bizId)}`
  return `/notice/messages?open=${encodeURIComponent(m.id)}`
}

/** "${name}" for a parameter name (template editors insert it) */
export function placeholder(name: string): string {
  return '${' + name + '}'
}

/** a date-picker range → the server's [createdFrom, createdTo) (the end day included up to midnight) */
export function dayRangeParams(days: [string, string] | null): { createdFrom: string | null; createdTo: string | null } {
  if (!days) return { createdFrom: null, createdTo: null }
  const d = new Date(`${days[1]}T00:00:00`)
  d.setDate(d.getDate() + 1)
  const p = (n: number) => String(n).padStart(2, '0')
  return { createdFrom: `${days[0]}T00:00:00`, createdTo: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T00:00:00` }
}
