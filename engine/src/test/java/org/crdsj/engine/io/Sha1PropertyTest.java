package org.crdsj.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Sha1} must give the JDK's SHA-1 for every length around the block and padding
 * boundaries, for random contents, and however the input is split into {@code update} calls.
 */
public class Sha1PropertyTest {
    private static final long SEED = 20261123L;

    /** The JDK's SHA-1 of {@code bytes}, the reference the engine's checksums are tested against. */
    public static String jdkSha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void knownVectors() {
        assertEquals("da39a3ee5e6b4b0d3255bfef95601890afd80709", Sha1.hex(new byte[0]));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", Sha1.hex("abc".getBytes()));
        assertEquals("84983e441c3bd26ebaae4aa1f95129e5e54670f1",
                Sha1.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes()));
    }

    @Test
    void agreesWithTheJdkOnRandomInputsAndSplits() {
        Random r = new Random(SEED);
        System.out.println("Sha1PropertyTest.agreesWithTheJdkOnRandomInputsAndSplits seed=" + SEED);
        for (int round = 0; round < 3000; round++) {
            int n = round < 300 ? round : r.nextInt(round % 10 == 0 ? 100_000 : 1_000);
            byte[] bytes = new byte[n];
            r.nextBytes(bytes);
            Sha1 sha1 = new Sha1();
            int off = 0;
            while (off < n) {
                int len = Math.min(n - off, r.nextInt(4) == 0 ? r.nextInt(200) : r.nextInt(5));
                sha1.update(bytes, off, len);
                off += len;
            }
            int length = n;
            assertEquals(jdkSha1(bytes), sha1.hex(), () -> "length " + length);
            assertEquals(jdkSha1(bytes), Sha1.hex(bytes), () -> "length " + length);
        }
    }

    @Test
    void digestBytesAgreeWhenFedByteByByteAndInRuns() {
        Random r = new Random(SEED + 1);
        System.out.println("Sha1PropertyTest.digestBytesAgreeWhenFedByteByByteAndInRuns seed=" + (SEED + 1));
        for (int round = 0; round < 1000; round++) {
            int n = round < 200 ? round : r.nextInt(3_000);
            byte[] bytes = new byte[n];
            r.nextBytes(bytes);
            Sha1 sha1 = new Sha1();
            int off = 0;
            while (off < n) {
                if (r.nextBoolean()) {
                    sha1.update(bytes[off++]);
                } else {
                    int len = Math.min(n - off, r.nextInt(130));
                    sha1.update(java.util.Arrays.copyOfRange(bytes, off, off + len));
                    off += len;
                }
            }
            int length = n;
            assertEquals(jdkSha1(bytes), HexFormat.of().formatHex(sha1.digest()), () -> "length " + length);
        }
    }
}
