package org.crdsj.engine.select.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Glob keys: the spec 7.2 doctests and fnmatch corner cases whose answers came from Python 3.11. */
class GlobMatcherTest {

    static Stream<Arguments> doctests() {
        return Stream.of(
                arguments("foo", "bar", -1), arguments("foo", "foo", 1), arguments("foo", "fo", -1),
                arguments("fo*o|bar*|baz", "far", -1), arguments("fo*o|bar*|baz", "fo", -1),
                arguments("fo*o|bar*|baz", "foo", 1), arguments("fo*o|bar*|baz", "fo1o", 1),
                arguments("fo*o|bar*|baz", "baz", 1), arguments("fo*o|bar*|baz", "ba", -1),
                arguments("fo*o|bar*|baz", "bar12", 1),
                arguments("UVIS-SUB-QUAD|UVIS-SUB-W2K", "UVIS-SUB", -1),
                arguments("UVIS-SUB-QUAD|UVIS-SUB-W2K", "UVIS-SUB-QUAD", 1),
                arguments(" UVIS-SUB-QUAD  |  UVIS-SUB-W2K  ", "UVIS-SUB-QUAD", 1),
                arguments(" UVIS-SUB-QUAD  |  UVIS-SUB-W2K  ", "*", 1),
                arguments(" UVIS-SUB-QUAD  |  UVIS-SUB-W2K  ", "N/A", 0));
    }

    /** The GlobMatcher doctests construct the matcher directly (even for keys without | or *). */
    @ParameterizedTest(name = "glob {0} on {1} -> {2}")
    @MethodSource("doctests")
    void crdsDoctests(String key, String value, int expected) {
        assertEquals(expected, new GlobMatcher(key).match(value));
    }

    /** Expected values computed with re.match('^(' + fnmatch.translate(p) + ')$', v) on Python 3.11. */
    static Stream<Arguments> fnmatchCorners() {
        return Stream.of(
                arguments("[z-a]", "z", -1),
                arguments("[z-a]", "a", -1),
                arguments("[z-a]", "-", -1),
                arguments("[!z-a]", "q", 1),
                arguments("[a-c-e]", "-", 1),
                arguments("[a-c-e]", "d", -1),
                arguments("[a-c-e]", "e", 1),
                arguments("[a-]", "-", 1),
                arguments("[a-]", "b", -1),
                arguments("[!-a]", "-", -1),
                arguments("[!-a]", "b", 1),
                arguments("[]-a]", "^", 1),
                arguments("[]-a]", "]", 1),
                arguments("[]a]", "]", 1),
                arguments("[!]a]", "]", -1),
                arguments("[!]a]", "b", 1),
                arguments("[!b-a]", "x", 1),
                arguments("[!b-a]", "\n", 1),
                arguments("[z-a-q]", "-", 1),
                arguments("[z-a-q]", "q", 1),
                arguments("[z-a-q]", "b", -1),
                arguments("[b-a-z-y]", "-", 1),
                arguments("[b-a-z-y]", "b", -1),
                arguments("[\\-z]", "a", 1),
                arguments("[\\-z]", "\\", 1),
                arguments("[\\]", "\\", 1),
                arguments("[^a]", "^", 1),
                arguments("[^a]", "b", -1),
                arguments("[[a]", "[", 1),
                arguments("a[", "a[", 1),
                arguments("a[b", "a[b", 1),
                arguments("[", "[", 1),
                arguments("a*", "a\nb", 1),
                arguments("a?c", "a\nc", 1),
                arguments("[!a]", "\n", 1),
                arguments("*[&&]", "x&", 1),
                arguments("[a--z]", "z", 1),
                arguments("[a--z]", "-", -1),
                arguments("[a--z]", "b", -1),
                arguments("*", "", 1),
                arguments("A\ud83d\ude00?", "A\ud83d\ude00\ud83d\ude01", 1),
                arguments("?", "\ud83d\ude00", 1),
                arguments("[\ud83d\ude00-\ud83d\ude02]", "\ud83d\ude01", 1),
                arguments("??", "\ud83d\ude00", -1)
        );
    }

    @ParameterizedTest(name = "fnmatch {0} on {1} -> {2}")
    @MethodSource("fnmatchCorners")
    void followsFnmatchTranslate(String glob, String value, int expected) {
        assertEquals(expected == 1, new GlobPattern(glob).matches(value));
    }

    @Test
    void partsAreSortedStrippedAndDeduplicatedOfEmpties() {
        assertEquals(List.of("BAR", "BAZ", "FOO"), new GlobMatcher("FOO| BAR |BAZ||").alternatives());
        assertEquals(MatcherKind.GLOB, new GlobMatcher("A|B").kind());
        assertEquals("A|B", new GlobMatcher("A|B").key());
    }

    @Test
    void globMatchesAreCaseSensitiveAndWhole() {
        Matcher m = Matchers.forKey("F*R|X?");
        assertEquals(1, m.match("FOOBAR"));
        assertEquals(-1, m.match("foobar"));
        assertEquals(-1, m.match("FOOBARS"));
        assertEquals(1, m.match("XY"));
        assertEquals(-1, m.match("XYZ"));
        assertEquals(-1, m.match("F*R|X?"), "the key text itself is not a match (CRDS compares the translated regex)");
    }

    @Test
    void keyWithOnlyBarsIsCrdsEmptyAlternation() {
        Matcher m = Matchers.forKey("|");
        assertEquals(1, m.match(""));
        assertEquals(1, m.match("\n"));
        assertEquals(-1, m.match("A"));
    }

    @Test
    void esotericGlobIsNotSplit() {
        // upper-cases to something starting with NOT, so glob_list keeps it whole: '|' is literal
        Matcher m = new GlobMatcher("NOTA|B");
        assertEquals(List.of("NOTA|B"), ((GlobMatcher) m).alternatives());
        assertEquals(1, m.match("NOTA|B"));
        assertEquals(-1, m.match("B"));
    }

    @Test
    void descendingRangesAreDroppedNotRejected() {
        // fnmatch removes every descending range it builds, so such globs compile and match nothing there
        assertEquals(-1, new GlobMatcher("[z-a]").match("m"));
        for (String v : new String[] {"-", "!", " ", "\""}) {
            assertEquals(false, new GlobPattern("[--!]").matches(v), v); // Python 3.11: matches nothing
        }
    }
}
