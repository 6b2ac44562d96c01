/**
 * The field app's IndexedDB: everything the worker needs offline and everything not yet confirmed by the server.
 *   kv        session, device seq counter, pull cursor, reference data (out-of-line keys)
 *   tasks     pulled tickets (+ optimistic local state), key id
 *   queue     commands waiting for a final result, key seq (the device's counter: the push order)
 *   failures  commands the server rejected, key opId (shown in 失败 until the worker dismisses them)
 *   media     captured files and their upload progress, key contentHash (SM3)
 * A command and its seq are written in one transaction with the counter, so a crash never reuses a seq.
 */
import type { Command, Failure, FieldTask, MediaItem } from './types'

export const DB_NAME = 'heatdesk-field'
const DB_VERSION = 1
/** the counter also lives in localStorage: if the database is wiped, a reused seq would be refused by the server */
const SEQ_MIRROR = 'heatdesk.field.seq'

export function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

function done(t: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    t.oncomplete = () => resolve()
    t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'))
    t.onerror = () => reject(t.error)
  })
}

export function openDatabase(factory: IDBFactory = indexedDB, name = DB_NAME): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = factory.open(name, DB_VERSION)
    r.onupgradeneeded = () => {
      const db = r.result
      if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv')
      if (!db.objectStoreNames.contains('tasks')) db.createObjectStore('tasks', { keyPath: 'id' })
      if (!db.objectStoreNames.contains('queue')) db.createObjectStore('queue', { keyPath: 'seq' })
      if (!db.objectStoreNames.contains('failures')) db.createObjectStore('failures', { keyPath: 'opId' })
      if (!db.objectStoreNames.contains('media')) db.createObjectStore('media', { keyPath: 'contentHash' })
    }
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
    r.onblocked = () => reject(new Error('本地数据库被其他窗口占用，请关闭其他窗口后重试'))
  })
}

type StoreName = 'kv' | 'tasks' | 'queue' | 'failures' | 'media'

function readSeqMirror(): number {
  try {
    return Number(globalThis.localStorage?.getItem(SEQ_MIRROR) ?? 0) || 0
  } catch {
    return 0
  }
}

function writeSeqMirror(seq: number): void {
  try {
    globalThis.localStorage?.setItem(SEQ_MIRROR, String(seq))
  } catch {
    // private mode without storage: the database counter alone
  }
}

export class FieldStore {
  constructor(readonly db: IDBDatabase) {}

  static async open(factory?: IDBFactory, name?: string): Promise<FieldStore> {
    return new FieldStore(await openDatabase(factory, name))
  }

  /** runs fn in one transaction and resolves with its result once the transaction committed */
  async tx<T>(stores: StoreName[], mode: IDBTransactionMode, fn: (t: IDBTransaction) => Promise<T> | T): Promise<T> {
    const t = this.db.transaction(stores, mode)
    const finished = done(t)
    let result: T
    try {
      result = await fn(t)
    } catch (e) {
      try {
        t.abort()
      } catch {
        // already finished
      }
      finished.catch(() => undefined)
      throw e
    }
    await finished
    return result
  }

  // ---- key/value
  get<T>(key: string): Promise<T | undefined> {
    return this.tx(['kv'], 'readonly', (t) => req(t.objectStore('kv').get(key)) as Promise<T | undefined>)
  }

  set(key: string, value: unknown): Promise<void> {
    return this.tx(['kv'], 'readwrite', async (t) => {
      await req(t.objectStore('kv').put(value, key))
    })
  }

  remove(key: string): Promise<void> {
    return this.tx(['kv'], 'readwrite', async (t) => {
      await req(t.objectStore('kv').delete(key))
    })
  }

  // ---- tasks
  allTasks(): Promise<FieldTask[]> {
    return this.tx(['tasks'], 'readonly', (t) => req(t.objectStore('tasks').getAll()) as Promise<FieldTask[]>)
  }

  task(id: string): Promise<FieldTask | undefined> {
    return this.tx(['tasks'], 'readonly', (t) => req(t.objectStore('tasks').get(id)) as Promise<FieldTask | undefined>)
  }

  putTask(task: FieldTask): Promise<void> {
    return this.tx(['tasks'], 'readwrite', async (t) => {
      await req(t.objectStore('tasks').put(task))
    })
  }

  // ---- queue
  /**
   * Appends a command: allocates the next device seq and stores the command in the same transaction, and lets
   * `apply` change the cached task in it too (the optimistic state is never ahead of, or behind, the queue).
   */
  async enqueue(cmd: Omit<Command, 'seq'>, apply?: (t: IDBTransaction) => Promise<void>): Promise<Command> {
    const stored = await this.tx(['kv', 'queue', 'tasks'], 'readwrite', async (t) => {
      const kv = t.objectStore('kv')
      const last = Math.max(Number((await req(kv.get('seq'))) ?? 0), readSeqMirror())
      const full: Command = { ...cmd, seq: last + 1 }
      await req(kv.put(full.seq, 'seq'))
      await req(t.objectStore('queue').add(full))
      if (apply) await apply(t)
      return full
    })
    writeSeqMirror(stored.seq)
    return stored
  }

  /** the queue in seq order (the order the server must apply it) */
  queue(): Promise<Command[]> {
    return this.tx(['queue'], 'readonly', (t) => req(t.objectStore('queue').getAll()) as Promise<Command[]>)
      .then((list) => list.sort((a, b) => a.seq - b.seq))
  }

  queueSize(): Promise<number> {
    return this.tx(['queue'], 'readonly', (t) => req(t.objectStore('queue').count()))
  }

  /** drops the commands with a final result and records the rejected ones, atomically */
  settle(finalSeqs: number[], failures: Failure[]): Promise<void> {
    return this.tx(['queue', 'failures'], 'readwrite', async (t) => {
      const q = t.objectStore('queue')
      for (const s of finalSeqs) await req(q.delete(s))
      const f = t.objectStore('failures')
      for (const x of failures) await req(f.put(x))
    })
  }

  // ---- failures
  failures(): Promise<Failure[]> {
    return this.tx(['failures'], 'readonly', (t) => req(t.objectStore('failures').getAll()) as Promise<Failure[]>)
      .then((list) => list.sort((a, b) => a.seq - b.seq))
  }

  dismissFailure(opId: string): Promise<void> {
    return this.tx(['failures'], 'readwrite', async (t) => {
      await req(t.objectStore('failures').delete(opId))
    })
  }

  // ---- media
  putMedia(m: MediaItem): Promise<void> {
    return this.tx(['media'], 'readwrite', async (t) => {
      await req(t.objectStore('media').put(m))
    })
  }

  media(hash: string): Promise<MediaItem | undefined> {
    return this.tx(['media'], 'readonly', (t) => req(t.objectStore('media').get(hash)) as Promise<MediaItem | undefined>)
  }

  allMedia(): Promise<MediaItem[]> {
    return this.tx(['media'], 'readonly', (t) => req(t.objectStore('media').getAll()) as Promise<MediaItem[]>)
  }

  /** forgets uploaded files no queued command refers to any more (keeps the device's storage small) */
  async pruneMedia(): Promise<void> {
    const needed = new Set((await this.queue()).map(mediaHashOf).filter((h): h is string => !!h))
    await this.tx(['media'], 'readwrite', async (t) => {
      const s = t.objectStore('media')
      for (const m of (await req(s.getAll())) as MediaItem[]) {
        if (m.complete && !needed.has(m.contentHash)) await req(s.delete(m.contentHash))
      }
    })
  }

  /** a new user on this device: drop the previous user's cached data (the queue must be empty, see login) */
  clearUserData(): Promise<void> {
    return this.tx(['kv', 'tasks', 'failures', 'media'], 'readwrite', async (t) => {
      await req(t.objectStore('tasks').clear())
      await req(t.objectStore('failures').clear())
      await req(t.objectStore('media').clear())
      const kv = t.objectStore('kv')
      for (const k of ['cursor', 'reference', 'refVersion', 'session']) await req(kv.delete(k))
    })
  }
}

/** the media a command needs on the server before it can be applied */
export function mediaHashOf(cmd: Command): string | null {
  const p = cmd.payload ?? {}
  const h = (p.contentHash ?? p.signatureHash) as string | undefined
  return typeof h === 'string' && h ? h : null
}
