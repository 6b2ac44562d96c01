/**
 * The customer's handwritten signature on a canvas: pointer events (finger, stylus and mouse alike), strokes kept as
 * points so the pad can be redrawn after a resize, exported as a PNG on white (the server stores and hashes it).
 */
export interface Point {
  x: number
  y: number
}

type CanvasLike = Pick<HTMLCanvasElement, 'width' | 'height' | 'getContext' | 'toBlob' | 'getBoundingClientRect'
  | 'addEventListener' | 'removeEventListener'> & { setPointerCapture?: (id: number) => void }

export class SignaturePad {
  readonly strokes: Point[][] = []
  private drawing: Point[] | null = null
  private readonly listeners: [string, EventListener][] = []

  constructor(private readonly canvas: CanvasLike, private readonly onChange?: () => void) {
    const on = (name: string, fn: (e: PointerEvent) => void) => {
      const l = fn as unknown as EventListener
      canvas.addEventListener(name, l)
      this.listeners.push([name, l])
    }
    on('pointerdown', (e) => {
      e.preventDefault?.()
      try {
        canvas.setPointerCapture?.(e.pointerId)
      } catch {
        // synthetic events without a live pointer: drawing works without the capture
      }
      this.drawing = [this.point(e)]
      this.strokes.push(this.drawing)
      this.redraw()
    })
    on('pointermove', (e) => {
      if (!this.drawing) return
      e.preventDefault?.()
      this.drawing.push(this.point(e))
      this.redraw()
    })
    const end = () => {
      if (!this.drawing) return
      this.drawing = null
      this.onChange?.()
    }
    on('pointerup', end)
    on('pointercancel', end)
    on('pointerleave', end)
  }

  destroy(): void {
    for (const [n, l] of this.listeners) this.canvas.removeEventListener(n, l)
  }

  isEmpty(): boolean {
    return this.strokes.every((s) => s.length < 2) || this.strokes.length === 0
  }

  clear(): void {
    this.strokes.length = 0
    this.drawing = null
    this.redraw()
    this.onChange?.()
  }

  /** canvas pixels for an event (the canvas may be scaled by CSS) */
  private point(e: PointerEvent): Point {
    const r = this.canvas.getBoundingClientRect()
    const sx = r.width ? this.canvas.width / r.width : 1
    const sy = r.height ? this.canvas.height / r.height : 1
    return { x: Math.round((e.clientX - r.left) * sx), y: Math.round((e.clientY - r.top) * sy) }
  }

  redraw(): void {
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D | null
    if (!ctx) return
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height)
    ctx.strokeStyle = '#1a1a1a'
    ctx.lineWidth = Math.max(2, this.canvas.width / 160)
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    for (const s of this.strokes) {
      if (s.length === 0) continue
      ctx.beginPath()
      ctx.moveTo(s[0].x, s[0].y)
      for (const p of s.slice(1)) ctx.lineTo(p.x, p.y)
      if (s.length === 1) ctx.lineTo(s[0].x + 0.5, s[0].y + 0.5)
      ctx.stroke()
    }
  }

  /** the PNG of the signature; rejects when nothing was written */
  toPng(): Promise<Blob> {
    if (this.isEmpty()) return Promise.reject(new Error('请客户先在签名区内签字'))
    this.redraw()
    return new Promise((resolve, reject) => {
      this.canvas.toBlob((b) => (b && b.size > 0 ? resolve(b) : reject(new Error('签名图片生成失败'))), 'image/png')
    })
  }
}
