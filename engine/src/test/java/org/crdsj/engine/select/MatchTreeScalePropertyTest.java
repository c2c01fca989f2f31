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
 * Seeded property on Matches of thousands of cases shaped like real HST rules (measured on the
 * corpus's HST rmaps: ~60% literal elements, ~29% {@code N/A} concentrated in some parameters,
 * ~1.5% {@code *}, ~9% or-globs, a few wildcard globs, regexes and inequalities): the index
 * (a {@link MatchTree} at this size) gives exactly the survivors and weights of asking every
 * matcher of every case, for header values taken from the rules (so most lookups match), values
 * the rules never mention, and the wildcard values {@code *} and {@code N/A}.
 */
class MatchTreeScalePropertyTest {
    private static final long SEED = 20261123L;

    @Test
    void treeAgreesWithEveryMatcherOnLargeRealisticMatches() {
        System.out.println("MatchTreeScalePropertyTest seed " + SEED);
        Random rnd = new Random(SEED);
        long survivors = 0, lookups = 0;
        for (int round = 0; round < 12; round++) {
            int np = 2 + rnd.nextInt(7);
            int n = 1000 + rnd.nextInt(7000);
            String[][] domains = new String[np][];
            double[] naRate = new double[np], starRate = new double[np];
            for (int i = 0; i < np; i++) {
                int size = 2 + rnd.nextInt(i == 0 ? 4 : 40);
                domains[i] = new String[size];
                for (int k = 0; k < size; k++) domains[i][k] = (i % 3 == 2 ? Integer.toString(100 + k) + ".0" : "V" + i + "X" + k);
                naRate[i] = rnd.nextBoolean() ? 0.1 + 0.6 * rnd.nextDouble() : 0.0;
                starRate[i] = rnd.nextInt(6) == 0 ? 0.1 : 0.0;
            }
            Matcher[][] matchers = new Matcher[n][np];
            List<String[]> written = new ArrayList<>();
            for (int e = 0; e < n; e++) {
                String[] key = new String[np];
                for (int i = 0; i < np; i++) key[i] = element(rnd, domains[i], naRate[i], starRate[i], i % 3 == 2);
                written.add(key);
                for (int i = 0; i < np; i++) matchers[e][i] = Matchers.forKey(key[i]);
            }
            MatchIndex index = new MatchIndex(matchers, np);
            MatchIndex masks = new MatchIndex(matchers, np, Integer.MAX_VALUE);
            for (int q = 0; q < 300; q++) {
                String[] values = new String[np];
                String[] like = written.get(rnd.nextInt(n));
                for (int i = 0; i < np; i++) {
                    int k = rnd.nextInt(100);
                    if (k < 80) values[i] = domains[i][rnd.nextInt(Math.min(domains[i].length, 1 + rnd.nextInt(domains[i].length)))];
                    else if (k < 90 && !like[i].contains("|") && !like[i].startsWith("N/A")) values[i] = like[i];
                    else if (k < 94) values[i] = "UNKNOWN";
                    else if (k < 97) values[i] = "*";
                    else values[i] = "N/A";
                }
                int[] expected = NaiveSurvivors.of(matchers, values);
                String where = "seed " + SEED + " round " + round + " values " + String.join(",", values);
                assertArrayEquals(expected, index.survivors(values), where);
                assertArrayEquals(expected, masks.survivors(values), "masks, " + where);
                survivors += expected.length / 2;
                lookups++;
            }
        }
        System.out.printf("MatchTreeScalePropertyTest: %d lookups, %.1f survivors on average%n",
                lookups, survivors / (double) lookups);
        assertTrue(survivors > lookups, "the generated lookups should mostly match something");
    }

    /** One key element: mostly a literal, else N/A or * at the parameter's rates, or-globs, a few patterns. */
    private static String element(Random rnd, String[] domain, double naRate, double starRate, boolean numeric) {
        double u = rnd.nextDouble();
        if (u < naRate) return "N/A";
        u = rnd.nextDouble();
        if (u < starRate) return "*";
        String v = domain[zipf(rnd, domain.length)];
        double w = rnd.nextDouble();
        if (w < 0.09) return v + "|" + domain[rnd.nextInt(domain.length)] + (rnd.nextBoolean() ? "|" + domain[rnd.nextInt(domain.length)] : "");
        if (w < 0.095) return numeric ? ">" + v : v.substring(0, 2) + "*";
        if (w < 0.097) return numeric ? "between 100 " + (110 + rnd.nextInt(20)) : "(" + v.substring(0, 3) + ")";
        if (w < 0.098) return "NOT " + v;
        return v;
    }

    private static int zipf(Random rnd, int n) {
        int r = (int) Math.floor(Math.exp(rnd.nextDouble() * Math.log(n + 1.0))) - 1;
        return Math.min(Math.max(r, 0), n - 1);
    }
}
