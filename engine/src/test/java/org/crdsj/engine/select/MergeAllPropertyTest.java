package org.crdsj.engine.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: merging a whole group of equal-weight UseAfters in one sorted pass
 * ({@code mergeAll}) gives exactly what merging them one by one gives: the same entries, the very
 * same kept {@link Selection}s on equal dates, the same error when a tie cannot be compared, and
 * the same choice for dates on, between and before the keys.
 */
class MergeAllPropertyTest {
    private static final long SEED = 20261123L;
    private static final List<String> PARAMS = List.of("DATE-OBS", "TIME-OBS");

    @Test
    void oneSortedPassEqualsMergingOneByOne() {
        System.out.println("MergeAllPropertyTest seed=" + SEED);
        Random r = new Random(SEED), probes = new Random(SEED + 1);
        int compared = 0, failures = 0, looked = 0;
        for (int round = 0; round < 3000; round++) {
            List<String> dates = new ArrayList<>();
            for (int i = 0; i < 1 + r.nextInt(12); i++) dates.add(UseAfterFloorPropertyTest.randomDate(r));
            int size = 2 + r.nextInt(r.nextBoolean() ? 4 : 40);
            boolean odd = r.nextInt(10) == 0;     // now and then a nested choice, which cannot be compared
            List<UseAfterSelector> group = new ArrayList<>();
            for (int g = 0; g < size; g++) {
                TreeMap<String, Selection> entries = new TreeMap<>();
                for (int i = 0; i < 1 + r.nextInt(6); i++) {
                    String date = dates.get(r.nextInt(dates.size()));
                    Choice c = odd && r.nextInt(8) == 0
                            ? new Choice.Several(List.of(new Choice.Terminal("x.fits")))
                            : new Choice.Terminal("f" + (char) ('a' + r.nextInt(3)) + ".fits");
                    entries.put(date, new Selection(date, null, c));
                }
                List<Selection> sorted = new ArrayList<>(entries.values());
                sorted.sort(Comparator.comparing(s -> (String) s.key()));
                group.add(new UseAfterSelector(PARAMS, sorted));
            }
            List<Choice> others = new ArrayList<>();
            for (int g = 1; g < size; g++) others.add(new Choice.Nested(group.get(g)));
            Object oneByOne, onePass;
            try {
                Selector m = group.get(0);
                for (Choice c : others) m = m.merge(c);
                oneByOne = m;
            } catch (LookupFailure f) {
                oneByOne = f.getMessage();
            }
            try {
                onePass = group.get(0).mergeAll(others);
            } catch (LookupFailure f) {
                onePass = f.getMessage();
            }
            if (oneByOne instanceof String s) {
                failures++;
                assertEquals(s, onePass, "round " + round);
                continue;
            }
            List<Selection> a = ((Selector) oneByOne).selections(), b = ((Selector) onePass).selections();
            assertEquals(a.size(), b.size(), "round " + round);
            for (int i = 0; i < a.size(); i++) assertSame(a.get(i), b.get(i), "round " + round + " entry " + i);
            // A tie of plain UseAfters may answer from its members (UseAfterSelector.Tie): the
            // same kind of selector, and the same choice for any date as the merged entries give.
            assertTrue(oneByOne.getClass().isInstance(onePass), "round " + round);
            for (int probe = 0; probe < 12; probe++) {
                String when = switch (probe % 4) {
                    case 0 -> dates.get(probes.nextInt(dates.size()));      // exactly a key
                    case 1 -> dates.get(probes.nextInt(dates.size())).substring(0, 17) + "00.5";   // inside a key's minute
                    case 2 -> "1989-12-31 23:59:59";                          // before every key
                    default -> UseAfterFloorPropertyTest.randomDate(probes);
                };
                java.util.Map<String, String> header = java.util.Map.of("DATE-OBS", when.substring(0, 10), "TIME-OBS", when.substring(11));
                assertEquals(describe(((Selector) oneByOne).select(header)), describe(((Selector) onePass).select(header)),
                        "round " + round + " date " + when);
                looked++;
            }
            compared++;
        }
        System.out.println("MergeAllPropertyTest: " + compared + " merges compared (" + looked + " lookups), " + failures + " failing ties");
        assertTrue(compared > 2000 && failures > 10);
    }

    /** A lookup's outcome as comparable text: the file, or the failure's message. */
    private static String describe(Choice c) {
        return c instanceof Choice.Failed f ? "failed: " + f.failure().getMessage() : c.toString();
    }
}
