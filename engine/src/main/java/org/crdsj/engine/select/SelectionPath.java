package org.crdsj.engine.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A lookup explained: the {@link Choice} a selector tree made for one header, and the entries it
 * went through to get there, one {@link Step} per selector level from the top.
 *
 * <pre>
 * Match({ ('HRC',) : UseAfter({ '2000-01-01 00:00:00' : 'a1', '2005-01-01 00:00:00' : 'a2' }) })
 *   DETECTOR=HRC DATE-OBS=2006-05-01 -> steps [Match ('HRC',)], [UseAfter '2005-01-01 00:00:00'], choice a2
 * </pre>
 *
 * A step usually holds one entry. It holds several when a Match tie was merged or returned as a
 * tuple (all cases of the tied group, in entry order), and for a Bracket (its lower and upper
 * entry). Below a merged tie the next step's selector is the merged UseAfter, whose entries are
 * the very {@link Selection} objects of the tied cases' UseAfters.
 *
 * <p>When the lookup failed the steps are those of the attempt that produced the failure, as far
 * as it got. Below a Bracket only the lower entry's nested lookup is followed. Immutable.
 *
 * @param steps  the levels passed through, top first
 * @param choice what the lookup returned: equal to {@link Selector#select} for the same header
 */
public record SelectionPath(List<Step> steps, Choice choice) {

    /** One level: the selector and the entries of it the lookup took (never empty). */
    public record Step(Selector selector, List<Selection> chosen) {
        public Step {
            chosen = List.copyOf(chosen);
        }
    }

    public SelectionPath {
        steps = List.copyOf(steps);
    }

    /** A lookup that ended without choosing an entry (a failure raised before any choice). */
    static SelectionPath of(Choice choice) {
        return new SelectionPath(List.of(), choice);
    }

    /** This path below one more step taken first. */
    SelectionPath under(Selector selector, List<Selection> chosen) {
        List<Step> all = new ArrayList<>(steps.size() + 1);
        all.add(new Step(selector, chosen));
        all.addAll(steps);
        return new SelectionPath(all, choice);
    }

    /** The same steps with another outcome. */
    SelectionPath withChoice(Choice other) {
        return new SelectionPath(steps, other);
    }

    /**
     * The path of taking {@code chosen} in {@code here}, whose choice is {@code choice} (the
     * entries' own choice, or what a tie of them stands for): a nested selector is traced
     * further, anything else ends the path. The traced twin of {@link Selector#resolve}.
     */
    static SelectionPath resolve(Selector here, List<Selection> chosen, Choice choice, Map<String, String> header) {
        SelectionPath below = choice instanceof Choice.Nested n ? n.selector().trace(header) : of(choice);
        return below.under(here, chosen);
    }
}
