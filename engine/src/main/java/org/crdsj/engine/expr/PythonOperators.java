package org.crdsj.engine.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.crdsj.grammar.expr.Expr.CompareOp;

/**
 * Python's semantics for the operators of header expressions, on the Python object model used by
 * {@link CompiledExpression}: {@link String} (str), {@link Long} or {@link BigInteger} (int),
 * {@link Double} (float), {@link Boolean} (bool), {@link PythonNone} and {@link PythonSequence}
 * (tuple, list). Errors are raised as {@link ExpressionError} with Python's own message text.
 */
public final class PythonOperators {
    private PythonOperators() {}

    /** Python's {@code type(x).__name__}. */
    public static String typeName(Object x) {
        if (x instanceof String) return "str";
        if (x instanceof Boolean) return "bool";
        if (x instanceof Long || x instanceof BigInteger) return "int";
        if (x instanceof Double) return "float";
        if (x instanceof PythonNone) return "NoneType";
        if (x instanceof PythonSequence s) return s.isTuple() ? "tuple" : "list";
        throw new IllegalArgumentException("not a Python value: " + x);
    }

    /** Python's {@code bool(x)}: empty strings and sequences, zero and None are false. */
    public static boolean truthy(Object x) {
        if (x instanceof Boolean b) return b;
        if (x instanceof String s) return !s.isEmpty();
        if (x instanceof Long l) return l != 0;
        if (x instanceof BigInteger i) return i.signum() != 0;
        if (x instanceof Double d) return d != 0.0; // NaN is true, as in Python
        if (x instanceof PythonNone) return false;
        if (x instanceof PythonSequence s) return !s.isEmpty();
        throw new IllegalArgumentException("not a Python value: " + x);
    }

    /**
     * Python's {@code a == b}: numbers (bool, int, float) compare by exact value, str by
     * content, tuples with tuples and lists with lists item by item; anything else is unequal.
     */
    public static boolean eq(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            Integer c = compareNumbers(a, b);
            return c != null && c == 0;
        }
        if (a instanceof String s) return s.equals(b);
        if (a instanceof PythonNone) return b instanceof PythonNone;
        if (a instanceof PythonSequence x && b instanceof PythonSequence y && x.isTuple() == y.isTuple()) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) {
                if (!eq(x.get(i), y.get(i))) return false;
            }
            return true;
        }
        return false;
    }

    /** Evaluates one comparison {@code a op b} as Python does. */
    public static boolean compare(CompareOp op, Object a, Object b) {
        switch (op) {
            case EQ: return eq(a, b);
            case NE: return !eq(a, b);
            case IN: return contains(b, a);
            case NOT_IN: return !contains(b, a);
            default: return order(op, a, b);
        }
    }

    /**
     * Python's {@code item in container}: a substring test when the container is a str (the
     * item must then be a str too), membership by {@link #eq} in a tuple or list.
     */
    public static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            if (!(item instanceof String sub)) {
                throw new ExpressionError("TypeError",
                        "'in <string>' requires string as left operand, not " + typeName(item));
            }
            return s.contains(sub);
        }
        if (container instanceof PythonSequence seq) {
            for (Object x : seq) {
                if (eq(item, x)) return true;
            }
            return false;
        }
        throw new ExpressionError("TypeError", "argument of type '" + typeName(container) + "' is not iterable");
    }

    /** Python's unary minus: numbers only (a bool becomes an int). */
    public static Object negate(Object x) {
        if (x instanceof Boolean b) return b ? -1L : 0L;
        if (x instanceof Long l) return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : (Object) (-l);
        if (x instanceof BigInteger i) return normalise(i.negate());
        if (x instanceof Double d) return -d;
        throw new ExpressionError("TypeError", "bad operand type for unary -: '" + typeName(x) + "'");
    }

    /** An int as a Long when it fits, else as a BigInteger. */
    public static Object normalise(BigInteger i) {
        return i.bitLength() < 64 ? (Object) i.longValue() : i;
    }

    /** Ordering comparisons: numbers, str by code point, same-kind sequences lexicographically. */
    private static boolean order(CompareOp op, Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            Integer c = compareNumbers(a, b);
            return c != null && holds(op, c); // NaN is unordered: every ordering is false
        }
        if (a instanceof String x && b instanceof String y) return holds(op, compareCodePoints(x, y));
        if (a instanceof PythonSequence x && b instanceof PythonSequence y && x.isTuple() == y.isTuple()) {
            int n = Math.min(x.size(), y.size());
            for (int i = 0; i < n; i++) {
                if (!eq(x.get(i), y.get(i))) return order(op, x.get(i), y.get(i));
            }
            return holds(op, Integer.compare(x.size(), y.size()));
        }
        throw new ExpressionError("TypeError", "'" + op.symbol + "' not supported between instances of '"
                + typeName(a) + "' and '" + typeName(b) + "'");
    }

    private static boolean holds(CompareOp op, int c) {
        switch (op) {
            case LT: return c < 0;
            case LE: return c <= 0;
            case GT: return c > 0;
            case GE: return c >= 0;
            default: throw new IllegalArgumentException(op.symbol);
        }
    }

    private static boolean isNumber(Object x) {
        return x instanceof Boolean || x instanceof Long || x instanceof BigInteger || x instanceof Double;
    }

    /** Exact comparison of two numbers, or null when a NaN makes them unordered. */
    private static Integer compareNumbers(Object a, Object b) {
        if (!(a instanceof Double) && !(b instanceof Double)) {
            if (!(a instanceof BigInteger) && !(b instanceof BigInteger)) return Long.compare(asLong(a), asLong(b));
            return asBig(a).compareTo(asBig(b));
        }
        if (a instanceof Double x && b instanceof Double y) {
            if (x.isNaN() || y.isNaN()) return null;
            return x < y ? -1 : x > y ? 1 : 0; // -0.0 == 0.0
        }
        // int against float: compare exact values, as Python does (no rounding of the int).
        boolean floatFirst = a instanceof Double;
        double d = floatFirst ? (Double) a : (Double) b;
        Object i = floatFirst ? b : a;
        if (Double.isNaN(d)) return null;
        int c;
        if (Double.isInfinite(d)) c = d > 0 ? 1 : -1;
        else c = new BigDecimal(d).compareTo(new BigDecimal(asBig(i)));
        return floatFirst ? c : -c;
    }

    private static long asLong(Object x) {
        return x instanceof Boolean b ? (b ? 1 : 0) : (Long) x;
    }

    private static BigInteger asBig(Object x) {
        return x instanceof BigInteger i ? i : BigInteger.valueOf(asLong(x));
    }

    /** Python orders str by code point; Java's compareTo orders UTF-16 units (differs above U+FFFF). */
    private static int compareCodePoints(String x, String y) {
        int i = 0, j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i), b = y.codePointAt(j);
            if (a != b) return Integer.compare(a, b);
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }
}
