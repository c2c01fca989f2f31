package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.render;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: the flat store of a Match's plain UseAfters ({@link MatchUseAfters}) answers
 * every case exactly as the case's own UseAfter does, and leaves alone the cases it must (long
 * date lists, keys with fractions, tuple choices, plain file choices); the Match's lookup through
 * it equals its traced lookup, which goes case by case through the nested selectors.
 */
class MatchUseAftersPropertyTest {
    private static final long SEED = 20261123L;
    private static final String PARKEY = "(('P0', 'P1'), ('DATE-OBS', 'TIME-OBS'))";

    @Test
    void flatSearchAnswersAsEachCasesOwnUseAfter() {
        System.out.println("MatchUseAftersPropertyTest seed=" + SEED);
        Random r = new Random(SEED);
        int compared = 0, stored = 0, left = 0;
        for (int round = 0; round < 60; round++) {
            MatchSelector m = (MatchSelector) selector(PARKEY, "", randomMatch(r, 20 + r.nextInt(120)));
            MatchUseAfters flat = MatchUseAfters.of(m.selections());
            for (int q = 0; q < 40; q++) {
                Map<String, String> header = randomHeader(r);
                for (int e = 0; e < m.selections().size(); e++) {
                    Choice fast = flat.select(e, header);
                    Choice c = m.selections().get(e).choice();
                    boolean plain = c instanceof Choice.Nested n && n.selector() instanceof UseAfterSelector u && u.flatSearch();
                    if (!plain) {
                        assertNull(fast, "round " + round + " case " + e + " is not a plain UseAfter");
                        left++;
                        continue;
                    }
                    assertEquals(describe(Selector.resolve(c, header)), describe(fast),
                            "seed " + SEED + " round " + round + " case " + e + " header " + header);
                    stored++;
                }
                assertEquals(describe(m.trace(header).choice()), describe(m.select(header)),
                        "seed " + SEED + " round " + round + " header " + header);
                compared++;
            }
        }
        System.out.printf(Locale.ROOT, "MatchUseAftersPropertyTest: %d Match lookups, %d stored-case and %d other-case answers%n",
                compared, stored, left);
        assertTrue(stored > 5 * left, "most cases are stored: " + stored + " against " + left);
        assertTrue(left > 0, "some cases are left to their selectors");
    }

    /** A Match over P0, P1 whose cases are mostly plain UseAfters, with every kind the store must leave alone. */
    private static String randomMatch(Random r, int cases) {
        StringBuilder body = new StringBuilder("Match({\n");
        TreeMap<String, String> keys = new TreeMap<>();
        while (keys.size() < cases) {
            String p0 = r.nextInt(8) == 0 ? "*" : "A" + r.nextInt(6);
            String p1 = r.nextInt(6) == 0 ? "N/A" : "B" + r.nextInt(30);
            keys.put("('" + p0 + "', '" + p1 + "')", choice(r));
        }
        keys.forEach((k, c) -> body.append("    ").append(k).append(" : ").append(c).append(",\n"));
        return body.append("})").toString();
    }

    private static String choice(Random r) {
        int kind = r.nextInt(40);
        if (kind == 0) return "'plain_" + r.nextInt(9) + ".fits'";
        int n = kind == 1 ? 64 + r.nextInt(20) : 1 + (r.nextBoolean() ? 0 : r.nextInt(12));   // 64+: sampled search
        TreeMap<String, String> entries = new TreeMap<>();
        while (entries.size() < n) {
            String date = date(r);
            if (kind == 2 && entries.isEmpty()) date += ".250000";                     // a key with a fraction
            String file = kind == 3 && entries.isEmpty() ? "('x_" + r.nextInt(9) + ".fits', 'y.fits')"   // a tuple choice
                    : "'u" + r.nextInt(20) + ".fits'";
            entries.put(date, file);
        }
        StringBuilder ua = new StringBuilder("UseAfter({ ");
        entries.forEach((d, f) -> ua.append("'").append(d).append("' : ").append(f).append(", "));
        return ua.append("})").toString();
    }

    private static String date(Random r) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", 1995 + r.nextInt(20), 1 + r.nextInt(12),
                1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60));
    }

    /** Values mostly in the rules, dates inside, before, on a key's second, with fractions, bad or missing. */
    private static Map<String, String> randomHeader(Random r) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("P0", r.nextInt(10) == 0 ? "*" : "A" + r.nextInt(6));
        if (r.nextInt(20) > 0) h.put("P1", "B" + r.nextInt(30));
        String d = r.nextInt(10) == 0 ? "1990-06-01 00:00:00" : date(r);
        int k = r.nextInt(20);
        if (k == 0) d = d.substring(0, 5) + "13" + d.substring(7);                  // no such month
        if (k == 1) d = d + ".5";
        h.put("DATE-OBS", d.substring(0, 10));
        if (k != 2) h.put("TIME-OBS", d.substring(11));
        return h;
    }

    private static String describe(Choice c) {
        if (c instanceof Choice.Failed f) {
            return "FAILED " + f.failure().category() + " " + f.failure().getMessage() + " falls through " + f.failure().fallsThrough();
        }
        return render(c);
    }
}
