/**
 * SM2 encryption of passwords before they leave the browser. The server publishes its public key
 * (GET /api/auth/public-key → {publicKey: "04…", cipherMode: "C1C3C2"}) and decrypts with its private key.
 * The cipher itself lives in sm2-core.js so that scripts/sm2-interop.mjs runs the very same code in Node.
 */
import { encryptPassword as encrypt } from './sm2-core.js'
import { get } from './http'

export { CIPHER_MODE_C1C3C2 } from './sm2-core.js'

/** SM2 (C1C3C2, sm-crypto mode 1) ciphertext of `plain` as lower-case hex without the 04 prefix. */
export function encryptPassword(plain: string, publicKey: string): string {
  return encrypt(plain, publicKey)
}

let cached: Promise<string> | null = null

/** The server's SM2 public key, fetched once per page load (call clearPublicKeyCache() after a key error). */
export function fetchPublicKey(): Promise<string> {
  if (!cached) {
    cached = get<{ publicKey: string; cipherMode: string }>('/api/auth/public-key')
      .then((r) => r.publicKey)
      .catch((e) => {
        cached = null
        throw e
      })
  }
  return cached
}

export function clearPublicKeyCache(): void {
  cached = null
}

/** Fetches the key (cached) and encrypts one or more passwords with it. */
export async function encryptWithServerKey(...plain: string[]): Promise<string[]> {
  const key = await fetchPublicKey()
  return plain.map((p) => encrypt(p, key))
}
