package org.crdsj.engine.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.select.match.GlobMatcher;
import org.crdsj.engine.select.match.Matcher;
import org.crdsj.engine.select.match.MatcherKind;

/**
 * A decision tree over the cases of a large Match, so that a lookup visits only the cases that
 * can still survive instead of every case.
 *
 * <p>Each inner node splits its cases on one parameter (chosen per node: the one that leaves the
 * fewest cases to visit) into
 * <ul>
 *   <li>one child per literal value (a wildcard-free or-glob such as {@code 'A|B'} sits under
 *       each of its values), found by hashing the header value;</li>
 *   <li>one child per glob prefix: a glob part {@code 'F2*'} (text, then one final {@code *})
 *       matches exactly the values starting with {@code F2}, found by hashing the value's
 *       prefixes of the lengths that occur;</li>
 *   <li>one child for the cases whose element is {@code *} or {@code N/A}: both pass every
 *       ordinary value (their different weights are worked out in the leaves);</li>
 *   <li>one child per distinct pattern (wildcard glob, regex, inequality, {@code NOT}, ...),
 *       entered only when its matcher accepts the value.</li>
 * </ul>
 * Leaves hold a few cases, which are checked with their matchers for every parameter the path
 * has not already decided (a keyed child means the element matched; a pattern child carries that
 * pattern's result). The tree only prunes: a case is left out only when one of its matchers
 * rejects the value, and weights are the matchers' own results, so the answer is exactly what
 * asking every matcher gives. A header value
 * {@code *} or {@code N/A} (which interacts with every kind of key) enters every child of a node
 * split on that parameter.
 *
 * <p>Cost of a lookup: the nodes on the paths a header can take plus the cases in the leaves it
 * reaches, which for realistic rules is a few hash probes per level and a handful of cases; the
 * depth grows with the logarithm of the number of cases. Immutable and thread-safe.
 */
final class MatchTree {
    /** A node with at most this many cases is a leaf. */
    static final int LEAF_SIZE = 6;
    /** An or-glob with more values than this is treated as a pattern (it would copy its case too often). */
    private static final int MAX_ALTERNATIVES = 16;

    private final Matcher[][] matchers;     // [case][parameter]
    private final Node root;

    MatchTree(Matcher[][] matchers, int parameters) {
        this.matchers = matchers;
        int[] all = new int[matchers.length];
        for (int e = 0; e < all.length; e++) all[e] = e;
        // Classify every element once: building visits each case at every level of its path.
        Place[][] places = new Place[all.length][parameters];
        Keys[][] keys = new Keys[all.length][parameters];
        for (int e = 0; e < all.length; e++) {
            for (int i = 0; i < parameters; i++) {
                places[e][i] = place(matchers[e][i]);
                if (places[e][i] == Place.KEYED) keys[e][i] = keys(matchers[e][i]);
            }
        }
        this.root = build(new Elements(places, keys), all, new boolean[parameters]);
    }

    /**
     * The surviving cases for {@code values} with their weights (minus the number of elements
     * that matched), as pairs {@code [case, weight, case, weight, ...]} in case order.
     */
    int[] survivors(String[] values) {
        Collector out = new Collector();
        collect(root, values, 0L, 0, out);
        return out.pairs();
    }

    // ------------------------------------------------------------------ lookup

    /**
     * Gathers the survivors under {@code node}. {@code decided} marks the parameters whose result
     * is already known for every case below (a keyed child was entered: 1; a pattern child: that
     * pattern's result), {@code weight} is the sum of those results, negated.
     */
    private void collect(Node node, String[] values, long decided, int weight, Collector out) {
        if (node.cases != null) {
            for (int e : node.cases) {
                Matcher[] row = matchers[e];
                int w = weight;
                boolean alive = true;
                for (int i = 0; i < values.length && alive; i++) {
                    if (i < 64 && (decided & (1L << i)) != 0) continue;
                    int r = row[i].match(values[i]);
                    if (r < 0) alive = false; else w -= r;
                }
                if (alive) out.add(e, w);
            }
            return;
        }
        int c = node.column;
        String v = values[c];
        if (v.equals("*") || v.equals("N/A")) {
            // These values interact with every kind of key: no child can be ruled out here, and
            // the leaves ask every matcher of this parameter.
            for (Node child : node.literal.values()) collect(child, values, decided, weight, out);
            for (Node child : node.prefix.values()) collect(child, values, decided, weight, out);
            if (node.wild != null) collect(node.wild, values, decided, weight, out);
            for (Node child : node.patternChildren) collect(child, values, decided, weight, out);
            return;
        }
        long known = c < 64 ? decided | (1L << c) : decided;    // a keyed child matches v: weight 1
        int matched = c < 64 ? weight - 1 : weight;
        Node hit = node.literal.get(v);
        if (hit != null) collect(hit, values, known, matched, out);
        for (int length : node.prefixLengths) {
            if (length > v.length()) break;
            Node under = node.prefix.get(v.substring(0, length));
            if (under != null) collect(under, values, known, matched, out);
        }
        if (node.wild != null) collect(node.wild, values, decided, weight, out);   // '*' weighs 1, N/A 0: leaves ask
        for (int p = 0; p < node.patterns.length; p++) {
            int r = node.patterns[p].match(v);
            if (r >= 0) {
                collect(node.patternChildren[p], values,
                        c < 64 ? decided | (1L << c) : decided, c < 64 ? weight - r : weight, out);
            }
        }
    }

    /** Survivors gathered from the leaves, as (case, weight) packed in longs. */
    private static final class Collector {
        private long[] items = new long[16];
        private int size;

        void add(int e, int weight) {
            if (size == items.length) items = Arrays.copyOf(items, size * 2);
            items[size++] = ((long) e << 32) | (weight & 0xFFFF_FFFFL);
        }

        /** In case order; a case reached twice (an or-glob under a wildcard value) counts once. */
        int[] pairs() {
            Arrays.sort(items, 0, size);
            int[] out = new int[2 * size];
            int n = 0;
            for (int k = 0; k < size; k++) {
                int e = (int) (items[k] >>> 32);
                if (n > 0 && out[n - 2] == e) continue;
                out[n++] = e;
                out[n++] = (int) items[k];
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }
    }

    // ------------------------------------------------------------------ construction

    /** A leaf ({@code cases} set) or a node split on {@code column}. */
    private static final class Node {
        final int[] cases;
        final int column;
        final Map<String, Node> literal;
        final Map<String, Node> prefix;     // glob 'F2*' under "F2"
        final int[] prefixLengths;          // the lengths of those prefixes, ascending
        final Node wild;
        final Matcher[] patterns;
        final Node[] patternChildren;

        Node(int[] cases) {
            this.cases = cases;
            this.column = -1;
            this.literal = null;
            this.prefix = null;
            this.prefixLengths = null;
            this.wild = null;
            this.patterns = null;
            this.patternChildren = null;
        }

        Node(int column, Map<String, Node> literal, Map<String, Node> prefix, Node wild,
             Matcher[] patterns, Node[] patternChildren) {
            this.cases = null;
            this.column = column;
            this.literal = literal;
            this.prefix = prefix;
            this.prefixLengths = prefix.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
            this.wild = wild;
            this.patterns = patterns;
            this.patternChildren = patternChildren;
        }
    }

    /** How a case's element of one parameter is placed in a node split on that parameter. */
    private enum Place { KEYED, WILD, PATTERN }

    /**
     * The values and prefixes under which a keyed element is filed: a literal's text, or an
     * or-glob's parts, each either plain ({@code A}) or a prefix ({@code F2} for {@code F2*}).
     */
    private record Keys(List<String> values, List<String> prefixes) {}

    private static Place place(Matcher m) {
        if (m.kind() == MatcherKind.LITERAL) return Place.KEYED;
        if (m.kind() == MatcherKind.NA) return Place.WILD;
        if (!(m instanceof GlobMatcher g)) return Place.PATTERN;
        List<String> parts = g.alternatives();
        if (parts.isEmpty() || parts.size() > MAX_ALTERNATIVES) return Place.PATTERN;  // empty: its own rule
        for (String part : parts) {
            if (part.equals("*")) return Place.WILD;     // then the glob passes every value but the wildcards
        }
        for (String part : parts) {
            int star = part.indexOf('*');
            if (part.indexOf('?') >= 0 || part.indexOf('[') >= 0) return Place.PATTERN;
            if (star >= 0 && star != part.length() - 1) return Place.PATTERN;
        }
        return Place.KEYED;
    }

    private static Keys keys(Matcher m) {
        if (m.kind() == MatcherKind.LITERAL) return new Keys(List.of(m.key()), List.of());
        List<String> values = new ArrayList<>(), prefixes = new ArrayList<>();
        for (String part : ((GlobMatcher) m).alternatives()) {
            List<String> into = part.endsWith("*") ? prefixes : values;
            String key = part.endsWith("*") ? part.substring(0, part.length() - 1) : part;
            if (!into.contains(key)) into.add(key);     // 'A|A' files its case once
        }
        return new Keys(values, prefixes);
    }

    /** Every element's placement and keys, computed once for the whole construction. */
    private record Elements(Place[][] places, Keys[][] keys) {}

    private Node build(Elements el, int[] cases, boolean[] used) {
        if (cases.length <= LEAF_SIZE) return new Node(cases);
        int column = bestColumn(el, cases, used);
        if (column < 0) return new Node(cases);

        Map<String, IntList> byValue = new LinkedHashMap<>(), byPrefix = new LinkedHashMap<>();
        IntList wild = new IntList();
        Map<String, IntList> byPattern = new LinkedHashMap<>();
        Map<String, Matcher> patternOf = new HashMap<>();
        for (int e : cases) {
            Matcher m = matchers[e][column];
            switch (el.places()[e][column]) {
                case KEYED: {
                    Keys k = el.keys()[e][column];
                    for (String v : k.values()) byValue.computeIfAbsent(v, x -> new IntList()).add(e);
                    for (String v : k.prefixes()) byPrefix.computeIfAbsent(v, x -> new IntList()).add(e);
                    break;
                }
                case WILD: wild.add(e); break;
                default: {
                    // Equal key text and kind compile to the same test: one child per distinct pattern.
                    String id = m.kind() + "\u0000" + m.key();
                    byPattern.computeIfAbsent(id, k -> new IntList()).add(e);
                    patternOf.putIfAbsent(id, m);
                }
            }
        }
        boolean[] below = used.clone();
        below[column] = true;
        Map<String, Node> literal = children(el, byValue, below), prefix = children(el, byPrefix, below);
        Matcher[] patterns = new Matcher[byPattern.size()];
        Node[] patternChildren = new Node[byPattern.size()];
        int p = 0;
        for (Map.Entry<String, IntList> en : byPattern.entrySet()) {
            patterns[p] = patternOf.get(en.getKey());
            patternChildren[p++] = build(el, en.getValue().toArray(), below);
        }
        return new Node(column, literal, prefix, wild.size == 0 ? null : build(el, wild.toArray(), below),
                patterns, patternChildren);
    }

    private Map<String, Node> children(Elements el, Map<String, IntList> byKey, boolean[] used) {
        Map<String, Node> out = new HashMap<>(Math.max(4, byKey.size() * 2));
        for (Map.Entry<String, IntList> en : byKey.entrySet()) out.put(en.getKey(), build(el, en.getValue().toArray(), used));
        return out;
    }

    /**
     * The unused parameter that leaves the fewest cases to visit for a value drawn like the
     * cases' own: the expected size of the keyed child entered ({@code sum n_k^2 / n}, a prefix
     * counted like a value) plus every case that passes any ordinary value ({@code *},
     * {@code N/A}, patterns). -1 when no parameter would split off a useful part of the cases,
     * or when or-globs would copy cases into more than twice as many places.
     */
    private int bestColumn(Elements el, int[] cases, boolean[] used) {
        int best = -1;
        double bestScore = 0.75 * cases.length;     // a split must leave at most 3/4 of the cases
        Map<String, int[]> counts = new HashMap<>();
        for (int c = 0; c < used.length; c++) {
            if (used[c]) continue;
            counts.clear();
            long placed = 0;
            int wild = 0;
            for (int e : cases) {
                if (el.places()[e][c] == Place.KEYED) {
                    Keys k = el.keys()[e][c];
                    for (String v : k.values()) counts.computeIfAbsent(v, x -> new int[1])[0]++;
                    for (String v : k.prefixes()) counts.computeIfAbsent(v + "*", x -> new int[1])[0]++;
                    placed += k.values().size() + k.prefixes().size();
                } else {
                    wild++;
                    placed++;
                }
            }
            if (placed > 2L * cases.length) continue;
            double squares = 0;
            for (int[] n : counts.values()) squares += (double) n[0] * n[0];
            double score = squares / cases.length + wild;
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** A growable list of case numbers. */
    private static final class IntList {
        int[] items = new int[4];
        int size;

        void add(int e) {
            if (size == items.length) items = Arrays.copyOf(items, size * 2);
            items[size++] = e;
        }

        int[] toArray() { return Arrays.copyOf(items, size); }
    }
}
