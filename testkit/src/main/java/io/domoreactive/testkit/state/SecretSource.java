package io.domoreactive.testkit.state;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Unpredictable values for token and session secrets. The generator is seeded when this object is built, on the
 * thread that starts the sandbox, so that later draws on event-loop threads never read the OS entropy source.
 */
public final class SecretSource {

    private final SecureRandom random;

    /** Creates and seeds the generator. */
    public SecretSource() {
        try {
            random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG SecureRandom is not available", e);
        }
        random.nextBytes(new byte[16]);
    }

    /**
     * @param bytes how many random bytes
     * @return the bytes as lowercase hex (twice as many characters)
     */
    public String hex(int bytes) {
        return HexFormat.of().formatHex(next(bytes));
    }

    private byte[] next(int bytes) {
        byte[] out = new byte[bytes];
        random.nextBytes(out);
        return out;
    }
}
