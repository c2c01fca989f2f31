package org.crdsj.engine.io;

/**
 * SHA-1 (FIPS 180-4) over byte ranges, written out here because the JDK's {@code MessageDigest}
 * costs a cold JVM ~50 security-provider classes and tens of milliseconds before its first digest,
 * which a fresh load of rules (one CRDS checksum per mapping) would otherwise pay on its critical
 * path. The one SHA-1 of the engine: the caches' keys and fingerprints use it too. Not
 * thread-safe: one instance per digest.
 */
public final class Sha1 {
    private final int[] w = new int[16];
    private final byte[] pending = new byte[64];
    private int pendingLength;
    private long length;
    private int h0 = 0x67452301, h1 = 0xEFCDAB89, h2 = 0x98BADCFE, h3 = 0x10325476, h4 = 0xC3D2E1F0;

    /** Adds {@code len} bytes of {@code bytes} from {@code off}. */
    public Sha1 update(byte[] bytes, int off, int len) {
        length += len;
        if (pendingLength > 0) {
            int n = Math.min(64 - pendingLength, len);
            System.arraycopy(bytes, off, pending, pendingLength, n);
            pendingLength += n;
            off += n;
            len -= n;
            if (pendingLength < 64) return this;
            block(pending, 0);
            pendingLength = 0;
        }
        for (; len >= 64; off += 64, len -= 64) block(bytes, off);
        if (len > 0) {
            System.arraycopy(bytes, off, pending, 0, len);
            pendingLength = len;
        }
        return this;
    }

    /** Adds all of {@code bytes}. */
    public Sha1 update(byte[] bytes) {
        return update(bytes, 0, bytes.length);
    }

    /** Adds one byte. */
    public Sha1 update(byte b) {
        pending[pendingLength++] = b;
        length++;
        if (pendingLength == 64) {
            block(pending, 0);
            pendingLength = 0;
        }
        return this;
    }

    /** The 20-byte digest of everything added; the instance is spent. */
    public byte[] digest() {
        long bits = length << 3;
        byte[] tail = new byte[pendingLength < 56 ? 64 - pendingLength : 128 - pendingLength];
        tail[0] = (byte) 0x80;
        for (int i = 0; i < 8; i++) tail[tail.length - 1 - i] = (byte) (bits >>> (8 * i));
        update(tail, 0, tail.length);
        int[] h = {h0, h1, h2, h3, h4};
        byte[] out = new byte[20];
        for (int i = 0; i < 20; i++) out[i] = (byte) (h[i >> 2] >>> (24 - 8 * (i & 3)));
        return out;
    }

    /** The digest of everything added, as 40 lower-case hex digits; the instance is spent. */
    public String hex() {
        byte[] d = digest();
        char[] out = new char[40];
        for (int i = 0; i < 20; i++) {
            out[2 * i] = Character.forDigit((d[i] >> 4) & 15, 16);
            out[2 * i + 1] = Character.forDigit(d[i] & 15, 16);
        }
        return new String(out);
    }

    /** The SHA-1 of {@code bytes}, 40 lower-case hex digits. */
    public static String hex(byte[] bytes) {
        return new Sha1().update(bytes, 0, bytes.length).hex();
    }

    /**
     * One 64-byte block. One loop over the 80 rounds with the message schedule kept in 16 words
     * (not 80): the method stays small, because in a fresh load it is compiled twice by the JIT
     * (on-stack and whole) while the load runs, and compile time grows with code size. Inside the
     * rounds' loop every array index is masked to 0-15 and the block's bytes are read in a loop of
     * their own: an index that grows with the round let C2 hoist its range check over all 80
     * rounds (a "profile predicate"), which failed at once and threw the compiled code away.
     */
    private void block(byte[] b, int off) {
        int[] w = this.w;
        for (int i = 0, j = off; i < 16; i++, j += 4) {
            w[i] = (b[j] << 24) | ((b[j + 1] & 0xff) << 16) | ((b[j + 2] & 0xff) << 8) | (b[j + 3] & 0xff);
        }
        int a = h0, b1 = h1, c = h2, d = h3, e = h4;
        for (int i = 0; i < 80; i++) {
            int wi;
            if (i < 16) {
                wi = w[i & 15]; // masked like the others: no range check for C2 to hoist over 80 rounds
            } else {
                wi = Integer.rotateLeft(w[(i + 13) & 15] ^ w[(i + 8) & 15] ^ w[(i + 2) & 15] ^ w[i & 15], 1);
                w[i & 15] = wi;
            }
            int f;
            if (i < 20) f = ((b1 & c) | (~b1 & d)) + 0x5A827999;
            else if (i < 40) f = (b1 ^ c ^ d) + 0x6ED9EBA1;
            else if (i < 60) f = ((b1 & c) | (b1 & d) | (c & d)) + 0x8F1BBCDC;
            else f = (b1 ^ c ^ d) + 0xCA62C1D6;
            int t = Integer.rotateLeft(a, 5) + f + e + wi;
            e = d; d = c; c = Integer.rotateLeft(b1, 30); b1 = a; a = t;
        }
        h0 += a; h1 += b1; h2 += c; h3 += d; h4 += e;
    }
}
