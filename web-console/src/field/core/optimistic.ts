/**
 * What a queued command does to the cached task before the server has seen it, so the worker sees 已接单,
 * 已签到 … at once and offline. The same function re-applies still-queued commands on top of a freshly pulled
 * ticket, so a pull never makes an unsynced action disappear from the screen.
 */
import { commandLabels, type Command, type FieldTask, type TimelineEntry } from './types'

function summary(cmd: Command): string | null {
  const p = cmd.payload ?? {}
  switch (cmd.type) {
    case 'REJECT':
    case 'INCOMPLETE':
    case 'CANCEL_REQUEST':
      return String(p.reason ?? '')
    case 'DELAY_REQUEST':
      return `延期 ${p.extendMinutes} 分钟：${p.reason ?? ''}`
    case 'TEMPERATURE':
      return `室温 ${p.indoorTemp} ℃${p.room ? '（' + p.room + '）' : ''}`
    case 'FILL_BACK':
      return String(p.handlingResult ?? '')
    case 'SIGN':
      return `满意度 ${p.satisfaction} 星${p.comment ? '：' + p.comment : ''}`
    case 'CHECK_IN_SITE':
      return `定位 ${Number(p.lat).toFixed(5)}, ${Number(p.lng).toFixed(5)}${p.accuracy != null ? `（±${Math.round(Number(p.accuracy))} 米）` : ''}`
    case 'ATTACH':
      return ({ PHOTO: '照片', VIDEO: '视频', AUDIO: '录音' } as Record<string, string>)[String(p.kind)] ?? null
    case 'VOICE_NOTE':
      return `语音 ${p.durationSeconds} 秒`
    default:
      return null
  }
}

export function applyOptimistic(task: FieldTask, cmd: Command, userName?: string | null): FieldTask {
  const t: FieldTask = { ...task, local: { ...(task.local ?? {}) } }
  const local = t.local!
  const p = cmd.payload ?? {}
  switch (cmd.type) {
    case 'ACCEPT':
      t.accepted = true
      if (t.status === 'ASSIGNED') {
        t.status = 'ACCEPTED'
        t.statusLabel = '已接单'
      }
      break
    case 'REJECT':
      local.hidden = true
      break
    case 'CHECK_IN_SITE':
      t.checkedIn = true
      break
    case 'ATTACH':
      local.attachments = (local.attachments ?? 0) + 1
      break
    case 'TEMPERATURE':
      local.temperatures = (local.temperatures ?? 0) + 1
      break
    case 'VOICE_NOTE':
      local.voiceNotes = (local.voiceNotes ?? 0) + 1
      break
    case 'FILL_BACK':
      t.fillBack = { ...p }
      break
    case 'INCOMPLETE':
      local.incompleteReason = String(p.reason ?? '')
      break
    case 'DELAY_REQUEST':
      local.request = '延期申请待审批'
      break
    case 'CANCEL_REQUEST':
      local.request = '取消申请待审批'
      break
    case 'SIGN':
      t.signed = true
      break
    case 'COMPLETE':
      t.status = 'COMPLETED'
      t.statusLabel = '已完成'
      local.finishedAt = cmd.clientTime
      break
    default:
      break
  }
  const entry: TimelineEntry = { at: cmd.clientTime, actionLabel: commandLabels[cmd.type], userName: userName ?? null,
    note: summary(cmd), local: true }
  t.timeline = [entry, ...(t.timeline ?? []).filter((e) => !(e.local && e.at === entry.at && e.actionLabel === entry.actionLabel))]
  return t
}

/** the server's ticket with this device's still-queued commands for it re-applied (in seq order) */
export function mergePulled(server: FieldTask, queued: Command[], previous?: FieldTask, userName?: string | null): FieldTask {
  let t: FieldTask = { ...server, local: {} }
  if (previous?.local?.finishedAt && server.status === 'COMPLETED') t.local!.finishedAt = previous.local.finishedAt
  for (const c of queued) {
    if (c.ticketId === server.id) t = applyOptimistic(t, c, userName)
  }
  return t
}
