// @vitest-environment node
import { describe, expect, it } from 'vitest'
import smCrypto from 'sm-crypto'
import { Blob } from 'node:buffer'
import { Sm3, sm3Hex, sm3OfBlob } from '../core/sm3'

const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 17 + (i >> 3)) & 0xff)

describe('SM3', () => {
  it('matches the standard test vector "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
  })

  it('matches sm-crypto for lengths around the block and padding boundaries', () => {
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4097]) {
      const data = bytes(n, n)
      expect(sm3Hex(data), `length ${n}`).toBe(smCrypto.sm3(Array.from(data)))
    }
  })

  it('gives the same hash however the input is split into updates', () => {
    const data = bytes(5000)
    const whole = sm3Hex(data)
    for (const step of [1, 3, 63, 64, 65, 777]) {
      const h = new Sm3()
      for (let i = 0; i < data.length; i += step) h.update(data.subarray(i, i + step))
      expect(h.digestHex(), `step ${step}`).toBe(whole)
    }
  })

  it('hashes a Blob slice by slice', async () => {
    const data = bytes(10_000)
    expect(await sm3OfBlob(new Blob([data]) as unknown as globalThis.Blob, 999)).toBe(sm3Hex(data))
  })
})
