/**
 * 呼损管理 (GET /api/callcenter/lost-calls, /report; docs/lost-calls.md): inbound calls that ended abandoned or
 * unanswered, their cause and handling state, the repeat flag, and the report by day, queue and cause. A lost call
 * is called back through the CTI (api-cti.ts callback). Ids (Java Long) arrive as strings.
 */
import { get, type RequestOptions } from '@/api/http'

export const lostCauseLabels: Record<string, string> = {
  IVR: '语音导航中放弃', QUEUE_ABANDON: '排队中放弃', RING_ABANDON: '振铃中放弃', NO_ANSWER: '排队超时未接',
}

export const lostStateLabels: Record<string, string> = {
  PENDING: '未回拨', TRIED: '回拨未接通', DONE: '已回拨接通', MESSAGE: '已留言转工单', RECALLED: '客户再次来电已接通',
}

/** the list's state filter: OPEN = still needs someone (未回拨 + 回拨未接通) */
export const lostStateFilterLabels: Record<string, string> = { OPEN: '待处理（未回拨或回拨未接通）', ...lostStateLabels }

export function lostStateTagType(state: string | null | undefined): 'success' | 'warning' | 'danger' | 'info' {
  switch (state) {
    case 'PENDING': return 'danger'
    case 'TRIED': return 'warning'
    case 'DONE': return 'success'
    default: return 'info'
  }
}

/** a lost call still needs a callback */
export function needsCallback(state: string | null | undefined): boolean {
  return state === 'PENDING' || state === 'TRIED'
}

export interface LostCallView {
  id: string
  gatewayId: string
  linkedid: string
  callerNumber: string | null
  numberMasked: boolean
  did: string | null
  queueName: string | null
  cause: string
  causeLabel: string
  result: string
  startedAt: string
  endedAt: string | null
  waitMs: number | null
  ringAttempts: number
  householdId: string | null
  householdCode: string | null
  householdAddress: string | null
  state: string
  stateLabel: string
  /** lost calls of the same number within the list's time range */
  repeatCount: number
  /** repeatCount reached the threshold: shown red */
  repeated: boolean
  callbackCount: number
  lastCallbackAt: string | null
  lastCallbackBy: string | null
  lastCallbackResult: string | null
}

export interface LostFigures {
  key: string
  label: string
  inbound: number
  offered: number
  answered: number
  lost: number
  lostQueued: number
  ivrLost: number
  queueAbandon: number
  ringAbandon: number
  noAnswer: number
  /** percent, lost after reaching a queue ÷ calls that reached a queue; null without such calls */
  lossRate: number | null
  averageWaitMs: number | null
}

export interface LostReport {
  from: string
  to: string
  /** percent: the loss-rate target (≤ 3 %) */
  targetRate: number
  days: LostFigures[]
  queues: LostFigures[]
  causes: { cause: string; label: string; count: number }[]
  total: LostFigures
}

export type LostQuery = {
  from?: string | null
  to?: string | null
  queue?: string | null
  gatewayId?: string | null
}

export const lostApi = {
  report: (q: LostQuery, o?: RequestOptions) => get<LostReport>('/api/callcenter/lost-calls/report', q, o),
}

/** the loss rate is over the target: red in the report */
export function overTarget(rate: number | null | undefined, target: number): boolean {
  return rate !== null && rate !== undefined && rate > target
}

const CAUSE_ORDER: { key: keyof LostFigures; cause: string; color: string }[] = [
  { key: 'ivrLost', cause: 'IVR', color: '#909399' },
  { key: 'queueAbandon', cause: 'QUEUE_ABANDON', color: '#e6a23c' },
  { key: 'ringAbandon', cause: 'RING_ABANDON', color: '#f56c6c' },
  { key: 'noAnswer', cause: 'NO_ANSWER', color: '#8e44ad' },
]

/**
 * ECharts option of the report: lost calls per day stacked by cause (bars, left axis) and the loss rate (line, right
 * axis, %) with the target as a dashed mark line.
 */
export function lostChartOption(r: LostReport): Record<string, unknown> {
  const days = r.days.map((d) => d.key.slice(5))
  const bars = CAUSE_ORDER.map((c) => ({
    name: lostCauseLabels[c.cause],
    type: 'bar',
    stack: 'lost',
    itemStyle: { color: c.color },
    data: r.days.map((d) => d[c.key] as number),
  }))
  const rates = r.days.map((d) => d.lossRate)
  const maxRate = Math.max(r.targetRate * 2, ...rates.map((x) => x ?? 0))
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: days },
    yAxis: [
      { type: 'value', name: '呼损（次）', minInterval: 1 },
      { type: 'value', name: '呼损率', max: Math.ceil(maxRate), axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      ...bars,
      {
        name: '呼损率',
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        itemStyle: { color: '#409eff' },
        data: rates,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#f56c6c' },
          label: { formatter: `目标 ${r.targetRate}%` },
          data: [{ yAxis: r.targetRate }],
        },
      },
    ],
  }
}
