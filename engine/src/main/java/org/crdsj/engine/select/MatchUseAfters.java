package org.crdsj.engine.select;

import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.LookupFailure;

/**
 * The plain UseAfters of a Match's cases stored flat: every such case's keys (whole seconds) in
 * one array, its file choices in another, and per case where its run starts and ends. A lookup
 * whose best group is one such case searches its run here instead of going case → entry →
 * nested choice → UseAfter → its keys and entries: in a large rmap each of those objects is a
 * cache miss of its own, and this is the part of a cold lookup that grew with the rules' size.
 * The answer is the UseAfter's own (same search, same {@link Choice} objects, same failures).
 *
 * <p>A case is stored when its choice is a {@link UseAfterSelector#flatSearch plain} UseAfter
 * reading the same parameters as the first one stored (all of them are then dated through that
 * one, bound to the same keywords); any other case is left to its selector.
 */
final class MatchUseAfters {
    private final UseAfterSelector reader;   // the first stored; its parameters date the header for all
    private final int[] runs;                // per case: start and end in keys/choices; start -1 when not stored
    private final long[] keys;
    private final Choice[] choices;

    private MatchUseAfters(UseAfterSelector reader, int[] runs, long[] keys, Choice[] choices) {
        this.reader = reader;
        this.runs = runs;
        this.keys = keys;
        this.choices = choices;
    }

    /** The flat store of {@code selections}' plain UseAfters (with nothing stored when there are none). */
    static MatchUseAfters of(List<Selection> selections) {
        int n = selections.size();
        UseAfterSelector reader = null;
        int total = 0;
        for (int e = 0; e < n; e++) {
            UseAfterSelector u = stored(selections.get(e), reader);
            if (u == null) continue;
            if (reader == null) reader = u;
            total += u.keySeconds().length;
        }
        if (reader == null) return new MatchUseAfters(null, new int[0], new long[0], new Choice[0]);
        int[] runs = new int[2 * n];
        long[] keys = new long[total];
        Choice[] choices = new Choice[total];
        int at = 0;
        for (int e = 0; e < n; e++) {
            UseAfterSelector u = stored(selections.get(e), reader);
            if (u == null) {
                runs[2 * e] = -1;
                continue;
            }
            long[] secs = u.keySeconds();
            System.arraycopy(secs, 0, keys, at, secs.length);
            for (int i = 0; i < secs.length; i++) choices[at + i] = u.selections().get(i).choice();
            runs[2 * e] = at;
            runs[2 * e + 1] = at += secs.length;
        }
        return new MatchUseAfters(reader, runs, keys, choices);
    }

    /** The UseAfter of {@code s} when it can be stored next to {@code reader} (any, when null). */
    private static UseAfterSelector stored(Selection s, UseAfterSelector reader) {
        if (!(s.choice() instanceof Choice.Nested n) || !(n.selector() instanceof UseAfterSelector u) || !u.flatSearch()) {
            return null;
        }
        return reader == null || reader.parameters().equals(u.parameters()) ? u : null;
    }

    /**
     * What case {@code e}'s UseAfter selects for {@code header}, exactly as its own
     * {@link Selector#select}; null when the case is not stored here.
     */
    Choice select(int e, Map<String, String> header) {
        int[] r = runs;
        if (2 * e >= r.length) return null;
        int from = r[2 * e];
        if (from < 0) return null;
        try {
            LookupDates.Dated d = reader.dated(header);
            if (d.failure != null) return d.failed();
            int i = UseAfterSelector.lastAtMost(keys, from, r[2 * e + 1] - from, d.seconds);
            return i < 0 ? d.noSelection() : OrderedSelector.resolveChosen(choices[i], header);
        } catch (LookupFailure f) {
            return new Choice.Failed(f);   // as BaseSelector.select: a missing date parameter
        }
    }
}
