/**
 * Calls of the base-data import/export endpoints (module-baseinfo …/imports/ImportController, ExportController):
 * background import jobs with progress, their failed rows as Excel, templates and streamed exports.
 */
import { get, http, post, filenameFromDisposition, type RequestOptions } from '@/api/http'
import type { PageResult } from '@/api/types'
import type { AxiosProgressEvent, AxiosResponse } from 'axios'

export type ImportKind = 'NODE' | 'HOUSEHOLD' | 'CUSTOMER'
export type ImportStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED'

/** ImportJobView */
export interface ImportJobView {
  id: string
  kind: ImportKind
  kindLabel: string
  fileName: string
  status: ImportStatus
  totalRows: number
  processedRows: number
  okRows: number
  failedRows: number
  /** 0–100, one decimal */
  percent: number
  rowsPerSec: number | null
  message: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  createdByName: string | null
  subsidiaryId: string | null
  subsidiaryName: string | null
  fileHash: string | null
  fileSize: string | number | null
}

export const IMPORT_KINDS: { value: ImportKind; label: string; exportPath: string }[] = [
  { value: 'NODE', label: '楼宇信息', exportPath: 'nodes' },
  { value: 'HOUSEHOLD', label: '房屋信息', exportPath: 'households' },
  { value: 'CUSTOMER', label: '热用户', exportPath: 'customers' },
]

export const IMPORT_PATH = '/api/baseinfo/imports'

export interface ImportListParams {
  kind?: ImportKind | null
  status?: ImportStatus | null
  page: number
  size: number
}

/** filters of an export: the same query parameters as the household/customer/tree lists */
export interface ExportParams {
  keyword?: string | null
  nodeId?: string | null
  heatingStatus?: string | null
  arrearsOnly?: boolean | null
  subsidiaryId?: string | null
}

export const importApi = {
  list: (params: ImportListParams) => get<PageResult<ImportJobView>>(IMPORT_PATH, { ...params }),
  get: (id: string, o?: RequestOptions) => get<ImportJobView>(`${IMPORT_PATH}/${id}`, undefined, o),
  cancel: (id: string, o?: RequestOptions) => post<ImportJobView>(`${IMPORT_PATH}/${id}/cancel`, {}, o),
}

/**
 * Downloads a server-made file as a blob and saves it under the server's name; `onProgress` receives the bytes
 * received so far (exports stream, so the total is unknown until the end).
 */
export async function downloadFile(url: string, params: Record<string, unknown> | undefined, fallbackName: string,
                                   onProgress?: (loadedBytes: number) => void): Promise<string> {
  const response = (await http.request({
    method: 'get', url, params, responseType: 'blob', timeout: 30 * 60_000,
    onDownloadProgress: (e: AxiosProgressEvent) => onProgress?.(e.loaded),
  })) as unknown as AxiosResponse<Blob>
  const name = filenameFromDisposition(response.headers['content-disposition'] as string | undefined) || fallbackName
  const href = URL.createObjectURL(response.data)
  const a = document.createElement('a')
  a.href = href
  a.download = name
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  document.body.removeChild(a)
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
  return name
}

export function templateDownload(kind: ImportKind): Promise<string> {
  const label = IMPORT_KINDS.find((k) => k.value === kind)?.label ?? ''
  return downloadFile(`${IMPORT_PATH}/template`, { kind }, `${label}导入模板.xlsx`)
}

export function errorsDownload(job: ImportJobView): Promise<string> {
  return downloadFile(`${IMPORT_PATH}/${job.id}/errors`, undefined, `导入失败行-${baseName(job.fileName)}.xlsx`)
}

export function exportDownload(kind: ImportKind, params: ExportParams, onProgress?: (bytes: number) => void): Promise<string> {
  const k = IMPORT_KINDS.find((x) => x.value === kind)!
  return downloadFile(`/api/baseinfo/export/${k.exportPath}`, exportQuery(kind, params), `${k.label}.xlsx`, onProgress)
}

/** only the filters that apply to the kind; an unticked 仅欠费 is no filter */
export function exportQuery(kind: ImportKind, p: ExportParams): Record<string, unknown> {
  const q: Record<string, unknown> = {
    keyword: p.keyword?.trim() || null,
    nodeId: p.nodeId || null,
    subsidiaryId: p.subsidiaryId || null,
  }
  if (kind !== 'NODE') {
    q.heatingStatus = p.heatingStatus || null
    q.arrearsOnly = p.arrearsOnly ? true : null
  }
  return q
}

export function baseName(fileName: string | null | undefined): string {
  const n = fileName || '导入文件'
  const dot = n.lastIndexOf('.')
  return dot > 0 ? n.slice(0, dot) : n
}
