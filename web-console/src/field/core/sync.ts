/**
 * The sync engine: one cycle = upload pending media → push the queue (seq order, batches) → pull changes.
 * Rules of the contract it keeps:
 *  - a command leaves the queue only with a final result (APPLIED or REJECTED); DEFERRED ones stay and are resent
 *    in order; a request without an answer (fetch threw, timeout, 5xx page) changes nothing locally and the same
 *    commands (same opIds) go again next time — the server replays the ones it had already applied;
 *  - a command that needs a file the server does not have yet waits, and so does every later one (seq order);
 *  - REJECTED ones go to the 失败 list with the server's message; after a rejection the next pull is a snapshot, so
 *    optimistic state of the refused command is replaced by the server's truth.
 */
import { FieldApiError, type FieldApi } from './api'
import { mergePulled } from './optimistic'
import { mediaHashOf, req, type FieldStore } from './store'
import { uploadMedia } from './upload'
import type { Command, Failure, FieldTask, PullResponse, PushResponse, Reference } from './types'

export interface SyncStatus {
  online: boolean
  running: boolean
  pending: number
  failed: number
  /** the last cycle's problem in Chinese, null when it went through */
  error: string | null
  /** the token was refused: the worker must log in again (the queue is kept) */
  authLost: boolean
  lastSyncAt: string | null
}

export interface SyncDeps {
  store: FieldStore
  api: FieldApi
  deviceId: () => string
  userName?: () => string | null
  isOnline?: () => boolean
  /** called after anything in the store changed (lists re-read) */
  onChange?: () => void
  /** called with every status change (the app copies it into a reactive object) */
  onStatus?: (s: SyncStatus) => void
  batchSize?: number
  pullLimit?: number
  now?: () => Date
}

export interface CycleReport {
  uploaded: number
  applied: number
  rejected: number
  deferred: number
  pulled: number
}

export function localIso(d: Date): string {
  const pad = (n: number, l = 2) => String(n).padStart(l, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

export class SyncEngine {
  readonly status: SyncStatus = { online: true, running: false, pending: 0, failed: 0, error: null, authLost: false,
    lastSyncAt: null }
  private current: Promise<CycleReport | null> | null = null
  private again = false

  constructor(private readonly d: SyncDeps) {}

  private emit(patch: Partial<SyncStatus>): void {
    Object.assign(this.status, patch)
    this.d.onStatus?.({ ...this.status })
  }

  async refreshCounts(): Promise<void> {
    const [pending, failed] = await Promise.all([this.d.store.queueSize(), this.d.store.failures().then((f) => f.length)])
    this.emit({ pending, failed, online: this.d.isOnline ? this.d.isOnline() : true })
  }

  /** runs one cycle; while one runs, a second call makes it run once more afterwards and shares its promise */
  run(): Promise<CycleReport | null> {
    if (this.current) {
      this.again = true
      return this.current
    }
    this.current = (async () => {
      let report: CycleReport | null = null
      try {
        do {
          this.again = false
          report = await this.cycle()
        } while (this.again && !this.status.error)
      } finally {
        this.current = null
      }
      return report
    })()
    return this.current
  }

  /** a new token after a re-login */
  resetAuth(): void {
    this.emit({ authLost: false, error: null })
  }

  private async cycle(): Promise<CycleReport | null> {
    const online = this.d.isOnline ? this.d.isOnline() : true
    if (!online) {
      this.emit({ online: false, running: false })
      await this.refreshCounts()
      return null
    }
    if (this.status.authLost) return null
    const report: CycleReport = { uploaded: 0, applied: 0, rejected: 0, deferred: 0, pulled: 0 }
    this.emit({ online: true, running: true, error: null })
    try {
      report.uploaded = await this.uploadAll()
      await this.pushAll(report)
      report.pulled = await this.pullAll(report.rejected > 0)
      await this.d.store.pruneMedia()
      this.emit({ lastSyncAt: localIso(this.now()) })
    } catch (e) {
      if (e instanceof FieldApiError) {
        if (e.status === 401) this.emit({ authLost: true, error: e.msg || '登录已失效，请重新登录' })
        else this.emit({ error: e.msg })
      } else {
        this.emit({ error: e instanceof Error ? e.message : String(e) })
      }
    } finally {
      this.emit({ running: false })
      await this.refreshCounts().catch(() => undefined)
      this.d.onChange?.()
    }
    return report
  }

  private now(): Date {
    return this.d.now ? this.d.now() : new Date()
  }

  private async uploadAll(): Promise<number> {
    let n = 0
    for (const m of await this.d.store.allMedia()) {
      if (m.complete || m.error) continue
      const after = await uploadMedia(this.d.api, this.d.store, m)
      if (after.complete) n++
    }
    return n
  }

  /** the queued commands that may go now: everything before the first one whose file is not on the server yet */
  private async sendable(): Promise<Command[]> {
    const queue = await this.d.store.queue()
    const waiting = new Set((await this.d.store.allMedia()).filter((m) => !m.complete && !m.error).map((m) => m.contentHash))
    const out: Command[] = []
    for (const c of queue) {
      const h = mediaHashOf(c)
      if (h && waiting.has(h)) break
      out.push(c)
    }
    return out
  }

  private async pushAll(report: CycleReport): Promise<void> {
    const size = this.d.batchSize ?? 200
    for (let guard = 0; guard < 10_000; guard++) {
      const ready = await this.sendable()
      if (ready.length === 0) return
      const batch = ready.slice(0, size)
      const answer = await this.d.api.post<PushResponse>('/api/mobile/sync/push',
        { deviceId: this.d.deviceId(), commands: batch }, 60_000)
      const bySeq = new Map(batch.map((c) => [c.seq, c]))
      const byOp = new Map(batch.map((c) => [c.opId, c]))
      const finals: number[] = []
      const failures: Failure[] = []
      const tasks = new Map((await this.d.store.allTasks()).map((t) => [t.id, t]))
      for (const r of answer.results ?? []) {
        const cmd = byOp.get(r.opId) ?? bySeq.get(r.seq)
        if (!cmd) continue
        if (r.status === 'APPLIED') {
          finals.push(cmd.seq)
          report.applied++
        } else if (r.status === 'REJECTED') {
          finals.push(cmd.seq)
          report.rejected++
          failures.push({
            opId: cmd.opId, seq: cmd.seq, type: cmd.type, ticketId: cmd.ticketId ?? null,
            ticketNo: cmd.ticketId ? tasks.get(cmd.ticketId)?.ticketNo ?? null : null,
            code: r.code || 'REJECTED', message: r.message || '服务器拒绝了该操作', clientTime: cmd.clientTime,
            failedAt: localIso(this.now()),
          })
        } else {
          report.deferred++
        }
      }
      await this.d.store.settle(finals, failures)
      if (finals.length === 0) {
        // nothing final: the server waits for an earlier seq this device no longer holds, or answered nothing
        const first = batch[0].seq
        if (typeof answer.lastSeq === 'number' && first > answer.lastSeq + 1) {
          throw new Error(`同步序号不连续：服务器已确认到第 ${answer.lastSeq} 条，本机最早的待同步操作是第 ${first} 条`)
        }
        throw new Error('服务器暂未处理待同步的操作，稍后重试')
      }
    }
  }

  private async pullAll(snapshot: boolean): Promise<number> {
    const store = this.d.store
    let cursor = snapshot ? '' : ((await store.get<string>('cursor')) ?? '')
    const fromSnapshot = cursor === ''
    const seen = new Set<string>()
    let count = 0
    let refVersion: unknown = null
    for (let guard = 0; guard < 100_000; guard++) {
      const page = await this.d.api.get<PullResponse>('/api/mobile/sync/pull', { cursor, limit: this.d.pullLimit ?? 500 })
      const queued = await store.queue()
      const userName = this.d.userName?.() ?? null
      await store.tx(['tasks', 'kv'], 'readwrite', async (t) => {
        const tasks = t.objectStore('tasks')
        for (const ch of page.changes ?? []) {
          const id = String(ch.ticketId ?? ch.ticket?.id)
          seen.add(id)
          const prev = (await req(tasks.get(id))) as FieldTask | undefined
          if (ch.kind === 'TICKET' && ch.ticket) {
            await req(tasks.put(mergePulled({ ...ch.ticket, id }, queued, prev, userName)))
          } else if (ch.kind === 'TICKET_REMOVED') {
            if (prev && ch.reason === 'FINISHED') {
              // finished work stays visible in today's 已完成 tab
              await req(tasks.put({ ...prev, status: 'COMPLETED', statusLabel: prev.statusLabel === '已完成' ? prev.statusLabel : '已完成',
                local: { ...(prev.local ?? {}), removed: true, finishedAt: prev.local?.finishedAt ?? localIso(this.now()) } }))
            } else if (prev) {
              await req(tasks.delete(id))
            }
          }
        }
        await req(t.objectStore('kv').put(page.cursor ?? '', 'cursor'))
      })
      count += (page.changes ?? []).length
      cursor = page.cursor ?? ''
      refVersion = page.refVersion ?? refVersion
      if (!page.hasMore) break
    }
    await this.purge(fromSnapshot ? seen : null)
    if (refVersion !== null && refVersion !== undefined && String(refVersion) !== String((await store.get('refVersion')) ?? '')) {
      const ref = await this.d.api.get<Reference>('/api/mobile/sync/reference')
      await store.set('reference', ref)
      await store.set('refVersion', String(ref.refVersion ?? refVersion))
    }
    return count
  }

  /** after a snapshot: tasks the server no longer lists are gone; finished ones stay until the day ends */
  private async purge(snapshotIds: Set<string> | null): Promise<void> {
    const today = localIso(this.now()).slice(0, 10)
    await this.d.store.tx(['tasks'], 'readwrite', async (t) => {
      const s = t.objectStore('tasks')
      for (const task of (await req(s.getAll())) as FieldTask[]) {
        const finishedToday = !!task.local?.finishedAt && task.local.finishedAt.slice(0, 10) === today
        const finished = task.status === 'COMPLETED' || !!task.local?.removed
        if (finished && !finishedToday && task.local?.removed) await req(s.delete(task.id))
        else if (snapshotIds && !snapshotIds.has(task.id) && !finishedToday) await req(s.delete(task.id))
      }
    })
  }
}
