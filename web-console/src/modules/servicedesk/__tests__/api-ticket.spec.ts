import { afterEach, describe, expect, it } from 'vitest'
import type { OrgNode } from '@/api/types'
import {
  actionLabels, command, deadlineCountdown, labelOf, listParams, offeredActions, parseLocal, performAction,
  progressIndex, statusLabels, targetFor, ticketApi, timingRowClass, toLocalDateTime, type TicketAction,
  type TicketStatus,
} from '../api-ticket'
import { cleanFormFields, fieldsOf, formFieldLabel, formFieldValue, missingRequired } from '../formFields'
import { minutesText } from '../config/config'
import { gaugeOption, rateText, requestDial, DIAL_EVENT, thisMonth } from '../visits/visits'
import { pruneToStations, stationsAsTree, subsidiariesOf } from '../stations'
import { fakeServer, ok } from '../../../../tests/unit/helpers'

const NOW = new Date(2026, 10, 21, 12, 0, 0)

describe('deadline countdown and row colouring', () => {
  it('counts down to a future deadline and says how long a past one is overdue', () => {
    expect(deadlineCountdown('2026-11-21T15:30:00', NOW)).toEqual({ text: '剩余 3小时30分', level: 'NORMAL' })
    expect(deadlineCountdown('2026-11-23T14:00:00', NOW)).toEqual({ text: '剩余 2天2小时', level: 'NORMAL' })
    expect(deadlineCountdown('2026-11-21T11:15:00', NOW)).toEqual({ text: '超时 45分钟', level: 'OVERDUE' })
    expect(deadlineCountdown('2026-11-20T09:00:00', NOW)).toEqual({ text: '超时 1天3小时', level: 'OVERDUE' })
  })

  it('is NEAR inside the default window unless the server says otherwise, and OVERDUE past the deadline', () => {
    expect(deadlineCountdown('2026-11-21T13:00:00', NOW)?.level).toBe('NEAR')
    // the rule's warning window is the server's: its timing wins over the 2-hour default
    expect(deadlineCountdown('2026-11-21T13:00:00', NOW, 'NORMAL')?.level).toBe('NORMAL')
    expect(deadlineCountdown('2026-11-21T18:00:00', NOW, 'NEAR')?.level).toBe('NEAR')
    // a past deadline is overdue whatever the (stale) timing says
    expect(deadlineCountdown('2026-11-21T11:00:00', NOW, 'NORMAL')?.level).toBe('OVERDUE')
    expect(deadlineCountdown(null, NOW)).toBeNull()
    expect(deadlineCountdown('not a date', NOW)).toBeNull()
  })

  it('colours open rows red when overdue, yellow when near, and never colours finished tickets', () => {
    expect(timingRowClass({ timing: 'OVERDUE', status: 'DISPATCHED' })).toBe('hd-row-overdue')
    expect(timingRowClass({ timing: 'NEAR', status: 'COMPLETED' })).toBe('hd-row-near')
    expect(timingRowClass({ timing: 'NORMAL', status: 'ASSIGNED' })).toBe('')
    expect(timingRowClass({ timing: 'OVERDUE', status: 'CLOSED' })).toBe('')
    expect(timingRowClass({ timing: 'OVERDUE', status: 'VOIDED' })).toBe('')
  })

  it('parses and writes the server LocalDateTime as local time', () => {
    const d = parseLocal('2026-11-21T08:05:09.123')!
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()]).toEqual([2026, 10, 21, 8, 5, 9])
    expect(toLocalDateTime(d)).toBe('2026-11-21T08:05:09')
    expect(parseLocal('2026-11-21 08:05')!.getMinutes()).toBe(5)
  })
})

describe('lifecycle progress', () => {
  it('maps every status onto 受理-派单-接单-处理-回访-办结', () => {
    const cases: [TicketStatus, number][] = [
      ['PENDING_DISPATCH', 1], ['RETURNED', 1], ['DISPATCHED', 2], ['CONFIRMED', 2], ['ASSIGNED', 2],
      ['ACCEPTED', 3], ['IN_PROGRESS', 3], ['EXTRA_NODE', 3], ['COMPLETED', 4], ['CLOSED', 6], ['VOIDED', 6],
    ]
    for (const [s, i] of cases) expect(progressIndex(s), s).toBe(i)
  })

  it('labels: the server label first, then ours, then the code', () => {
    expect(labelOf(statusLabels, 'COMPLETED')).toBe('待回访')
    expect(labelOf(statusLabels, 'COMPLETED', '回访中')).toBe('回访中')
    expect(labelOf(actionLabels, 'SOMETHING_NEW')).toBe('SOMETHING_NEW')
    expect(labelOf(actionLabels, null)).toBe('')
  })
})

describe('requests', () => {
  afterEach(() => {
    fakeServer(() => ok(null))
  })

  it('sends list filters with statuses comma-separated and empty values dropped', async () => {
    expect(listParams({ pool: 'VISIT_DUE', statuses: ['COMPLETED', 'CLOSED'], keyword: '' }))
      .toEqual({ pool: 'VISIT_DUE', statuses: 'COMPLETED,CLOSED', keyword: '' })
    const seen = fakeServer(() => ok({ records: [], total: 0, page: 1, size: 20 }))
    await ticketApi.page({ pool: 'UNARRANGED', keyword: '', timing: 'OVERDUE', statuses: [], page: 2, size: 20 })
    expect(seen[0].url).toBe('/api/servicedesk/tickets')
    expect(seen[0].params).toEqual({ pool: 'UNARRANGED', timing: 'OVERDUE', page: 2, size: 20 })
  })

  it('builds a full command with nulls for the unused fields', () => {
    expect(command('DISPATCH', 3, { stationOrgId: '77' })).toEqual({
      action: 'DISPATCH', expectedVersion: 3, reason: null, note: null, stationOrgId: '77', workerId: null,
      extendMinutes: null, targetSubsidiaryId: null, satisfaction: null, visitResult: null, deadline: null, fields: null,
    })
  })

  it('routes desk actions to the service desk and station actions to the repair module', async () => {
    const seen = fakeServer(() => ok({ ticket: { id: '5' } }))
    const all = () => true
    await performAction('5', command('DISPATCH', 1, { stationOrgId: '9' }), all)
    await performAction('5', command('ASSIGN', 2, { workerId: '8' }), all)
    expect(seen.map((c) => c.url)).toEqual(['/api/servicedesk/tickets/5/actions', '/api/repair/tickets/5/actions'])
    expect(JSON.parse(seen[1].data as string)).toMatchObject({ action: 'ASSIGN', expectedVersion: 2, workerId: '8' })
  })

  it('a shared action goes where the user holds the permission, desk first', () => {
    const lead = (p: string) => p.startsWith('repair:')
    const agent = (p: string) => p.startsWith('servicedesk:')
    expect(targetFor('NOTE', lead)!.url('1')).toBe('/api/repair/tickets/1/actions')
    expect(targetFor('NOTE', agent)!.url('1')).toBe('/api/servicedesk/tickets/1/actions')
    expect(targetFor('NOTE', () => true)!.url('1')).toBe('/api/servicedesk/tickets/1/actions')
    expect(targetFor('ESCALATE', () => true)).toBeNull()
  })

  it('offers only the legal actions the user may send somewhere', () => {
    const legal: TicketAction[] = ['ASSIGN', 'COMPLETE', 'REDISPATCH', 'URGE', 'NOTE', 'ESCALATE', 'APPROVAL_REQUESTED',
      'WORKER_ACCEPT']
    const lead = new Set(['repair:pool', 'repair:assign', 'repair:handle'])
    const agent = new Set(['servicedesk:ticket', 'servicedesk:ticket:dispatch', 'servicedesk:ticket:operate'])
    expect(offeredActions(legal, (p) => lead.has(p))).toEqual(['ASSIGN', 'COMPLETE', 'NOTE'])
    expect(offeredActions(legal, (p) => agent.has(p))).toEqual(['REDISPATCH', 'URGE', 'NOTE'])
  })
})

describe('acceptance form fields', () => {
  it('asks per type: room temperature for 测温, dates for 报停, arrears for 催缴', () => {
    expect(fieldsOf('TEMP_CHECK').map((f) => f.key)).toContain('roomTemperature')
    expect(fieldsOf('SUSPENSION').map((f) => f.key)).toEqual(['suspendKind', 'fromDate', 'toDate'])
    expect(fieldsOf('PAYMENT_REMINDER').map((f) => f.key)).toContain('arrears')
    expect(fieldsOf('INQUIRY')).toEqual([])
  })

  it('keeps only the current type\'s non-empty fields and names the first missing required one', () => {
    const values = { roomTemperature: 16.5, fromDate: '2026-12-01', suspendKind: '', arrears: null }
    expect(cleanFormFields('TEMP_CHECK', values)).toEqual({ roomTemperature: 16.5 })
    expect(cleanFormFields('SUSPENSION', values)).toEqual({ fromDate: '2026-12-01' })
    expect(missingRequired('SUSPENSION', values)).toBe('请填写办理类型')
    expect(missingRequired('SUSPENSION', { ...values, suspendKind: 'STOP' })).toBeNull()
    expect(missingRequired('TEMP_CHECK', {})).toBeNull()
  })

  it('shows stored values with labels and units', () => {
    expect(formFieldLabel('roomTemperature')).toBe('室温')
    expect(formFieldValue('roomTemperature', 16.5)).toBe('16.5 ℃')
    expect(formFieldValue('suspendKind', 'RESUME')).toBe('恢复供热')
    expect(formFieldLabel('unknownKey')).toBe('unknownKey')
    expect(formFieldValue('unknownKey', { a: 1 })).toBe('{"a":1}')
  })
})

describe('config and visit helpers', () => {
  it('writes minutes in days, hours and minutes', () => {
    expect(minutesText(1440)).toBe('1 天')
    expect(minutesText(90)).toBe('1 小时 30 分钟')
    expect(minutesText(0)).toBe('0 分钟')
    expect(minutesText(2 * 1440 + 60)).toBe('2 天 1 小时')
    expect(minutesText(null)).toBe('')
  })

  it('rates arrive as percentages', () => {
    expect(rateText(87.66)).toBe('87.7%')
    expect(rateText(null)).toBe('—')
    const opt = gaugeOption(92.5, '闭环率')
    expect(opt.series[0].data[0]).toEqual({ value: 92.5, name: '闭环率' })
    expect(opt.series[0].detail.formatter()).toBe('92.5%')
    expect(gaugeOption(null, '闭环率').series[0].detail.formatter()).toBe('—')
  })

  it('the dial request says whether a call center took it', () => {
    expect(requestDial('13800138000', '5')).toBe(false)
    const take = (e: Event) => {
      expect((e as CustomEvent).detail).toEqual({ phone: '13800138000', ticketId: '5' })
      e.preventDefault()
    }
    window.addEventListener(DIAL_EVENT, take)
    try {
      expect(requestDial('13800138000', '5')).toBe(true)
    } finally {
      window.removeEventListener(DIAL_EVENT, take)
    }
  })

  it('this month runs from the 1st to today', () => {
    expect(thisMonth(new Date(2026, 1, 9))).toEqual(['2026-02-01', '2026-02-09'])
  })
})

describe('stations in the org tree', () => {
  const node = (id: string, orgType: string, children: OrgNode[] = [], subsidiaryId: string | null = 'S1'): OrgNode => ({
    id, parentId: null, orgType, orgTypeName: orgType, orgCode: id, orgName: id, subsidiaryId, enabled: true, sortNo: 0,
    rowVersion: 0, children,
  })
  const tree = [node('G', 'GROUP', [
    node('S1', 'SUBSIDIARY', [node('CS', 'CENTER_STATION', [node('ST01', 'REPAIR_STATION'), node('ST02', 'REPAIR_STATION')]),
      node('DEPT', 'DEPARTMENT')]),
    node('S2', 'SUBSIDIARY', [node('X', 'DEPARTMENT', [], 'S2')], 'S2'),
    node('CC', 'CALL_CENTER', [], null),
  ], null)]

  it('keeps only branches with repair stations', () => {
    const { tree: pruned, stations } = pruneToStations(tree)
    expect(stations.map((s) => s.id)).toEqual(['ST01', 'ST02'])
    expect(pruned[0].children.map((c) => c.id)).toEqual(['S1'])
    expect(pruned[0].children[0].children.map((c) => c.id)).toEqual(['CS'])
  })

  it('groups a flat station list under its subsidiaries', () => {
    const t = stationsAsTree([
      { id: '9', orgCode: 'ST01', orgName: '第一维修站', subsidiaryId: '3', subsidiaryName: '城北' },
      { id: '10', orgCode: 'ST02', orgName: '第二维修站', subsidiaryId: '3', subsidiaryName: '城北' },
      { id: '20', orgCode: 'ST07', orgName: '第七维修站', subsidiaryId: '4', subsidiaryName: '城南', enabled: false },
    ])
    expect(t.map((g) => g.orgName)).toEqual(['城北', '城南'])
    expect(t[0].children.map((c) => c.orgCode)).toEqual(['ST01', 'ST02'])
    expect(t[0].children[0].orgType).toBe('REPAIR_STATION')
    expect(t[1].children[0].enabled).toBe(false)
  })

  it('finds the subsidiaries', () => {
    expect(subsidiariesOf(tree).map((s) => s.id)).toEqual(['S1', 'S2'])
  })
})

describe('attachment checks before upload', async () => {
  const { uploadKind, uploadProblem } = await import('../uploads')
  it('knows the kind by type or extension and applies the per-kind limit', () => {
    expect(uploadKind({ name: 'a.HEIC', type: '' })).toBe('IMAGE')
    expect(uploadKind({ name: 'voice.amr', type: '' })).toBe('AUDIO')
    expect(uploadKind({ name: 'clip.mov', type: 'video/quicktime' })).toBe('VIDEO')
    expect(uploadKind({ name: 'x.docx', type: 'application/msword' })).toBeNull()
    expect(uploadProblem({ name: 'p.png', type: 'image/png', size: 21 * 1024 * 1024 })).toBe('图片“p.png”超过 20 MB')
    expect(uploadProblem({ name: 'v.mp4', type: 'video/mp4', size: 150 * 1024 * 1024 })).toBeNull()
    expect(uploadProblem({ name: 'x.docx', type: '', size: 10 })).toContain('类型不支持')
    expect(uploadProblem({ name: 'e.png', type: 'image/png', size: 0 })).toContain('是空的')
  })
})
