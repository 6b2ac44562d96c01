/** sm-crypto cipher mode 1 = C1C3C2 */
export declare const CIPHER_MODE_C1C3C2: 1
/** SM2-encrypts a password: lower-case hex C1C3C2 ciphertext without the "04" point prefix. */
export declare function encryptPassword(plain: string, publicKey: string): string
