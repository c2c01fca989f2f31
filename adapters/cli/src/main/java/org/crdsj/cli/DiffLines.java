package org.crdsj.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.crdsj.engine.diff.Difference;
import org.crdsj.engine.rules.MappingKind;
import org.crdsj.engine.values.CodePointOrder;

/** How {@code crds diff} prints a difference: CRDS's tuple line or its squashed form, with its display options. */
final class DiffLines {
    private DiffLines() {}

    /**
     * One output line. As CRDS: quotes are removed from the message unless it is about a header;
     * {@code lowest} keeps only the deepest mapping pair; {@code removePaths} shows mapping base
     * names; {@code squash} joins the words of each step with spaces and the steps with {@code " -- "}.
     */
    static String format(Difference d, boolean lowest, boolean removePaths, boolean squash) {
        String message = d.message().contains("header") ? d.message() : d.message().replace("'", "");
        List<List<String>> steps = d.stepValues();
        if (lowest) steps = lowestMappingOnly(steps);
        if (removePaths) {
            List<List<String>> out = new ArrayList<>();
            for (List<String> s : steps) out.add(isMappingPair(s) ? s.stream().map(DiffLines::basename).toList() : s);
            steps = out;
        }
        if (!squash) return Difference.repr(steps, message);
        StringBuilder sb = new StringBuilder();
        for (List<String> s : steps) sb.append(String.join(" ", s)).append(" -- ");
        return sb.append(message).toString();
    }

    /** The mapping pairs named in {@code diffs} plus the top pair, sorted (for -T and --check-references). */
    static List<List<String>> mappingPairs(List<Difference> diffs, String oldLabel, String newLabel) {
        TreeSet<List<String>> pairs = new TreeSet<>(CodePointOrder.TUPLES);
        pairs.add(List.of(oldLabel, newLabel));
        for (Difference d : diffs) {
            for (List<String> s : d.stepValues()) {
                if (s.size() == 2 && MappingKind.fromFileName(s.get(0)).isPresent()) pairs.add(s);
            }
        }
        return new ArrayList<>(pairs);
    }

    private static List<List<String>> lowestMappingOnly(List<List<String>> steps) {
        List<String> lowest = null;
        for (List<String> s : steps) if (isMappingPair(s)) lowest = s;
        List<List<String>> out = new ArrayList<>();
        for (List<String> s : steps) if (!isMappingPair(s) || s.get(0).equals(lowest.get(0))) out.add(s);
        return out;
    }

    /** CRDS's test for a mapping step: two names, the first ending in "map". */
    private static boolean isMappingPair(List<String> step) {
        return step.size() == 2 && step.get(0).endsWith("map");
    }

    private static String basename(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
