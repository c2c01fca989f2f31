package org.crdsj.engine.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The Python object model of header expressions: {@code String}, {@code BigInteger} (int),
 * {@code Double} (float), {@code Boolean}, {@link #NONE}, and {@link Seq} for tuples and lists.
 */
final class PyValues {
    private PyValues() {}

    /** Python's {@code None}. */
    static final Object NONE = new Object() {
        @Override public String toString() { return "None"; }
    };

    /** A tuple or a list. */
    record Seq(List<Object> items, boolean isTuple) {}

    static String typeName(Object o) {
        if (o instanceof String) return "str";
        if (o instanceof Boolean) return "bool";
        if (o instanceof BigInteger) return "int";
        if (o instanceof Double) return "float";
        if (o == NONE) return "NoneType";
        if (o instanceof Seq s) return s.isTuple() ? "tuple" : "list";
        return o.getClass().getSimpleName();
    }

    static boolean truthy(Object o) {
        if (o instanceof Boolean b) return b;
        if (o instanceof String s) return !s.isEmpty();
        if (o instanceof BigInteger i) return i.signum() != 0;
        if (o instanceof Double d) return d != 0.0;
        if (o == NONE) return false;
        if (o instanceof Seq s) return !s.items().isEmpty();
        return true;
    }

    static boolean isNumber(Object o) {
        return o instanceof BigInteger || o instanceof Double || o instanceof Boolean;
    }

    private static BigDecimal decimal(Object o) {
        if (o instanceof Boolean b) return b ? BigDecimal.ONE : BigDecimal.ZERO;
        if (o instanceof BigInteger i) return new BigDecimal(i);
        return new BigDecimal((Double) o);
    }

    /** Python {@code ==}. */
    static boolean eq(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double x && (x.isNaN() || x.isInfinite())) return b instanceof Double y && x.equals(y) && !x.isNaN();
            if (b instanceof Double y && (y.isNaN() || y.isInfinite())) return false;
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        if (a instanceof String s) return s.equals(b);
        if (a == NONE || b == NONE) return a == b;
        if (a instanceof Seq x && b instanceof Seq y) {
            if (x.isTuple() != y.isTuple() || x.items().size() != y.items().size()) return false;
            for (int i = 0; i < x.items().size(); i++) if (!eq(x.items().get(i), y.items().get(i))) return false;
            return true;
        }
        return false;
    }

    /** Python ordering for {@code < <= > >=}; TypeError between unorderable types. */
    static int compare(Object a, Object b, String op) {
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double x && b instanceof Double y) return Double.compare(x, y);
            double x = a instanceof Double d ? d : decimal(a).doubleValue();
            double y = b instanceof Double d ? d : decimal(b).doubleValue();
            if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) return Double.compare(x, y);
            return decimal(a).compareTo(decimal(b));
        }
        if (a instanceof String x && b instanceof String y) return org.crdsj.engine.values.CodePointOrder.compare(x, y);
        if (a instanceof Seq x && b instanceof Seq y && x.isTuple() == y.isTuple()) {
            int n = Math.min(x.items().size(), y.items().size());
            for (int i = 0; i < n; i++) {
                Object p = x.items().get(i), q = y.items().get(i);
                if (!eq(p, q)) return compare(p, q, op);
            }
            return Integer.compare(x.items().size(), y.items().size());
        }
        throw new ExpressionError("TypeError", "'" + op + "' not supported between instances of '"
                + typeName(a) + "' and '" + typeName(b) + "'");
    }

    /** Python {@code a in b}. */
    static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            if (!(item instanceof String t)) {
                throw new ExpressionError("TypeError", "'in <string>' requires string as left operand, not " + typeName(item));
            }
            return s.contains(t);
        }
        if (container instanceof Seq seq) {
            for (Object o : seq.items()) if (o == item || eq(o, item)) return true;
            return false;
        }
        throw new ExpressionError("TypeError", "argument of type '" + typeName(container) + "' is not iterable");
    }
}
