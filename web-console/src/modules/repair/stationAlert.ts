/**
 * The station lead's arrival alert: which live ticket changes mean "a new ticket came to my station", a short
 * beep through WebAudio, and a once-only guard so the global alert and the dispatch page do not both pop up for
 * the same change.
 */

/** actions that hand a ticket to a station (TicketChanged.action) */
export const ARRIVAL_ACTIONS: ReadonlySet<string> = new Set(['DISPATCH', 'REDISPATCH', 'SECOND_DISPATCH'])

/** the TicketChanged record as it arrives on the live topic "ticket" (ids as strings or numbers) */
export interface TicketChangedPayload {
  ticketId: string | number
  ticketNo: string
  action: string
  toStatus?: string | null
  stationOrgId?: string | number | null
  supervised?: boolean
  overLevel?: boolean
  rowVersion?: number
  operatorName?: string | null
}

/** true when the change hands the ticket to this station */
export function isArrivalFor(payload: unknown, stationOrgId: string | null | undefined): payload is TicketChangedPayload {
  if (!stationOrgId || !payload || typeof payload !== 'object') return false
  const p = payload as Partial<TicketChangedPayload>
  return typeof p.action === 'string' && ARRIVAL_ACTIONS.has(p.action)
    && p.stationOrgId !== null && p.stationOrgId !== undefined && String(p.stationOrgId) === String(stationOrgId)
}

/** true when the change concerns this station at all (any action on a ticket now with the station) */
export function concernsStation(payload: unknown, stationOrgId: string | null | undefined): boolean {
  if (!stationOrgId || !payload || typeof payload !== 'object') return false
  const p = payload as Partial<TicketChangedPayload>
  return p.stationOrgId !== null && p.stationOrgId !== undefined && String(p.stationOrgId) === String(stationOrgId)
}

const notified = new Map<string, number>()
const KEEP_MS = 60_000

/** true the first time a change is seen (per ticket and version) within a minute; later callers stay quiet */
export function firstNotice(p: TicketChangedPayload, now = Date.now()): boolean {
  for (const [k, at] of notified) if (now - at > KEEP_MS) notified.delete(k)
  const key = `${p.ticketId}:${p.rowVersion ?? ''}:${p.action}`
  if (notified.has(key)) return false
  notified.set(key, now)
  return true
}

/** for tests */
export function resetNotices(): void {
  notified.clear()
}

type AudioCtor = new () => AudioContext
let audio: AudioContext | null = null

/**
 * Two short tones (880 Hz, then 660 Hz). Browsers only allow sound after the user interacted with the page; before
 * that the context stays suspended and nothing is heard, which is fine: the notification is still shown.
 */
export function beep(): void {
  const w = globalThis as unknown as { AudioContext?: AudioCtor; webkitAudioContext?: AudioCtor }
  const Ctor = w.AudioContext ?? w.webkitAudioContext
  if (!Ctor) return
  try {
    audio = audio ?? new Ctor()
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined)
    const start = audio.currentTime
    ;[880, 660].forEach((freq, i) => {
      const osc = audio!.createOscillator()
      const gain = audio!.createGain()
      const t0 = start + i * 0.18
      osc.type = 'sine'
      osc.frequency.setValueAtTime(freq, t0)
      gain.gain.setValueAtTime(0.0001, t0)
      gain.gain.exponentialRampToValueAtTime(0.2, t0 + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.16)
      osc.connect(gain)
      gain.connect(audio!.destination)
      osc.start(t0)
      osc.stop(t0 + 0.17)
    })
  } catch {
    // no sound device or blocked: the notification alone has to do
  }
}
