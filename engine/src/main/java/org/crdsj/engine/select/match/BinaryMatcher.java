package org.crdsj.engine.select.match;

import java.util.Locale;
import java.util.Objects;
import org.crdsj.engine.values.PythonStrings;

/**
 * A relational key combining two sub-keys with AND or OR: {@code #>1 AND <=20#}, or the
 * {@code >=lo AND <hi} that {@code between lo hi} stands for. Values are upper-cased first.
 */
public final class BinaryMatcher implements Matcher {

    /** How the two sub-results combine. */
    public enum Operator {
        /** Both sub-matchers must give 1. */
        AND,
        /** Either sub-matcher must give 1. */
        OR
    }

    private final String key;
    private final Operator operator;
    private final Matcher left;
    private final Matcher right;

    private BinaryMatcher(String key, Operator operator, Matcher left, Matcher right) {
        this.key = key;
        this.operator = operator;
        this.left = left;
        this.right = right;
    }

    /**
     * Builds the matcher like CRDS: surrounding {@code #} removed, the text split on the operator
     * word as a plain substring (not word-bounded), the first two stripped pieces compiled with
     * {@link Matchers#forKey(String)}.
     */
    static BinaryMatcher parse(String key, Operator operator) {
        Objects.requireNonNull(key, "key");
        String body = PythonStrings.strip(key);
        if (body.startsWith("#")) body = body.length() >= 2 ? body.substring(1, body.length() - 1) : "";
        String word = operator.name();
        int first = body.indexOf(word);
        if (first < 0) throw new IllegalArgumentException("no " + word + " in binary key " + key);
        int secondStart = first + word.length();
        int second = body.indexOf(word, secondStart);
        String leftText = body.substring(0, first);
        String rightText = second < 0 ? body.substring(secondStart) : body.substring(secondStart, second);
        Matcher l = Matchers.forKey(PythonStrings.strip(leftText));
        Matcher r = Matchers.forKey(PythonStrings.strip(rightText));
        return new BinaryMatcher(key, operator, l, r);
    }

    @Override
    public int match(String value) {
        String v = value.toUpperCase(Locale.ROOT); // returns value itself when nothing changes
        int base = BaseRule.apply(v, key);
        if (base != NO_MATCH) return base;
        boolean l = left.match(v) == MATCH;
        boolean result = operator == Operator.AND ? l && right.match(v) == MATCH : l || right.match(v) == MATCH;
        return result ? MATCH : NO_MATCH;
    }

    /** The whole key: the upper-cased {@code #...#} text, or {@code >=lo AND <hi} for between. */
    @Override
    public String key() {
        return key;
    }

    /** AND or OR. */
    public Operator operator() {
        return operator;
    }

    /** The matcher for the text before the operator word. */
    public Matcher left() {
        return left;
    }

    /** The matcher for the text after the operator word. */
    public Matcher right() {
        return right;
    }

    @Override
    public MatcherKind kind() {
        return MatcherKind.BINARY;
    }

    @Override
    public String toString() {
        return "Binary('" + key + "', " + operator + ", " + left + ", " + right + ")";
    }
}
