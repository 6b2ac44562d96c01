/** Helpers of the visit page: the gauge option, rate text and the call-center dial hook. */

/** a percentage as the server sends it (87.7) → "87.7%"; null → "—" */
export function rateText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(Number(rate))) return '—'
  return `${Number(rate).toFixed(1)}%`
}

/** the ECharts gauge of a percentage 0…100: red below 80, yellow below 95, green above */
export function gaugeOption(rate: number | null, title: string) {
  const pct = rate === null || rate === undefined ? 0 : Math.round(Number(rate) * 10) / 10
  return {
    series: [{
      type: 'gauge',
      min: 0,
      max: 100,
      radius: '95%',
      progress: { show: true, width: 12 },
      axisLine: { lineStyle: { width: 12, color: [[0.8, '#f56c6c'], [0.95, '#e6a23c'], [1, '#67c23a']] } },
      axisTick: { show: false },
      splitLine: { length: 8, lineStyle: { width: 1 } },
      axisLabel: { distance: 16, fontSize: 10 },
      pointer: { width: 4 },
      title: { offsetCenter: [0, '72%'], fontSize: 13 },
      detail: { valueAnimation: true, fontSize: 20, offsetCenter: [0, '40%'],
        formatter: () => (rate === null || rate === undefined ? '—' : `${pct}%`) },
      data: [{ value: pct, name: title }],
    }],
  }
}

export const DIAL_EVENT = 'heatdesk:dial'

/**
 * Asks the call center to dial back: dispatches the cancelable window event `heatdesk:dial` {phone, ticketId};
 * a listener that places the call calls preventDefault(). Returns whether somebody took it.
 */
export function requestDial(phone: string | null, ticketId: string): boolean {
  const event = new CustomEvent(DIAL_EVENT, { detail: { phone, ticketId }, cancelable: true })
  return !window.dispatchEvent(event)
}

/** the first day of this month and today, as YYYY-MM-DD */
export function thisMonth(now: Date = new Date()): [string, string] {
  const p = (n: number) => String(n).padStart(2, '0')
  const d = (x: Date) => `${x.getFullYear()}-${p(x.getMonth() + 1)}-${p(x.getDate())}`
  return [d(new Date(now.getFullYear(), now.getMonth(), 1)), d(now)]
}
