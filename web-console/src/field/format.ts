/** Display helpers of the field app (server times are Asia/Shanghai LocalDateTime strings without zone). */

export function parseTime(s: string | null | undefined): Date | null {
  if (!s) return null
  const d = new Date(s.length === 10 ? s + 'T00:00:00' : s.replace(' ', 'T'))
  return Number.isNaN(d.getTime()) ? null : d
}

export function formatClock(s: string | null | undefined): string {
  const d = parseTime(s)
  if (!d) return ''
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

export function formatDateTime(s: string | null | undefined): string {
  const d = parseTime(s)
  if (!d) return s ?? ''
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

function span(ms: number): string {
  const m = Math.max(1, Math.round(ms / 60_000))
  if (m < 60) return `${m} 分钟`
  const h = Math.floor(m / 60)
  if (h < 24) return `${h} 小时${m % 60 ? ` ${m % 60} 分` : ''}`
  return `${Math.floor(h / 24)} 天${h % 24 ? ` ${h % 24} 小时` : ''}`
}

/** NORMAL / NEAR (within 2 hours) / OVERDUE from the deadline, or the server's timing without one */
export function timingOf(deadline: string | null | undefined, serverTiming: string | null | undefined, now: number,
                         nearMinutes = 120): string {
  const d = parseTime(deadline)
  if (!d) return serverTiming || 'NORMAL'
  const left = d.getTime() - now
  if (left < 0) return 'OVERDUE'
  if (left <= nearMinutes * 60_000) return 'NEAR'
  return serverTiming === 'OVERDUE' ? 'OVERDUE' : 'NORMAL'
}

export function countdown(deadline: string | null | undefined, now: number): string {
  const d = parseTime(deadline)
  if (!d) return '无处理期限'
  const left = d.getTime() - now
  return left >= 0 ? `剩余 ${span(left)}` : `已超时 ${span(-left)}`
}

/** a phone number for the tel: link (digits, + and -, nothing of a mask) */
export function dialable(phone: string | null | undefined): string | null {
  if (!phone || phone.includes('*')) return null
  const p = phone.replace(/[^\d+-]/g, '')
  return p.length >= 3 ? p : null
}

export function mapUrl(address: string): string {
  return `https://uri.amap.com/search?keyword=${encodeURIComponent(address)}&src=heatdesk&callnative=1`
}
