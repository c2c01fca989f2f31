package org.crdsj.engine.select.match;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code (...)} key: the text between the parentheses is a Python regular expression that must
 * match at the start of the value (Python {@code re.match}, Java {@code lookingAt}). Not
 * upper-cased, so it is case-sensitive against the upper-cased header values.
 */
public final class RegexMatcher implements Matcher {
    private final String regex;
    private final Pattern pattern;

    /** @throws InvalidMatchKeyException when {@code regex} does not compile */
    RegexMatcher(String regex) {
        this.regex = Objects.requireNonNull(regex, "regex");
        this.pattern = PythonRegex.compile(regex);
    }

    @Override
    public int match(String value) {
        int base = BaseRule.apply(value, regex);
        if (base != NO_MATCH) return base;
        return pattern.matcher(value).lookingAt() ? MATCH : NO_MATCH;
    }

    /** The regex body, without the surrounding parentheses. */
    @Override
    public String key() {
        return regex;
    }

    @Override
    public MatcherKind kind() {
        return MatcherKind.REGEX;
    }

    @Override
    public String toString() {
        return "Regex('" + regex + "')";
    }
}
