/**
 * Incremental SM3 (GB/T 32905-2016) over byte chunks. sm-crypto's sm3() copies its whole input into a JS array of
 * numbers, which is too heavy for photos and videos; this hashes a Blob slice by slice with constant memory.
 * Output: lower-case hex, identical to sm-crypto's (checked in __tests__/sm3.spec.ts).
 */
const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e]

const rotl = (x: number, n: number): number => ((x << (n & 31)) | (x >>> (32 - (n & 31)))) >>> 0
const p0 = (x: number): number => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0
const p1 = (x: number): number => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0

export class Sm3 {
  private readonly v = IV.slice()
  private readonly block = new Uint8Array(64)
  private blockLen = 0
  private total = 0
  private readonly w = new Uint32Array(68)
  private readonly w1 = new Uint32Array(64)

  update(data: Uint8Array): this {
    let i = 0
    this.total += data.length
    if (this.blockLen > 0) {
      const take = Math.min(64 - this.blockLen, data.length)
      this.block.set(data.subarray(0, take), this.blockLen)
      this.blockLen += take
      i = take
      if (this.blockLen < 64) return this
      this.compress(this.block, 0)
      this.blockLen = 0
    }
    for (; i + 64 <= data.length; i += 64) this.compress(data, i)
    if (i < data.length) {
      this.block.set(data.subarray(i), 0)
      this.blockLen = data.length - i
    }
    return this
  }

  digestHex(): string {
    const bits = this.total * 8
    const padLen = this.blockLen < 56 ? 56 - this.blockLen : 120 - this.blockLen
    const tail = new Uint8Array(padLen + 8)
    tail[0] = 0x80
    const view = new DataView(tail.buffer)
    view.setUint32(padLen, Math.floor(bits / 2 ** 32))
    view.setUint32(padLen + 4, bits >>> 0)
    const total = this.total
    this.update(tail)
    this.total = total
    return this.v.map((x) => x.toString(16).padStart(8, '0')).join('')
  }

  private compress(data: Uint8Array, off: number): void {
    const w = this.w
    const w1 = this.w1
    for (let j = 0; j < 16; j++) {
      const k = off + j * 4
      w[j] = ((data[k] << 24) | (data[k + 1] << 16) | (data[k + 2] << 8) | data[k + 3]) >>> 0
    }
    for (let j = 16; j < 68; j++) {
      w[j] = (p1(w[j - 16] ^ w[j - 9] ^ rotl(w[j - 3], 15)) ^ rotl(w[j - 13], 7) ^ w[j - 6]) >>> 0
    }
    for (let j = 0; j < 64; j++) w1[j] = (w[j] ^ w[j + 4]) >>> 0
    let [a, b, c, d, e, f, g, h] = this.v
    for (let j = 0; j < 64; j++) {
      const t = j < 16 ? 0x79cc4519 : 0x7a879d8a
      const a12 = rotl(a, 12)
      const ss1 = rotl((a12 + e + rotl(t, j % 32)) >>> 0, 7)
      const ss2 = (ss1 ^ a12) >>> 0
      const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c)
      const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g)
      const tt1 = ((ff >>> 0) + d + ss2 + w1[j]) >>> 0
      const tt2 = ((gg >>> 0) + h + ss1 + w[j]) >>> 0
      d = c
      c = rotl(b, 9)
      b = a
      a = tt1
      h = g
      g = rotl(f, 19)
      f = e
      e = p0(tt2)
    }
    const v = this.v
    v[0] ^= a; v[1] ^= b; v[2] ^= c; v[3] ^= d; v[4] ^= e; v[5] ^= f; v[6] ^= g; v[7] ^= h
    for (let j = 0; j < 8; j++) v[j] >>>= 0
  }
}

export function sm3Hex(data: Uint8Array | string): string {
  return new Sm3().update(typeof data === 'string' ? new TextEncoder().encode(data) : data).digestHex()
}

/** SM3 of a Blob read in 1 MiB slices (photos, videos, the signature PNG). */
export async function sm3OfBlob(blob: Blob, sliceSize = 1 << 20): Promise<string> {
  const h = new Sm3()
  for (let off = 0; off < blob.size; off += sliceSize) {
    h.update(new Uint8Array(await blobBytes(blob.slice(off, off + sliceSize))))
  }
  return h.digestHex()
}

/** Blob → ArrayBuffer (Blob.arrayBuffer is missing in older WebViews and in jsdom). */
export function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer()
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(r.result as ArrayBuffer)
    r.onerror = () => reject(r.error)
    r.readAsArrayBuffer(blob)
  })
}
