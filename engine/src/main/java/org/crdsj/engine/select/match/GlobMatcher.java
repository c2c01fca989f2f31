package org.crdsj.engine.select.match;

import java.util.List;
import java.util.Objects;

/**
 * A key containing {@code |} or {@code *}: {@code |}-separated shell globs (split, stripped, empty
 * ones dropped, as {@link MatchKeys#globList(String)}); a value matches when it matches any of them
 * in full.
 *
 * <p>CRDS's base-rule comparison is against the translated regex text (e.g.
 * {@code ^((?s:FOO)\Z)$}) rather than the key. That text always contains the lower-case
 * {@code (?s:}, which no conditioned (upper-cased) value can equal, so it is not modelled; only
 * the {@code *} and {@code N/A} parts of the base rule apply.
 */
public final class GlobMatcher implements Matcher {
    private final String key;
    private final GlobPattern[] alternatives;
    /** CRDS joins zero translated parts into {@code ^()$}, which matches "" and "\n". */
    private final boolean emptyAlternation;

    /** @throws InvalidMatchKeyException where Python's regex compiler would reject a translated part */
    GlobMatcher(String key) {
        this.key = Objects.requireNonNull(key, "key");
        List<String> parts = MatchKeys.globList(key);
        this.alternatives = new GlobPattern[parts.size()];
        for (int i = 0; i < alternatives.length; i++) alternatives[i] = new GlobPattern(parts.get(i));
        this.emptyAlternation = alternatives.length == 0;
    }

    @Override
    public int match(String value) {
        if (value.equals("*")) return MATCH;
        if (value.equals("N/A")) return DONT_CARE;
        if (emptyAlternation) return value.isEmpty() || value.equals("\n") ? MATCH : NO_MATCH;
        for (GlobPattern g : alternatives) {
            if (g.matches(value)) return MATCH;
        }
        return NO_MATCH;
    }

    /** The key as written in the rules (after conditioning), e.g. {@code ACS|WFC*}. */
    @Override
    public String key() {
        return key;
    }

    /** The globs a value is tried against, in CRDS's (sorted) order. */
    public List<String> alternatives() {
        String[] texts = new String[alternatives.length];
        for (int i = 0; i < texts.length; i++) texts[i] = alternatives[i].text();
        return List.of(texts);
    }

    /**
     * True when the glob has parts and none uses a wildcard ({@code * ? [}): then, for any value
     * other than {@code *} and {@code N/A}, it matches exactly the values equal to a part.
     */
    public boolean isPlainAlternatives() {
        if (alternatives.length == 0) return false;       // an empty alternation has its own rule
        for (GlobPattern g : alternatives) {
            String t = g.text();
            if (t.indexOf('*') >= 0 || t.indexOf('?') >= 0 || t.indexOf('[') >= 0) return false;
        }
        return true;
    }

    @Override
    public MatcherKind kind() {
        return MatcherKind.GLOB;
    }

    @Override
    public String toString() {
        return "Glob('" + key + "')";
    }
}
