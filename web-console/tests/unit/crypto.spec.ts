import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('element-plus', () => ({ ElMessage: vi.fn(), ElNotification: vi.fn() }))

import smCrypto from 'sm-crypto'
import { CIPHER_MODE_C1C3C2, clearPublicKeyCache, encryptPassword, encryptWithServerKey, fetchPublicKey } from '@/api/crypto'
import { fakeServer, ok } from './helpers'

const { sm2 } = smCrypto
const keys = sm2.generateKeyPairHex()
const utf8Length = (s: string) => new TextEncoder().encode(s).length

describe('encryptPassword (SM2, C1C3C2)', () => {
  it('round-trips through sm-crypto decryption in mode 1 (C1C3C2)', () => {
    const cipher = encryptPassword('HeatDesk@2026', keys.publicKey)
    expect(sm2.doDecrypt(cipher, keys.privateKey, 1)).toBe('HeatDesk@2026')
    expect(CIPHER_MODE_C1C3C2).toBe(1)
  })

  it('is lower-case hex without the 04 prefix: C1 (64 bytes) + C3 (32 bytes) + C2 (message length)', () => {
    for (const plain of ['HeatDesk@2026', '供热@2026Ab', 'x']) {
      const cipher = encryptPassword(plain, keys.publicKey)
      expect(cipher).toMatch(/^[0-9a-f]+$/)
      expect(cipher.length).toBe(2 * (64 + 32 + utf8Length(plain)))
      expect(sm2.doDecrypt(cipher, keys.privateKey, 1)).toBe(plain)
    }
  })

  it('is not C1C2C3 (mode 0 cannot decrypt it)', () => {
    const cipher = encryptPassword('HeatDesk@2026', keys.publicKey)
    expect(sm2.doDecrypt(cipher, keys.privateKey, 0)).not.toBe('HeatDesk@2026')
  })

  it('is randomised: the same password encrypts differently each time', () => {
    expect(encryptPassword('HeatDesk@2026', keys.publicKey)).not.toBe(encryptPassword('HeatDesk@2026', keys.publicKey))
  })

  it('accepts the public key with or without the 04 prefix', () => {
    expect(keys.publicKey).toMatch(/^04[0-9a-f]{128}$/)
    const cipher = encryptPassword('HeatDesk@2026', keys.publicKey.slice(2))
    expect(sm2.doDecrypt(cipher, keys.privateKey, 1)).toBe('HeatDesk@2026')
  })

  it('refuses an empty password or a malformed key', () => {
    expect(() => encryptPassword('', keys.publicKey)).toThrow()
    expect(() => encryptPassword('a', 'not-a-key')).toThrow('SM2 公钥格式不正确')
  })
})

describe('server public key', () => {
  beforeEach(() => clearPublicKeyCache())

  it('is fetched once and cached', async () => {
    const seen = fakeServer(() => ok({ publicKey: keys.publicKey, cipherMode: 'C1C3C2' }))
    expect(await fetchPublicKey()).toBe(keys.publicKey)
    expect(await fetchPublicKey()).toBe(keys.publicKey)
    expect(seen).toHaveLength(1)
    expect(seen[0].url).toBe('/api/auth/public-key')
  })

  it('encrypts several passwords with it', async () => {
    fakeServer(() => ok({ publicKey: keys.publicKey, cipherMode: 'C1C3C2' }))
    const [a, b] = await encryptWithServerKey('Old@2026x', 'New@2026y')
    expect(sm2.doDecrypt(a, keys.privateKey, 1)).toBe('Old@2026x')
    expect(sm2.doDecrypt(b, keys.privateKey, 1)).toBe('New@2026y')
  })

  it('is fetched again after a failure', async () => {
    let calls = 0
    fakeServer(() => (++calls === 1 ? 'network-error' : ok({ publicKey: keys.publicKey })))
    await expect(fetchPublicKey()).rejects.toMatchObject({ code: 'NETWORK' })
    expect(await fetchPublicKey()).toBe(keys.publicKey)
  })
})
