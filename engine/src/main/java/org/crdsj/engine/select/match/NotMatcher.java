package org.crdsj.engine.select.match;

import java.util.Objects;

/**
 * A {@code NOT ...} key: inverts the inner matcher (1 and -1 swap, 0 stays). It deliberately skips
 * the base rule, so {@code *} is rejected and {@code N/A} is "don't care" via the inner matcher.
 */
public final class NotMatcher implements Matcher {
    private final String key;
    private final Matcher inner;

    NotMatcher(String key, Matcher inner) {
        this.key = Objects.requireNonNull(key, "key");
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public int match(String value) {
        return -inner.match(value);
    }

    /** The whole key including the {@code NOT } prefix. */
    @Override
    public String key() {
        return key;
    }

    /** The matcher being negated. */
    public Matcher inner() {
        return inner;
    }

    @Override
    public MatcherKind kind() {
        return MatcherKind.NOT;
    }

    @Override
    public String toString() {
        return "Not(" + inner + ")";
    }
}
