import { describe, expect, it } from 'vitest'
import routes from '../routes-lost'
import { lostChartOption, needsCallback, overTarget, type LostFigures, type LostReport } from '../api-lost'

function figures(key: string, over: Partial<LostFigures> = {}): LostFigures {
  return {
    key, label: key, inbound: 0, offered: 0, answered: 0, lost: 0, lostQueued: 0, ivrLost: 0, queueAbandon: 0,
    ringAbandon: 0, noAnswer: 0, lossRate: null, averageWaitMs: null, ...over,
  }
}

describe('api-lost', () => {
  it('stacks the causes per day, draws the loss rate on its own axis and marks the target', () => {
    const r: LostReport = {
      from: '2026-11-16T00:00:00', to: '2026-11-23T00:00:00', targetRate: 3,
      days: [figures('2026-11-21', { ivrLost: 2, queueAbandon: 3, ringAbandon: 1, noAnswer: 4, lossRate: 8.5 }),
        figures('2026-11-22')],
      queues: [], causes: [], total: figures('TOTAL'),
    }
    const o = lostChartOption(r) as { xAxis: { data: string[] }; series: { name: string; type: string; stack?: string;
      data: (number | null)[]; yAxisIndex?: number; markLine?: { data: { yAxis: number }[] } }[];
      yAxis: { max?: number }[] }
    expect(o.xAxis.data).toEqual(['11-21', '11-22'])
    const bars = o.series.filter((s) => s.type === 'bar')
    expect(bars.map((b) => b.name)).toEqual(['语音导航中放弃', '排队中放弃', '振铃中放弃', '排队超时未接'])
    expect(bars.every((b) => b.stack === 'lost')).toBe(true)
    expect(bars.map((b) => b.data[0])).toEqual([2, 3, 1, 4])
    const line = o.series.find((s) => s.type === 'line')!
    expect(line.yAxisIndex).toBe(1)
    expect(line.data).toEqual([8.5, null])
    expect(line.markLine!.data[0].yAxis).toBe(3)
    expect(o.yAxis[1].max).toBe(9)
  })

  it('says which lost calls still need a callback and when the rate misses the target', () => {
    expect(needsCallback('PENDING')).toBe(true)
    expect(needsCallback('TRIED')).toBe(true)
    expect(needsCallback('DONE')).toBe(false)
    expect(needsCallback('RECALLED')).toBe(false)
    expect(overTarget(3, 3)).toBe(false)
    expect(overTarget(3.01, 3)).toBe(true)
    expect(overTarget(null, 3)).toBe(false)
  })

  it('declares the route under the menu path and permission of callcenter:lost', () => {
    expect(routes[0].path).toBe('/callcenter/lost-calls')
    expect(routes[0].meta).toMatchObject({ perm: 'callcenter:lost', title: '呼损管理' })
  })
})
