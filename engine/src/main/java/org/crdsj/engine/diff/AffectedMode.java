package org.crdsj.engine.diff;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.PythonRepr;

/**
 * One affected mode of {@code crds diff --print-affected-modes}: the instrument, reference type and
 * lookup parameter values of a group of differences, and how many differences fall in it.
 * Immutable.
 *
 * @param items (name, value) pairs in CRDS's order: {@code INSTRUMENT}, {@code REFTYPE}, then the
 *              parameters along the difference's path
 * @param count the number of differences with exactly these items
 */
public record AffectedMode(List<Map.Entry<String, String>> items, int count) {

    /** Parameters CRDS leaves out of modes (dates, the instrument and type keywords). */
    public static final List<String> EXCLUDED_PARAMETERS = List.of("DATE-OBS", "TIME-OBS",
            "META.OBSERVATION.DATE", "META.OBSERVATION.TIME", "META_OBSERVATION_DATE", "META_OBSERVATION_TIME",
            "META.EXPOSURE.START_TIME", "META_EXPOSURE_START_TIME", "DIFFERENCE", "INSTRUME", "REFTYPE");

    /** Python's order of tuples of (name, value) pairs. */
    static final Comparator<List<Map.Entry<String, String>>> ITEMS_ORDER = (a, b) -> {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = CodePointOrder.compare(a.get(i).getKey(), b.get(i).getKey());
            if (c == 0) c = CodePointOrder.compare(a.get(i).getValue(), b.get(i).getValue());
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    };

    public AffectedMode {
        items = List.copyOf(items);
    }

    /** CRDS's line: {@code INSTRUMENT='ACS' REFTYPE='BIASFILE' DETECTOR='HRC' ... DIFF_COUNT='3'}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : items) {
            sb.append(e.getKey()).append('=').append(PythonRepr.str(e.getValue())).append(' ');
        }
        return sb.append("DIFF_COUNT=").append(PythonRepr.str(Integer.toString(count))).toString();
    }

    /** The mode of one difference (CRDS's {@code affected_mode}), or null when it names no parameter. */
    static List<Map.Entry<String, String>> of(Difference d) {
        // Flatten the path the way CRDS's DiffTuple.flat does: names and values separately.
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (DiffStep step : d.steps()) {
            if (step instanceof DiffStep.MappingPair p) {
                names.add(p.mappingClass());
                values.add(null);
            } else {
                names.addAll(step.parameterNames());
                values.addAll(step.values());
            }
        }
        names.add("DIFFERENCE");
        values.add(d.message());
        String instrument = null, filekind = null;
        List<Map.Entry<String, String>> affected = new ArrayList<>();
        for (int i = 0; i < values.size() && i < names.size(); i++) {
            String var = names.get(i), val = values.get(i);
            switch (var) {
                case "PipelineContext":
                    break;
                case "InstrumentContext":
                    instrument = d.instrument();
                    break;
                case "ReferenceMapping":
                    instrument = d.instrument();
                    filekind = d.filekind();
                    break;
                default:
                    if (!EXCLUDED_PARAMETERS.contains(var)) {
                        affected.add(new AbstractMap.SimpleImmutableEntry<>(var, val));
                    } else if (var.equals("DIFFERENCE") && val.contains("header") && !boringReplacement(val)) {
                        affected.add(new AbstractMap.SimpleImmutableEntry<>(var, val));
                    }
            }
        }
        if (affected.isEmpty()) return null;
        if (filekind != null) affected.add(0, new AbstractMap.SimpleImmutableEntry<>("REFTYPE", filekind.toUpperCase(Locale.ROOT)));
        if (instrument != null) affected.add(0, new AbstractMap.SimpleImmutableEntry<>("INSTRUMENT", instrument.toUpperCase(Locale.ROOT)));
        return affected;
    }

    private static boolean boringReplacement(String message) {
        String upper = message.toUpperCase(Locale.ROOT);
        for (String field : RulesDiff.BORING_FIELDS) {
            if (upper.contains("REPLACED '" + field.toUpperCase(Locale.ROOT) + "'")) return true;
        }
        return false;
    }
}
