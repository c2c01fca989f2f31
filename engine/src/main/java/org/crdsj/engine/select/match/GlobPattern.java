package org.crdsj.engine.select.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One shell glob compiled for matching without regular expressions, with the meaning Python's
 * {@code fnmatch.translate} gives it: {@code *} any run (newlines included), {@code ?} one
 * character, {@code [seq]} / {@code [!seq]} a (negated) class, any other character literal; the
 * whole value must match; case-sensitive; characters are Unicode code points.
 *
 * <p>Class bodies follow fnmatch's quirks exactly: a {@code ]} right after {@code [} or
 * {@code [!} is a member, a {@code [} with no closing {@code ]} is literal, descending ranges
 * such as {@code z-a} are dropped (together with their end points), an empty class never matches
 * and {@code [!]} matches any one character.
 */
final class GlobPattern {
    private static final int STAR = -1;
    private static final int ANY = -2;
    /** Token values at or below this encode class number {@code CLASS_BASE - token}. */
    private static final int CLASS_BASE = -3;

    private final String text;
    /** Non-null when the glob has no wildcard: then matching is String.equals. */
    private final String literal;
    /** Tokens: a code point (>= 0), STAR, ANY, or a class reference. */
    private final int[] tokens;
    private final CharClass[] classes;
    /** An empty class makes the whole glob unmatchable. */
    private final boolean never;

    /** The members of one bracket expression: sorted (lo, hi) code point pairs, maybe negated. */
    private static final class CharClass {
        final int[] ranges;
        final boolean negated;

        CharClass(int[] ranges, boolean negated) {
            this.ranges = ranges;
            this.negated = negated;
        }

        boolean contains(int cp) {
            boolean in = false;
            for (int k = 0; k < ranges.length; k += 2) {
                if (cp >= ranges[k] && cp <= ranges[k + 1]) { in = true; break; }
            }
            return in != negated;
        }
    }

    /** One character of a class body as fnmatch hands it to the regex compiler. */
    private static final class Item {
        final int cp;
        final boolean escaped;

        Item(int cp, boolean escaped) {
            this.cp = cp;
            this.escaped = escaped;
        }
    }

    /** @throws InvalidMatchKeyException where Python's regex compiler would reject the translation */
    GlobPattern(String glob) {
        this.text = glob;
        if (glob.indexOf('*') < 0 && glob.indexOf('?') < 0 && glob.indexOf('[') < 0) {
            // No wildcard: matching is String.equals (the common case, kept cheap to build).
            this.tokens = new int[0];
            this.classes = new CharClass[0];
            this.never = false;
            this.literal = glob;
            return;
        }
        // (plain loops, no streams: globs are compiled while loading, in a cold JVM)
        int[] pat = codePoints(glob);
        int n = pat.length;
        int[] toks = new int[n];
        int size = 0;
        List<CharClass> cls = new ArrayList<>();
        boolean wild = false;
        boolean nev = false;
        int i = 0;
        while (i < n) {
            int c = pat[i++];
            if (c == '*') {
                wild = true;
                if (size == 0 || toks[size - 1] != STAR) toks[size++] = STAR;
            } else if (c == '?') {
                wild = true;
                toks[size++] = ANY;
            } else if (c == '[') {
                int j = i;
                if (j < n && pat[j] == '!') j++;
                if (j < n && pat[j] == ']') j++;
                while (j < n && pat[j] != ']') j++;
                if (j >= n) {
                    toks[size++] = '[';
                    continue;
                }
                wild = true;
                List<Item> stuff = classBody(pat, i, j);
                i = j + 1;
                if (stuff.isEmpty()) {
                    nev = true;
                } else if (stuff.size() == 1 && stuff.get(0).cp == '!') {
                    toks[size++] = ANY;
                } else {
                    toks[size++] = CLASS_BASE - cls.size();
                    cls.add(parseClass(stuff, glob));
                }
            } else {
                toks[size++] = c;
            }
        }
        this.tokens = Arrays.copyOf(toks, size);
        this.classes = cls.toArray(new CharClass[0]);
        this.never = nev;
        this.literal = wild ? null : glob;
    }

    /** The code points of {@code s} (String.codePoints() without a stream pipeline). */
    private static int[] codePoints(String s) {
        int[] out = new int[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            out[n++] = cp;
            i += Character.charCount(cp);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * The class body between {@code pat[i]} and {@code pat[j]} (the closing bracket) as the
     * sequence fnmatch writes into the regex: hyphens that separate range chunks unescaped,
     * every other hyphen and every backslash escaped, descending ranges removed.
     */
    private static List<Item> classBody(int[] pat, int i, int j) {
        List<Item> items = new ArrayList<>();
        boolean hasHyphen = false;
        for (int k = i; k < j; k++) if (pat[k] == '-') hasHyphen = true;
        if (!hasHyphen) {
            for (int k = i; k < j; k++) items.add(new Item(pat[k], pat[k] == '\\'));
            return items;
        }
        // Split at hyphens that can form ranges: not the first member, and each chunk after the
        // first keeps at least one character either side of its hyphen.
        List<int[]> chunks = new ArrayList<>();
        int start = i;
        int k = pat[i] == '!' ? i + 2 : i + 1;
        while (true) {
            int h = -1;
            for (int q = k; q < j; q++) if (pat[q] == '-') { h = q; break; }
            if (h < 0) break;
            chunks.add(Arrays.copyOfRange(pat, start, h));
            start = h + 1;
            k = h + 3;
        }
        int[] last = Arrays.copyOfRange(pat, start, j);
        if (last.length > 0) {
            chunks.add(last);
        } else {
            int[] prev = chunks.get(chunks.size() - 1);
            int[] grown = Arrays.copyOf(prev, prev.length + 1);
            grown[prev.length] = '-';
            chunks.set(chunks.size() - 1, grown);
        }
        // Drop descending ranges: the range's two end points disappear, the chunks merge.
        for (int m = chunks.size() - 1; m > 0; m--) {
            int[] a = chunks.get(m - 1);
            int[] b = chunks.get(m);
            if (a.length > 0 && b.length > 0 && a[a.length - 1] > b[0]) {
                int[] merged = new int[a.length - 1 + b.length - 1];
                System.arraycopy(a, 0, merged, 0, a.length - 1);
                System.arraycopy(b, 1, merged, a.length - 1, b.length - 1);
                chunks.set(m - 1, merged);
                chunks.remove(m);
            }
        }
        for (int m = 0; m < chunks.size(); m++) {
            if (m > 0) items.add(new Item('-', false));
            for (int cp : chunks.get(m)) items.add(new Item(cp, cp == '\\' || cp == '-'));
        }
        return items;
    }

    /** Reads a class body the way Python's regex compiler does (ranges are {@code x-y} with an unescaped hyphen). */
    private static CharClass parseClass(List<Item> stuff, String glob) {
        int k = 0;
        boolean negated = false;
        if (stuff.get(0).cp == '!') {
            negated = true;
            k = 1;
        }
        // A leading '^' or '[' is escaped by fnmatch, so it is simply a member: nothing to do.
        List<int[]> ranges = new ArrayList<>();
        int len = stuff.size();
        while (k < len) {
            int lo = stuff.get(k++).cp;
            if (k < len && stuff.get(k).cp == '-' && !stuff.get(k).escaped) {
                k++;
                if (k == len) { // hyphen just before the closing bracket: a member
                    ranges.add(new int[] {lo, lo});
                    ranges.add(new int[] {'-', '-'});
                    break;
                }
                int hi = stuff.get(k++).cp;
                if (hi < lo) {
                    throw new InvalidMatchKeyException("Invalid glob '" + glob + "': bad character range "
                            + new String(Character.toChars(lo)) + "-" + new String(Character.toChars(hi)));
                }
                ranges.add(new int[] {lo, hi});
            } else {
                ranges.add(new int[] {lo, lo});
            }
        }
        int[] flat = new int[ranges.size() * 2];
        for (int m = 0; m < ranges.size(); m++) {
            flat[2 * m] = ranges.get(m)[0];
            flat[2 * m + 1] = ranges.get(m)[1];
        }
        return new CharClass(flat, negated);
    }

    /** The glob text this was compiled from. */
    String text() {
        return text;
    }

    /** The glob itself when it has no wildcard, else null. */
    String literal() {
        return literal;
    }

    /** True when the whole of {@code value} matches the glob. Allocation-free. */
    boolean matches(String value) {
        if (literal != null) return literal.equals(value);
        if (never) return false;
        int[] t = tokens;
        int m = t.length;
        int n = value.length();
        int p = 0, s = 0;
        int starP = -1, starS = 0;
        // Every token but * consumes exactly one character, so retrying from the last * suffices.
        while (s < n) {
            if (p < m && t[p] == STAR) {
                starP = ++p;
                starS = s;
                continue;
            }
            int cp = value.codePointAt(s);
            if (p < m && one(t[p], cp)) {
                p++;
                s += Character.charCount(cp);
            } else if (starP >= 0) {
                p = starP;
                starS += Character.charCount(value.codePointAt(starS));
                s = starS;
            } else {
                return false;
            }
        }
        while (p < m && t[p] == STAR) p++;
        return p == m;
    }

    private boolean one(int token, int cp) {
        if (token >= 0) return token == cp;
        if (token == ANY) return true;
        return classes[CLASS_BASE - token].contains(cp);
    }

    @Override
    public String toString() {
        return text;
    }
}
