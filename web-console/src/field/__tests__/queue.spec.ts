// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IDBFactory } from 'fake-indexeddb'
import { FieldStore, req } from '../core/store'
import { applyOptimistic } from '../core/optimistic'
import type { Command, FieldTask } from '../core/types'

function memoryStorage(): Storage {
  const m = new Map<string, string>()
  return {
    get length() { return m.size },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  }
}

const cmd = (type: Command['type'], ticketId: string | null = 't1', payload: Record<string, unknown> = {}) =>
  ({ opId: crypto.randomUUID(), clientTime: '2026-11-21T10:00:00.000', type, ticketId, payload })

describe('the command queue', () => {
  let factory: IDBFactory
  beforeEach(() => {
    factory = new IDBFactory()
    ;(globalThis as { localStorage?: Storage }).localStorage = memoryStorage()
  })
  afterEach(() => {
    delete (globalThis as { localStorage?: Storage }).localStorage
  })

  it('allocates consecutive device seqs, also for concurrent actions, and returns the queue in seq order', async () => {
    const store = await FieldStore.open(factory, 'q1')
    const made = await Promise.all(Array.from({ length: 20 }, (_, i) => store.enqueue(cmd('TEMPERATURE', 't1', { indoorTemp: i }))))
    expect(made.map((c) => c.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    const q = await store.queue()
    expect(q.map((c) => c.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(new Set(q.map((c) => c.opId)).size).toBe(20)
  })

  it('survives a restart: the queue is still there and the counter goes on', async () => {
    const a = await FieldStore.open(factory, 'q2')
    await a.enqueue(cmd('ACCEPT'))
    await a.enqueue(cmd('CHECK_IN_SITE', 't1', { lat: 34.7, lng: 113.6 }))
    a.db.close()
    const b = await FieldStore.open(factory, 'q2')
    expect((await b.queue()).map((c) => c.type)).toEqual(['ACCEPT', 'CHECK_IN_SITE'])
    expect((await b.enqueue(cmd('COMPLETE'))).seq).toBe(3)
  })

  it('never reuses a seq even when the database was wiped (localStorage mirror)', async () => {
    const a = await FieldStore.open(factory, 'q3')
    for (let i = 0; i < 5; i++) await a.enqueue(cmd('ACCEPT'))
    a.db.close()
    const fresh = await FieldStore.open(new IDBFactory(), 'q3')
    expect((await fresh.enqueue(cmd('ACCEPT'))).seq).toBe(6)
  })

  it('drops only commands with a final result and records the rejected ones in the same step', async () => {
    const store = await FieldStore.open(factory, 'q4')
    const c1 = await store.enqueue(cmd('ACCEPT'))
    const c2 = await store.enqueue(cmd('FILL_BACK', 't1', { handlingResult: 'ok' }))
    await store.enqueue(cmd('COMPLETE'))
    await store.settle([c1.seq, c2.seq], [{ opId: c2.opId, seq: c2.seq, type: c2.type, ticketId: 't1', ticketNo: 'T-1',
      code: 'TICKET_REASSIGNED', message: '工单已改派给他人', clientTime: c2.clientTime, failedAt: c2.clientTime }])
    expect((await store.queue()).map((c) => c.seq)).toEqual([3])
    expect((await store.failures()).map((f) => f.message)).toEqual(['工单已改派给他人'])
  })

  it('applies the optimistic change to the cached task in the transaction of the command', async () => {
    const store = await FieldStore.open(factory, 'q5')
    await store.putTask({ id: 't1', ticketNo: 'T-1', status: 'ASSIGNED', statusLabel: '待接单' })
    const c = cmd('ACCEPT')
    await store.enqueue(c, async (t) => {
      const s = t.objectStore('tasks')
      const task = (await req(s.get('t1'))) as FieldTask
      await req(s.put(applyOptimistic(task, { ...c, seq: 0 }, '张维修')))
    })
    const task = await store.task('t1')
    expect(task?.status).toBe('ACCEPTED')
    expect(task?.statusLabel).toBe('已接单')
    expect(task?.timeline?.[0]).toMatchObject({ actionLabel: '接单', userName: '张维修', local: true })
  })

  it('rolls the command back when the optimistic change fails (no half-written action)', async () => {
    const store = await FieldStore.open(factory, 'q6')
    await expect(store.enqueue(cmd('ACCEPT'), async () => {
      throw new Error('boom')
    })).rejects.toThrow('boom')
    expect(await store.queueSize()).toBe(0)
    expect((await store.enqueue(cmd('ACCEPT'))).seq).toBe(1)
  })
})
