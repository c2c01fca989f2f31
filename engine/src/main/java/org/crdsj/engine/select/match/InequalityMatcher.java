package org.crdsj.engine.select.match;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.crdsj.engine.values.PythonFloat;
import org.crdsj.engine.values.PythonStrings;

/**
 * A key such as {@code >1.2} or {@code <= 20}: the value, read with Python {@code float()}, is
 * compared with the key's number. Values that are not numbers do not match.
 */
public final class InequalityMatcher implements Matcher {
    /** The number CRDS accepts after the operator; anything after it is ignored. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");

    /** Comparison operators in the order CRDS spells them. */
    public enum Operator {
        /** {@code >} */ GT(">"),
        /** {@code >=} */ GE(">="),
        /** {@code <} */ LT("<"),
        /** {@code <=} */ LE("<=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in a key. */
        public String symbol() {
            return symbol;
        }

        boolean test(double value, double bound) {
            switch (this) {
                case GT: return value > bound;
                case GE: return value >= bound;
                case LT: return value < bound;
                default: return value <= bound;
            }
        }
    }

    private final String key;
    private final Operator operator;
    private final double bound;

    /**
     * Parses {@code key} like CRDS: {@code ^([><]=?)\s*(number)}, Python whitespace, trailing text
     * ignored.
     *
     * @throws InvalidMatchKeyException when the key does not start with an operator and a number
     */
    InequalityMatcher(String key) {
        this.key = Objects.requireNonNull(key, "key");
        int p = 0;
        int n = key.length();
        Operator op;
        if (n > 0 && (key.charAt(0) == '>' || key.charAt(0) == '<')) {
            boolean eq = n > 1 && key.charAt(1) == '=';
            op = key.charAt(0) == '>' ? (eq ? Operator.GE : Operator.GT) : (eq ? Operator.LE : Operator.LT);
            p = eq ? 2 : 1;
        } else {
            throw bad(key);
        }
        while (p < n && PythonStrings.isPythonSpace(key.charAt(p))) p++;
        java.util.regex.Matcher m = NUMBER.matcher(key).region(p, n);
        if (!m.lookingAt()) throw bad(key);
        OptionalDouble number = PythonFloat.parse(m.group());
        if (number.isEmpty()) throw bad(key); // cannot happen: the pattern only admits valid floats
        this.operator = op;
        this.bound = number.getAsDouble();
    }

    private static InvalidMatchKeyException bad(String key) {
        return new InvalidMatchKeyException("Invalid inequality match key '" + key
                + "': expected an operator (>, >=, <, <=) followed by a number");
    }

    @Override
    public int match(String value) {
        int base = BaseRule.apply(value, key);
        if (base != NO_MATCH) return base;
        OptionalDouble v = PythonFloat.parse(value);
        if (v.isEmpty()) return NO_MATCH;
        return operator.test(v.getAsDouble(), bound) ? MATCH : NO_MATCH;
    }

    /** The whole key, e.g. {@code >1.2}. */
    @Override
    public String key() {
        return key;
    }

    /** The comparison operator. */
    public Operator operator() {
        return operator;
    }

    /** The number the value is compared with. */
    public double bound() {
        return bound;
    }

    @Override
    public MatcherKind kind() {
        return MatcherKind.INEQUALITY;
    }

    @Override
    public String toString() {
        return "Inequality('" + key + "')";
    }
}
