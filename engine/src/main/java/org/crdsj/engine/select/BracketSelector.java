package org.crdsj.engine.select;

import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.LookupFailure;

/**
 * Bracket: chooses the two entries whose numeric keys bracket the header's value, always
 * returning a pair.
 *
 * <pre>
 * Bracket({ 1.2 : 'f120', 1.5 : 'f124', 5.0 : 'f137' })
 *   1.25 -> (f120, f124);  1.5 -> (f124, f124);  0.5 -> (f120, f120);  6.0 -> (f137, f137)
 * </pre>
 *
 * Entries are in numeric key order and scanned in that order.
 */
public final class BracketSelector extends NumericSelector {   // keys: Double

    public BracketSelector(List<String> parameters, List<Selection> sortedSelections) {
        super(parameters, sortedSelections);
    }

    @Override public String kind() { return "Bracket"; }

    @Override
    protected Choice lookup(Map<String, String> header) {
        Selection[] pair = bracket(header);
        Selection less = pair[0], greater = pair[1];
        Choice first = OrderedSelector.resolveChosen(less.choice(), header);
        if (first instanceof Choice.Failed) return first;
        Choice second = less == greater ? first : OrderedSelector.resolveChosen(greater.choice(), header);
        if (second instanceof Choice.Failed) return second;
        return new Choice.Several(List.of(first, second));
    }

    /** Traced like {@link #lookup}; below the step only the lower entry's nested lookup is followed. */
    @Override
    SelectionPath traced(Map<String, String> header) {
        Selection[] pair = bracket(header);
        Selection less = pair[0], greater = pair[1];
        SelectionPath lower = OrderedSelector.tracedChosen(this, less, header);
        List<SelectionPath.Step> steps = new java.util.ArrayList<>(lower.steps());
        steps.set(0, new SelectionPath.Step(this, less == greater ? List.of(less) : List.of(less, greater)));
        Choice first = lower.choice();
        if (first instanceof Choice.Failed) return new SelectionPath(steps, first);
        Choice second = less == greater ? first : OrderedSelector.resolveChosen(greater.choice(), header);
        if (second instanceof Choice.Failed) return new SelectionPath(steps, second);
        return new SelectionPath(steps, new Choice.Several(List.of(first, second)));
    }

    /** The lower and upper entry around the header's value (the same one twice at an end or on a key). */
    private Selection[] bracket(Map<String, String> header) {
        double v = number(header);
        int n = selections.size();
        int index = 0;
        while (index < n && v > (Double) selections.get(index).key()) index++;
        Selection less, greater;
        if (index == n) {
            if (n == 0) throw LookupFailure.other("IndexError", "list index out of range");
            less = greater = selections.get(n - 1);
        } else if (index == 0 || v == (Double) selections.get(index).key()) {
            less = greater = selections.get(index);
        } else {
            less = selections.get(index - 1);
            greater = selections.get(index);
        }
        return new Selection[] {less, greater};
    }
}
