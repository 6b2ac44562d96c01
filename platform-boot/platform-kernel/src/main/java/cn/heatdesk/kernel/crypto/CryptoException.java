package cn.heatdesk.kernel.crypto;

/**
 * A cryptographic operation failed: bad key material, malformed or tampered ciphertext. The message is English
 * and meant for logs; callers that face users translate it into a Chinese message without the details.
 */
public class CryptoException extends RuntimeException {

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
