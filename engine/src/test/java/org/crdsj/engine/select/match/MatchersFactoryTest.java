package org.crdsj.engine.select.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The matcher factory on the CRDS doctest keys (spec 7.2; raw, unconditioned keys) and its rule order. */
class MatchersFactoryTest {

    static Stream<Arguments> doctests() {
        return Stream.of(
                arguments("{||*|}", "0", -1), arguments("{||*|}", "||*|", 1),
                arguments("{for|me}", "for", -1), arguments("{for|me}", "me", -1), arguments("{for|me}", "for|me", 1),
                arguments("(something(0|1|2)f?tricky)", "something5tricky", -1),
                arguments("(something(0|1|2)f?tricky)", "something1tricky", 1),
                arguments("(something(0|1|2)f?tricky)", "something1ftricky", 1),
                arguments("(something(0|1|2)f?tricky)", "somethingttricky", -1),
                arguments("(something(0|1|2)f?tricky)", "foo", -1),
                arguments("(something(0|1|2)f?tricky)", "N/A", 0),
                arguments("(something(0|1|2)f?tricky)", "*", 1),
                arguments("# >1 and <=20 #", "4", 1), arguments("# >1 and <=20 #", "-1", -1),
                arguments("# >1 and <=20 #", "20", 1), arguments("# >1 and <=20 #", "21", -1),
                arguments("# >1 and <=20 #", "*", 1), arguments("# >1 and <=20 #", "N/A", 0),
                arguments("#>20 or <5#", "4", 1), arguments("#>20 or <5#", "5", -1),
                arguments("#>20 or <5#", "-1", 1), arguments("#>20 or <5#", "20", -1),
                arguments("#>20 or <5#", "21", 1), arguments("#>20 or <5#", "20.1", 1),
                arguments("#>20 or <5#", "#>20 OR <5#", 1), arguments("#>20 or <5#", "#>20 or <27#", -1),
                arguments("between 3000 3200", "2999.99", -1), arguments("between 3000 3200", "3000", 1),
                arguments("between 3000 3200", "3100", 1), arguments("between 3000 3200", "3199.99", 1),
                arguments("between 3000 3200", "3200", -1), arguments("between 3000 3200", "*", 1),
                arguments("between 3000 3200", "N/A", 0),
                arguments("N/A", "1", 0), arguments("N/A", "N/A", 0), arguments("N/A", "*", 0),
                arguments("not between 3000 3200", "2999.99", 1), arguments("not between 3000 3200", "3000", -1),
                arguments("not between 3000 3200", "3100", -1), arguments("not between 3000 3200", "3199.99", -1),
                arguments("not between 3000 3200", "3200", 1), arguments("not between 3000 3200", "*", -1),
                arguments("not between 3000 3200", "N/A", 0),
                arguments("not #>20 or <5#", "#>20 OR <5#", -1), arguments("not #>20 or <5#", "#>20 or <27#", 1),
                arguments("not (something(0|1|2)f?tricky)", "something5tricky", 1),
                arguments("not (something(0|1|2)f?tricky)", "something1tricky", -1),
                arguments("not (something(0|1|2)f?tricky)", "something1ftricky", -1),
                arguments("not (something(0|1|2)f?tricky)", "somethingttricky", 1),
                arguments("not (something(0|1|2)f?tricky)", "foo", 1),
                arguments("not (something(0|1|2)f?tricky)", "N/A", 0),
                arguments("not (something(0|1|2)f?tricky)", "*", -1),
                arguments("not {||*|}", "0", 1), arguments("not {||*|}", "||*|", -1),
                arguments("not {for|me}", "for", 1), arguments("not {for|me}", "me", 1),
                arguments("not {for|me}", "for|me", -1),
                // InequalityMatcher doctests, through the factory
                arguments(">1.2", "1.3", 1), arguments(">1.2", "1.2", -1), arguments(">1.2", "-100", -1),
                arguments("<1.2", "1.3", -1), arguments("<1.2", "1.2", -1), arguments("<1.2", "-100", 1),
                arguments("<1.2", "*", 1), arguments("<1.2", "N/A", 0));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("doctests")
    void crdsDoctests(String key, String value, int expected) {
        assertEquals(expected, Matchers.forKey(key).match(value));
    }

    static Stream<Arguments> tupleDoctest() {
        return Stream.of(arguments("far", -1), arguments("fo", -1), arguments("foo", 1), arguments("baz", 1),
                arguments("ba", -1));
    }

    @ParameterizedTest(name = "('foo','bar','baz') on {0} -> {1}")
    @MethodSource("tupleDoctest")
    void tupleKeyIsAnOrGlob(String value, int expected) {
        assertEquals(expected, Matchers.forAlternatives(List.of("foo", "bar", "baz")).match(value));
    }

    @Test
    void badBetweenIsRejectedWithCrdsWording() {
        InvalidMatchKeyException e = assertThrows(InvalidMatchKeyException.class, () -> Matchers.forKey("between 42 39"));
        assertEquals("Invalid between relation 'between 42 39' should be 'between lower_bound upper_bound'", e.getMessage());
        e = assertThrows(InvalidMatchKeyException.class, () -> Matchers.forKey("BETWEEN 1 2 3"));
        assertEquals("Invalid between relation 'BETWEEN 1 2 3'", e.getMessage());
        assertThrows(InvalidMatchKeyException.class, () -> Matchers.forKey("BETWEENNESS"));
        assertThrows(InvalidMatchKeyException.class, () -> Matchers.forKey("BETWEEN X 2"));
        assertThrows(InvalidMatchKeyException.class, () -> Matchers.forKey("BETWEEN 1 NAN"));
        // float() accepts inf, but the inequality it builds has no number: CRDS fails there too
        assertThrows(InvalidMatchKeyException.class, () -> Matchers.forKey("BETWEEN 1 INF"));
    }

    @Test
    void betweenIsHalfOpenAndKeepsItsSynthesisedKey() {
        Matcher m = Matchers.forKey("BETWEEN 1 5");
        assertInstanceOf(BinaryMatcher.class, m);
        assertEquals(">=1 AND <5", m.key());
        assertEquals(1, m.match(">=1 AND <5"));
        assertEquals(1, m.match("1"));
        assertEquals(-1, m.match("5"));
        assertEquals(1, Matchers.forKey("BETWEEN 5 5").match("*"));
        assertEquals(-1, Matchers.forKey("BETWEEN 5 5").match("5"));
        // the first word is only tested for its BETWEEN prefix
        assertEquals(1, Matchers.forKey("BETWEENX\t1  5").match("3"));
        // float() reads 1_0 as 10, but the inequality only reads its leading number: >=1
        assertEquals(1, Matchers.forKey("BETWEEN 1_0 20").match("5"));
    }

    @Test
    void hashKeysAreUpperCasedAndInnerTextIsNotStripped() {
        assertInstanceOf(LiteralMatcher.class, Matchers.forKey("# >5 #"));
        assertEquals(" >5 ", Matchers.forKey("# >5 #").key());
        assertInstanceOf(InequalityMatcher.class, Matchers.forKey("#>5#"));
        assertEquals("ABC", Matchers.forKey("#abc#").key());
        assertInstanceOf(GlobMatcher.class, Matchers.forKey("#a|b#"));
        assertEquals("", Matchers.forKey("#").key());
        assertEquals("#>1 AND <9#", Matchers.forKey("#>1 and <9#").key());
    }

    @Test
    void binarySplitsOnTheOperatorAsPlainSubstring() {
        // "BRAND AND X" splits on every "AND": pieces "BR", " ", " X" -> only "BR" and "" are used
        BinaryMatcher m = (BinaryMatcher) Matchers.forKey("#brand and x#");
        assertEquals("BR", m.left().key());
        assertEquals("", m.right().key());
        assertEquals(BinaryMatcher.Operator.AND, m.operator());
        assertEquals(-1, m.match("BR"));
        BinaryMatcher or = (BinaryMatcher) Matchers.forKey("#brand or x#");
        assertEquals(1, or.match("x"), "the value is upper-cased before the sub-matchers see it");
        // AND is preferred when both words occur
        assertEquals(BinaryMatcher.Operator.AND, ((BinaryMatcher) Matchers.forKey("#A OR B AND C#")).operator());
    }

    @Test
    void ruleOrder() {
        assertEquals(MatcherKind.REGEX, Matchers.forKey("(A|B*)").kind());
        assertEquals("A|B*", Matchers.forKey("(A|B*)").key());
        assertEquals(MatcherKind.LITERAL, Matchers.forKey("{A|B*}").kind());
        assertEquals(MatcherKind.BINARY, Matchers.forKey("#>1 OR <0#").kind());
        assertEquals(MatcherKind.NOT, Matchers.forKey("NOT A|B").kind());
        assertEquals(MatcherKind.GLOB, ((NotMatcher) Matchers.forKey("NOT A|B")).inner().kind());
        assertEquals(MatcherKind.LITERAL, Matchers.forKey("NOTHING").kind(), "NOT needs its space");
        assertEquals(MatcherKind.GLOB, Matchers.forKey(">1*").kind(), "glob wins over inequality");
        assertEquals(MatcherKind.GLOB, Matchers.forKey("N/A|X").kind());
        assertEquals(MatcherKind.NA, Matchers.forKey("N/A").kind());
        assertEquals(MatcherKind.LITERAL, Matchers.forKey("n/a").kind());
        assertEquals(MatcherKind.INEQUALITY, Matchers.forKey("<=3").kind());
        assertEquals(MatcherKind.LITERAL, Matchers.forKey("A?").kind(), "? alone does not make a glob");
        assertEquals(MatcherKind.LITERAL, Matchers.forKey("").kind());
        assertTrue(Matchers.forKey("HRC").isLiteral());
        assertEquals("HRC", Matchers.forKey("HRC").key());
        assertEquals("N/A", Matchers.forKey("{N/A}").key());
        assertEquals(1, Matchers.forKey("{N/A}").match("N/A"), "only {N/A} turns an N/A value into a match");
    }

    @Test
    void notStripsTheRestAndKeepsZero() {
        NotMatcher m = (NotMatcher) Matchers.forKey("NOT   HRC  ");
        assertEquals("HRC", m.inner().key());
        assertEquals("NOT   HRC  ", m.key());
        assertEquals(0, Matchers.forKey("NOT N/A").match("X"));
        assertEquals(1, Matchers.forKey("NOT NOT HRC").match("HRC"));
    }

    @Test
    void inequalityParsing() {
        InequalityMatcher m = (InequalityMatcher) Matchers.forKey(">=  -1.5e3 trailing");
        assertEquals(InequalityMatcher.Operator.GE, m.operator());
        assertEquals(-1500.0, m.bound());
        assertEquals(5.0, ((InequalityMatcher) Matchers.forKey("<5.")).bound(), "'5.' reads as 5");
        assertEquals(0.5, ((InequalityMatcher) Matchers.forKey("<.5")).bound());
        assertEquals(InequalityMatcher.Operator.LT, ((InequalityMatcher) Matchers.forKey("<\u00a02")).operator(),
                "Python \\s includes no-break space");
        assertThrows(InvalidMatchKeyException.class, () -> Matchers.forKey(">ABC"));
        assertThrows(InvalidMatchKeyException.class, () -> Matchers.forKey("<"));
        Matcher gt = Matchers.forKey(">1");
        assertEquals(1, gt.match(" 2 "), "Python float() strips whitespace");
        assertEquals(1, gt.match("1_000"));
        assertEquals(1, gt.match("INF"));
        assertEquals(-1, gt.match("NAN"));
        assertEquals(-1, gt.match("2X"));
        assertEquals(-1, gt.match(""));
        assertEquals(1, gt.match(">1"), "the key text itself matches via the base rule");
    }

    @Test
    void badRegexIsRejectedWithDetail() {
        InvalidMatchKeyException e = assertThrows(InvalidMatchKeyException.class, () -> Matchers.forKey("(A(B)"));
        assertTrue(e.getMessage().contains("A(B"), e.getMessage());
        assertThrows(InvalidMatchKeyException.class, () -> Matchers.forKey("(\\p{L})"), "Python has no \\p");
    }

    @Test
    void regexMatchesAtTheStartOnly() {
        Matcher m = Matchers.forKey("(F.*R)");
        assertEquals(1, m.match("FOOBAR"));
        assertEquals(1, m.match("FARAWAY"));
        assertEquals(-1, m.match("XFOOBAR"));
        assertEquals(-1, m.match("foobar"));
    }
}
