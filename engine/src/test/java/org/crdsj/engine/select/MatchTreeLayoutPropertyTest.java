package org.crdsj.engine.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crdsj.engine.select.match.Matcher;
import org.crdsj.engine.select.match.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Seeded property for the coded layout of {@link MatchTree}: on Matches of 600-3,000 cases whose
 * elements are short literals over a small alphabet with non-Latin-1 letters and a character
 * outside the BMP, or-globs mixing plain parts and prefixes of several lengths ({@code 'AÉ*|B'}),
 * {@code *}, {@code N/A}, {@code 'A|*'}, wildcard globs and regexes, the tree's survivors and
 * weights are exactly those of asking every matcher, for values that are literals, values that
 * only a prefix glob or a pattern matches, unknown values, {@code *} and {@code N/A}.
 */
class MatchTreeLayoutPropertyTest {
    private static final long SEED = 20261124L;
    private static final String[] LETTERS = {"A", "B", "É", "ß", "日", "\uD835\uDD38", "1"};

    @Test
    void codedTreeAgreesWithEveryMatcher() {
        System.out.println("MatchTreeLayoutPropertyTest seed " + SEED);
        Random rnd = new Random(SEED);
        long lookups = 0, survivors = 0;
        for (int round = 0; round < 16; round++) {
            int np = 2 + rnd.nextInt(4);
            int n = 600 + rnd.nextInt(2400);
            Matcher[][] matchers = new Matcher[n][np];
            for (int e = 0; e < n; e++) {
                for (int i = 0; i < np; i++) matchers[e][i] = Matchers.forKey(element(rnd));
            }
            MatchIndex tree = new MatchIndex(matchers, np, 0);
            for (int q = 0; q < 300; q++) {
                String[] values = new String[np];
                for (int i = 0; i < np; i++) values[i] = value(rnd);
                int[] expected = NaiveSurvivors.of(matchers, values);
                assertArrayEquals(expected, tree.survivors(values),
                        "seed " + SEED + " round " + round + " values " + String.join(",", values));
                lookups++;
                survivors += expected.length / 2;
            }
        }
        System.out.printf("MatchTreeLayoutPropertyTest: %d lookups, %.1f survivors on average%n",
                lookups, (double) survivors / lookups);
        assertTrue(survivors > lookups, "the lookups should find cases");
    }

    private static String word(Random rnd, int max) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0, len = 1 + rnd.nextInt(max); k < len; k++) sb.append(LETTERS[rnd.nextInt(LETTERS.length)]);
        return sb.toString();
    }

    private static String element(Random rnd) {
        int r = rnd.nextInt(100);
        if (r < 55) return word(rnd, 2);
        if (r < 70) return "N/A";
        if (r < 73) return "*";
        if (r < 75) return word(rnd, 2) + "|*";
        if (r < 92) {
            // An or-glob of plain parts and prefixes of different lengths.
            List<String> parts = new ArrayList<>();
            for (int k = 0, m = 1 + rnd.nextInt(3); k < m; k++) parts.add(word(rnd, 3) + (rnd.nextInt(3) == 0 ? "*" : ""));
            if (parts.size() == 1 && !parts.get(0).endsWith("*")) parts.add(word(rnd, 2));
            return String.join("|", parts);
        }
        if (r < 96) return "?" + word(rnd, 1);
        return "(" + word(rnd, 1) + ".*)";
    }

    private static String value(Random rnd) {
        int r = rnd.nextInt(100);
        if (r < 4) return "*";
        if (r < 8) return "N/A";
        return word(rnd, r < 70 ? 2 : 5);
    }
}
