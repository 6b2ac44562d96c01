/** Which tab a cached task belongs to (待接单 / 处理中 / 已完成 today). */
import type { FieldTask } from './core/types'
import { localIso } from './core/sync'

export type TaskTab = 'ASSIGNED' | 'ACTIVE' | 'DONE'

export const taskTabs: { value: TaskTab; label: string }[] = [
  { value: 'ASSIGNED', label: '待接单' },
  { value: 'ACTIVE', label: '处理中' },
  { value: 'DONE', label: '已完成' },
]

const DONE = new Set(['COMPLETED', 'CLOSED'])

export function tabOf(t: FieldTask, today = localIso(new Date()).slice(0, 10)): TaskTab | null {
  if (t.local?.hidden) return null
  if (DONE.has(t.status) || t.local?.removed) {
    const at = t.local?.finishedAt ?? ''
    return at.slice(0, 10) === today || !at ? 'DONE' : null
  }
  if (t.status === 'ASSIGNED' && !t.accepted) return 'ASSIGNED'
  return 'ACTIVE'
}

/** urgent first, then the nearest deadline */
export function sortTasks(list: FieldTask[]): FieldTask[] {
  const rank = (u?: string | null) => (u === 'URGENT' || u === 'CRITICAL' ? 0 : u === 'HIGH' ? 1 : 2)
  return [...list].sort((a, b) => rank(a.urgency) - rank(b.urgency)
    || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.ticketNo.localeCompare(b.ticketNo))
}
