package org.crdsj.certify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.crdsj.engine.expr.PythonSequence;

/**
 * Table row ("mode") checks: rows keyed by the type's unique row columns, duplicate modes within
 * a table, and modes of the previous version missing from the new one. Only warnings and infos.
 */
final class TableModes {
    private TableModes() {}

    /** A table's modes: mode to its first (row number, row) and the table's columns. */
    record Modes(Map<List<Object>, Object[]> modes, List<String> columns) {}

    static String label(String file, FitsReference.Table t) {
        return PyValues.repr(basename(file) + "[" + t.segment() + "]");
    }

    static String basename(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    static Modes modes(String generic, String file, FitsReference.Table t, List<String> modeKeys, CertifyLog log) {
        String label = label(file, t);
        log.info("Mode columns defined by spec for " + generic + " " + label + " are: " + PyValues.repr(modeKeys));
        log.info("All column names for this table " + generic + " " + label + " are: " + PyValues.repr(t.columns()));
        TreeSet<String> common = new TreeSet<>(modeKeys);
        common.retainAll(t.columns());
        log.info("Checking for duplicate modes using intersection " + PyValues.repr(new ArrayList<>(common)));
        Map<List<Object>, List<Object[]>> modes = new LinkedHashMap<>();
        for (int i = 0; i < t.rows().size(); i++) {
            List<Object> row = t.rows().get(i);
            List<Object> pairs = new ArrayList<>();
            Map<String, Object> byName = new LinkedHashMap<>();
            for (int c = 0; c < t.columns().size(); c++) {
                Object v = handleNan(row.get(c));
                pairs.add(PythonSequence.tuple(List.of(t.columns().get(c), v)));
                byName.put(t.columns().get(c), v);
            }
            List<Object> mode = new ArrayList<>();
            for (String k : modeKeys) if (byName.containsKey(k)) mode.add(PythonSequence.tuple(List.of(k, byName.get(k))));
            if (mode.isEmpty()) {
                log.info("Empty actual mode in " + generic + " " + label + " with candidate mode columns " + PyValues.repr(modeKeys));
                return new Modes(Map.of(), List.of());
            }
            modes.computeIfAbsent(key(mode), k -> new ArrayList<>()).add(new Object[] {i, PythonSequence.tuple(pairs), mode});
        }
        List<List<Object>> sorted = new ArrayList<>(modes.keySet());
        sorted.sort(MODE_ORDER);
        for (List<Object> m : sorted) {
            List<Object[]> rows = modes.get(m);
            if (rows.size() > 1) {
                List<String> lines = new ArrayList<>();
                for (Object[] r : rows) lines.add("(" + r[0] + ", " + PyValues.repr(r[1]) + ")");
                log.warning("Duplicate definitions in " + generic + " " + label + " for mode: " + modeRepr(rows.get(0)) + " :\n "
                        + String.join("\n", lines));
            }
        }
        Map<List<Object>, Object[]> first = new LinkedHashMap<>();
        for (Map.Entry<List<Object>, List<Object[]>> e : modes.entrySet()) first.put(e.getKey(), e.getValue().get(0));
        return new Modes(first, t.columns());
    }

    static String modeRepr(Object[] row) {
        @SuppressWarnings("unchecked")
        List<Object> mode = (List<Object>) row[2];
        return PyValues.repr(PythonSequence.tuple(mode));
    }

    /** Compares the modes of one old and one new table. */
    static void compare(String oldFile, FitsReference.Table oldTable, String newFile, FitsReference.Table newTable,
                        List<String> modeKeys, CertifyLog log) {
        String newEx = label(newFile, newTable), oldEx = label(oldFile, oldTable);
        Modes old = modes("old reference", oldFile, oldTable, modeKeys, log);
        if (old.modes().isEmpty()) {
            log.info("No modes defined in comparison reference " + oldEx + " for keys " + PyValues.repr(modeKeys));
            return;
        }
        Modes neu = modes("new reference", newFile, newTable, modeKeys, log);
        if (neu.modes().isEmpty()) {
            log.info("No modes defined in new reference " + newEx + " for keys " + PyValues.repr(modeKeys));
            return;
        }
        if (!old.columns().equals(neu.columns())) {
            log.warning("Change in row format between " + oldEx + " and " + newEx);
            return;
        }
        List<List<Object>> oldSorted = new ArrayList<>(old.modes().keySet());
        oldSorted.sort(MODE_ORDER);
        for (List<Object> m : oldSorted) {
            if (!neu.modes().containsKey(m)) {
                log.warning("Table mode " + modeRepr(old.modes().get(m)) + " from old reference " + oldEx + " is NOT IN new reference " + newEx);
            }
        }
        List<List<Object>> newSorted = new ArrayList<>(neu.modes().keySet());
        newSorted.sort(MODE_ORDER);
        for (List<Object> m : newSorted) {
            if (!old.modes().containsKey(m)) {
                log.info("Table mode " + modeRepr(neu.modes().get(m)) + " of new reference " + newEx + " is NOT IN old reference "
                        + PyValues.repr(basename(oldFile)));
            }
        }
    }

    /** NaN cells compare equal to each other (CRDS maps them to the string 'nan'). */
    private static Object handleNan(Object v) {
        if (v instanceof Double d && d.isNaN()) return "nan";
        if (v instanceof PyValues.Float32 f && Float.isNaN(f.value())) return "nan";
        return v;
    }

    /** A hashable mode: numbers by value (float32 cells widened), strings as they are. */
    private static List<Object> key(List<Object> mode) {
        List<Object> out = new ArrayList<>();
        for (Object pair : mode) {
            PythonSequence p = (PythonSequence) pair;
            Object v = p.get(1);
            if (v instanceof PyValues.Float32 f) v = (double) f.value();
            if (v instanceof Long l) v = l.doubleValue();
            if (v instanceof Boolean b) v = b ? 1.0 : 0.0;
            out.add(List.of(p.get(0), v instanceof PythonSequence s ? PyValues.repr(s) : v));
        }
        return List.copyOf(out);
    }

    private static final Comparator<List<Object>> MODE_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            List<?> x = (List<?>) a.get(i), y = (List<?>) b.get(i);
            int c = ((String) x.get(0)).compareTo((String) y.get(0));
            if (c != 0) return c;
            c = Validator.compareValues(x.get(1), y.get(1));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    };
}
