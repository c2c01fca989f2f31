package org.crdsj.certify;

import org.crdsj.engine.tpn.TpnInfo;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crdsj.engine.expr.ExpressionError;
import org.crdsj.engine.expr.PythonSequence;

/**
 * Applies one constraint ({@link TpnInfo}) to a reference: decides whether it applies (presence
 * code or condition), finds the value (header keyword, table column cells, array, expression),
 * handles a missing value per presence, and checks the value by datatype or by a custom
 * {@code &NAME} validator. A failure is thrown as {@link CheckFailure} with CRDS's text; the
 * caller decides whether it is an error or a warning. Immutable.
 */
public final class Validator {
    private final TpnInfo info;
    private final String custom;             // "PEDIGREE" etc. for &-validators, else null
    private final List<Object> values;       // conditioned legal values, sorted
    private final boolean isRange;
    private final Object min, max;
    private final ConstraintExpression presenceCondition;
    private final ConstraintExpression valueExpression;

    /** @throws IllegalArgumentException for a malformed constraint (bad codes, unknown validator) */
    public Validator(TpnInfo info) {
        this.info = info;
        String dt = info.datatype(), kt = info.keytype(), pr = info.presence();
        if (!List.of("C", "S", "I", "L", "R", "D", "X").contains(dt)) throw new IllegalArgumentException("Bad TPN datatype field " + PyValues.repr(dt));
        boolean conditional = TpnInfo.isExpression(pr);
        if (!conditional && !List.of("E", "R", "P", "W", "O", "F", "S", "A").contains(pr)) {
            throw new IllegalArgumentException("Bad TPN presence field " + PyValues.repr(pr));
        }
        if (!List.of("H", "C", "G", "A", "D", "X").contains(kt)) throw new IllegalArgumentException("Bad TPN keytype " + PyValues.repr(kt));
        presenceCondition = conditional ? ConstraintExpression.parse(pr) : null;
        List<String> raw = info.values();
        if (raw.size() == 1 && raw.get(0).startsWith("&")) {
            custom = raw.get(0).substring(1).toUpperCase(Locale.ROOT);
            if (!List.of("PEDIGREE", "JWSTPEDIGREE", "SYBDATE", "JWSTDATE", "SLASHDATE", "ANYDATE", "FILEEXISTS",
                    "SYNPHOT_GRAPH", "SYNPHOT_LOOKUP", "SYNPHOT_THROUGHPUT", "SYNPHOT_THERMAL", "KERNELUNITY",
                    "ISOMORPHICFITSVER", "ISOMORPHICFITSVER1", "ISOMORPHICFITSVER2", "ISOMORPHICFITSVER4").contains(custom)) {
                throw new IllegalArgumentException("Unrecognized validator " + raw.get(0));
            }
        } else {
            custom = null;
        }
        valueExpression = custom == null && dt.equals("X") && !raw.isEmpty() ? ConstraintExpression.parse(raw.get(0)) : null;
        isRange = custom == null && List.of("I", "R", "D").contains(dt) && raw.size() == 1 && raw.get(0).contains(":");
        if (isRange) {
            String[] b = raw.get(0).split(":", -1);
            min = condition(b[0]);
            max = condition(b[1]);
            values = List.of(min, max);
        } else {
            min = max = null;
            List<Object> vs = new ArrayList<>();
            if (custom == null && !dt.equals("X")) for (String v : raw) vs.add(dt.equals("L") ? v : condition(v));
            vs.sort(Validator::compareValues);
            values = List.copyOf(vs);
        }
    }

    public TpnInfo info() {
        return info;
    }

    public String name() {
        return info.name();
    }

    /** The name the value has in the eval header ({@code SCI_ARRAY} for array constraints). */
    public String complexName() {
        if (info.keytype().equals("A") || info.keytype().equals("D")) {
            return info.name().matches("^\\d+.*") ? "ARRAY_" + info.name() : info.name().toUpperCase(Locale.ROOT) + "_ARRAY";
        }
        return info.name();
    }

    /** Presence O or W: such a constraint becomes required when it names an rmap parameter. */
    public boolean optional() {
        return info.presence().equals("O") || info.presence().equals("W");
    }

    public Validator required() {
        return new Validator(info.required());
    }

    /** What CRDS needs from the reference to run the check. */
    public interface Reference {
        String filename();

        Map<String, Object> header();

        List<FitsReference.Table> tables();

        CertifyLog log();

        /** The FITS file, or null for other formats. */
        FitsReference fits();

        /** The certify context name (for synphot version checks). */
        String contextName();

        /** The synphot component file of a type and COMPNAME in the context, or null; may throw. */
        String synphotFile(String filekind, String compname);
    }

    /**
     * The applicability of this constraint: Boolean false (skip), or the effective presence
     * ({@code "O"}, {@code "W"}, {@code "R"}, Boolean true, ...). A failing condition logs a warning.
     */
    public Object applicable(Map<String, Object> header, CertifyLog log) {
        Object subarray = header.getOrDefault("SUBARRAY", "UNDEFINED");
        Object presence;
        if (presenceCondition != null) {
            try {
                presence = presenceCondition.evaluate(header);
            } catch (RuntimeException e) {
                log.warning("Failed checking applicability of " + describe() + " skipping check : " + message(e));
                return false;
            }
            if (!ConstraintExpression.truthy(presence)) return false;
        } else {
            presence = info.presence();
        }
        if ("O".equals(presence) || "W".equals(presence)) return presence;
        if ("F".equals(presence)) return ConstraintHelpers.FULL_FRAME.contains(subarray);
        if ("S".equals(presence)) return !"UNDEFINED".equals(subarray) && !ConstraintHelpers.FULL_FRAME.contains(subarray);
        if ("A".equals(presence)) return ConstraintHelpers.call("subarray_defined", List.of(), header);
        return true;
    }

    /** Runs the check; returns normally when it holds. */
    public void check(Reference ref) {
        Map<String, Object> header = ref.header();
        if (!ConstraintExpression.truthy(applicable(header, ref.log()))) return;
        switch (info.keytype()) {
            case "C": checkColumn(ref); return;
            case "G": ref.log().warning("Group keys are not currently supported by CRDS."); return;
            default: checkHeader(ref);
        }
    }

    private void checkHeader(Reference ref) {
        if (custom != null && custom.startsWith("SYNPHOT")) {
            Synphot.check(custom, ref);
            return;
        }
        if (custom != null && (custom.startsWith("KERNELUNITY") || custom.startsWith("ISOMORPHIC"))) return;
        if (valueExpression != null) {
            checkExpression(ref);
            return;
        }
        Object value = ref.header().getOrDefault(complexName(), "UNDEFINED");
        if (value == null || "UNDEFINED".equals(value)) {
            handleMissing(ref.header(), ref.log());
            return;
        }
        if (info.presence().equals("E")) throw new CheckFailure("*Must not define* keyword " + PyValues.repr(name()));
        checkValue(ref, ref.filename(), value);
    }

    private void checkExpression(Reference ref) {
        String expr = valueExpression.source();
        for (String id : ConstraintExpression.identifiers(expr)) {
            if ("UNDEFINED".equals(ref.header().getOrDefault(id, "UNDEFINED"))) return; // skipped as satisfied
        }
        Object satisfied;
        try {
            satisfied = valueExpression.evaluate(ref.header());
        } catch (RuntimeException e) {
            throw new CheckFailure("Failed checking constraint " + PyValues.repr(expr) + " : " + message(e));
        }
        if (!ConstraintExpression.truthy(satisfied)) throw new CheckFailure("Constraint " + expr + " is not satisfied.");
        if ("W".equals(satisfied)) ref.log().warning("Constraint " + expr + " is not satisfied.");
    }

    private void checkColumn(Reference ref) {
        boolean seen = false;
        for (FitsReference.Table t : ref.tables()) {
            int col = t.columns().indexOf(name());
            if (col < 0) continue;
            seen = true;
            for (int i = 0; i < t.rows().size(); i++) {
                checkValue(ref, ref.filename() + "[" + i + "]", t.rows().get(i).get(col));
            }
        }
        if (!seen) handleMissing(ref.header(), ref.log());
    }

    /** A missing value: an error for required constraints, a warning for W, nothing otherwise. */
    public void handleMissing(Map<String, Object> header, CertifyLog log) {
        Object presence = info.presence();
        if (presenceCondition != null) {
            presence = applicable(header, log);
            if (!ConstraintExpression.truthy(presence)) return;
        }
        if ("R".equals(presence) || "P".equals(presence) || Boolean.TRUE.equals(presence)) {
            throw new CheckFailure("Missing required " + info.keytypeDescription() + " " + PyValues.repr(name()));
        } else if ("W".equals(presence)) {
            log.warning("Missing suggested " + info.keytypeDescription() + " " + PyValues.repr(name()));
        } else if ("O".equals(presence) || "S".equals(presence) || "F".equals(presence) || "A".equals(presence)) {
            return;
        } else {
            throw new CheckFailure("Unexpected validator 'presence' value: " + PyValues.repr(info.presence()));
        }
    }

    private void checkValue(Reference ref, String where, Object value) {
        if (value == null || "UNDEFINED".equals(value)) return;
        String dt = info.datatype();
        if (custom != null) {
            checkCustom(ref, where, PyValues.str(value));
            return;
        }
        if (dt.equals("X")) {
            if (valueExpression == null) return;
            Object satisfied;
            try {
                satisfied = valueExpression.evaluate(Map.of("VALUE", columnValue(value)));
            } catch (RuntimeException e) {
                throw new CheckFailure("Failed checking constraint " + PyValues.repr(valueExpression.source()) + " : " + message(e));
            }
            if (!ConstraintExpression.truthy(satisfied)) throw new CheckFailure("Constraint " + valueExpression.source() + " is not satisfied.");
            if ("W".equals(satisfied)) ref.log().warning("Constraint " + valueExpression.source() + " is not satisfied.");
            return;
        }
        Object v = dt.equals("L") ? logical(value) : conditionValue(value);
        if (values.isEmpty()) return;
        switch (dt) {
            case "C":
            case "S":
                for (String part : orParts((String) v)) {
                    if (!values.contains(part)) throw notOneOf(part);
                }
                return;
            case "L":
                if (!List.of("F", "T").contains(v)) throw new CheckFailure("Value " + pformat(v) + " is not one of " + pformat(List.of("T", "F")));
                return;
            default:
                checkNumber(v);
        }
    }

    private void checkNumber(Object v) {
        if (isRange) {
            if (compareValues(v, min) < 0 || compareValues(v, max) > 0) {
                throw new CheckFailure("Value for " + PyValues.repr(name()) + " of " + PyValues.repr(v)
                        + " is outside acceptable range " + info.values().get(0));
            }
            return;
        }
        for (Object legal : values) if (compareValues(v, legal) == 0) return;
        if (info.datatype().equals("I")) throw notOneOf(v);
        double eps = info.datatype().equals("D") ? 1e-14 : 1e-7;
        double x = (Double) v;
        for (Object legal : values) {
            double b = (Double) legal;
            if (Math.abs(x - b) <= 1e-8 + eps * Math.abs(b)) return;
        }
        throw new CheckFailure((info.datatype().equals("D") ? "Double " : "Real ") + PyValues.repr(v) + " is not within +- "
                + PyValues.repr(eps) + " of any of " + PyValues.repr(values));
    }

    private CheckFailure notOneOf(Object v) {
        return new CheckFailure("Value " + pformat(v) + " is not one of " + pformat(values));
    }

    /** Or-patterns {@code A|B} are split; other values are one value. */
    private static List<String> orParts(String v) {
        return v.contains("|") ? List.of(v.split("\\|", -1)) : List.of(v);
    }

    private Object condition(String raw) {
        return conditionValue(raw);
    }

    /** CRDS's per-datatype conditioning of a value. */
    private Object conditionValue(Object value) {
        switch (info.datatype()) {
            case "C": return PyValues.str(columnValue(value)).strip().toUpperCase(Locale.ROOT);
            case "S": return PyValues.str(columnValue(value)).strip();
            case "I": return toInt(columnValue(value));
            case "R":
            case "D": return toFloat(columnValue(value));
            default: return PyValues.str(value);
        }
    }

    private static Object columnValue(Object v) {
        if (v instanceof PyValues.Float32 f) return (double) f.value();
        return v;
    }

    private static String logical(Object v) {
        String s = PyValues.str(v);
        if (v instanceof Boolean b) return b ? "T" : "F";
        if (s.equals("True")) return "T";
        if (s.equals("False")) return "F";
        return s;
    }

    private static Long toInt(Object v) {
        if (v instanceof Long l) return l;
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) throw new CheckFailure("cannot convert float " + PyValues.repr(d) + " to integer");
            return (long) d.doubleValue();
        }
        if (v instanceof Boolean b) return b ? 1L : 0L;
        String s = PyValues.str(v).strip();
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw new CheckFailure("invalid literal for int() with base 10: " + PyValues.repr(PyValues.str(v)));
        }
    }

    private static Double toFloat(Object v) {
        if (v instanceof Double d) return d;
        if (v instanceof Long l) return l.doubleValue();
        if (v instanceof Boolean b) return b ? 1.0 : 0.0;
        String s = PyValues.str(v).strip();
        try {
            if (s.matches("(?i)[+-]?(nan|inf|infinity)")) return Double.parseDouble(s.replaceAll("(?i)inf(inity)?", "Infinity").replaceAll("(?i)nan", "NaN"));
            if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) throw new NumberFormatException();
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new CheckFailure("could not convert string to float: " + PyValues.repr(PyValues.str(v)));
        }
    }

    static int compareValues(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
        return PyValues.str(a).compareTo(PyValues.str(b));
    }

    // ------------------------------------------------------------------------------ custom validators

    private void checkCustom(Reference ref, String where, String value) {
        switch (custom) {
            case "PEDIGREE":
            case "JWSTPEDIGREE":
                pedigree(value, custom.equals("PEDIGREE"));
                return;
            case "SYBDATE":
                DateFormats.sybase(value);
                return;
            case "SLASHDATE":
                DateFormats.slash(value);
                return;
            case "ANYDATE":
                DateFormats.any(value);
                return;
            case "JWSTDATE":
                jwstDate(ref, value);
                return;
            default:
                // FILEEXISTS needs a CRDS cache of references; serverless certify has none to consult.
        }
    }

    private void jwstDate(Reference ref, String value) {
        try {
            DateFormats.jwst(value);
            return;
        } catch (CheckFailure e) {
            try {
                DateFormats.any(value);
            } catch (CheckFailure e2) {
                try {
                    DateFormats.jwst(value.replace(" ", "T"));
                } catch (CheckFailure e3) {
                    DateFormats.jwst(value);
                }
            }
        }
        ref.log().warning("Non-compliant date format " + PyValues.repr(value) + " for " + PyValues.repr(name())
                + " should be " + PyValues.repr("YYYY-MM-DDTHH:MM:SS"));
    }

    private void pedigree(String value, boolean hst) {
        List<String> all = List.of("INFLIGHT", "GROUND", "MODEL", "DUMMY", "SIMULATION");
        List<String> withoutDate = List.of("GROUND", "MODEL", "DUMMY", "SIMULATION");
        List<String> withDate = hst ? all : List.of("INFLIGHT", "MODEL");
        String format = hst ? "INFLIGHT DD/MM/YYYY DD/MM/YYYY" : "INFLIGHT YYYY-MM-DD YYYY-MM-DD";
        String prefix = "Invalid value: " + PyValues.repr(value) + " : ";
        String[] words = value.strip().isEmpty() ? new String[0] : value.strip().split("\\s+");
        String kind;
        if (words.length == 0) throw new CheckFailure(prefix + "Missing value.");
        kind = words[0].toUpperCase(Locale.ROOT);
        if (words.length == 1) {
            if (!withoutDate.contains(kind)) throw new CheckFailure(prefix + "Value " + PyValues.repr(kind) + " cannot be used as a simple value.");
        } else if (words.length == 3) {
            if (!withDate.contains(kind)) {
                throw new CheckFailure(prefix + "Value " + PyValues.repr(kind) + " cannot be specified with <start> and <stop> dates.");
            }
            String start = words[1], stop = words[2];
            if ((start + stop).matches(".*[T :].*")) {
                throw new CheckFailure(prefix + "INFLIGHT format should be " + PyValues.repr(format) + " : Time should not appear in INFLIGHT dates.");
            }
            LocalDateTime a, b;
            try {
                a = pedigreeDate(start, hst);
                b = pedigreeDate(stop, hst);
            } catch (CheckFailure e) {
                throw new CheckFailure(prefix + "INFLIGHT format should be " + PyValues.repr(format) + " : " + e.getMessage());
            }
            if (a.isAfter(b)) throw new CheckFailure(prefix + "INFLIGHT format should be " + PyValues.repr(format) + " : Start date > stop date");
        } else {
            throw new CheckFailure(prefix + "('Invalid format for PEDIGREE: ', " + PyValues.repr(PyValues.repr(value)) + ")");
        }
        if (!all.contains(kind)) throw new CheckFailure("Value " + pformat(kind) + " is not one of " + pformat(sorted(all)));
    }

    private static List<String> sorted(List<String> l) {
        List<String> out = new ArrayList<>(l);
        out.sort(null);
        return out;
    }

    private static LocalDateTime pedigreeDate(String s, boolean hst) {
        if (!hst) return DateFormats.dash(s);
        try {
            return DateFormats.dash(s);
        } catch (CheckFailure e) {
            return DateFormats.slash(s);
        }
    }

    // ------------------------------------------------------------------------------ text

    /** Python's {@code pprint.pformat} of a value or a flat list (one item per line beyond 80 columns). */
    static String pformat(Object v) {
        String one = PyValues.repr(v);
        if (one.length() <= 80 || !(v instanceof List<?> l) || l.isEmpty()) return one;
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) b.append(",\n ");
            b.append(PyValues.repr(l.get(i)));
        }
        return b.append(']').toString();
    }

    /** CRDS's repr of the constraint tuple, used in applicability warnings. */
    public String describe() {
        String presence = info.isConditional() ? "condition=" + PyValues.repr(info.presence()) : PyValues.repr(presenceName(info.presence()));
        String vals = !info.values().isEmpty() && TpnInfo.isExpression(info.values().get(0))
                ? "expression=" + PyValues.repr(info.values().get(0))
                : "values=" + PyValues.repr(PythonSequence.tuple(info.values()));
        return "(" + PyValues.repr(info.name()) + ", " + PyValues.repr(keytypeName(info.keytype())) + ", "
                + PyValues.repr(datatypeName(info.datatype())) + ", " + presence + ", " + vals + ")";
    }

    private static String keytypeName(String k) {
        switch (k) {
            case "H": return "HEADER";
            case "C": return "COLUMN";
            case "G": return "GROUP";
            case "A": return "ARRAY_FORMAT";
            case "D": return "ARRAY_DATA";
            case "X": return "EXPRESSION";
            default: return k;
        }
    }

    private static String datatypeName(String d) {
        switch (d) {
            case "C": return "CHARACTER";
            case "S": return "CASE_SENSITIVE_CHARACTER";
            case "I": return "INTEGER";
            case "L": return "LOGICAL";
            case "R": return "REAL";
            case "D": return "DOUBLE";
            case "X": return "EXPRESSION";
            default: return d;
        }
    }

    private static String presenceName(String p) {
        switch (p) {
            case "E": return "EXCLUDED";
            case "R":
            case "P": return "REQUIRED";
            case "W": return "WARN";
            case "O": return "OPTIONAL";
            case "F": return "IF_FULL_FRAME";
            case "S": return "IF_SUBARRAY";
            case "A": return "ANY_SUBARRAY";
            default: return p;
        }
    }

    /** Python's {@code str(exception)} for an evaluation failure. */
    static String message(RuntimeException e) {
        if (e instanceof ExpressionError x) return x.getMessage();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
