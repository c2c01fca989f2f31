package org.crdsj.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FitsChecksumTest {
    /** Property: appending the complement of a block's 1's-complement sum makes the total -0. */
    @Test
    void onesComplementSumProperty() {
        long seed = 2880L;
        System.out.println("FitsChecksumTest seed " + seed);
        Random rnd = new Random(seed);
        for (int n = 0; n < 200; n++) {
            byte[] data = new byte[4 * (1 + rnd.nextInt(64)) + 4];
            for (int i = 0; i < data.length - 4; i++) data[i] = (byte) rnd.nextInt(256);
            long sum = FitsChecksum.sum(data, 0, data.length - 4);
            long complement = ~sum & 0xFFFFFFFFL;
            for (int k = 0; k < 4; k++) data[data.length - 4 + k] = (byte) (complement >>> (24 - 8 * k));
            long total = FitsChecksum.sum(data, 0, data.length);
            assertTrue(total == 0xFFFFFFFFL || total == 0, "sum " + Long.toHexString(total));
        }
    }

    @Test
    void endAroundCarry() {
        assertEquals(2L, FitsChecksum.add(0xFFFFFFFFL, 2L));   // -0 + 2
        assertEquals(0xFFFFFFFFL, FitsChecksum.add(0xFFFFFFFEL, 1L));
    }
}
