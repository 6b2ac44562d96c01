/** Shapes of the mobile sync contract v1 (docs/mobile-sync.md) as the field app stores and sends them. */

export type CommandType =
  | 'ACCEPT' | 'REJECT' | 'CHECK_IN_DAILY' | 'CHECK_IN_SITE' | 'ATTACH' | 'TEMPERATURE' | 'VOICE_NOTE'
  | 'FILL_BACK' | 'INCOMPLETE' | 'DELAY_REQUEST' | 'CANCEL_REQUEST' | 'SIGN' | 'COMPLETE'

export const commandLabels: Record<CommandType, string> = {
  ACCEPT: '接单',
  REJECT: '拒绝接单',
  CHECK_IN_DAILY: '每日签到',
  CHECK_IN_SITE: '现场签到',
  ATTACH: '上传附件',
  TEMPERATURE: '测温录入',
  VOICE_NOTE: '语音上报',
  FILL_BACK: '回填',
  INCOMPLETE: '未完成',
  DELAY_REQUEST: '申请延期',
  CANCEL_REQUEST: '申请取消',
  SIGN: '客户签名',
  COMPLETE: '提交完工',
}

/** one queued operation; seq is the device's counter (1, 2, 3 …), never reused */
export interface Command {
  opId: string
  seq: number
  clientTime: string
  type: CommandType
  ticketId?: string | null
  payload: Record<string, unknown>
}

/** the push's rejection codes in words (the server's message says the details) */
export const rejectionLabels: Record<string, string> = {
  TICKET_REASSIGNED: '工单已改派给他人',
  TICKET_VOIDED: '工单已作废',
  TICKET_CANCELLED: '工单已取消',
  TICKET_FINISHED: '工单已处理完成',
  ILLEGAL_TRANSITION: '当前状态不能执行该操作',
  VALIDATION: '填写的内容不符合要求',
  MEDIA_NOT_FOUND: '附件未上传成功',
  SIGNATURE_EXISTS: '客户已签名，不能重签',
  APPROVAL_PENDING: '已有待审批的申请',
  NOT_FOUND: '工单不存在',
}

export interface CommandResult {
  opId: string
  seq: number
  status: 'APPLIED' | 'REJECTED' | 'DEFERRED'
  code?: string | null
  message?: string | null
  ticketId?: string | null
  ticketVersion?: number | null
  replayed?: boolean
}

export interface PushResponse {
  results: CommandResult[]
  lastSeq: number
  serverTime?: string
}

export interface TimelineEntry {
  at: string
  actionLabel: string
  userName?: string | null
  note?: string | null
  /** written by this device and not yet confirmed by the server */
  local?: boolean
}

/** a ticket as the pull delivers it, plus what this device added while offline (`local`) */
export interface FieldTask {
  id: string
  ticketNo: string
  rowVersion?: number
  status: string
  statusLabel?: string | null
  type?: string | null
  typeLabel?: string | null
  urgency?: string | null
  urgencyLabel?: string | null
  content?: string | null
  householdId?: string | null
  householdName?: string | null
  address?: string | null
  contactName?: string | null
  contactPhone?: string | null
  deadline?: string | null
  timing?: string | null
  assignedAt?: string | null
  accepted?: boolean
  checkedIn?: boolean
  fillBack?: Record<string, unknown> | null
  signed?: boolean
  /** a delay/cancel request of this ticket waits for the lead */
  pendingApproval?: boolean
  timeline?: TimelineEntry[]
  local?: LocalState
}

export interface LocalState {
  /** a REJECT is queued: the task is hidden from the lists */
  hidden?: boolean
  /** when this device submitted 提交完工 (ISO); the task stays in 已完成 for that day */
  finishedAt?: string | null
  /** the server removed the task because it is finished; kept for today's 已完成 tab */
  removed?: boolean
  attachments?: number
  temperatures?: number
  voiceNotes?: number
  /** 延期申请/取消申请 waiting for the lead */
  request?: string | null
  incompleteReason?: string | null
}

export interface PullChange {
  seq: number | string
  kind: 'TICKET' | 'TICKET_REMOVED'
  ticketId: string
  ticket?: FieldTask | null
  reason?: string | null
}

export interface PullResponse {
  changes: PullChange[]
  cursor: string
  hasMore: boolean
  refVersion?: string | number | null
  serverTime?: string
}

export interface DictItem {
  code: string
  label: string
}

export interface FillBackField {
  code: string
  label: string
  type: string
  required?: boolean
  options?: (DictItem | string)[] | null
}

export interface Reference {
  refVersion: string | number
  dicts: Record<string, DictItem[]>
  fillBackTemplate?: { fields: FillBackField[] } | null
  satisfaction?: { value: number; label: string }[]
}

export type MediaKind = 'PHOTO' | 'VIDEO' | 'AUDIO' | 'SIGNATURE'

/** a captured file waiting to be (or already) uploaded; the key is its SM3 hash */
export interface MediaItem {
  contentHash: string
  blob: Blob
  size: number
  kind: MediaKind
  mimeType: string
  fileName: string
  capturedAt: string
  lat?: number | null
  lng?: number | null
  ticketId?: string | null
  uploadId?: string | null
  /** bytes the server confirmed */
  received: number
  complete: boolean
  /** the server refused the file for good (hash mismatch): the command that needs it will be rejected */
  error?: string | null
}

export interface Failure {
  opId: string
  seq: number
  type: CommandType
  ticketId?: string | null
  ticketNo?: string | null
  code: string
  message: string
  clientTime: string
  failedAt: string
}

export interface FieldUser {
  id: string
  username: string
  name: string
  orgId?: string | null
  orgName?: string | null
  roles: string[]
  permissions: string[]
  workerType?: string | null
}

export interface Session {
  token: string
  user: FieldUser
  device?: { deviceId: string; deviceName: string; boundAt?: string | null }
  loggedInAt: string
}
