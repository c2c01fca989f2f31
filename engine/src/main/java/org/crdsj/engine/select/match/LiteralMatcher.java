package org.crdsj.engine.select.match;

import java.util.Objects;

/** Exact, case-sensitive string equality (a plain key, or a {@code {...}} key with braces removed). */
public final class LiteralMatcher implements Matcher {
    private final String literal;

    LiteralMatcher(String literal) {
        this.literal = Objects.requireNonNull(literal, "literal");
    }

    @Override
    public int match(String value) {
        return BaseRule.apply(value, literal);
    }

    /** The literal text a value must equal. */
    @Override
    public String key() {
        return literal;
    }

    @Override
    public MatcherKind kind() {
        return MatcherKind.LITERAL;
    }

    @Override
    public String toString() {
        return "Literal('" + literal + "')";
    }
}
