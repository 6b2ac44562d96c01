/** Pure helpers of the import/export page: labels, ETA, upload checks, server error text. */
import type { ImportJobView, ImportStatus } from '../api-import'

export const STATUS_LABELS: Record<ImportStatus, { label: string; type: 'info' | 'primary' | 'success' | 'danger' | 'warning' }> = {
  QUEUED: { label: '排队中', type: 'info' },
  RUNNING: { label: '导入中', type: 'primary' },
  SUCCEEDED: { label: '已完成', type: 'success' },
  FAILED: { label: '失败', type: 'danger' },
  CANCELLED: { label: '已取消', type: 'warning' },
}

/**
 * The server's upload limit (spring.servlet.multipart.max-file-size, 200MB: a million households is about 60MB);
 * the server checks again.
 */
export const MAX_UPLOAD_MB = 200
export const ACCEPT = '.xlsx,.xls'

export function statusLabel(status: string | null | undefined): string {
  return STATUS_LABELS[status as ImportStatus]?.label ?? status ?? ''
}

export function statusType(status: string | null | undefined): 'info' | 'primary' | 'success' | 'danger' | 'warning' {
  return STATUS_LABELS[status as ImportStatus]?.type ?? 'info'
}

/** queued or running: the page keeps polling it */
export function isActive(job: Pick<ImportJobView, 'status'>): boolean {
  return job.status === 'QUEUED' || job.status === 'RUNNING'
}

/** el-progress status: green when done, red when failed, striped blue while running */
export function progressStatus(job: Pick<ImportJobView, 'status'>): '' | 'success' | 'exception' | 'warning' {
  if (job.status === 'SUCCEEDED') return 'success'
  if (job.status === 'FAILED') return 'exception'
  if (job.status === 'CANCELLED') return 'warning'
  return ''
}

/** seconds left at the current rate, or null when unknown */
export function etaSeconds(job: Pick<ImportJobView, 'status' | 'totalRows' | 'processedRows' | 'rowsPerSec'>): number | null {
  if (job.status !== 'RUNNING' || !job.rowsPerSec || job.rowsPerSec <= 0 || job.totalRows <= 0) return null
  const left = job.totalRows - job.processedRows
  return left <= 0 ? 0 : Math.ceil(left / job.rowsPerSec)
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—'
  if (seconds < 60) return `约 ${seconds} 秒`
  if (seconds < 3600) return `约 ${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒`
  return `约 ${Math.floor(seconds / 3600)} 小时 ${Math.floor((seconds % 3600) / 60)} 分`
}

export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—'
  return `${Number(rate).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 行/秒`
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** why a chosen file is not sent (checked again by the server, by its bytes), or null */
export function checkUploadFile(file: { name: string; size: number }, maxMb = MAX_UPLOAD_MB): string | null {
  if (!/\.(xlsx|xls)$/i.test(file.name)) return '请选择 Excel 文件（.xlsx 或 .xls）'
  if (file.size === 0) return '文件为空'
  if (file.size > maxMb * 1024 * 1024) return `文件超过 ${maxMb}MB，请拆分后分批导入`
  return null
}

/**
 * The server's message in an el-upload error: the XHR's response text is the JSON envelope {code, msg, field}
 * (e.g. 400 "文件不是有效的Excel文件", or the missing column); anything else gets a generic sentence.
 */
export function uploadErrorMessage(err: unknown): string {
  const status = (err as { status?: number })?.status
  const text = err instanceof Error ? err.message : typeof err === 'string' ? err : ''
  try {
    const body = JSON.parse(text) as { msg?: string }
    if (body && typeof body.msg === 'string' && body.msg) return body.msg
  } catch {
    // not JSON
  }
  if (status === 413) return `文件超过 ${MAX_UPLOAD_MB}MB，请拆分后分批导入`
  if (status === 401) return '登录已过期，请重新登录'
  if (status === 403) return '无权限导入基础数据'
  return status ? `上传失败（${status}），请稍后重试` : '上传失败，请检查网络后重试'
}

/** processed / total as the progress text under the bar */
export function progressText(job: Pick<ImportJobView, 'processedRows' | 'totalRows'>): string {
  return job.totalRows > 0 ? `${job.processedRows} / ${job.totalRows} 行` : `${job.processedRows} 行`
}

/** replaces a job in the list by id (a poll result), keeping the order; true when it was there */
export function mergeJob(list: ImportJobView[], job: ImportJobView): boolean {
  const i = list.findIndex((j) => j.id === job.id)
  if (i < 0) return false
  list.splice(i, 1, job)
  return true
}
