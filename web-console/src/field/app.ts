/**
 * The field app's state and actions, shared by every view: session, device, cached tasks, the queue's counts and
 * the sync engine. Views call the action functions; nothing here needs the network except login, approvals and
 * the sync engine itself.
 */
import { reactive } from 'vue'
import { encryptPassword } from '@/api/sm2-core.js'
import { beep, LiveAlerts } from './core/alerts'
import { FieldApi, FieldApiError } from './core/api'
import { deviceNameFrom, uuid } from './core/device'
import { applyOptimistic } from './core/optimistic'
import { sm3OfBlob } from './core/sm3'
import { FieldStore, req } from './core/store'
import { localIso, SyncEngine, type SyncStatus } from './core/sync'
import type { CommandType, Failure, FieldTask, MediaKind, Reference, Session } from './core/types'

const DEVICE_KEY = 'heatdesk.field.deviceId'
const SYNC_INTERVAL_MS = 30_000

export const state = reactive({
  ready: false,
  session: null as Session | null,
  deviceId: '',
  deviceName: '',
  tasks: [] as FieldTask[],
  failures: [] as Failure[],
  reference: null as Reference | null,
  sync: { online: true, running: false, pending: 0, failed: 0, error: null, authLost: false, lastSyncAt: null } as SyncStatus,
  toast: null as { text: string; kind: 'info' | 'success' | 'error'; id: number } | null,
})

let store: FieldStore
let engine: SyncEngine
export const api = new FieldApi(() => state.session?.token ?? null)

export function toast(text: string, kind: 'info' | 'success' | 'error' = 'info'): void {
  const id = Date.now() + Math.random()
  state.toast = { text, kind, id }
  setTimeout(() => {
    if (state.toast?.id === id) state.toast = null
  }, 3000)
}

export function hasPerm(code: string): boolean {
  const p = state.session?.user.permissions ?? []
  return p.includes('*') || p.includes(code)
}

export const isOnline = (): boolean => (typeof navigator === 'undefined' ? true : navigator.onLine !== false)

async function reload(): Promise<void> {
  const [tasks, failures, reference] = await Promise.all([store.allTasks(), store.failures(), store.get<Reference>('reference')])
  state.tasks = tasks
  state.failures = failures
  state.reference = reference ?? null
}

let syncTimer: ReturnType<typeof setTimeout> | null = null

/** asks for a sync soon (debounced: a burst of actions is one push) */
export function requestSync(delayMs = 300): void {
  if (syncTimer) clearTimeout(syncTimer)
  syncTimer = setTimeout(() => {
    syncTimer = null
    if (state.session && isOnline()) void engine.run()
    else void engine.refreshCounts()
  }, delayMs)
}

export function syncNow(): Promise<unknown> {
  if (!isOnline()) {
    state.sync.online = false
    toast('当前离线，操作已保存在本机，联网后自动同步')
    return Promise.resolve(null)
  }
  return engine.run()
}

async function initDevice(): Promise<void> {
  let id = (await store.get<string>('deviceId')) || localStorage.getItem(DEVICE_KEY) || ''
  if (!id) id = uuid()
  await store.set('deviceId', id)
  localStorage.setItem(DEVICE_KEY, id)
  state.deviceId = id
  state.deviceName = deviceNameFrom(navigator.userAgent)
}

export async function boot(): Promise<void> {
  store = await FieldStore.open()
  await initDevice()
  state.session = (await store.get<Session>('session')) ?? null
  engine = new SyncEngine({
    store, api,
    deviceId: () => state.deviceId,
    userName: () => state.session?.user.name ?? null,
    isOnline,
    onChange: () => void reload(),
    onStatus: (s) => Object.assign(state.sync, s),
  })
  await reload()
  await engine.refreshCounts()
  window.addEventListener('online', () => {
    state.sync.online = true
    requestSync(0)
  })
  window.addEventListener('offline', () => {
    state.sync.online = false
  })
  setInterval(() => {
    if (state.session && isOnline() && !state.sync.authLost) void engine.run()
  }, SYNC_INTERVAL_MS)
  state.ready = true
  if (state.session) requestSync(0)
}

// ---------------------------------------------------------------- login

export async function login(username: string, password: string): Promise<void> {
  const prev = (await store.get<Session>('session')) ?? null
  const pending = await store.queueSize()
  const lastUser = (await store.get<string>('lastUsername')) ?? prev?.user.username ?? null
  if (pending > 0 && lastUser && lastUser !== username) {
    throw new Error(`本机还有 ${pending} 条账号 ${lastUser} 的操作未同步，请先用该账号登录完成同步`)
  }
  const { publicKey } = await api.get<{ publicKey: string }>('/api/auth/public-key')
  const answer = await api.post<Omit<Session, 'loggedInAt'>>('/api/mobile/auth/login', {
    username, password: encryptPassword(password, publicKey), deviceId: state.deviceId,
    deviceName: state.deviceName, platform: 'H5',
  })
  if (lastUser && lastUser !== answer.user.username) await store.clearUserData()
  const session: Session = { ...answer, loggedInAt: localIso(new Date()) }
  await store.set('session', session)
  await store.set('lastUsername', answer.user.username)
  state.session = session
  engine.resetAuth()
  await reload()
  await engine.run()
}

export async function logout(): Promise<void> {
  if (isOnline() && state.session) {
    await api.post('/api/mobile/auth/logout').catch(() => undefined)
  }
  await store.remove('session')
  state.session = null
}

// ---------------------------------------------------------------- actions (queued commands)

export function taskById(id: string): FieldTask | undefined {
  return state.tasks.find((t) => t.id === id)
}

/**
 * Queues one command and applies it to the cached task in the same IndexedDB transaction, then asks for a sync.
 * Works offline; the worker sees the result at once.
 */
export async function act(type: CommandType, ticketId: string | null, payload: Record<string, unknown>): Promise<void> {
  const clientTime = localIso(new Date())
  const cmd = { opId: uuid(), clientTime, type, ticketId, payload }
  await store.enqueue(cmd, async (t) => {
    if (!ticketId) return
    const tasks = t.objectStore('tasks')
    const task = (await req(tasks.get(ticketId))) as FieldTask | undefined
    if (task) await req(tasks.put(applyOptimistic(task, { ...cmd, seq: 0 }, state.session?.user.name)))
  })
  await reload()
  await engine.refreshCounts()
  requestSync()
}

/** stores a captured file (hashed with SM3) for upload; returns its hash for the command that links it */
export async function keepMedia(blob: Blob, kind: MediaKind, ticketId: string | null,
                                where?: { lat: number; lng: number } | null, fileName?: string): Promise<string> {
  const contentHash = await sm3OfBlob(blob)
  const existing = await store.media(contentHash)
  if (!existing) {
    const ext = (blob.type.split('/')[1] || 'bin').split(';')[0]
    await store.putMedia({
      contentHash, blob, size: blob.size, kind, mimeType: blob.type || 'application/octet-stream',
      fileName: fileName || `${kind.toLowerCase()}-${Date.now()}.${ext}`, capturedAt: localIso(new Date()),
      lat: where?.lat ?? null, lng: where?.lng ?? null, ticketId, received: 0, complete: false,
    })
  }
  return contentHash
}

export async function dismissFailure(opId: string): Promise<void> {
  await store.dismissFailure(opId)
  await reload()
  await engine.refreshCounts()
}

export function describeError(e: unknown): string {
  if (e instanceof FieldApiError) return e.msg
  return e instanceof Error ? e.message : String(e)
}

// ---------------------------------------------------------------- live new-order alert


export const alerts = new LiveAlerts(
  (token) => api.url('/api/notice/stream', { topics: 'notice', token }),
  {
    onAssigned: (title, bizNo) => {
      beep()
      toast(`新工单：${title}${bizNo ? '（' + bizNo + '）' : ''}`, 'success')
      requestSync(0)
    },
    onTicketEvent: () => requestSync(0),
  },
)

/** keeps the live stream open exactly while logged in and online */
export function watchAlerts(): void {
  const update = () => alerts.update(state.session && isOnline() && !state.sync.authLost ? state.session.token : null)
  update()
  window.addEventListener('online', update)
  window.addEventListener('offline', update)
  setInterval(update, 5000)
}
