// SM2 password encryption shared by the console (src/api/crypto.ts) and scripts/sm2-interop.mjs.
// Plain ESM JavaScript so that Node can run it without a build step; types are in sm2-core.d.ts.
import smCrypto from 'sm-crypto'

/** sm-crypto cipher mode 1 = C1C3C2, the order the server expects (GM/T 0003-2012) */
export const CIPHER_MODE_C1C3C2 = 1

/**
 * Encrypts a password with the server's SM2 public key.
 * @param {string} plain the password
 * @param {string} publicKey uncompressed public key in hex, with or without the leading "04"
 * @returns {string} lower-case hex C1C3C2 ciphertext without the "04" point prefix
 */
export function encryptPassword(plain, publicKey) {
  if (typeof plain !== 'string' || plain.length === 0) {
    throw new Error('密码不能为空')
  }
  if (typeof publicKey !== 'string' || !/^(04)?[0-9a-fA-F]{128}$/.test(publicKey.trim())) {
    throw new Error('SM2 公钥格式不正确')
  }
  let key = publicKey.trim()
  if (key.length === 128) {
    key = '04' + key
  }
  return smCrypto.sm2.doEncrypt(plain, key, CIPHER_MODE_C1C3C2)
}
