package org.crdsj.engine.select;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.select.match.GlobMatcher;
import org.crdsj.engine.select.match.Matcher;
import org.crdsj.engine.select.match.MatcherKind;

/**
 * Per-parameter indexes of a Match's keys, so a lookup does not test every entry: literal key
 * elements are found by hashing the header value, {@code N/A} elements pass without weight, and
 * only the pattern elements (globs, regexes, inequalities, ...) are evaluated one by one. Entries
 * are bits in {@code long[]} masks. Gives exactly the per-entry results of the matchers themselves.
 */
final class MatchIndex {
    private final Matcher[][] matchers;         // [entry][parameter]
    private final int entries;
    private final int words;
    private final List<Map<String, long[]>> literal = new ArrayList<>();   // per parameter: key -> entries
    private final long[][] na;                  // per parameter: entries whose element is N/A
    private final long[][] star;                // per parameter: entries whose element is the glob '*' 
    private final int[][] patterns;             // per parameter: entries to evaluate one by one
    // The same classification as sorted entry lists, for large Matches (see sparseSurvivors).
    private final List<Map<String, int[]>> literalIds = new ArrayList<>();
    private final int[][] naIds;
    private final int[][] starIds;

    /** From this many entries on, lookups start from the most selective parameter's candidates. */
    static final int SPARSE_FROM = 256;

    MatchIndex(Matcher[][] matchers, int parameters) {
        this.matchers = matchers;
        this.entries = matchers.length;
        this.words = (entries + 63) >>> 6;
        this.na = new long[parameters][words];
        this.star = new long[parameters][words];
        this.patterns = new int[parameters][];
        this.naIds = new int[parameters][];
        this.starIds = new int[parameters][];
        for (int i = 0; i < parameters; i++) {
            Map<String, long[]> byKey = new HashMap<>();
            List<Integer> others = new ArrayList<>();
            Map<String, List<Integer>> idsByKey = new HashMap<>();
            List<Integer> naList = new ArrayList<>(), starList = new ArrayList<>();
            for (int e = 0; e < entries; e++) {
                Matcher m = matchers[e][i];
                if (m.kind() == MatcherKind.LITERAL) {
                    byKey.computeIfAbsent(m.key(), k -> new long[words])[e >>> 6] |= 1L << e;
                    addId(idsByKey, m.key(), e);
                } else if (m.kind() == MatcherKind.NA) {
                    na[i][e >>> 6] |= 1L << e;
                    naList.add(e);
                } else if (m.kind() == MatcherKind.GLOB && m.key().equals("*")) {
                    star[i][e >>> 6] |= 1L << e;      // matches every value but N/A (handled apart)
                    starList.add(e);
                } else if (m instanceof GlobMatcher g && plainAlternatives(g)) {
                    // 'A|B|C' without wildcards matches exactly its alternatives: index each one.
                    for (String alt : g.alternatives()) {
                        byKey.computeIfAbsent(alt, k -> new long[words])[e >>> 6] |= 1L << e;
                        addId(idsByKey, alt, e);
                    }
                } else {
                    others.add(e);
                }
            }
            literal.add(byKey);
            patterns[i] = others.stream().mapToInt(Integer::intValue).toArray();
            Map<String, int[]> ids = new HashMap<>();
            idsByKey.forEach((k, l) -> ids.put(k, l.stream().mapToInt(Integer::intValue).toArray()));
            literalIds.add(ids);
            naIds[i] = naList.stream().mapToInt(Integer::intValue).toArray();
            starIds[i] = starList.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static void addId(Map<String, List<Integer>> ids, String key, int e) {
        List<Integer> l = ids.computeIfAbsent(key, k -> new ArrayList<>());
        if (l.isEmpty() || l.get(l.size() - 1) != e) l.add(e);   // 'A|A' lists an entry once
    }

    private static boolean noWildcards(String[] values) {
        for (String v : values) if (v.equals("*") || v.equals("N/A")) return false;
        return true;
    }

    /**
     * For a large Match: only entries that can pass the most selective parameter are candidates
     * (its literal hits for the value, its N/A and {@code *} elements, its patterns); each
     * candidate is then tested on every parameter. Cost follows the candidates, not the entries.
     * Null when there are too many candidates for that to pay.
     */
    private int[] sparseSurvivors(String[] values) {
        int np = values.length;
        int best = -1, bestSize = Integer.MAX_VALUE;
        for (int i = 0; i < np; i++) {
            int[] hits = literalIds.get(i).get(values[i]);
            int size = (hits == null ? 0 : hits.length) + naIds[i].length + starIds[i].length + patterns[i].length;
            if (size < bestSize) { best = i; bestSize = size; }
        }
        // Testing a candidate on every parameter costs more than a word of a bit mask: start from
        // candidates only when they are few (else the masks below are cheaper).
        if (bestSize > entries / 16) return null;
        int[] hits = literalIds.get(best).get(values[best]);
        int[] candidates = new int[bestSize];
        int k = 0;
        if (hits != null) for (int e : hits) candidates[k++] = e;
        for (int e : naIds[best]) candidates[k++] = e;
        for (int e : starIds[best]) candidates[k++] = e;
        for (int e : patterns[best]) candidates[k++] = e;
        java.util.Arrays.sort(candidates);          // the four lists are disjoint: no duplicates
        int[] out = new int[2 * candidates.length];
        int n = 0;
        for (int e : candidates) {
            Matcher[] row = matchers[e];
            int weight = 0;
            boolean alive = true;
            for (int i = 0; i < np && alive; i++) {
                int r = row[i].match(values[i]);
                if (r < 0) alive = false; else weight -= r;
            }
            if (alive) {
                out[n++] = e;
                out[n++] = weight;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** True when no alternative of the glob uses a wildcard, so it is a set of literal values. */
    private static boolean plainAlternatives(GlobMatcher g) {
        if (g.alternatives().isEmpty()) return false;     // an empty alternation has its own rule
        for (String alt : g.alternatives()) {
            if (alt.indexOf('*') >= 0 || alt.indexOf('?') >= 0 || alt.indexOf('[') >= 0) return false;
        }
        return true;
    }

    /**
     * The surviving entries for {@code values} (one per parameter) with their weights (minus the
     * number of elements that matched), as pairs {@code [entry, weight, entry, weight, ...]} in
     * entry order.
     */
    int[] survivors(String[] values) {
        if (entries == 0) return new int[0];
        int np = values.length;
        if (entries >= SPARSE_FROM && np > 0 && noWildcards(values)) {
            int[] sparse = sparseSurvivors(values);
            if (sparse != null) return sparse;
        }
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
