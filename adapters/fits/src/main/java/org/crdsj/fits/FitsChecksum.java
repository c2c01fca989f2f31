package org.crdsj.fits;

/**
 * The FITS checksum arithmetic (Seaman, Pence and Rots): 32-bit big-endian words added in 1's
 * complement, i.e. with the carry out of bit 31 added back in. A header-data unit verifies when
 * its header and data sum to all ones; {@code DATASUM} is the sum of the data alone. The one
 * implementation of the sum: certify verifies files with it and the header updater's tests
 * check what it writes with it.
 */
public final class FitsChecksum {
    private FitsChecksum() {}

    /** The sum of a verified HDU (negative zero in 1's complement). */
    public static final long ALL_ONES = 0xFFFFFFFFL;

    /** The 1's-complement sum of the whole 4-byte words of {@code data[from, to)}. */
    public static long sum(byte[] data, long from, long to) {
        long sum = 0;
        for (long i = from; i + 3 < to; i += 4) {
            int p = (int) i;
            long word = ((data[p] & 0xFFL) << 24) | ((data[p + 1] & 0xFFL) << 16) | ((data[p + 2] & 0xFFL) << 8) | (data[p + 3] & 0xFFL);
            sum = add(sum, word);
        }
        return sum;
    }

    /** 1's-complement addition of two 32-bit sums. */
    public static long add(long a, long b) {
        long s = a + b;
        return (s & ALL_ONES) + (s >>> 32);
    }
}
