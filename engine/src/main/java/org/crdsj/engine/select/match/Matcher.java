package org.crdsj.engine.select.match;

/**
 * The compiled test for one element of a Match key (CRDS {@code Matcher}).
 *
 * <p>Implementations are immutable and thread-safe; {@link #match(String)} is the lookup hot path.
 */
public interface Matcher {

    /** Result: the value satisfies the key; adds one to the match weight. */
    int MATCH = 1;
    /** Result: the key does not care about the value; the candidate survives with no weight. */
    int DONT_CARE = 0;
    /** Result: the value rules the candidate out. */
    int NO_MATCH = -1;

    /**
     * Tests one (already conditioned) dataset value.
     *
     * @return {@link #MATCH} (1), {@link #DONT_CARE} (0) or {@link #NO_MATCH} (-1), as spec 4.1.3
     */
    int match(String value);

    /**
     * The key text this matcher was built from: the literal text for {@link MatcherKind#LITERAL}
     * (braces removed), the regex body for {@link MatcherKind#REGEX}, the whole key otherwise.
     */
    String key();

    /** Which kind of test this is. */
    MatcherKind kind();

    /** True when only a value equal to {@link #key()} (or {@code *}) matches, so a hash index can be used. */
    default boolean isLiteral() {
        return kind() == MatcherKind.LITERAL;
    }
}
