// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import { IDBFactory } from 'fake-indexeddb'
import { Blob } from 'node:buffer'
import { FieldApi } from '../core/api'
import { applyOptimistic } from '../core/optimistic'
import { sm3OfBlob } from '../core/sm3'
import { FieldStore, req } from '../core/store'
import { localIso, SyncEngine } from '../core/sync'
import type { CommandType, FieldTask } from '../core/types'
import { FakeServer } from './fakeServer'

let server: FakeServer
let store: FieldStore
let engine: SyncEngine
let online = true
let n = 0

async function act(type: CommandType, ticketId: string | null, payload: Record<string, unknown> = {}) {
  // now: work finished on an earlier day leaves the 已完成 list at the next sync
  const c = { opId: `op-${++n}`, clientTime: localIso(new Date()), type, ticketId, payload }
  return store.enqueue(c, async (t) => {
    if (!ticketId) return
    const s = t.objectStore('tasks')
    const task = (await req(s.get(ticketId))) as FieldTask | undefined
    if (task) await req(s.put(applyOptimistic(task, { ...c, seq: 0 })))
  })
}

beforeEach(async () => {
  server = new FakeServer()
  store = await FieldStore.open(new IDBFactory(), 'sync')
  online = true
  engine = new SyncEngine({ store, api: new FieldApi(() => 'tok', server.fetch, '/'), deviceId: () => 'dev-1',
    isOnline: () => online, batchSize: 2 })
})

describe('the sync engine', () => {
  it('pulls a snapshot, pushes an offline accept (APPLIED) and shows the server state afterwards', async () => {
    server.addTicket('t1')
    await engine.run()
    expect((await store.task('t1'))?.status).toBe('ASSIGNED')

    online = false
    await act('ACCEPT', 't1')
    await engine.run()
    expect(server.requests.filter((r) => r.includes('push'))).toHaveLength(0)
    expect(engine.status).toMatchObject({ online: false, pending: 1 })
    expect((await store.task('t1'))?.statusLabel).toBe('已接单') // optimistic, offline

    online = true
    await engine.run()
    expect(engine.status).toMatchObject({ online: true, pending: 0, failed: 0, error: null })
    expect(server.tickets.get('t1')?.status).toBe('ACCEPTED')
    const t = await store.task('t1')
    expect(t?.status).toBe('ACCEPTED')
    expect(t?.timeline?.some((e) => e.local)).toBe(false) // the server's version replaced the local one
  })

  it('moves a REJECTED command to the failures with the server message and drops the reassigned task', async () => {
    server.addTicket('t1')
    await engine.run()
    online = false
    await act('ACCEPT', 't1')
    await act('FILL_BACK', 't1', { handlingResult: '更换阀门' })
    server.reassign('t1', 'w2') // the lead reassigns while the worker is offline
    online = true
    await engine.run()
    const failures = await store.failures()
    expect(failures.map((f) => [f.type, f.code, f.message, f.ticketNo])).toEqual([
      ['ACCEPT', 'TICKET_REASSIGNED', '工单已改派给他人', 'T-t1'],
      ['FILL_BACK', 'TICKET_REASSIGNED', '工单已改派给他人', 'T-t1'],
    ])
    expect(await store.queueSize()).toBe(0)
    expect(await store.task('t1')).toBeUndefined()
    expect(engine.status).toMatchObject({ pending: 0, failed: 2 })
  })

  it('keeps DEFERRED commands and resends them in order until applied', async () => {
    server.addTicket('t1')
    await engine.run()
    for (let i = 0; i < 3; i++) await act('TEMPERATURE', 't1', { indoorTemp: 18 + i })
    server.deferAbove = 1 // the server has not seen what comes before seq 2 yet
    await engine.run()
    // seq 1 applied, 2 deferred in the first batch; the second batch went through after it
    expect(await store.queueSize()).toBe(0)
    expect(server.appliedOrder).toEqual([1, 2, 3])
    expect([...server.applyCount.values()].every((c) => c === 1)).toBe(true)
  })

  it('reports a DEFERRED-only answer and keeps the commands', async () => {
    server.addTicket('t1')
    await engine.run()
    await act('ACCEPT', 't1')
    server.deferAbove = 0
    await engine.run()
    expect(await store.queueSize()).toBe(1)
    expect(engine.status.error).toContain('稍后重试')
    await engine.run()
    expect(await store.queueSize()).toBe(0)
    expect(server.appliedOrder).toEqual([1])
  })

  it('retries after a lost response: the server replays, nothing is applied twice, nothing is dropped', async () => {
    server.addTicket('t1')
    await engine.run()
    await act('ACCEPT', 't1')
    await act('CHECK_IN_SITE', 't1', { lat: 34.75, lng: 113.62, accuracy: 12 })
    server.loseNextResponse('/sync/push')
    await engine.run()
    expect(server.appliedOrder).toEqual([1, 2]) // committed on the server …
    expect(await store.queueSize()).toBe(2) // … but without an answer the client keeps both
    expect(engine.status.error).toBeTruthy()
    await engine.run()
    expect(await store.queueSize()).toBe(0)
    expect(server.appliedOrder).toEqual([1, 2])
    expect([...server.applyCount.values()]).toEqual([1, 1])
    expect(await store.failures()).toEqual([])
  })

  it('applies pulled removals and updates from the stored cursor; finished work stays in today\'s list', async () => {
    server.addTicket('t1')
    server.addTicket('t2')
    server.addTicket('t3')
    await engine.run()
    expect((await store.allTasks()).map((t) => t.id).sort()).toEqual(['t1', 't2', 't3'])
    const cursor = await store.get<string>('cursor')
    server.reassign('t1', 'w2')
    server.touch('t2', { content: '用户补充：卧室也不热' })
    await act('COMPLETE', 't3')
    await engine.run()
    expect(server.requests.filter((r) => r.includes('/pull')).slice(-1)[0]).toContain(`cursor=${cursor}`)
    expect(await store.task('t1')).toBeUndefined()
    expect((await store.task('t2'))?.content).toBe('用户补充：卧室也不热')
    const t3 = await store.task('t3')
    expect(t3?.status).toBe('COMPLETED')
    expect(t3?.local?.removed).toBe(true)
    expect(await store.get('refVersion')).toBe('r1')
    expect((await store.get<{ dicts: Record<string, unknown> }>('reference'))?.dicts.reject_reason).toBeTruthy()

    // the next day the finished task is gone from the device
    const tomorrow = new SyncEngine({ store, api: new FieldApi(() => 'tok', server.fetch, '/'), deviceId: () => 'dev-1',
      now: () => new Date(Date.now() + 24 * 3600_000) })
    await tomorrow.run()
    expect(await store.task('t3')).toBeUndefined()
    expect(await store.task('t2')).toBeDefined()
  })

  it('pages through the pull until hasMore is false', async () => {
    server.addTicket('t0')
    await engine.run()
    for (let i = 1; i <= 7; i++) server.addTicket('t' + i)
    const paged = new SyncEngine({ store, api: new FieldApi(() => 'tok', server.fetch, '/'), deviceId: () => 'dev-1',
      pullLimit: 3 })
    await paged.run()
    expect((await store.allTasks()).length).toBe(8)
    expect(server.requests.filter((r) => r.includes('/pull')).length).toBe(1 + 3)
  })

  it('uploads the photo before pushing the command that links it, and holds later commands while it is missing', async () => {
    server.addTicket('t1')
    await engine.run()
    const photo = new Blob([new Uint8Array(10).fill(7)], { type: 'image/jpeg' }) as unknown as globalThis.Blob
    const hash = await sm3OfBlob(photo)
    await store.putMedia({ contentHash: hash, blob: photo, size: photo.size, kind: 'PHOTO', mimeType: 'image/jpeg',
      fileName: 'a.jpg', capturedAt: '2026-11-21T10:00:00', ticketId: 't1', received: 0, complete: false })
    await act('ACCEPT', 't1')
    await act('ATTACH', 't1', { contentHash: hash, kind: 'PHOTO' })
    await act('FILL_BACK', 't1', { handlingResult: '已处理' })
    server.failNext('/media/uploads/') // the first chunk is cut
    await engine.run()
    expect(server.appliedOrder).toEqual([]) // the upload failed before the push: nothing sent out of order
    expect(await store.queueSize()).toBe(3)
    await engine.run()
    expect(server.media.has(hash)).toBe(true)
    expect(server.appliedOrder).toEqual([1, 2, 3])
    expect(await store.failures()).toEqual([])
    expect(await store.media(hash)).toBeUndefined() // uploaded and linked: pruned from the device
  })

  it('stops on 401 and keeps the queue for the next login', async () => {
    server.addTicket('t1')
    await engine.run()
    await act('ACCEPT', 't1')
    const api = new FieldApi(() => 'tok', async () => new Response(JSON.stringify({ code: 'DEVICE_UNBOUND', msg: '设备已解绑' }),
      { status: 401 }), '/')
    const e2 = new SyncEngine({ store, api, deviceId: () => 'dev-1' })
    await e2.run()
    expect(e2.status).toMatchObject({ authLost: true, error: '设备已解绑', pending: 1 })
  })
})
