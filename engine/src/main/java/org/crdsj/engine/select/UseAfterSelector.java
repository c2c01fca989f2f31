package org.crdsj.engine.select;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.SlottedHeader;

/**
 * UseAfter: chooses the entry with the latest date not after the dataset's date.
 *
 * <pre>
 * UseAfter({ '2003-09-26 01:28:00' : 'a.fits',     DATE-OBS=2004-03-01 TIME-OBS=00:00:00 -> b.fits
 *            '2004-02-14 00:00:00' : 'b.fits' })   2004-02-14 00:00:00 (equal)          -> b.fits
 *                                                  2003-01-01                           -> No selection <= ...
 * </pre>
 *
 * Keys are compared as the strings written in the rules; the dataset's date parameters are joined
 * with spaces and re-formatted to {@code YYYY-MM-DD HH:MM:SS[.ffffff]} first.
 */
public class UseAfterSelector extends OrderedSelector {

    private final String[] dates;          // the keys, in order
    private final boolean asciiDates;      // then String.compareTo is Python's order, and faster
    private final long[] seconds;          // when every key is YYYY-MM-DD HH:MM:SS: the keys as numbers, else null
    private final long[] every8th;         // seconds[0], seconds[8], ... for long lists, else null (see floorSeconds)
    private final boolean fileChoices;     // every entry chooses a file name (no nested selector or tuple)

    public UseAfterSelector(List<String> parameters, List<Selection> sortedSelections) {
        this(parameters, sortedSelections, null);
    }

    /**
     * As {@link #UseAfterSelector(List, List)}, with each key's {@link LookupDates#packedSeconds}
     * (-1 for a key of another length or layout) already computed by the builder, or null.
     */
    UseAfterSelector(List<String> parameters, List<Selection> sortedSelections, long[] packed) {
        super(parameters, sortedSelections);
        this.dates = new String[selections.size()];
        boolean ascii = true, files = true;
        long[] secs = new long[dates.length];
        for (int i = 0; i < dates.length; i++) {
            files &= selections.get(i).choice() instanceof Choice.Terminal;
            String d = (String) selections.get(i).key();
            dates[i] = d;
            long p = packed != null ? packed[i] : d.length() == 19 ? LookupDates.packedSeconds(d) : -1;
            if (p >= 0) {
                if (secs != null) secs[i] = p;     // digits and separators only: ASCII
                continue;
            }
            secs = null;
            for (int k = 0; k < d.length() && ascii; k++) ascii = d.charAt(k) < 0x80;
        }
        this.asciiDates = ascii;
        this.seconds = secs;
        this.every8th = sampled(secs);
        this.fileChoices = files;
    }

    /** A {@link Tie}: reads {@code like}'s parameters; its lookup does not use the keys below. */
    private UseAfterSelector(UseAfterSelector like, List<Selection> mergedEntries) {
        super(like, mergedEntries);
        this.dates = null;
        this.asciiDates = true;
        this.seconds = null;
        this.every8th = null;
        this.fileChoices = true;
    }

    /** Lists at least this long are searched through every eighth key first. */
    private static final int SAMPLED = 64;

    private static long[] sampled(long[] secs) {
        if (secs == null || secs.length < SAMPLED) return null;
        long[] out = new long[(secs.length + 7) >>> 3];
        for (int i = 0; i < out.length; i++) out[i] = secs[i << 3];
        return out;
    }

    @Override public String kind() { return "UseAfter"; }

    @Override
    OrderedSelector withSelections(List<Selection> merged) { return new UseAfterSelector(parameters, merged); }

    /**
     * As {@link OrderedSelector#mergeAll}, and when every member is a plain UseAfter whose keys
     * are all {@code YYYY-MM-DD HH:MM:SS} and whose choices are file names, a {@link Tie}: the
     * merged selector answers a lookup from each member's own search, and makes the merged
     * entries only when something reads them (for such keys, numeric order and equality are the
     * texts'). A Match tie of UseAfters is merged on every cold lookup that reaches it, and
     * merging costs as much as all the members' entries.
     */
    @Override
    Selector mergeAll(List<Choice> others) {
        int k = others.size() + 1;
        if (getClass() != UseAfterSelector.class || seconds == null || k > MERGE_HEADS) return super.mergeAll(others);
        UseAfterSelector[] group = new UseAfterSelector[k];
        group[0] = this;
        for (int g = 1; g < k; g++) {
            if (!(others.get(g - 1) instanceof Choice.Nested n) || n.selector().getClass() != UseAfterSelector.class) {
                return super.mergeAll(others);
            }
            UseAfterSelector u = (UseAfterSelector) n.selector();
            if (u.seconds == null) return super.mergeAll(others);
            group[g] = u;
        }
        for (UseAfterSelector u : group) if (!u.fileChoices) return super.mergeAll(others);
        return new Tie(group);   // no member entry read: a cold lookup's tie costs its few searches
    }

    /**
     * The merge of a few plain UseAfters (see {@link #mergeAll}). Its entries, when read, are the
     * union of the members' in key order, on an equal key the greater file name (the earlier
     * member's when equal), exactly as {@link OrderedSelector#mergeAll} makes them; a lookup
     * takes the latest key not after the date over the members' own searches, with the same
     * rule for equal keys, which is the entry a search of those merged entries finds.
     */
    private static final class Tie extends UseAfterSelector {
        private final UseAfterSelector[] members;

        Tie(UseAfterSelector[] members) {
            super(members[0], new MergedEntries(members));
            this.members = members;
        }

        @Override
        protected Choice lookup(Map<String, String> header) {
            LookupDates.Dated d = header instanceof SlottedHeader h ? LookupDates.remembered(this, h) : null;
            if (d == null) {
                d = LookupDates.dated(kind(), parameters, definedValues(header), header);
                if (d.failure != null) return d.failed();
            }
            Selection best = null;
            long bestKey = 0;
            for (UseAfterSelector u : members) {
                int i = u.floorSeconds(d.seconds);
                if (i < 0) continue;
                long key = u.seconds[i];
                Selection sel = u.selections.get(i);
                if (best == null || key > bestKey
                        || (key == bestKey && !greaterOrEqual(best.choice(), sel.choice()))) {
                    best = sel;
                    bestKey = key;
                }
            }
            return best == null ? d.noSelection() : resolveChosen(best.choice(), header);
        }
    }

    /** A tie's merged entries, made on first use. */
    private static final class MergedEntries extends java.util.AbstractList<Selection> implements java.util.RandomAccess {
        private final UseAfterSelector[] group;
        private volatile List<Selection> merged;

        MergedEntries(UseAfterSelector[] group) { this.group = group; }

        @Override public Selection get(int i) { return merged().get(i); }
        @Override public int size() { return merged().size(); }

        private List<Selection> merged() {
            List<Selection> m = merged;
            if (m == null) merged = m = merge(group);
            return m;
        }

        /** Walks the members' sorted key numbers: linear, no sort, no key parsed again. */
        private static List<Selection> merge(UseAfterSelector[] group) {
            int k = group.length, total = 0;
            for (UseAfterSelector u : group) total += u.seconds.length;
            Selection[] out = new Selection[total];
            long[] secs = new long[total];
            int[] next = new int[k];
            int n = 0;
            while (true) {
                // The smallest head; on equal keys the earlier member, as the stable sort of mergeAll.
                int best = -1;
                long key = 0;
                for (int g = 0; g < k; g++) {
                    if (next[g] < group[g].seconds.length && (best < 0 || group[g].seconds[next[g]] < key)) {
                        best = g;
                        key = group[g].seconds[next[g]];
                    }
                }
                if (best < 0) break;
                Selection sel = group[best].selections.get(next[best]++);
                if (n > 0 && secs[n - 1] == key) {
                    if (!greaterOrEqual(out[n - 1].choice(), sel.choice())) out[n - 1] = sel;   // the greater file name wins
                } else {
                    out[n] = sel;
                    secs[n++] = key;
                }
            }
            return List.of(Arrays.copyOf(out, n));
        }
    }

    /** Up to this many members are merged by comparing their heads; more go through the sort. */
    private static final int MERGE_HEADS = 8;

    @Override
    Comparator<Object> keyOrder() { return (a, b) -> CodePointOrder.compare((String) a, (String) b); }

    @Override
    protected Choice lookup(Map<String, String> header) {
        if (seconds != null && header instanceof SlottedHeader h) {
            // Another rmap already dated this header from the same values: search its number.
            LookupDates.Dated d = LookupDates.remembered(this, h);
            if (d != null) {
                int i = floorSeconds(d.seconds);
                return i < 0 ? d.noSelection() : resolveChosen(selections.get(i).choice(), header);
            }
        }
        String[] values = definedValues(header);
        int i;
        if (seconds != null) {
            // A bad date is returned, not thrown: it is a common outcome, and a throw caught a few
            // frames up costs more than the whole lookup.
            LookupDates.Dated d = LookupDates.dated(kind(), parameters, values, header);
            if (d.failure != null) return d.failed();
            i = floorSeconds(d.seconds);
        } else {
            String date = LookupDates.lookupDate(kind(), parameters, values, header);
            i = asciiDates ? floorAscii(date) : floor(date);
        }
        if (i < 0) return LookupDates.noSelection(kind(), parameters, values, header);
        return resolveChosen(selections.get(i).choice(), header);
    }

    /** Traced like {@link #lookup}, by the plain key search (the same entry the fast ones find). */
    @Override
    SelectionPath traced(Map<String, String> header) {
        String[] values = definedValues(header);
        int i = floor(LookupDates.lookupDate(kind(), parameters, values, header));
        if (i < 0) return SelectionPath.of(LookupDates.noSelection(kind(), parameters, values, header));
        return tracedChosen(this, selections.get(i), header);
    }

    /**
     * {@link #floorAscii} when every key is {@code YYYY-MM-DD HH:MM:SS}: the lookup date (same
     * layout, maybe with a fraction) is {@code >=} such a key exactly when its whole seconds are,
     * so the search runs on numbers.
     */
    private int floorSeconds(long date) {
        long[] sample = every8th;
        if (sample != null) {
            // A long list (an instrument's dark history: thousands of dates): the search runs in the
            // small list of every eighth key, which stays in the cache, then reads one block of eight.
            int block = lastAtMost(sample, sample.length, date);
            if (block < 0) return -1;
            long[] keys = seconds;
            int i = block << 3, end = Math.min(i + 8, keys.length);
            while (i + 1 < end && keys[i + 1] <= date) i++;
            return i;
        }
        return lastAtMost(seconds, seconds.length, date);
    }

    /** The index of the last of the first {@code n} (sorted) keys that is {@code <= date}, or -1. */
    private static int lastAtMost(long[] keys, int n, long date) {
        if (n == 0) return -1;
        // The last key <= date, as the halving search of floorAscii: the window [base, base + n)
        // halves each step whatever the comparison says, so the step is a conditional move, not a
        // branch the processor must guess (dates of successive datasets are unrelated).
        int base = 0;
        while (n > 1) {
            int half = n >>> 1;
            base = keys[base + half] <= date ? base + half : base;
            n -= half;
        }
        return keys[base] <= date ? base : -1;
    }

    /** {@link #floor} for ASCII keys; the lookup date, re-formatted, is always ASCII. */
    private int floorAscii(String date) {
        int n = dates.length;
        if (n == 0) return -1;
        int lo = 0, hi = n;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (date.compareTo(dates[mid]) >= 0) lo = mid; else hi = mid;
        }
        return date.compareTo(dates[lo]) >= 0 ? lo : -1;
    }
}
