package org.crdsj.engine.select.match;

/** The key {@code N/A}: "don't care" (0) for every value, even {@code *} and {@code N/A}. */
public final class NaMatcher implements Matcher {
    /** The only instance needed: the matcher has no state beyond its fixed key. */
    static final NaMatcher INSTANCE = new NaMatcher();

    private NaMatcher() {}

    @Override
    public int match(String value) {
        return DONT_CARE;
    }

    @Override
    public String key() {
        return "N/A";
    }

    @Override
    public MatcherKind kind() {
        return MatcherKind.NA;
    }

    @Override
    public String toString() {
        return "Na('N/A')";
    }
}
