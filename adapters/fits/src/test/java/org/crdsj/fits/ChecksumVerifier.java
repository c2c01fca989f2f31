package org.crdsj.fits;

import java.nio.charset.StandardCharsets;

/**
 * Checks what the header updater (which writes checksums with nom-tam-fits) wrote, with the
 * project's own checksum arithmetic ({@link FitsChecksum}): an HDU verifies when header plus data
 * sum to all ones (negative zero); also the ASCII encoding of a CHECKSUM value.
 */
final class ChecksumVerifier {
    private ChecksumVerifier() {}

    static final long ALL_ONES = FitsChecksum.ALL_ONES;

    /** Ones'-complement sum of {@code length} bytes (a multiple of 4) from {@code offset}. */
    static long sum(byte[] b, int offset, int length) {
        return FitsChecksum.sum(b, offset, (long) offset + length);
    }

    static long add(long a, long b) {
        return FitsChecksum.add(a, b);
    }

    /** The 16-character ASCII encoding of the complement of {@code sum} (the CHECKSUM value). */
    static String encodeComplement(long sum) {
        long value = ~sum & ALL_ONES;
        char[] asc = new char[16];
        int[] excluded = {0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60};
        for (int i = 0; i < 4; i++) {
            int b = (int) ((value >>> ((3 - i) * 8)) & 0xFF);
            int q = b / 4 + '0';
            int r = b % 4;
            int[] ch = {q + r, q, q, q};
            boolean again = true;
            while (again) {
                again = false;
                for (int k : excluded) {
                    for (int j = 0; j < 4; j += 2) {
                        if (ch[j] == k || ch[j + 1] == k) {
                            ch[j]++;
                            ch[j + 1]--;
                            again = true;
                        }
                    }
                }
            }
            for (int j = 0; j < 4; j++) asc[4 * j + i] = (char) ch[j];
        }
        char[] rotated = new char[16];
        for (int i = 0; i < 16; i++) rotated[(i + 1) % 16] = asc[i];
        return new String(rotated);
    }

    /** A verification failure of one HDU, or null when it verifies (or has no CHECKSUM). */
    static String verify(byte[] file, FitsLayout.Hdu hdu) {
        long dataSum = sum(file, (int) hdu.dataOffset(), (int) hdu.paddedDataLength());
        String checksum = null;
        String datasum = null;
        for (String c : hdu.cards()) {
            if (c.startsWith("CHECKSUM= ")) checksum = FitsCard.parse(c).pythonValue();
            if (c.startsWith("DATASUM = ")) datasum = FitsCard.parse(c).pythonValue();
        }
        if (datasum != null && !datasum.equals(Long.toString(dataSum))) {
            return "HDU " + hdu.index() + ": DATASUM " + datasum + " but the data sum to " + dataSum;
        }
        if (checksum == null) return null;
        long total = add(sum(file, (int) hdu.headerOffset(), (int) hdu.headerLength()), dataSum);
        return total == ALL_ONES ? null : "HDU " + hdu.index() + ": CHECKSUM does not verify (sum " + Long.toHexString(total) + ")";
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
