package org.crdsj.engine.select.match;

/**
 * The test every CRDS matcher except N/A and NOT applies before its own: the value equal to the
 * stored key or {@code *} matches, {@code N/A} does not care.
 */
final class BaseRule {
    private BaseRule() {}

    /** Returns 1 or 0 when the base rule decides, else -1 ("ask the kind-specific test"). */
    static int apply(String value, String storedKey) {
        if (value.equals(storedKey) || value.equals("*")) return Matcher.MATCH;
        if (value.equals("N/A")) return Matcher.DONT_CARE;
        return Matcher.NO_MATCH;
    }
}
