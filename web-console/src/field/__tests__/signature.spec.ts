import { describe, expect, it, vi } from 'vitest'
import { SignaturePad } from '../core/signature'

/** a canvas whose 2D context records the drawing calls (jsdom has no canvas rendering) */
function fakeCanvas() {
  const calls: string[] = []
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (_t, p: string) => (...args: unknown[]) => calls.push(`${p}(${args.join(',')})`),
    set: (_t, p: string, v) => {
      calls.push(`${p}=${v}`)
      return true
    },
  })
  const el = document.createElement('canvas')
  el.width = 600
  el.height = 300
  el.getBoundingClientRect = () => ({ left: 10, top: 20, width: 300, height: 150, right: 310, bottom: 170, x: 10, y: 20,
    toJSON: () => ({}) })
  el.getContext = (() => ctx) as unknown as typeof el.getContext
  const toBlob = vi.fn((cb: BlobCallback, type?: string) => cb(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type })))
  el.toBlob = toBlob as unknown as typeof el.toBlob
  return { el, calls, toBlob }
}

function stroke(el: HTMLCanvasElement, points: [number, number][]) {
  const fire = (type: string, [x, y]: [number, number]) =>
    el.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true }))
  fire('pointerdown', points[0])
  for (const p of points.slice(1)) fire('pointermove', p)
  fire('pointerup', points[points.length - 1])
}

describe('the signature pad', () => {
  it('refuses to export an empty pad', async () => {
    const { el, toBlob } = fakeCanvas()
    const pad = new SignaturePad(el)
    expect(pad.isEmpty()).toBe(true)
    await expect(pad.toPng()).rejects.toThrow('请客户先在签名区内签字')
    expect(toBlob).not.toHaveBeenCalled()
  })

  it('records strokes in canvas pixels and exports a PNG drawn on white', async () => {
    const { el, calls, toBlob } = fakeCanvas()
    const changes = vi.fn()
    const pad = new SignaturePad(el, changes)
    stroke(el, [[20, 30], [60, 50], [110, 90]])
    stroke(el, [[200, 40], [220, 120]])
    expect(changes).toHaveBeenCalledTimes(2)
    expect(pad.isEmpty()).toBe(false)
    // CSS 300×150 shown, 600×300 pixels: (20,30) relative (10,10) → (20,20)
    expect(pad.strokes[0]).toEqual([{ x: 20, y: 20 }, { x: 100, y: 60 }, { x: 200, y: 140 }])
    calls.length = 0
    const png = await pad.toPng()
    expect(png.type).toBe('image/png')
    expect(png.size).toBeGreaterThan(0)
    expect(toBlob.mock.calls[0][1]).toBe('image/png')
    expect(calls.slice(0, 2)).toEqual(['fillStyle=#ffffff', 'fillRect(0,0,600,300)'])
    expect(calls.filter((c) => c.startsWith('lineTo'))).toEqual(['lineTo(100,60)', 'lineTo(200,140)', 'lineTo(420,200)'])
    expect(calls.filter((c) => c === 'stroke()')).toHaveLength(2)
  })

  it('clears for a new attempt and stops listening when destroyed', () => {
    const { el } = fakeCanvas()
    const pad = new SignaturePad(el)
    stroke(el, [[20, 30], [60, 50]])
    pad.clear()
    expect(pad.isEmpty()).toBe(true)
    pad.destroy()
    stroke(el, [[20, 30], [60, 50]])
    expect(pad.strokes).toHaveLength(0)
  })
})
