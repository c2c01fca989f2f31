package org.crdsj.engine.tpn;

import java.util.List;
import java.util.Map;

/**
 * One constraint line of a {@code .tpn} file: {@code NAME KEYTYPE DATATYPE PRESENCE [VALUES]}.
 * Keytype and datatype are stored as their single-letter codes; presence is a letter code or a
 * parenthesised condition expression. Ordered as CRDS orders its constraint tuples (field by
 * field, strings by code point, value lists lexicographically), which fixes the order checks run
 * and findings are reported in.
 */
public record TpnInfo(String name, String keytype, String datatype, String presence, List<String> values)
        implements Comparable<TpnInfo> {

    public TpnInfo {
        values = List.copyOf(values);
    }

    private static final Map<String, String> KEYTYPES = Map.of(
            "H", "HEADER", "C", "COLUMN", "G", "GROUP", "A", "ARRAY_FORMAT", "D", "ARRAY_DATA", "X", "EXPRESSION");

    /** True when {@code field} is an expression: it starts with '(' and ends with ')'. */
    public static boolean isExpression(String field) {
        return field.startsWith("(") && field.endsWith(")");
    }

    /** The presence field is a condition expression. */
    public boolean isConditional() {
        return isExpression(presence);
    }

    /** An expression constraint (datatype X). */
    public boolean isExpressionConstraint() {
        return datatype.startsWith("X");
    }

    /** Constraints unsuitable as rmap value lists: expressions and conditional ones. */
    public boolean isComplex() {
        return isExpressionConstraint() || isConditional();
    }

    /** The same constraint with presence R (rmap parameters must be present). */
    public TpnInfo required() {
        return new TpnInfo(name, keytype, datatype, "R", values);
    }

    /** CRDS's wording of the keytype in "Missing required ..." messages. */
    public String keytypeDescription() {
        String k = KEYTYPES.getOrDefault(keytype.substring(0, 1), keytype.substring(0, 1));
        switch (k) {
            case "HEADER": return "keyword";
            case "COLUMN": return "table column";
            case "GROUP": return "group";
            case "ARRAY_FORMAT":
            case "ARRAY_DATA": return "array";
            case "EXPRESSION": return "expression";
            default: return k.toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public int compareTo(TpnInfo o) {
        int c;
        if ((c = name.compareTo(o.name)) != 0) return c;
        if ((c = keytype.compareTo(o.keytype)) != 0) return c;
        if ((c = datatype.compareTo(o.datatype)) != 0) return c;
        if ((c = presence.compareTo(o.presence)) != 0) return c;
        for (int i = 0; i < Math.min(values.size(), o.values.size()); i++) {
            if ((c = values.get(i).compareTo(o.values.get(i))) != 0) return c;
        }
        return Integer.compare(values.size(), o.values.size());
    }
}
