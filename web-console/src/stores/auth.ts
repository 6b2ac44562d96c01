/**
 * The signed-in user: token (sessionStorage), profile with permissions and menus, the subsidiary a group user
 * narrowed the console to, and the idle timer that signs the user out after the server's idle timeout
 * (security.session.idle-minutes, 30 by default) of no mouse or keyboard activity.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ElNotification } from 'element-plus'
import { get, post } from '@/api/http'
import { encryptWithServerKey } from '@/api/crypto'
import {
  clearSession, getSubsidiary, getToken, notifyUnauthorized, setSubsidiary as storeSubsidiary, setToken,
} from '@/api/session'
import type { LoginResult, MenuNode, OrgUnit, Profile } from '@/api/types'

/** the server's idle session timeout in minutes when the profile does not say otherwise */
export const DEFAULT_IDLE_MINUTES = 30
const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const

/** true when `held` grants any of `codes` ('*' grants everything; an empty list needs nothing) */
export function permitted(held: Iterable<string>, codes: string | readonly string[] | null | undefined): boolean {
  if (codes === null || codes === undefined) return true
  const list = typeof codes === 'string' ? [codes] : codes
  if (list.length === 0) return true
  const set = held instanceof Set ? (held as Set<string>) : new Set(held)
  if (set.has('*')) return true
  return list.some((c) => set.has(c))
}

export const useAuthStore = defineStore('auth', () => {
  const token = ref<string | null>(getToken())
  const profile = ref<Profile | null>(null)
  const subsidiaryId = ref<string | null>(getSubsidiary())
  const subsidiaries = ref<OrgUnit[]>([])
  /** bumped when the data behind every page changes (subsidiary switch): the layout re-mounts the page */
  const viewKey = ref(0)

  const permissions = computed(() => new Set(profile.value?.permissions ?? []))
  const menus = computed<MenuNode[]>(() => profile.value?.menus ?? [])
  const isGroupUser = computed(() => profile.value?.dataScope === 'ALL')
  const idleMinutes = computed(() => profile.value?.idleMinutes ?? DEFAULT_IDLE_MINUTES)
  const currentSubsidiaryName = computed(() =>
    subsidiaries.value.find((s) => s.id === subsidiaryId.value)?.orgName ?? null)

  function hasPerm(codes: string | readonly string[] | null | undefined): boolean {
    return permitted(permissions.value, codes)
  }

  function applyProfile(p: Profile) {
    profile.value = p
    if (p.dataScope !== 'ALL' && subsidiaryId.value) {
      // only group users may narrow; anyone else always sees their own scope
      setSubsidiary(null)
    }
    startIdleWatch()
  }

  /** Signs in with an SM2-encrypted password; the ApiError of a refusal is thrown unshown (silent). */
  async function login(username: string, password: string): Promise<LoginResult> {
    const [cipher] = await encryptWithServerKey(password)
    const result = await post<LoginResult>('/api/auth/login', { username: username.trim(), password: cipher },
      { silent: true })
    token.value = result.token
    setToken(result.token)
    setSubsidiary(null)
    applyProfile(result.profile)
    return result
  }

  async function fetchMe(): Promise<Profile> {
    const p = await get<Profile>('/api/auth/me', undefined, { silent: true, noSubsidiary: true })
    applyProfile(p)
    return p
  }

  /** Forgets the session locally (the server session is left alone). */
  function clearLocal() {
    stopIdleWatch()
    token.value = null
    profile.value = null
    subsidiaryId.value = null
    subsidiaries.value = []
    clearSession()
  }

  async function logout(): Promise<void> {
    if (token.value) {
      try {
        await post('/api/auth/logout', {}, { silent: true })
      } catch {
        // the session may already be gone; signing out locally is what matters
      }
    }
    clearLocal()
  }

  function setSubsidiary(id: string | null) {
    subsidiaryId.value = id || null
    storeSubsidiary(id || null)
  }

  /** Switches the subsidiary every request is narrowed to and re-mounts the current page. */
  function switchSubsidiary(id: string | null) {
    if ((id || null) === subsidiaryId.value) return
    setSubsidiary(id)
    viewKey.value++
  }

  async function loadSubsidiaries(): Promise<OrgUnit[]> {
    // asked without the narrowing header: the choices are all the user's subsidiaries, not just the chosen one
    subsidiaries.value = await get<OrgUnit[]>('/api/settings/orgs/subsidiaries', undefined,
      { silent: true, noSubsidiary: true })
    if (subsidiaryId.value && !subsidiaries.value.some((s) => s.id === subsidiaryId.value)) {
      switchSubsidiary(null)
    }
    return subsidiaries.value
  }

  // ---- idle timeout --------------------------------------------------------------------------------------------
  let lastActivity = Date.now()
  let idleTimer: ReturnType<typeof setInterval> | null = null
  let warned = false
  const touch = () => {
    lastActivity = Date.now()
    warned = false
  }

  function startIdleWatch() {
    if (idleTimer || typeof window === 'undefined') return
    lastActivity = Date.now()
    ACTIVITY_EVENTS.forEach((e) => window.addEventListener(e, touch, { passive: true, capture: true }))
    idleTimer = setInterval(checkIdle, 10_000)
  }

  function stopIdleWatch() {
    if (!idleTimer) return
    clearInterval(idleTimer)
    idleTimer = null
    ACTIVITY_EVENTS.forEach((e) => window.removeEventListener(e, touch, { capture: true }))
  }

  /** exposed for tests: runs the idle check now */
  async function checkIdle(now: number = Date.now()) {
    if (!token.value) return
    const limit = idleMinutes.value * 60_000
    const idle = now - lastActivity
    if (idle >= limit) {
      const minutes = idleMinutes.value
      await logout()
      const msg = `您已 ${minutes} 分钟未操作，为保障账号安全已自动退出，请重新登录`
      ElNotification({ type: 'warning', title: '已自动退出', message: msg, duration: 0 })
      notifyUnauthorized(msg)
    } else if (!warned && idle >= limit - 60_000) {
      warned = true
      ElNotification({ type: 'info', title: '即将自动退出', message: '您长时间未操作，1 分钟后将自动退出登录。移动鼠标或按任意键可继续使用。' })
    }
  }

  return {
    token, profile, subsidiaryId, subsidiaries, viewKey, permissions, menus, isGroupUser, idleMinutes,
    currentSubsidiaryName, hasPerm, login, fetchMe, logout, clearLocal, switchSubsidiary, loadSubsidiaries,
    startIdleWatch, stopIdleWatch, checkIdle, touch,
  }
})
