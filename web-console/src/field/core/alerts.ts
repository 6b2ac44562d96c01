/**
 * New-order alert while online: the notice live stream (docs/notice.md). EventSource cannot send headers, so the
 * token goes as ?token= (LiveStreamFilter turns it into the header for this path only). On an app push about a
 * ticket the app syncs; a new assignment also beeps and shows a toast. The stream is only a hint: the periodic
 * sync brings the same tickets without it.
 */
export interface AlertHandlers {
  /** a ticket was assigned to this worker */
  onAssigned: (title: string, bizNo: string | null) => void
  /** any other change worth a sync (reassigned, urged …) */
  onTicketEvent: () => void
}

export class LiveAlerts {
  private source: EventSource | null = null
  private key: string | null = null
  /** after the server closed the stream for good (401 …), wait before trying again */
  private retryAt = 0

  constructor(private readonly streamUrl: (token: string) => string, private readonly h: AlertHandlers) {}

  /** opens, keeps or closes the stream for this token (null = logged out or offline) */
  update(token: string | null): void {
    if (token === this.key && this.source && (this.source.readyState !== 2 || Date.now() < this.retryAt)) return
    this.close()
    if (!token || typeof EventSource === 'undefined') return
    this.key = token
    const es = new EventSource(this.streamUrl(token))
    es.addEventListener('notice', (ev) => this.onNotice((ev as MessageEvent).data))
    // EventSource retries a dropped connection by itself; a refused one (401) ends in CLOSED
    es.onerror = () => {
      if (es.readyState === 2) this.retryAt = Date.now() + 30_000
    }
    this.source = es
  }

  close(): void {
    this.source?.close()
    this.source = null
    this.key = null
  }

  private onNotice(data: string): void {
    let p: { kind?: string; eventCode?: string; title?: string; content?: string; bizNo?: string; bizType?: string }
    try {
      p = JSON.parse(data)
    } catch {
      return
    }
    if (p.kind !== 'PUSH') return
    if (p.eventCode === 'TICKET_ASSIGNED') this.h.onAssigned(p.title || '您有新的工单', p.bizNo ?? null)
    else if (p.bizType === 'TICKET' || (p.eventCode ?? '').startsWith('TICKET_') || (p.eventCode ?? '').startsWith('APPROVAL_')) {
      this.h.onTicketEvent()
    }
  }
}

let audio: AudioContext | null = null

/** a short two-tone beep (WebAudio; silently nothing where audio is blocked) */
export function beep(): void {
  try {
    const Ctx = window.AudioContext || (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
    if (!Ctx) return
    audio ??= new Ctx()
    const ctx = audio
    void ctx.resume?.()
    const t0 = ctx.currentTime
    for (const [i, f] of [880, 1175].entries()) {
      const o = ctx.createOscillator()
      const g = ctx.createGain()
      o.type = 'sine'
      o.frequency.value = f
      g.gain.setValueAtTime(0.0001, t0 + i * 0.18)
      g.gain.exponentialRampToValueAtTime(0.3, t0 + i * 0.18 + 0.02)
      g.gain.exponentialRampToValueAtTime(0.0001, t0 + i * 0.18 + 0.16)
      o.connect(g).connect(ctx.destination)
      o.start(t0 + i * 0.18)
      o.stop(t0 + i * 0.18 + 0.17)
    }
  } catch {
    // no audio on this device
  }
}
