package org.crdsj.engine.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.MatchSelector;
import org.crdsj.engine.select.match.Matcher;
import org.crdsj.engine.select.Selection;
import org.crdsj.engine.select.Selector;
import org.crdsj.grammar.syntax.Value;

/**
 * When an rmap's answer depends on a dataset's date only through where the date falls among the
 * rmap's UseAfter dates, datasets that differ only in date within one interval get the same
 * answer: this lets a comparison look up one dataset per (parameters, interval) instead of one per
 * distinct date. It applies only when that is certain: a Match whose cases are UseAfters over the
 * same two date keywords, every UseAfter date written {@code YYYY-MM-DD HH:MM:SS}, no hooks, no
 * other selector kinds, the date keywords used nowhere else in the rmap (header expressions
 * included), and (checked per dataset) the dataset's date and time themselves in that form and
 * after the first date that could apply. The dates that could apply are those of the Match cases
 * the dataset's other parameters do not rule out (when the rmap does not rewrite values before
 * matching), else all of the rmap's.
 */
final class DateBuckets {
    private static final Pattern KEY = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    final String dateKeyword;
    final String timeKeyword;
    private final String[] breakpoints;   // sorted, distinct: every UseAfter date of the rmap
    final MatchSelector match;             // non-null when breakpoints may be narrowed per parameter tuple

    private DateBuckets(String dateKeyword, String timeKeyword, String[] breakpoints, MatchSelector match) {
        this.dateKeyword = dateKeyword;
        this.timeKeyword = timeKeyword;
        this.breakpoints = breakpoints;
        this.match = match;
    }

    /** Every UseAfter date of the rmap. */
    String[] allBreakpoints() {
        return breakpoints;
    }

    /**
     * The UseAfter dates of the Match cases that can match these (conditioned) values of the Match
     * parameters: no other date can change the answer for a dataset with these values.
     */
    String[] breakpoints(String[] conditioned) {
        TreeSet<String> keys = new TreeSet<>();
        List<Selection> cases = match.selections();
        for (int e = 0; e < cases.size(); e++) {
            boolean possible = true;
            for (int p = 0; p < conditioned.length && possible; p++) {
                possible = match.matcher(e, p).match(conditioned[p]) != Matcher.NO_MATCH;
            }
            if (possible && cases.get(e).choice() instanceof Choice.Nested n) {
                for (Selection s : n.selector().selections()) keys.add((String) s.key());
            }
        }
        return keys.toArray(String[]::new);
    }

    /** The buckets of an rmap, or null when its answers may depend on dates in any other way. */
    static DateBuckets of(ReferenceMapping rmap) {
        if (!(rmap.selector().kind().equals("Match"))) return null;
        Value hooks = rmap.header().raw("hooks").orElse(null);
        if (hooks != null && !(hooks instanceof Value.Dict d && d.entries().isEmpty())) return null;
        List<String> params = new ArrayList<>(2);
        TreeSet<String> keys = new TreeSet<>();
        if (!collect(rmap.selector(), params, keys, 0)) return null;
        if (params.size() != 2 || keys.isEmpty()) return null;
        for (String p : params) {
            String underscore = p.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
            for (Map.Entry<String, Value> e : rmap.header().fields().entrySet()) {
                if (e.getKey().equals("parkey")) continue;
                String text = e.getValue().toString().toUpperCase(Locale.ROOT);
                if (text.contains(p.toUpperCase(Locale.ROOT)) || text.contains(underscore)) return null;
            }
        }
        // Narrowing tests the Match's cases against the dataset's conditioned values: only when the
        // rmap does not rewrite values before matching.
        boolean narrow = rmap.selector() instanceof MatchSelector && rmap.header().raw("parkey_relevance").isEmpty()
                && rmap.header().raw("substitutions").isEmpty() && rmap.header().raw("comment_parkeys").isEmpty();
        return new DateBuckets(params.get(0), params.get(1), keys.toArray(String[]::new),
                narrow ? (MatchSelector) rmap.selector() : null);
    }

    /** Walks Match (depth 0) and the UseAfters under it; false when anything else is found. */
    private static boolean collect(Selector s, List<String> params, TreeSet<String> keys, int depth) {
        if (depth == 0) {
            if (!s.kind().equals("Match")) return false;
            for (Selection sel : s.selections()) {
                Choice c = sel.choice();
                if (c instanceof Choice.Nested n) {
                    if (!collect(n.selector(), params, keys, 1)) return false;
                } else if (!(c instanceof Choice.Terminal)) {
                    return false;
                }
            }
            for (String p : s.parameters()) {
                if (params.stream().anyMatch(q -> q.equalsIgnoreCase(p))) return false;
            }
            // The date keywords must not also be Match parameters (checked after the UseAfters are seen).
            for (String p : s.parameters()) {
                for (String q : params) if (q.equalsIgnoreCase(p)) return false;
            }
            return true;
        }
        if (!s.kind().equals("UseAfter")) return false;
        List<String> ps = s.parameters();
        if (params.isEmpty()) params.addAll(ps);
        else if (!params.equals(ps)) return false;
        for (Selection sel : s.selections()) {
            if (!(sel.key() instanceof String k) || !KEY.matcher(k).matches()) return false;
            if (!(sel.choice() instanceof Choice.Terminal)) return false;
            keys.add(k);
        }
        return true;
    }

    /**
     * The bucket of a dataset date: 2i+1 when it equals the i-th date, 2i when it lies between the
     * (i-1)-th and the i-th; -1 when it cannot be bucketed (not in canonical form, or not after the
     * first date: answers there may carry the date in a message).
     */
    static int bucket(String[] breakpoints, String date, String time) {
        if (date == null || time == null || !canonical(date, DATE_SHAPE) || !canonical(time, TIME_SHAPE)) return -1;
        if (breakpoints.length == 0) return 0;     // no case can match: the date is never consulted
        String when = date + " " + time;
        int i = java.util.Arrays.binarySearch(breakpoints, when);
        int b = i >= 0 ? 2 * i + 1 : 2 * (-i - 1);
        return b <= 1 ? -1 : b;
    }

    private static final String DATE_SHAPE = "dddd-dd-dd", TIME_SHAPE = "dd:dd:dd";

    /** True when {@code s} has exactly the shape (d: an ASCII digit, anything else itself). */
    private static boolean canonical(String s, String shape) {
        if (s.length() != shape.length()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i), want = shape.charAt(i);
            if (want == 'd' ? (c < '0' || c > '9') : c != want) return false;
        }
        return true;
    }
}
