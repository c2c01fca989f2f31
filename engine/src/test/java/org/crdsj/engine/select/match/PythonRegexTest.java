package org.crdsj.engine.select.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Python {@code re} patterns where Java's dialect differs; expectations computed with Python 3.11 {@code re.match}. */
class PythonRegexTest {

    static Stream<Arguments> pythonAnswers() {
        return Stream.of(
                arguments("(?P<my_g>A)(?P=my_g)", "AA", true),
                arguments("(?P<my_g>A)(?P=my_g)", "AB", false),
                arguments("A\\Z", "A", true),
                arguments("A\\Z", "A\n", false),
                arguments("A$", "A", true),
                arguments("A$", "A\n", true),
                arguments("A$", "A\r", false),
                arguments("A.B", "A\nB", false),
                arguments("A.B", "A\rB", true),
                arguments("A.B", "A\u2028B", true),
                arguments("\\d+X", "\u0663X", true),
                arguments("\\d+X", "12X", true),
                arguments("\\d+X", "X", false),
                arguments("\\w", "\u00e9", true),
                arguments("\\w", "_", true),
                arguments("\\w", "-", false),
                arguments("\\s", "\u001c", true),
                arguments("\\s", "\u00a0", true),
                arguments("\\s", "x", false),
                arguments("A{", "A{", true),
                arguments("A{", "A", false),
                arguments("A{,2}B", "AAB", true),
                arguments("A{,2}B", "B", true),
                arguments("A{,2}B", "AAAB", false),
                arguments("{X}", "{X}", true),
                arguments("[[A]", "[", true),
                arguments("[[A]", "A", true),
                arguments("[[A]", "]", false),
                arguments("[A&&B]", "&", true),
                arguments("[A&&B]", "A", true),
                arguments("[A&&B]", "B", true),
                arguments("[]A]", "]", true),
                arguments("[]A]", "A", true),
                arguments("[^]A]", "]", false),
                arguments("[^]A]", "B", true),
                arguments("\\v", "\u000b", true),
                arguments("\\v", "\n", false),
                arguments("\\101", "A", true),
                arguments("[\\1]", "\u0001", true),
                arguments("[\\1]", "1", false),
                arguments("(A)\\1", "AA", true),
                arguments("(A)\\1", "AB", false),
                arguments("\\0", "\u0000", true),
                arguments("\\U0001F600", "\ud83d\ude00", true),
                arguments("(?i)abc", "ABC", true),
                arguments("(?i)abc", "abc", true),
                arguments("A(?#note)B", "AB", true),
                arguments("\\B", "", false),
                arguments("\\B", "AB", false),
                arguments("A-Z", "A-Z", true),
                arguments("[A-]", "-", true),
                arguments("[A-]", "B", false),
                arguments("\\N{LATIN SMALL LETTER E WITH ACUTE}", "\u00e9", true),
                arguments("(?x) A B", "AB", true)
        );
    }

    @ParameterizedTest(name = "re.match({0}, {1}) -> {2}")
    @MethodSource("pythonAnswers")
    void matchesLikePythonReMatch(String pattern, String value, boolean expected) {
        assertEquals(expected, PythonRegex.compile(pattern).matcher(value).lookingAt());
    }

    /** Each of these makes Python's re.compile raise re.error. */
    @ParameterizedTest(name = "rejects {0}")
    @ValueSource(strings = {
                "A(B",
                "*A",
                "A**",
                "A{2}*",
                "(A)\\2",
                "(A\\1)",
                "\\p{L}",
                "[B-A]",
                "(?P<A>X)(?P<A>Y)",
                "(?P=Z)",
                "A(?i)",
                "A+(?#c)+",
                "\\8",
                "[\\8]",
                "\\400",
                "A{3,2}",
                "^*",
                ")"
    })
    void rejectsWhatPythonRejects(String pattern) {
        assertThrows(InvalidMatchKeyException.class, () -> PythonRegex.compile(pattern));
    }

    @Test
    void asciiAndLocaleFlagsAreAKnownGap() {
        assertThrows(InvalidMatchKeyException.class, () -> PythonRegex.compile("(?a)A"));
    }

    @Test
    void regexMatcherUsesTheTranslation() {
        Matcher m = Matchers.forKey("((?P<D>[0-9])X(?P=D))");
        assertEquals(1, m.match("1X1"));
        assertEquals(-1, m.match("1X2"));
        assertEquals(1, m.match("(?P<D>[0-9])X(?P=D)"), "the regex body itself matches via the base rule");
    }
}
