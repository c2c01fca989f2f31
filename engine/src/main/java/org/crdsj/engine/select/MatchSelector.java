package org.crdsj.engine.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crdsj.engine.bestrefs.ErrorCategory;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.select.match.Matcher;
import org.crdsj.engine.values.Conditioning;
import org.crdsj.engine.values.PythonRepr;
import org.crdsj.engine.values.TupleMemo;

/**
 * Match: chooses by comparing each parameter's header value with the entry's key elements.
 *
 * <pre>
 * Match({ ('HRC', '*')   : 'a.fits',      DETECTOR=HRC FILTER=F555W -> both match with weight 2;
 *         ('HRC', 'N/A') : 'b.fits' })    'N/A' weighs 0, so a.fits (weight 2) beats b.fits (1)
 * </pre>
 *
 * <p>Each header value is first validated against the literal values of its column (a value the
 * rules never mention is an error, unless the column has {@code *} or {@code N/A}). Entries whose
 * matcher says no are dropped; the survivors are ranked by the number of elements that matched
 * (a {@code *} counts like an exact value, {@code N/A} counts 0). Groups of equal weight are tried
 * best first: a tie merges nested UseAfters (or returns all plain choices); a nested lookup
 * failure falls through to the next group; when all fail: {@code No match found.}
 */
public final class MatchSelector extends BaseSelector {
    private final Matcher[][] matchers;          // [entry][parameter]
    private final ValidValues[] validValues;     // per parameter
    private final boolean mergeOverlaps;
    private final Map<String, Map<String, String>> stringSubstitutions;
    /** How many value combinations a Match remembers; beyond that, plans are computed each time. */
    static final int MAX_PLANS = 50_000;
    private final TupleMemo<Plan> plans;   // by the parameters' values
    private final MatchIndex index;
    private static final Choice NO_MATCH = new Choice.Failed(LookupFailure.noMatch());

    MatchSelector(List<String> parameters, List<Selection> selections, Matcher[][] matchers,
                  ValidValues[] validValues, boolean mergeOverlaps,
                  Map<String, Map<String, String>> stringSubstitutions, int planCapacity) {
        super(parameters, selections);
        this.matchers = matchers;
        this.validValues = validValues;
        this.mergeOverlaps = mergeOverlaps;
        this.stringSubstitutions = stringSubstitutions;
        this.index = new MatchIndex(matchers, parameters.size());
        this.plans = new TupleMemo<>(planCapacity);
    }

    @Override public String kind() { return "Match"; }

    /** The sorted literal values of parameter {@code i}'s column (empty when not checked). */
    public List<String> validValues(int i) { return validValues[i].sorted(); }

    public Matcher matcher(int entry, int parameter) { return matchers[entry][parameter]; }

    @Override
    protected Choice lookup(Map<String, String> header) {
        int np = parameters.size();
        Plan plan;
        if (np == 1) {
            // One parameter (the commonest Match): no tuple made unless the plan is new.
            String v = parameterValue(header, 0);
            int hash = TupleMemo.hash(v);
            plan = plans.get(v, hash);
            if (plan == null) {
                String[] given = {v};
                plan = plans.put(given, hash, computePlan(given));
            }
        } else {
            String[] given = new String[np];
            for (int i = 0; i < np; i++) given[i] = parameterValue(header, i);
            plan = plan(given);
        }
        if (plan.failure() != null) return plan.failure();
        for (int g = 0; g < plan.groups.length; g++) {
            Choice candidate = plan.candidate(g);
            Choice result = Selector.resolve(candidate, header);
            if (!(result instanceof Choice.Failed f) || !f.failure().fallsThrough()) return result;
            if (candidate instanceof Choice.Failed) break;   // CRDS raised while reaching this group
        }
        return NO_MATCH;
    }

    /**
     * Traced like {@link #lookup}, group by group with the same plan: the step holds the group's
     * entries (one, or all of a tie), below it the nested lookup of what the group stands for.
     */
    @Override
    SelectionPath traced(Map<String, String> header) {
        int np = parameters.size();
        String[] given = new String[np];
        for (int i = 0; i < np; i++) given[i] = parameterValue(header, i);
        Plan plan = plan(given);
        if (plan.failure() != null) return SelectionPath.of(plan.failure());
        for (int g = 0; g < plan.groups.length; g++) {
            Choice candidate = plan.candidate(g);
            List<Selection> chosen = new ArrayList<>(plan.groups[g].length);
            for (int e : plan.groups[g]) chosen.add(selections.get(e));
            SelectionPath path = SelectionPath.resolve(this, chosen, candidate, header);
            if (!(path.choice() instanceof Choice.Failed f) || !f.failure().fallsThrough()) return path;
            if (candidate instanceof Choice.Failed) break;
        }
        return SelectionPath.of(NO_MATCH);
    }

    /**
     * What this Match makes of one combination of its parameters' values: a failure (missing or
     * invalid value, no survivor), or its candidates in rank order (a tie merged or as a tuple, or
     * the error CRDS raises when that group is reached). It depends on those values alone, so it
     * is computed once per combination and remembered (up to {@link #MAX_PLANS}, unless the rules
     * were loaded without {@code rememberPlans}); only the
     * nested lookups (dates) run per dataset.
     */
    private Plan plan(String[] given) {
        int hash = TupleMemo.hash(given);
        Plan plan = plans.get(given, hash);
        if (plan == null) plan = plans.put(given, hash, computePlan(given));
        return plan;
    }

    private Plan computePlan(String[] given) {
        int np = parameters.size();
        String[] values = new String[np];
        try {
            for (int i = 0; i < np; i++) {
                String p = parameters.get(i);
                String v = given[i];
                if (v == null && !validValues[i].contains("N/A")) {
                    throw LookupFailure.validation(ErrorCategory.MISSING_PARAMETER,
                            "Match required lookup parameter " + PythonRepr.str(p) + " is undefined.");
                }
                values[i] = v == null ? "UNDEFINED" : v;
            }
            for (int i = 0; i < np; i++) validate(parameters.get(i), values[i], validValues[i]);
        } catch (LookupFailure f) {
            return new Plan(new Choice.Failed(f), new int[0][]);
        }
        int[] survivors = index.survivors(values);   // [entry, weight, ...] in entry order
        if (survivors.length == 0) return new Plan((Choice.Failed) NO_MATCH, new int[0][]);
        // Groups of equal weight, best (most negative) first, each in entry order: a counting sort.
        int[] count = new int[np + 1];
        for (int k = 1; k < survivors.length; k += 2) count[survivors[k] + np]++;
        int groupCount = 0;
        for (int c : count) if (c > 0) groupCount++;
        int[][] groups = new int[groupCount][];
        int[] groupOf = new int[np + 1];
        for (int w = 0, g = 0; w <= np; w++) {
            if (count[w] > 0) {
                groupOf[w] = g;
                groups[g++] = new int[count[w]];
            }
        }
        int[] fill = new int[groupCount];
        for (int k = 0; k < survivors.length; k += 2) {
            int g = groupOf[survivors[k + 1] + np];
            groups[g][fill[g]++] = survivors[k];
        }
        return new Plan(null, groups);
    }

    /**
     * The remembered outcome for one combination of parameter values: a failure, or the groups of
     * equal-weight survivors in rank order. What a group stands for (one choice, a merge of
     * nested UseAfters, or CRDS's error for the tie) is worked out only when a lookup reaches it,
     * then kept: most lookups stop at the first group, and merging large low-ranked ties would
     * cost more than the whole lookup.
     */
    private final class Plan {
        final Choice.Failed failure;
        final int[][] groups;
        private final java.util.concurrent.atomic.AtomicReferenceArray<Choice> candidates;

        Plan(Choice.Failed failure, int[][] groups) {
            this.failure = failure;
            this.groups = groups;
            this.candidates = new java.util.concurrent.atomic.AtomicReferenceArray<>(groups.length);
        }

        Choice failure() { return failure; }

        Choice candidate(int g) {
            Choice c = candidates.get(g);
            if (c == null) {
                try {
                    c = MatchSelector.this.candidate(groups[g]);
                } catch (LookupFailure f) {
                    c = new Choice.Failed(f);    // raised only if the lookup gets this far
                }
                candidates.lazySet(g, c);
            }
            return c;
        }
    }

    /** The choice a group of equal-weight survivors stands for. */
    private Choice candidate(int[] group) {
        if (group.length == 1) return selections.get(group[0]).choice();
        if (!mergeOverlaps) throw LookupFailure.ambiguous("More than one match clause matched.");
        Choice first = selections.get(group[0]).choice();
        if (first instanceof Choice.Nested n) {
            List<Choice> others = new ArrayList<>(group.length - 1);
            for (int k = 1; k < group.length; k++) others.add(selections.get(group[k]).choice());
            if (n.selector() instanceof OrderedSelector o) return new Choice.Nested(o.mergeAll(others));
            Selector merged = n.selector();
            for (Choice other : others) merged = merged.merge(other);
            return new Choice.Nested(merged);
        }
        List<Choice> all = new ArrayList<>(group.length);
        for (int e : group) all.add(selections.get(e).choice());
        return new Choice.Several(all);
    }

    /** CRDS's runtime check of a header value against the literal values of its column. */
    private void validate(String name, String value, ValidValues valid) {
        if (valid.contains(value) || valid.contains(Conditioning.conditionValue(value))) return;
        if (valid.contains("*") || valid.contains("ANY") || valid.contains("N/A")) return;
        if (valid.isEmpty()) return;
        if (value.startsWith("NOT")) {
            validate(name, org.crdsj.engine.values.PythonStrings.strip(value.substring(3)), valid);
            return;
        }
        if (org.crdsj.engine.select.match.MatchKeys.isEsoteric(value)
                || value.equals("*") || value.equals("ANY") || value.equals("N/A")) return;
        List<String> sorted = valid.sorted();
        if (sorted.size() == 1 && sorted.get(0).contains(":")) {
            validateRange(name, value, sorted.get(0));
            return;
        }
        Map<String, String> subs = stringSubstitutions.get(name);
        if (subs != null && subs.containsKey(value)) {
            validate(name, subs.get(value), valid);
            return;
        }
        throw LookupFailure.validation(ErrorCategory.INVALID_VALUE, () ->
                " parameter=" + PythonRepr.str(name) + " value=" + PythonRepr.str(value)
                        + " is not in " + PythonRepr.list(sorted));
    }

    /** A column whose only value is {@code lo:hi} is a numeric range. */
    private static void validateRange(String name, String value, String range) {
        String[] parts = range.split(":", -1);
        if (parts.length != 2) {
            throw LookupFailure.valueError("too many values to unpack (expected 2)");
        }
        double lo = number(parts[0]), hi = number(parts[1]), v = number(value);
        if (!(lo <= v && v <= hi)) {
            throw LookupFailure.validation(ErrorCategory.INVALID_VALUE,
                    " parameter=" + PythonRepr.str(name) + " value =" + PythonRepr.str(value)
                            + " is not in range [" + org.crdsj.engine.values.PythonFloat.repr(lo) + " .. "
                            + org.crdsj.engine.values.PythonFloat.repr(hi) + "]");
        }
    }

    private static double number(String s) {
        var d = org.crdsj.engine.values.PythonFloat.parse(s);
        if (d.isEmpty()) throw LookupFailure.valueError("could not convert string to float: " + PythonRepr.str(s));
        return d.getAsDouble();
    }

    /** The literal values of one column, as a set for lookups and a sorted list for messages. */
    static final class ValidValues {
        private final List<String> sorted;
        private final Set<String> set;

        ValidValues(List<String> sorted) {
            this.sorted = List.copyOf(sorted);
            this.set = new HashSet<>(sorted);
        }

        boolean contains(String v) { return set.contains(v); }
        boolean isEmpty() { return sorted.isEmpty(); }
        List<String> sorted() { return sorted; }

        @Override public String toString() { return Arrays.toString(sorted.toArray()); }
    }
}
