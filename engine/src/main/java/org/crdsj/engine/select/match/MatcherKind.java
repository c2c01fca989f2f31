package org.crdsj.engine.select.match;

/** The kinds of value test a CRDS Match key element can compile to (spec 4.1.2). */
public enum MatcherKind {
    /** Exact string equality: a plain key or a {@code {...}} key. */
    LITERAL,
    /** A {@code (...)} key: Python regular expression anchored at the start of the value. */
    REGEX,
    /** A key containing {@code |} or {@code *}: or-ed shell globs. */
    GLOB,
    /** A key starting with {@code >} or {@code <}: numeric comparison. */
    INEQUALITY,
    /** A {@code #... AND ...#}, {@code #... OR ...#} or {@code between lo hi} key. */
    BINARY,
    /** The key {@code N/A}: "don't care" for every value. */
    NA,
    /** A {@code NOT ...} key: the inverse of another matcher. */
    NOT
}
