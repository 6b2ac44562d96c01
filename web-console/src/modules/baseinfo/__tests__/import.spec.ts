import { describe, expect, it } from 'vitest'
import routes from '../routes-import'
import { baseName, exportQuery, IMPORT_KINDS } from '../api-import'
import {
  checkUploadFile, etaSeconds, formatBytes, formatDuration, formatRate, isActive, mergeJob, progressStatus, progressText,
  statusLabel, statusType, uploadErrorMessage,
} from '../imports/importJobs'
import type { ImportJobView } from '../api-import'

function job(extra: Partial<ImportJobView> = {}): ImportJobView {
  return {
    id: '9007199254740993', kind: 'HOUSEHOLD', kindLabel: '房屋信息', fileName: '房屋.xlsx', status: 'RUNNING',
    totalRows: 1000, processedRows: 400, okRows: 390, failedRows: 10, percent: 40, rowsPerSec: 200, message: null,
    createdAt: '2026-11-21T10:00:00', startedAt: '2026-11-21T10:00:01', finishedAt: null, createdByName: '管理员',
    subsidiaryId: '100', subsidiaryName: '城北热力分公司', fileHash: null, fileSize: '1024', ...extra,
  }
}

describe('route', () => {
  it('is the menu path and opens for import or export permission', () => {
    expect(routes).toHaveLength(1)
    expect(routes[0].path).toBe('/baseinfo/import')
    expect(routes[0].name).toBe('baseinfo-import')
    expect(routes[0].meta).toMatchObject({ title: '导入导出', perm: ['baseinfo:import', 'baseinfo:export'] })
  })
})

describe('job helpers', () => {
  it('labels and tag types per status', () => {
    expect(statusLabel('QUEUED')).toBe('排队中')
    expect(statusLabel('RUNNING')).toBe('导入中')
    expect(statusLabel('SUCCEEDED')).toBe('已完成')
    expect(statusLabel('FAILED')).toBe('失败')
    expect(statusLabel('CANCELLED')).toBe('已取消')
    expect(statusType('FAILED')).toBe('danger')
    expect(statusLabel('WHATEVER')).toBe('WHATEVER')
    expect(isActive(job())).toBe(true)
    expect(isActive(job({ status: 'QUEUED' }))).toBe(true)
    expect(isActive(job({ status: 'SUCCEEDED' }))).toBe(false)
    expect(progressStatus(job({ status: 'SUCCEEDED' }))).toBe('success')
    expect(progressStatus(job({ status: 'FAILED' }))).toBe('exception')
    expect(progressStatus(job())).toBe('')
  })

  it('time left from the current rate', () => {
    expect(etaSeconds(job())).toBe(3)
    expect(etaSeconds(job({ processedRows: 0, rowsPerSec: 7 }))).toBe(143)
    expect(etaSeconds(job({ rowsPerSec: null }))).toBeNull()
    expect(etaSeconds(job({ totalRows: 0 }))).toBeNull()
    expect(etaSeconds(job({ status: 'QUEUED' }))).toBeNull()
    expect(etaSeconds(job({ processedRows: 1000 }))).toBe(0)
    expect(formatDuration(null)).toBe('—')
    expect(formatDuration(42)).toBe('约 42 秒')
    expect(formatDuration(143)).toBe('约 2 分 23 秒')
    expect(formatDuration(7322)).toBe('约 2 小时 2 分')
  })

  it('rates, sizes and progress text', () => {
    expect(formatRate(1234.5)).toBe('1,234.5 行/秒')
    expect(formatRate(null)).toBe('—')
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(2048)).toBe('2.0 KB')
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB')
    expect(progressText(job())).toBe('400 / 1000 行')
    expect(progressText(job({ totalRows: 0 }))).toBe('400 行')
  })

  it('a poll result replaces the row in place', () => {
    const list = [job({ id: '1' }), job({ id: '2' })]
    expect(mergeJob(list, job({ id: '2', status: 'SUCCEEDED' }))).toBe(true)
    expect(list.map((j) => j.status)).toEqual(['RUNNING', 'SUCCEEDED'])
    expect(mergeJob(list, job({ id: '3' }))).toBe(false)
    expect(list).toHaveLength(2)
  })
})

describe('uploads', () => {
  it('refuses what is obviously not an Excel file before sending it', () => {
    expect(checkUploadFile({ name: '房屋.xlsx', size: 100 })).toBeNull()
    expect(checkUploadFile({ name: 'old.XLS', size: 100 })).toBeNull()
    expect(checkUploadFile({ name: '房屋.csv', size: 100 })).toBe('请选择 Excel 文件（.xlsx 或 .xls）')
    expect(checkUploadFile({ name: 'a.xlsx', size: 0 })).toBe('文件为空')
    expect(checkUploadFile({ name: 'a.xlsx', size: 201 * 1024 * 1024 })).toBe('文件超过 200MB，请拆分后分批导入')
    expect(checkUploadFile({ name: 'a.xlsx', size: 60 * 1024 * 1024 })).toBeNull()
  })

  it('shows the server message of a refused upload', () => {
    const refused = Object.assign(new Error('{"code":"VALIDATION","msg":"文件不是有效的Excel文件","field":"file"}'), { status: 400 })
    expect(uploadErrorMessage(refused)).toBe('文件不是有效的Excel文件')
    const header = Object.assign(new Error('{"code":"VALIDATION","msg":"表头缺少必填列“房屋编码”，请使用房屋信息导入模板","field":"file"}'),
      { status: 400 })
    expect(uploadErrorMessage(header)).toContain('房屋编码')
    expect(uploadErrorMessage(Object.assign(new Error('<html>'), { status: 413 }))).toBe('文件超过 200MB，请拆分后分批导入')
    expect(uploadErrorMessage(Object.assign(new Error(''), { status: 502 }))).toBe('上传失败（502），请稍后重试')
    expect(uploadErrorMessage(new Error('fail to post /api/baseinfo/imports 0'))).toBe('上传失败，请检查网络后重试')
  })
})

describe('export query', () => {
  it('sends only the filters of the kind', () => {
    const p = { keyword: ' 幸福 ', nodeId: '42', heatingStatus: 'SUSPENDED', arrearsOnly: true, subsidiaryId: null }
    expect(exportQuery('HOUSEHOLD', p)).toEqual({ keyword: '幸福', nodeId: '42', subsidiaryId: null,
      heatingStatus: 'SUSPENDED', arrearsOnly: true })
    expect(exportQuery('NODE', p)).toEqual({ keyword: '幸福', nodeId: '42', subsidiaryId: null })
    expect(exportQuery('CUSTOMER', { ...p, arrearsOnly: false, keyword: '' })).toMatchObject({ keyword: null, arrearsOnly: null })
    expect(IMPORT_KINDS.map((k) => k.exportPath)).toEqual(['nodes', 'households', 'customers'])
    expect(baseName('房屋.导入.xlsx')).toBe('房屋.导入')
    expect(baseName(null)).toBe('导入文件')
  })
})
