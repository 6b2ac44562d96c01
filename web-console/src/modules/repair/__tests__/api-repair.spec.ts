import { describe, expect, it } from 'vitest'
import { rowActions, shortArea } from '../api-repair'

const row = (status: string, extra: Record<string, unknown> = {}) =>
  ({ status, supervised: false, overLevel: false, pendingApproval: null, ...extra }) as Parameters<typeof rowActions>[0]

describe('station row actions', () => {
  const all = () => true
  it('follow the status', () => {
    expect(rowActions(row('DISPATCHED'), all)).toEqual(['CONFIRM', 'ASSIGN', 'RETURN', 'DELAY', 'VOID'])
    expect(rowActions(row('CONFIRMED'), all)).toEqual(['ASSIGN', 'COMPLETE', 'CLOSE_DIRECT', 'RETURN', 'DELAY', 'VOID'])
    expect(rowActions(row('ASSIGNED'), all)).toEqual(['REASSIGN', 'COMPLETE', 'CLOSE_DIRECT', 'DELAY', 'VOID'])
    expect(rowActions(row('COMPLETED'), all)).toEqual([])
  })

  it('offer progress reports for supervised and over-level tickets, nothing approvable while an approval runs', () => {
    expect(rowActions(row('ASSIGNED', { supervised: true }), all)).toContain('REPORT_PROGRESS')
    expect(rowActions(row('DISPATCHED', { overLevel: true }), all)).toContain('REPORT_PROGRESS')
    expect(rowActions(row('DISPATCHED', { pendingApproval: 'RETURN' }), all)).toEqual(['CONFIRM', 'ASSIGN'])
  })

  it('respect the permissions', () => {
    const assignOnly = (p: string) => p === 'repair:assign'
    expect(rowActions(row('CONFIRMED'), assignOnly)).toEqual(['ASSIGN', 'RETURN'])
    expect(rowActions(row('CONFIRMED'), () => false)).toEqual([])
  })

  it('shorten area names to the community and below', () => {
    expect(shortArea('城北热力有限公司/城北热电厂/城北1-1号换热站/幸福家园/1号楼')).toBe('幸福家园/1号楼')
    expect(shortArea('幸福家园')).toBe('幸福家园')
    expect(shortArea(null)).toBe('')
  })
})
