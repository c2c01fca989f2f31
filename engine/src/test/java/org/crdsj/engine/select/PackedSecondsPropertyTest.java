package org.crdsj.engine.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LookupDates#packedSeconds} reads bytes; on random near-dates (wrong separators, digits
 * replaced by Latin-1, BMP and astral characters, short and long strings) it must agree with the
 * definition over characters: the digits of {@code YYYY-MM-DD HH:MM:SS} as one number, else -1.
 */
class PackedSecondsPropertyTest {
    private static final long SEED = 20261128L;
    private static final String[] ODD = {"x", "\u00b2", "\u0661", "\uff11", "\uD835\uDFCF", "-", ":", " ", "T", "\u00e9"};

    private static long reference(String date) {
        if (date.length() < 19) return -1;
        long v = 0;
        for (int i = 0; i < 19; i++) {
            char c = date.charAt(i);
            char sep = i == 4 || i == 7 ? '-' : i == 10 ? ' ' : i == 13 || i == 16 ? ':' : 0;
            if (sep != 0) {
                if (c != sep) return -1;
            } else {
                if (c < '0' || c > '9') return -1;
                v = v * 10 + (c - '0');
            }
        }
        return v;
    }

    @Test
    void bytesAgreeWithCharacters() {
        Random r = new Random(SEED);
        System.out.println("PackedSecondsPropertyTest seed=" + SEED);
        int packed = 0;
        for (int round = 0; round < 50000; round++) {
            StringBuilder sb = new StringBuilder(UseAfterFloorPropertyTest.randomDate(r));
            int edits = r.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = r.nextInt(sb.length() + 1);
                String odd = ODD[r.nextInt(ODD.length)];
                switch (r.nextInt(3)) {
                    case 0: sb.insert(at, odd); break;
                    case 1: if (at < sb.length()) sb.replace(at, at + 1, odd); break;
                    default: if (at < sb.length()) sb.deleteCharAt(at); break;
                }
            }
            if (r.nextInt(4) == 0) sb.append(r.nextBoolean() ? ".5" : "\uD835\uDFCF");
            String date = sb.toString();
            long expected = reference(date);
            if (expected >= 0) packed++;
            assertEquals(expected, LookupDates.packedSeconds(date), () -> "'" + date + "'");
        }
        System.out.println("PackedSecondsPropertyTest: " + packed + " of 50000 strings packed");
    }
}
