/** 1440 → "1 天", 90 → "1 小时 30 分钟", 30 → "30 分钟" */
export function minutesText(m: number | null | undefined): string {
  if (m === null || m === undefined || Number.isNaN(Number(m))) return ''
  const days = Math.floor(m / 1440)
  const hours = Math.floor((m % 1440) / 60)
  const mins = m % 60
  const parts: string[] = []
  if (days) parts.push(`${days} 天`)
  if (hours) parts.push(`${hours} 小时`)
  if (mins || parts.length === 0) parts.push(`${mins} 分钟`)
  return parts.join(' ')
}
