package org.crdsj.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crdsj.engine.diff.Difference;
import org.crdsj.engine.diff.NameOrder;
import org.crdsj.engine.values.PythonRepr;

/**
 * {@code crds diff --check-diffs}: CRDS's review of a rules change. Rule (match case) changes,
 * deletions, reversions to older file names, odd replacements and changes of selector class or
 * parameters are logged as warnings; additions, header changes and ordinary updates only with
 * {@code --verbose}.
 */
final class DiffChecks {
    private DiffChecks() {}

    private static final Pattern REPLACED = Pattern.compile("replaced '(.+)' with '(.+)'");

    /** CRDS's category of a difference: {@code replace}, {@code add_rule}, {@code delete_header}, ... */
    static String action(String message) {
        String result;
        if (message.contains("replace")) result = "replace";
        else if (message.contains("add")) result = "add";
        else if (message.contains("delete")) result = "delete";
        else if (message.contains("different classes")) result = "class_difference";
        else if (message.contains("different parameter")) result = "parkey_difference";
        else throw new IllegalArgumentException("Bad difference action: " + message);
        if (message.contains("rule")) result += "_rule";
        else if (message.contains("header")) result += "_header";
        return result;
    }

    static void check(CrdsLog log, List<Difference> diffs) {
        List<Difference> sorted = new ArrayList<>(diffs);
        sorted.sort(Comparator.comparing((Difference d) -> action(d.message())).thenComparing(Difference.ORDER));
        for (Difference d : sorted) {
            String action = action(d.message());
            String where = tail(d) + " " + d.message();
            if (action.contains("header") || action.equals("add")) {
                log.debug("In " + where);
            } else if (action.contains("rule")) {
                log.warning("Rule change at " + where);
            } else if (action.equals("replace")) {
                Matcher m = REPLACED.matcher(d.message());
                if (!m.find()) {
                    log.warning("Unusual replacement " + where);
                    continue;
                }
                NameOrder.Verdict v = NameOrder.newer(m.group(2), m.group(1));
                for (String name : List.of(m.group(2), m.group(1))) {
                    if (NameOrder.classify(name.equals("N/A") ? name : name.substring(name.lastIndexOf('/') + 1)).isEmpty()) {
                        log.warning("Failed to classify name " + PythonRepr.str(name) + " for determining time order.");
                    }
                }
                if (v.newer().isEmpty()) {
                    log.warning("Unhandled name comparison case:  ('" + NameOrder.crdsName(v.first()) + "', '"
                            + NameOrder.crdsName(v.second()) + "')");
                    log.warning("Reversion at " + where);
                } else if (v.newer().get()) {
                    log.debug("In " + where);
                } else {
                    log.warning("Reversion at " + where);
                }
            } else if (action.equals("delete")) {
                log.warning("Deletion at " + where);
            } else if (action.equals("parkey_difference")) {
                log.warning("Different lookup parameters " + where);
            } else {
                log.warning("Different classes at " + where);
            }
        }
    }

    /**
     * The end of a difference's path as CRDS shows it in these warnings: the new name of the
     * deepest mapping pair, then the keys below it (Python's repr of that tuple).
     */
    static String tail(Difference d) {
        List<List<String>> steps = d.stepValues();
        int start = steps.size() - 1;
        while (start > 0 && !(steps.get(start).size() == 2 && steps.get(start).get(0).endsWith("map"))) start--;
        List<String> parts = new ArrayList<>();
        parts.add(PythonRepr.str(steps.get(start).get(1)));
        for (int i = start + 1; i < steps.size(); i++) parts.add(PythonRepr.tuple(steps.get(i)));
        return "(" + String.join(", ", parts) + (parts.size() == 1 ? ",)" : ")");
    }
}
