package org.crdsj.engine.select;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.select.match.GlobMatcher;
import org.crdsj.engine.select.match.Matcher;
import org.crdsj.engine.select.match.MatcherKind;

/**
 * Finds the cases of a Match that survive a combination of header values, with their weights,
 * without testing every case where it can avoid it. Small Matches use per-parameter bit masks:
 * literal key elements are found by hashing the header value, {@code N/A} and {@code *} elements
 * are masks, and only the pattern elements (globs, regexes, inequalities, ...) are evaluated one
 * by one. From {@link #TREE_FROM} cases on, a {@link MatchTree} visits only the cases that can
 * still survive, so the cost follows the candidates rather than the number of cases. Either way
 * the answer is exactly what asking every matcher gives.
 */
final class MatchIndex {
    /** From this many cases on, lookups go through a {@link MatchTree}. */
    static final int TREE_FROM = 512;

    private final Matcher[][] matchers;         // [entry][parameter]
    private final int entries;
    private final int words;
    private final MatchTree tree;               // large Matches; the masks below are then unused
    private final List<Map<String, long[]>> literal = new ArrayList<>();   // per parameter: key -> entries
    private final long[][] na;                  // per parameter: entries whose element is N/A
    private final long[][] star;                // per parameter: entries whose element is the glob '*'
    private final int[][] patterns;             // per parameter: entries to evaluate one by one

    MatchIndex(Matcher[][] matchers, int parameters) {
        this(matchers, parameters, TREE_FROM);
    }

    /** As {@link #MatchIndex(Matcher[][], int)}, with a tree from {@code treeFrom} cases on (tests). */
    MatchIndex(Matcher[][] matchers, int parameters, int treeFrom) {
        this.matchers = matchers;
        this.entries = matchers.length;
        boolean large = entries >= treeFrom && parameters > 0;
        this.tree = large ? new MatchTree(matchers, parameters) : null;
        this.words = large ? 0 : (entries + 63) >>> 6;
        this.na = new long[large ? 0 : parameters][words];
        this.star = new long[large ? 0 : parameters][words];
        this.patterns = new int[large ? 0 : parameters][];
        for (int i = 0; i < patterns.length; i++) {
            Map<String, long[]> byKey = new HashMap<>();
            List<Integer> others = new ArrayList<>();
            for (int e = 0; e < entries; e++) {
                Matcher m = matchers[e][i];
                if (m.kind() == MatcherKind.LITERAL) {
                    byKey.computeIfAbsent(m.key(), k -> new long[words])[e >>> 6] |= 1L << e;
                } else if (m.kind() == MatcherKind.NA) {
                    na[i][e >>> 6] |= 1L << e;
                } else if (m.kind() == MatcherKind.GLOB && m.key().equals("*")) {
                    star[i][e >>> 6] |= 1L << e;      // matches every value but N/A (handled apart)
                } else if (m instanceof GlobMatcher g && g.isPlainAlternatives()) {
                    // 'A|B|C' without wildcards matches exactly its alternatives: index each one.
                    for (String alt : g.alternatives()) {
                        byKey.computeIfAbsent(alt, k -> new long[words])[e >>> 6] |= 1L << e;
                    }
                } else {
                    others.add(e);
                }
            }
            literal.add(byKey);
            patterns[i] = others.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * The surviving entries for {@code values} (one per parameter) with their weights (minus the
     * number of elements that matched), as pairs {@code [entry, weight, entry, weight, ...]} in
     * entry order.
     */
    int[] survivors(String[] values) {
        if (entries == 0) return new int[0];
        if (tree != null) return tree.survivors(values);
        int np = values.length;
        long[] alive = new long[words];
        for (int w = 0; w < words; w++) alive[w] = -1L;
        if ((entries & 63) != 0) alive[words - 1] = (1L << (entries & 63)) - 1;
        long[] scored = new long[np * words];     // per parameter: entries whose element matched (weight 1)
        long[] pass = new long[words];
        for (int i = 0; i < np; i++) {
            String v = values[i];
            int base = i * words;
            if (v.equals("*") || v.equals("N/A")) {
                // Wildcard header values interact with every kind of key: ask each matcher.
                java.util.Arrays.fill(pass, 0L);
                for (int e = 0; e < entries; e++) {
                    if ((alive[e >>> 6] & (1L << e)) == 0) continue;
                    int r = matchers[e][i].match(v);
                    if (r >= 0) pass[e >>> 6] |= 1L << e;
                    if (r > 0) scored[base + (e >>> 6)] |= 1L << e;
                }
            } else {
                long[] hits = literal.get(i).get(v);
                long[] skip = na[i], any = star[i];
                for (int w = 0; w < words; w++) {
                    long h = (hits == null ? 0 : hits[w]) | any[w];
                    pass[w] = h | skip[w];
                    scored[base + w] = h;
                }
                for (int e : patterns[i]) {
                    if ((alive[e >>> 6] & (1L << e)) == 0) continue;
                    int r = matchers[e][i].match(v);
                    if (r >= 0) pass[e >>> 6] |= 1L << e;
                    if (r > 0) scored[base + (e >>> 6)] |= 1L << e;
                }
            }
            boolean any = false;
            for (int w = 0; w < words; w++) {
                alive[w] &= pass[w];
                any |= alive[w] != 0;
            }
            if (!any) return new int[0];
        }
        int count = 0;
        for (long a : alive) count += Long.bitCount(a);
        int[] out = new int[2 * count];
        int k = 0;
        for (int w = 0; w < words; w++) {
            long bits = alive[w];
            while (bits != 0) {
                int e = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int weight = 0;
                for (int i = 0; i < np; i++) if ((scored[i * words + w] & (1L << e)) != 0) weight--;
                out[k++] = e;
                out[k++] = weight;
            }
        }
        return out;
    }
}
