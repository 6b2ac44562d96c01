/**
 * The browser session of the console: the token and the chosen subsidiary, kept in sessionStorage (one tab,
 * gone when the tab closes). Plain functions so that api/http.ts needs no Pinia; stores/auth.ts builds on them.
 */
const TOKEN_KEY = 'heatdesk.token'
const SUBSIDIARY_KEY = 'heatdesk.subsidiary'
const FLASH_KEY = 'heatdesk.flash'

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY)
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token)
  else sessionStorage.removeItem(TOKEN_KEY)
}

/** the subsidiary a group user narrowed the console to ('' or null = all subsidiaries) */
export function getSubsidiary(): string | null {
  return sessionStorage.getItem(SUBSIDIARY_KEY) || null
}

export function setSubsidiary(id: string | null): void {
  if (id) sessionStorage.setItem(SUBSIDIARY_KEY, id)
  else sessionStorage.removeItem(SUBSIDIARY_KEY)
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY)
  sessionStorage.removeItem(SUBSIDIARY_KEY)
}

/** a one-time message for the login page (why the user was sent back to it) */
export function setFlash(message: string | null): void {
  if (message) sessionStorage.setItem(FLASH_KEY, message)
  else sessionStorage.removeItem(FLASH_KEY)
}

export function takeFlash(): string | null {
  const m = sessionStorage.getItem(FLASH_KEY)
  sessionStorage.removeItem(FLASH_KEY)
  return m
}

type UnauthorizedHandler = (message: string) => void
let unauthorizedHandler: UnauthorizedHandler | null = null

/** The router registers how to return to the login page when the server answers 401. */
export function onUnauthorized(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler
}

export function notifyUnauthorized(message: string): void {
  unauthorizedHandler?.(message)
}
