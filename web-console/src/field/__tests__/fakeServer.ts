/**
 * An in-memory HeatDesk for the field app's tests, speaking the mobile sync contract v1 through a fetch function:
 * push (exactly once per opId, seq order, DEFERRED SEQ_GAP, replays), pull (cursor over a change log, removals),
 * reference, and resumable media uploads (offset checks, SM3 check on the last byte).
 * Faults: `loseNextResponse(pathPart)` commits the request and then throws like a cut connection;
 * `failNext(pathPart)` throws before the server sees the request.
 */
import { sm3Hex } from '../core/sm3'
import type { Command, CommandResult, FieldTask } from '../core/types'

interface Upload { id: string; hash: string; size: number; data: Uint8Array; received: number; complete: boolean }

export class FakeServer {
  tickets = new Map<string, FieldTask & { owner: string }>()
  log: { seq: number; kind: 'TICKET' | 'TICKET_REMOVED'; ticketId: string; reason?: string; owner: string }[] = []
  results = new Map<string, CommandResult>()
  applyCount = new Map<string, number>()
  appliedOrder: number[] = []
  lastSeq = 0
  /** answer DEFERRED for seqs above this in the next push (as if an earlier one had not arrived yet) */
  deferAbove: number | null = null
  uploads = new Map<string, Upload>()
  media = new Map<string, Uint8Array>()
  chunkSize = 4
  refVersion = 'r1'
  requests: string[] = []
  private lose = new Set<string>()
  private fail = new Set<string>()
  private nextLog = 1

  constructor(readonly worker = 'w1') {}

  addTicket(id: string, patch: Partial<FieldTask> = {}, owner = this.worker): void {
    const t = { id, ticketNo: 'T-' + id, status: 'ASSIGNED', statusLabel: '待接单', accepted: false, owner, timeline: [], ...patch }
    this.tickets.set(id, t)
    this.log.push({ seq: this.nextLog++, kind: 'TICKET', ticketId: id, owner })
  }

  reassign(id: string, to: string): void {
    const t = this.tickets.get(id)!
    const from = t.owner
    t.owner = to
    this.log.push({ seq: this.nextLog++, kind: 'TICKET_REMOVED', ticketId: id, reason: 'REASSIGNED', owner: from })
    this.log.push({ seq: this.nextLog++, kind: 'TICKET', ticketId: id, owner: to })
  }

  finish(id: string): void {
    const t = this.tickets.get(id)!
    this.log.push({ seq: this.nextLog++, kind: 'TICKET_REMOVED', ticketId: id, reason: 'FINISHED', owner: t.owner })
  }

  touch(id: string, patch: Partial<FieldTask>): void {
    Object.assign(this.tickets.get(id)!, patch)
    this.log.push({ seq: this.nextLog++, kind: 'TICKET', ticketId: id, owner: this.tickets.get(id)!.owner })
  }

  loseNextResponse(part: string): void {
    this.lose.add(part)
  }

  failNext(part: string): void {
    this.fail.add(part)
  }

  readonly fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input, 'http://field.test')
    const method = (init.method ?? 'GET').toUpperCase()
    this.requests.push(`${method} ${url.pathname}${url.search}`)
    for (const p of this.fail) {
      if (url.pathname.includes(p)) {
        this.fail.delete(p)
        throw new TypeError('Failed to fetch')
      }
    }
    const res = await this.handle(method, url, init)
    for (const p of this.lose) {
      if (url.pathname.includes(p)) {
        this.lose.delete(p)
        throw new TypeError('Failed to fetch') // the server committed, the answer never arrived
      }
    }
    return res
  }

  private ok(data: unknown): Response {
    return new Response(JSON.stringify({ code: '0', msg: 'ok', data }), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }

  private err(status: number, code: string, msg: string): Response {
    return new Response(JSON.stringify({ code, msg, data: null }), { status, headers: { 'Content-Type': 'application/json' } })
  }

  private async handle(method: string, url: URL, init: RequestInit): Promise<Response> {
    const path = url.pathname
    if (path.endsWith('/api/mobile/sync/push')) return this.push(JSON.parse(String(init.body)))
    if (path.endsWith('/api/mobile/sync/pull')) return this.pull(url.searchParams.get('cursor') ?? '', Number(url.searchParams.get('limit') ?? 500))
    if (path.endsWith('/api/mobile/sync/reference')) {
      return this.ok({ refVersion: this.refVersion, dicts: { reject_reason: [{ code: 'BUSY', label: '手头工单太多' }] },
        fillBackTemplate: { fields: [] }, satisfaction: [] })
    }
    if (path.endsWith('/api/mobile/media/uploads') && method === 'POST') return this.initUpload(JSON.parse(String(init.body)))
    const m = /\/api\/mobile\/media\/uploads\/([^/]+)$/.exec(path)
    if (m && method === 'PUT') {
      const body = init.body as Blob | Uint8Array
      const bytes = body instanceof Uint8Array ? body : new Uint8Array(await (body as Blob).arrayBuffer())
      return this.chunk(m[1], Number(url.searchParams.get('offset')), bytes)
    }
    return this.err(404, 'NOT_FOUND', '接口不存在')
  }

  private push(body: { deviceId: string; commands: Command[] }): Response {
    const results: CommandResult[] = []
    const sorted = [...body.commands].sort((a, b) => a.seq - b.seq)
    const defer = this.deferAbove
    this.deferAbove = null
    for (const c of sorted) {
      const known = this.results.get(c.opId)
      if (known) {
        results.push({ ...known, replayed: true })
        continue
      }
      if (c.seq !== this.lastSeq + 1 || (defer !== null && c.seq > defer)) {
        results.push({ opId: c.opId, seq: c.seq, status: 'DEFERRED', code: 'SEQ_GAP', message: '等待更早的操作', replayed: false })
        continue
      }
      const r = this.apply(c)
      this.results.set(c.opId, r)
      this.lastSeq = c.seq
      results.push(r)
    }
    return this.ok({ results, lastSeq: this.lastSeq, serverTime: '2026-11-21T10:00:00' })
  }

  private apply(c: Command): CommandResult {
    this.applyCount.set(c.opId, (this.applyCount.get(c.opId) ?? 0) + 1)
    this.appliedOrder.push(c.seq)
    const base = { opId: c.opId, seq: c.seq, replayed: false }
    const t = c.ticketId ? this.tickets.get(c.ticketId) : undefined
    if (c.ticketId && !t) return { ...base, status: 'REJECTED', code: 'NOT_FOUND', message: '工单不存在' }
    if (t && t.owner !== this.worker) return { ...base, status: 'REJECTED', code: 'TICKET_REASSIGNED', message: '工单已改派给他人' }
    const hash = (c.payload.contentHash ?? c.payload.signatureHash) as string | undefined
    if (hash && !this.media.has(hash)) return { ...base, status: 'REJECTED', code: 'MEDIA_NOT_FOUND', message: '附件尚未上传' }
    if (t && c.type === 'ACCEPT') this.touch(t.id, { status: 'ACCEPTED', statusLabel: '已接单', accepted: true })
    if (t && c.type === 'COMPLETE') {
      t.status = 'COMPLETED'
      this.finish(t.id)
    }
    return { ...base, status: 'APPLIED', ticketId: c.ticketId ?? null, ticketVersion: 2 }
  }

  private pull(cursor: string, limit: number): Response {
    const from = cursor === '' ? 0 : Number(cursor)
    if (cursor === '') {
      // snapshot: the worker's current tickets, then the cursor at the end of the log
      const changes = [...this.tickets.values()].filter((t) => t.owner === this.worker)
        .map((t) => ({ seq: this.nextLog - 1, kind: 'TICKET', ticketId: t.id, ticket: this.view(t) }))
      return this.ok({ changes, cursor: String(this.nextLog - 1), hasMore: false, refVersion: this.refVersion })
    }
    const mine = this.log.filter((e) => e.seq > from && e.owner === this.worker)
    const page = mine.slice(0, limit)
    const last = page.length ? page[page.length - 1].seq : from
    const changes = page.map((e) => e.kind === 'TICKET'
      ? { seq: e.seq, kind: e.kind, ticketId: e.ticketId, ticket: this.view(this.tickets.get(e.ticketId)!) }
      : { seq: e.seq, kind: e.kind, ticketId: e.ticketId, reason: e.reason })
    return this.ok({ changes, cursor: String(last), hasMore: mine.length > page.length, refVersion: this.refVersion })
  }

  private view(t: FieldTask & { owner: string }): FieldTask {
    const { owner: _owner, ...rest } = t
    return JSON.parse(JSON.stringify(rest))
  }

  private initUpload(b: { contentHash: string; size: number }): Response {
    if (this.media.has(b.contentHash)) return this.ok({ uploadId: 'done', received: b.size, chunkSize: this.chunkSize, complete: true })
    let u = [...this.uploads.values()].find((x) => x.hash === b.contentHash)
    if (!u) {
      u = { id: 'u' + (this.uploads.size + 1), hash: b.contentHash, size: b.size, data: new Uint8Array(b.size), received: 0, complete: false }
      this.uploads.set(u.id, u)
    }
    return this.ok({ uploadId: u.id, received: u.received, chunkSize: this.chunkSize, complete: false })
  }

  private chunk(id: string, offset: number, bytes: Uint8Array): Response {
    const u = this.uploads.get(id)
    if (!u) return this.err(404, 'NOT_FOUND', '上传不存在')
    if (offset !== u.received) return this.err(409, 'OFFSET_MISMATCH', `已接收 ${u.received} 字节`)
    u.data.set(bytes, offset)
    u.received += bytes.length
    if (u.received >= u.size) {
      this.uploads.delete(id)
      if (sm3Hex(u.data) !== u.hash) return this.err(400, 'HASH_MISMATCH', '文件校验失败')
      u.complete = true
      this.media.set(u.hash, u.data)
    }
    return this.ok({ received: u.received, complete: u.complete })
  }
}
