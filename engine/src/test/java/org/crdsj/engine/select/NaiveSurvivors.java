package org.crdsj.engine.select;

import java.util.ArrayList;
import java.util.List;
import org.crdsj.engine.select.match.Matcher;

/**
 * The reference the Match index tests compare against: every case asked in turn, in case order.
 * Returns pairs (case number, weight), the weight being minus the sum of the case's element
 * match scores, for each case whose every element matches.
 */
final class NaiveSurvivors {
    private NaiveSurvivors() {}

    static int[] of(Matcher[][] matchers, String[] values) {
        List<Integer> out = new ArrayList<>();
        for (int e = 0; e < matchers.length; e++) {
            int weight = 0;
            boolean alive = true;
            for (int i = 0; i < values.length && alive; i++) {
                int r = matchers[e][i].match(values[i]);
                if (r < 0) alive = false; else weight -= r;
            }
            if (alive) {
                out.add(e);
                out.add(weight);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
