package org.crdsj.certify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.expr.PythonNone;
import org.crdsj.engine.expr.PythonSequence;
import org.crdsj.engine.values.PythonFloat;
import org.crdsj.engine.values.PythonRepr;

/**
 * Python {@code repr} of the values certify prints (header values, table cells and modes):
 * str, int, float, bool, None, tuples and lists, plus numpy float32 cells ({@link Float32}),
 * which print with the fewest digits that read back as the same float32.
 */
public final class PyValues {
    private PyValues() {}

    /** A numpy float32 table cell. */
    public record Float32(float value) {
        @Override
        public String toString() {
            return repr(this);
        }
    }

    public static String repr(Object x) {
        if (x instanceof String s) return PythonRepr.str(s);
        if (x instanceof Boolean b) return b ? "True" : "False";
        if (x instanceof Double d) return PythonFloat.repr(d);
        if (x instanceof Float32 f) return float32(f.value());
        if (x instanceof PythonNone || x == null) return "None";
        if (x instanceof PythonSequence s) return join(s, s.isTuple());
        if (x instanceof List<?> l) return join(l, false);
        if (x instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (b.length() > 1) b.append(", ");
                b.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
            }
            return b.append('}').toString();
        }
        return String.valueOf(x);
    }

    private static String join(List<?> items, boolean tuple) {
        StringBuilder b = new StringBuilder(tuple ? "(" : "[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(repr(items.get(i)));
        }
        if (tuple && items.size() == 1) b.append(',');
        return b.append(tuple ? ')' : ']').toString();
    }

    /** Python {@code str()} of a value: strings as they are, everything else as {@link #repr}. */
    public static String str(Object x) {
        return x instanceof String s ? s : repr(x);
    }

    /** numpy's repr of a float32: shortest round-tripping digits, Python's layout rules. */
    public static String float32(float f) {
        if (Float.isNaN(f)) return "nan";
        if (Float.isInfinite(f)) return f > 0 ? "inf" : "-inf";
        if (f == 0f) return (1 / f < 0) ? "-0.0" : "0.0";
        BigDecimal exact = new BigDecimal(f);
        for (int digits = 1; digits <= 9; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits));
            if (rounded.floatValue() == f) return layout(rounded);
        }
        return layout(exact.round(new MathContext(9)));
    }

    private static String layout(BigDecimal d) {
        // Reuse Python's float layout on a double holding exactly these digits.
        return PythonFloat.repr(Double.parseDouble(d.toString()));
    }
}
