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
 *       each of its values);</li>
 *   <li>one child per glob prefix: a glob part {@code 'F2*'} (text, then one final {@code *})
 *       matches exactly the values starting with {@code F2};</li>
 *   <li>one child for the cases whose element is {@code *} or {@code N/A}: both pass every
 *       ordinary value (their different weights are worked out in the leaves);</li>
 *   <li>one child per distinct pattern (wildcard glob, regex, inequality, {@code NOT}, ...),
 *       entered only when its matcher accepts the value.</li>
 * </ul>
 * One path, not a branching walk: the cases of the {@code *}/{@code N/A} child, and those of the
 * prefix children whose prefix a literal value starts with, are filed under the literal children
 * as well (while a copy budget lasts), so an ordinary value that has a literal child enters that
 * one child; only a value no literal names visits the wild and prefix children.
 * Leaves hold a few cases, which are checked for every parameter the path has not already decided
 * (a keyed child means the element matched, written into the case's row in that leaf; a pattern
 * child carries that pattern's result). The
 * tree only prunes: a case is left out only when one of its matchers rejects the value, and
 * weights are the matchers' own results, so the answer is exactly what asking every matcher
 * gives. A header value {@code *} or {@code N/A} (which interacts with every kind of key) enters
 * every child of a node split on that parameter, and the leaves ask the matchers for it.
 *
 * <p>Layout, for a cost that follows the depth rather than the size of the rules: every literal
 * value (and glob prefix) of a parameter has an int code, so a lookup hashes each header value
 * once per parameter, not once per node. The whole tree is one {@code int[]} in depth-first order:
 * a node's children are found by probing a small open-addressed table of codes stored right after
 * the node, and a leaf stores its cases with their elements as codes (literal elements are then
 * compared as ints; only pattern elements call their matchers). A lookup thus touches a few
 * contiguous cache lines per level instead of a chain of maps, entries, strings and matcher
 * objects spread over the heap. Immutable and thread-safe.
 */
final class MatchTree {
    /** A node with at most this many cases is a leaf. */
    static final int LEAF_SIZE = 6;
    /** An or-glob with more values than this is treated as a pattern (it would copy its case too often). */
    private static final int MAX_ALTERNATIVES = 16;

    // Header value codes (besides a value's code >= 0).
    /** A value no literal element of the parameter has. */
    private static final int UNKNOWN = -1;
    /** The header value {@code *} or {@code N/A}: every matcher is asked. */
    private static final int WILD_VALUE = -2;

    // Element codes in leaves (besides a literal's code >= 0), for ordinary header values.
    /** {@code N/A}: passes with weight 0. */
    private static final int EL_NA = -1;
    /** A glob with a {@code *} part: passes with weight 1. */
    private static final int EL_ANY = -2;
    /** Anything else: ask the matcher. */
    private static final int EL_ASK = -3;
    /**
     * At or below this: an or-glob of plain values and prefixes, whose codes are listed in the
     * tree at {@code EL_SET - code}, after the leaf's cases (count, then literal codes and
     * complemented prefix codes).
     */
    private static final int EL_SET = -4;

    // Inner node: [column, wild child or -1, literal slots, prefix slots, patterns, pushed flags,
    // tables...]; a leaf: [~count, then per case: case number and one element code per parameter].
    private static final int HEADER = 6;
    /** A node's flag: its wild child's cases are also under every literal child. */
    private static final int WILD_PUSHED = 1;
    /** A node's flag: every prefix child's cases are also under each literal child whose value has that prefix. */
    private static final int PREFIXES_PUSHED = 2;
    /**
     * How many copies of cases (beyond one per case) the whole tree may make, per case, by filing
     * a node's {@code *}, {@code N/A} and prefix-glob cases under its literal children as well
     * (the first nodes built get them: the largest, nearest the root).
     */
    private static final int PUSH_BUDGET = 4;
    /** A node files its wild cases under its literal children only if that copies at most this many times its cases. */
    private static final int PUSH_LOCAL = 2;
    private static final int EMPTY = -1;   // an unused table slot's code

    private final Matcher[][] matchers;     // [case][parameter]
    private final int parameters;
    private final ValueCodes[] literalCodes;    // per parameter: literal value -> code
    private final ValueCodes[] prefixCodes;     // per parameter: glob prefix -> code
    private final int[][] prefixLengths;        // per parameter: the lengths of those prefixes, ascending
    private final int[] prefixStart;            // where a parameter's prefix codes sit in a lookup's codes
    private final int codeCount;                // literal codes of all parameters, then prefix codes
    private final Matcher[] patterns;           // the pattern children's tests
    private final int[] tree;

    MatchTree(Matcher[][] matchers, int parameters) {
        this.matchers = matchers;
        this.parameters = parameters;
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
        this.literalCodes = new ValueCodes[parameters];
        this.prefixCodes = new ValueCodes[parameters];
        this.prefixLengths = new int[parameters][];
        this.prefixStart = new int[parameters];
        int codes = parameters;
        for (int i = 0; i < parameters; i++) {
            List<String> values = new ArrayList<>(), prefixes = new ArrayList<>();
            for (int e = 0; e < all.length; e++) {
                if (matchers[e][i].kind() == MatcherKind.LITERAL) values.add(matchers[e][i].key());
                if (keys[e][i] != null) {
                    values.addAll(keys[e][i].values());
                    prefixes.addAll(keys[e][i].prefixes());
                }
            }
            literalCodes[i] = new ValueCodes(values);
            prefixCodes[i] = new ValueCodes(prefixes);
            prefixLengths[i] = prefixes.stream().mapToInt(String::length).distinct().sorted().toArray();
            prefixStart[i] = codes;
            codes += prefixLengths[i].length;
        }
        this.codeCount = codes;
        long[] budget = {(long) PUSH_BUDGET * all.length};
        Draft root = build(new Elements(places, keys), all, new long[all.length], new boolean[parameters], budget);
        List<Matcher> patternList = new ArrayList<>();
        IntList out = new IntList();
        write(root, out, patternList, keys);
        this.tree = out.toArray();
        this.patterns = patternList.toArray(new Matcher[0]);
    }

    /**
     * The surviving cases for {@code values} with their weights (minus the number of elements
     * that matched), as pairs {@code [case, weight, case, weight, ...]} in case order.
     */
    int[] survivors(String[] values) {
        int[] codes = new int[codeCount + parameters];     // prefix codes are worked out when first needed
        for (int i = 0; i < parameters; i++) {
            String v = values[i];
            codes[i] = v.equals("*") || v.equals("N/A") ? WILD_VALUE : literalCodes[i].code(v);
        }
        Collector out = new Collector();
        collect(0, values, codes, 0L, 0, out);
        return out.pairs();
    }

    // ------------------------------------------------------------------ lookup

    /**
     * Fills in the codes of parameter {@code i}'s value's prefixes (one per prefix length of its
     * globs, {@link #UNKNOWN} when no glob has it) unless done: few lookups need them.
     */
    private void prefixCodes(int i, String[] values, int[] codes) {
        if (codes[codeCount + i] != 0) return;
        codes[codeCount + i] = 1;
        String v = values[i];
        int[] lengths = prefixLengths[i];
        for (int k = 0; k < lengths.length; k++) {
            codes[prefixStart[i] + k] = lengths[k] <= v.length() ? prefixCodes[i].prefixCode(v, lengths[k]) : UNKNOWN;
        }
    }

    /**
     * Gathers the survivors under the node at {@code n}. {@code decided} marks the parameters whose
     * result is already known for every case below (a pattern child was entered: that pattern's
     * result), {@code weight} is the sum of those results, negated; what a keyed child decided
     * is in each case's leaf row instead (a literal child may also hold undecided cases).
     */
    private void collect(int n, String[] values, int[] codes, long decided, int weight, Collector out) {
        int[] t = tree;
        int head = t[n];
        if (head < 0) {
            leaf(n + 1, ~head, values, codes, decided, weight, out);
            return;
        }
        int c = head;
        int wild = t[n + 1], literalSlots = t[n + 2], prefixSlots = t[n + 3], patternCount = t[n + 4];
        int pushed = t[n + 5];
        int lit = n + HEADER, pre = lit + 2 * literalSlots, pat = pre + 2 * prefixSlots;
        int vc = codes[c];
        if (vc == WILD_VALUE) {
            // No child can be ruled out here; the leaves ask every matcher of this parameter.
            for (int s = lit; s < pat; s += 2) {
                if (t[s] != EMPTY) collect(t[s + 1], values, codes, decided, weight, out);
            }
            if (wild >= 0) collect(wild, values, codes, decided, weight, out);
            for (int p = 0; p < patternCount; p++) collect(t[pat + 2 * p + 1], values, codes, decided, weight, out);
            return;
        }
        // A keyed child's own cases carry their weight 1 for this parameter in their leaf rows.
        int seen = 0;      // what the literal child entered already holds
        if (vc >= 0 && literalSlots > 0) {
            int child = probe(t, lit, literalSlots, vc);
            if (child >= 0) {
                collect(child, values, codes, decided, weight, out);
                seen = pushed;
            }
        }
        if (prefixSlots > 0 && (seen & PREFIXES_PUSHED) == 0) {
            prefixCodes(c, values, codes);
            for (int k = prefixStart[c], end = k + prefixLengths[c].length; k < end; k++) {
                int pc = codes[k];
                if (pc < 0) continue;
                int child = probe(t, pre, prefixSlots, pc);
                if (child >= 0) collect(child, values, codes, decided, weight, out);
            }
        }
        // '*' weighs 1, N/A 0: the leaves test them. Already visited when filed under the literal child.
        if (wild >= 0 && (seen & WILD_PUSHED) == 0) collect(wild, values, codes, decided, weight, out);
        for (int p = 0; p < patternCount; p++) {
            int r = patterns[t[pat + 2 * p]].match(values[c]);
            if (r >= 0) {
                collect(t[pat + 2 * p + 1], values, codes,
                        c < 64 ? decided | (1L << c) : decided, c < 64 ? weight - r : weight, out);
            }
        }
    }

    /** Tests the {@code count} cases of a leaf whose first case starts at {@code p}. */
    private void leaf(int p, int count, String[] values, int[] codes, long decided, int weight, Collector out) {
        int[] t = tree;
        int np = parameters;
        for (int k = 0; k < count; k++, p += 1 + np) {
            int w = weight;
            boolean alive = true;
            for (int i = 0; i < np && alive; i++) {
                if (i < 64 && (decided & (1L << i)) != 0) continue;
                int el = t[p + 1 + i], vc = codes[i];
                int r;
                if (vc == WILD_VALUE || el == EL_ASK) r = matchers[t[p]][i].match(values[i]);
                else if (el >= 0) r = el == vc ? Matcher.MATCH : Matcher.NO_MATCH;
                else if (el <= EL_SET) r = inSet(EL_SET - el, i, values, codes) ? Matcher.MATCH : Matcher.NO_MATCH;
                else r = el == EL_NA ? Matcher.DONT_CARE : Matcher.MATCH;
                if (r < 0) alive = false; else w -= r;
            }
            if (alive) out.add(t[p], w);
        }
    }

    /** True when parameter {@code i}'s value (an ordinary one) equals a value or has a prefix of the set at {@code at}. */
    private boolean inSet(int at, int i, String[] values, int[] codes) {
        int[] s = tree;
        int vc = codes[i];
        for (int k = at + 1, end = at + 1 + s[at]; k < end; k++) {
            int x = s[k];
            if (x >= 0) {
                if (x == vc) return true;
            } else {
                prefixCodes(i, values, codes);
                for (int p = prefixStart[i], last = p + prefixLengths[i].length; p < last; p++) {
                    if (codes[p] == ~x) return true;
                }
            }
        }
        return false;
    }

    /** The child filed under {@code code} in the table of {@code slots} pairs at {@code at}, or -1. */
    private static int probe(int[] t, int at, int slots, int code) {
        int mask = slots - 1;
        for (int s = slot(code, mask); ; s = (s + 1) & mask) {
            int k = t[at + 2 * s];
            if (k == code) return t[at + 2 * s + 1];
            if (k == EMPTY) return -1;
        }
    }

    private static int slot(int code, int mask) {
        int h = code * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    /** Survivors gathered from the leaves, as (case, weight) packed in longs. */
    private static final class Collector {
        private long[] items = new long[8];
        private int size;

        void add(int e, int weight) {
            if (size == items.length) items = Arrays.copyOf(items, size * 2);
            items[size++] = ((long) e << 32) | (weight & 0xFFFF_FFFFL);
        }

        /** In case order; a case reached twice (an or-glob under a wildcard value) counts once. */
        int[] pairs() {
            if (size > 1) Arrays.sort(items, 0, size);
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

    /**
     * The codes of one parameter's literal values (or glob prefixes), numbered from 0: an
     * open-addressed table probed by the value's hash, or by the hash of one of its prefixes
     * (no substring made).
     */
    private static final class ValueCodes {
        private final String[] keys;
        private final int[] slots;      // per slot: the key's hash, then its code (-1: free)
        private final int mask;

        ValueCodes(List<String> values) {
            Map<String, Integer> numbered = new LinkedHashMap<>();
            for (String v : values) numbered.putIfAbsent(v, numbered.size());
            int size = Integer.highestOneBit(Math.max(2, numbered.size() * 2 - 1)) << 1;
            this.keys = new String[size];
            this.slots = new int[2 * size];
            this.mask = size - 1;
            for (int s = 0; s < size; s++) slots[2 * s + 1] = -1;
            for (Map.Entry<String, Integer> en : numbered.entrySet()) {
                int h = en.getKey().hashCode();
                int s = spread(h) & mask;
                while (keys[s] != null) s = (s + 1) & mask;
                keys[s] = en.getKey();
                slots[2 * s] = h;
                slots[2 * s + 1] = en.getValue();
            }
        }

        /** The code of {@code v}, or {@link #UNKNOWN}. */
        int code(String v) {
            int h = v.hashCode();
            for (int s = spread(h) & mask; ; s = (s + 1) & mask) {
                int code = slots[2 * s + 1];
                if (code < 0) return UNKNOWN;
                if (slots[2 * s] == h && keys[s].equals(v)) return code;
            }
        }

        /** The code of {@code v}'s first {@code length} chars, or {@link #UNKNOWN}. */
        int prefixCode(String v, int length) {
            int h = 0;
            for (int k = 0; k < length; k++) h = 31 * h + v.charAt(k);    // String.hashCode of the prefix
            for (int s = spread(h) & mask; ; s = (s + 1) & mask) {
                int code = slots[2 * s + 1];
                if (code < 0) return UNKNOWN;
                if (slots[2 * s] == h && keys[s].length() == length && v.startsWith(keys[s])) return code;
            }
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }
    }

    // ------------------------------------------------------------------ construction

    /** A node being built: a leaf ({@code cases} set) or a node split on {@code column}. */
    private static final class Draft {
        final int[] cases;
        final long[] keyed;      // a leaf: per case, the parameters a keyed split on its path decided
        final int pushed;        // WILD_PUSHED, PREFIXES_PUSHED: also filed under the literal children
        final int column;
        final Map<String, Draft> literal;
        final Map<String, Draft> prefix;     // glob 'F2*' under "F2"
        final Draft wild;
        final Matcher[] patterns;
        final Draft[] patternChildren;

        Draft(int[] cases, long[] keyed) {
            this.cases = cases;
            this.keyed = keyed;
            this.pushed = 0;
            this.column = -1;
            this.literal = null;
            this.prefix = null;
            this.wild = null;
            this.patterns = null;
            this.patternChildren = null;
        }

        Draft(int column, Map<String, Draft> literal, Map<String, Draft> prefix, Draft wild, int pushed,
              Matcher[] patterns, Draft[] patternChildren) {
            this.cases = null;
            this.keyed = null;
            this.pushed = pushed;
            this.column = column;
            this.literal = literal;
            this.prefix = prefix;
            this.wild = wild;
            this.patterns = patterns;
            this.patternChildren = patternChildren;
        }
    }

    /** Appends {@code d} and everything below it to {@code out} (children after their parent); returns its offset. */
    private int write(Draft d, IntList out, List<Matcher> patternList, Keys[][] keys) {
        int at = out.size;
        if (d.cases != null) {
            // The cases' rows, then the code lists of their or-globs (next to them: no far jump).
            out.add(~d.cases.length);
            IntList sets = new IntList();
            Map<String, Integer> setAt = new HashMap<>();
            int setsStart = at + 1 + d.cases.length * (1 + parameters);
            for (int r = 0; r < d.cases.length; r++) {
                int e = d.cases[r];
                out.add(e);
                for (int i = 0; i < parameters; i++) {
                    if (i < 64 && (d.keyed[r] & (1L << i)) != 0) {
                        out.add(EL_ANY);      // a keyed split on the path: the element matched, weight 1
                        continue;
                    }
                    int el = elementCode(e, i);
                    Keys k = keys[e][i];
                    if (el == EL_ASK && k != null) {
                        int i0 = i;
                        el = EL_SET - setsStart - setAt.computeIfAbsent(i + "\u0000" + matchers[e][i].key(), x -> {
                            int pos = sets.size;
                            sets.add(k.values().size() + k.prefixes().size());
                            for (String v : k.values()) sets.add(literalCodes[i0].code(v));
                            for (String v : k.prefixes()) sets.add(~prefixCodes[i0].code(v));
                            return pos;
                        });
                    }
                    out.add(el);
                }
            }
            for (int k = 0; k < sets.size; k++) out.add(sets.items[k]);
            return at;
        }
        int literalSlots = tableSlots(d.literal.size()), prefixSlots = tableSlots(d.prefix.size());
        int patternCount = d.patterns.length;
        out.add(d.column);
        out.add(-1);
        out.add(literalSlots);
        out.add(prefixSlots);
        out.add(patternCount);
        out.add(d.pushed);
        int lit = out.size;
        int pre = lit + 2 * literalSlots, pat = pre + 2 * prefixSlots;
        for (int k = 0; k < 2 * (literalSlots + prefixSlots + patternCount); k++) out.add(EMPTY);
        for (Map.Entry<String, Draft> en : d.literal.entrySet()) {
            int code = literalCodes[d.column].code(en.getKey());
            file(out, lit, literalSlots, code, write(en.getValue(), out, patternList, keys));
        }
        for (Map.Entry<String, Draft> en : d.prefix.entrySet()) {
            int code = prefixCodes[d.column].code(en.getKey());
            file(out, pre, prefixSlots, code, write(en.getValue(), out, patternList, keys));
        }
        for (int p = 0; p < patternCount; p++) {
            int child = write(d.patternChildren[p], out, patternList, keys);    // may grow out.items
            out.items[pat + 2 * p] = patternList.size();
            out.items[pat + 2 * p + 1] = child;
            patternList.add(d.patterns[p]);
        }
        if (d.wild != null) {
            int child = write(d.wild, out, patternList, keys);
            out.items[at + 1] = child;
        }
        return at;
    }

    private static int tableSlots(int entries) {
        return entries == 0 ? 0 : Integer.highestOneBit(Math.max(1, entries * 2 - 1)) << 1;   // at most half full
    }

    private static void file(IntList out, int at, int slots, int code, int child) {
        int mask = slots - 1;
        int s = slot(code, mask);
        while (out.items[at + 2 * s] != EMPTY) s = (s + 1) & mask;
        out.items[at + 2 * s] = code;
        out.items[at + 2 * s + 1] = child;
    }

    /** How a leaf tests case {@code e}'s element of parameter {@code i} against an ordinary value. */
    private int elementCode(int e, int i) {
        Matcher m = matchers[e][i];
        if (m.kind() == MatcherKind.LITERAL) return literalCodes[i].code(m.key());
        if (m.kind() == MatcherKind.NA) return EL_NA;
        if (m instanceof GlobMatcher g && g.alternatives().contains("*")) return EL_ANY;
        return EL_ASK;     // a keyed or-glob becomes a code list (see write)
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

    /**
     * The tree below a node holding {@code cases}; {@code keyed[r]} marks the parameters a keyed
     * split on the way here decided for {@code cases[r]} (its leaf row then says "matched").
     * The cases whose element is {@code *} or {@code N/A} go to the wild child and, while
     * {@code budget} (copies left) allows, also under every literal child, so that an ordinary
     * value that has a literal child enters that one child instead of two subtrees.
     */
    private Draft build(Elements el, int[] cases, long[] keyed, boolean[] used, long[] budget) {
        if (cases.length <= LEAF_SIZE) return new Draft(cases, keyed);
        int column = bestColumn(el, cases, used);
        if (column < 0) return new Draft(cases, keyed);

        // Positions in cases, by where the case's element of the column files it.
        Map<String, IntList> byValue = new LinkedHashMap<>(), byPrefix = new LinkedHashMap<>();
        IntList wild = new IntList();
        Map<String, IntList> byPattern = new LinkedHashMap<>();
        Map<String, Matcher> patternOf = new HashMap<>();
        for (int r = 0; r < cases.length; r++) {
            int e = cases[r];
            Matcher m = matchers[e][column];
            switch (el.places()[e][column]) {
                case KEYED: {
                    Keys k = el.keys()[e][column];
                    for (String v : k.values()) byValue.computeIfAbsent(v, x -> new IntList()).add(r);
                    for (String v : k.prefixes()) byPrefix.computeIfAbsent(v, x -> new IntList()).add(r);
                    break;
                }
                case WILD: wild.add(r); break;
                default: {
                    // Equal key text and kind compile to the same test: one child per distinct pattern.
                    String id = m.kind() + "\u0000" + m.key();
                    byPattern.computeIfAbsent(id, k -> new IntList()).add(r);
                    patternOf.putIfAbsent(id, m);
                }
            }
        }
        boolean[] below = used.clone();
        below[column] = true;
        long bit = column < 64 ? 1L << column : 0L;
        long copies = (long) wild.size * byValue.size();
        boolean push = copies > 0 && copies <= (long) PUSH_LOCAL * cases.length && copies <= budget[0];
        if (push) budget[0] -= copies;
        // A literal value that starts with a glob prefix matches that glob: such cases can be
        // filed under the literal child too (decided: matched), so a value that has a literal
        // child need not visit the prefix children either.
        Map<String, IntList> keyedUnder = byValue;
        if (!byPrefix.isEmpty() && !byValue.isEmpty()) {
            Map<String, IntList> withPrefixes = new LinkedHashMap<>();
            boolean[] seen = new boolean[cases.length];
            long prefixCopies = 0;
            for (Map.Entry<String, IntList> en : byValue.entrySet()) {
                IntList all = new IntList();
                for (int j = 0; j < en.getValue().size; j++) all.add(en.getValue().items[j]);
                for (int j = 0; j < all.size; j++) seen[all.items[j]] = true;
                for (Map.Entry<String, IntList> pre : byPrefix.entrySet()) {
                    if (!en.getKey().startsWith(pre.getKey())) continue;
                    for (int j = 0; j < pre.getValue().size; j++) {
                        int r = pre.getValue().items[j];
                        if (!seen[r]) {
                            seen[r] = true;
                            all.add(r);
                            prefixCopies++;
                        }
                    }
                }
                for (int j = 0; j < all.size; j++) seen[all.items[j]] = false;
                withPrefixes.put(en.getKey(), all);
            }
            if (prefixCopies <= budget[0]) {
                budget[0] -= prefixCopies;
                keyedUnder = withPrefixes;
            }
        }
        int flags = (push ? WILD_PUSHED : 0) | (keyedUnder != byValue ? PREFIXES_PUSHED : 0);
        IntList none = new IntList();
        Map<String, Draft> literal = new LinkedHashMap<>(), prefix = new LinkedHashMap<>();
        for (Map.Entry<String, IntList> en : keyedUnder.entrySet()) {
            literal.put(en.getKey(), child(el, cases, keyed, en.getValue(), bit, push ? wild : none, below, budget));
        }
        for (Map.Entry<String, IntList> en : byPrefix.entrySet()) {
            prefix.put(en.getKey(), child(el, cases, keyed, en.getValue(), bit, none, below, budget));
        }
        Matcher[] patterns = new Matcher[byPattern.size()];
        Draft[] patternChildren = new Draft[byPattern.size()];
        int p = 0;
        for (Map.Entry<String, IntList> en : byPattern.entrySet()) {
            patterns[p] = patternOf.get(en.getKey());
            patternChildren[p++] = child(el, cases, keyed, none, 0L, en.getValue(), below, budget);
        }
        Draft wildChild = wild.size == 0 ? null : child(el, cases, keyed, none, 0L, wild, below, budget);
        return new Draft(column, literal, prefix, wildChild, flags, patterns, patternChildren);
    }

    /** The child holding the cases at positions {@code matched} (marked decided by {@code bit}) and {@code others}. */
    private Draft child(Elements el, int[] cases, long[] keyed, IntList matched, long bit, IntList others,
                        boolean[] used, long[] budget) {
        int n = matched.size + others.size;
        int[] sub = new int[n];
        long[] subKeyed = new long[n];
        int k = 0;
        for (int j = 0; j < matched.size; j++, k++) {
            sub[k] = cases[matched.items[j]];
            subKeyed[k] = keyed[matched.items[j]] | bit;
        }
        for (int j = 0; j < others.size; j++, k++) {
            sub[k] = cases[others.items[j]];
            subKeyed[k] = keyed[others.items[j]];
        }
        return build(el, sub, subKeyed, used, budget);
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

    /** A growable list of ints. */
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
