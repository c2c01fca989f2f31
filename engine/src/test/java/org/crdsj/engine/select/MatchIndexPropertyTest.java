package org.crdsj.engine.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.crdsj.engine.select.match.Matcher;
import org.crdsj.engine.select.match.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The Match index gives exactly what asking every matcher gives: same survivors, same weights,
 * for random keys of every kind (literals, or-globs, wildcard globs, N/A, *, NOT, inequalities)
 * and random header values including {@code *} and {@code N/A}.
 */
class MatchIndexPropertyTest {
    private static final String[] ELEMENTS = {"A", "B", "C", "1.0", "2.0", "A|B", "B|C|D", "A*", "*B", "?",
            "[AB]", "A|B*", "B*|C", "A|*", "AB*", "{A*}", "*", "N/A", "NOT A", "NOT A|B", ">1.5", "<=1.0", "# >0 and <3 #", "{A}", "(A|C)", "between 1 3", ""};
    private static final String[] VALUES = {"A", "B", "C", "D", "AB", "BB", "1.0", "2.0", "2.5", "*", "N/A", "", "X", "A*", "ABC", "BX",
            "UNDEFINED", "NOT A"};

    @Test
    void indexAgreesWithEveryMatcher() {
        long seed = 20261122L;
        Random rnd = new Random(seed);
        System.out.println("MatchIndexPropertyTest seed " + seed);
        for (int round = 0; round < 400; round++) {
            int np = 1 + rnd.nextInt(4);
            int n = rnd.nextInt(round % 2 == 0 ? 150 : 700);   // odd rounds exercise the tree by default
            Matcher[][] matchers = new Matcher[n][np];
            for (int e = 0; e < n; e++) {
                for (int i = 0; i < np; i++) matchers[e][i] = Matchers.forKey(ELEMENTS[rnd.nextInt(ELEMENTS.length)]);
            }
            MatchIndex index = new MatchIndex(matchers, np);
            MatchIndex tree = new MatchIndex(matchers, np, 0);      // the decision tree at every size
            MatchIndex masks = new MatchIndex(matchers, np, Integer.MAX_VALUE);   // bit masks at every size
            for (int q = 0; q < 20; q++) {
                String[] values = new String[np];
                for (int i = 0; i < np; i++) values[i] = VALUES[rnd.nextInt(VALUES.length)];
                int[] expected = NaiveSurvivors.of(matchers, values);
                String where = "seed " + seed + " round " + round + " values " + String.join(",", values);
                assertArrayEquals(expected, index.survivors(values), where);
                assertArrayEquals(expected, tree.survivors(values), "tree, " + where);
                assertArrayEquals(expected, masks.survivors(values), "masks, " + where);
            }
        }
    }
}
