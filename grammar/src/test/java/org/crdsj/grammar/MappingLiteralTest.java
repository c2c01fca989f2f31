package org.crdsj.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.List;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each literal form of the mapping language, with the value and position it produces. */
class MappingLiteralTest {
    private static final SourcePos U = SourcePos.UNKNOWN;

    /** Parses {@code literal} as the value of a header entry and returns it. */
    static Value literal(String literal) {
        MappingSyntax m = MappingParser.parse("header = {'v': " + literal + "}\nselector = Match({})\n", "t.rmap");
        return m.header().entries().get(0).value();
    }

    static Value plain(String literal) {
        return SyntaxEquality.strip(literal(literal));
    }

    static Value.Str str(String s) {
        return new Value.Str(s, U);
    }

    @Test
    void stringQuotesAndPrefixes() {
        assertEquals(str("abc"), plain("'abc'"));
        assertEquals(str("abc"), plain("\"abc\""));
        assertEquals(str("a'b"), plain("\"a'b\""));
        assertEquals(str("a\"b"), plain("'a\"b'"));
        assertEquals(str("x\ny"), plain("'''x\ny'''"));
        assertEquals(str("x 'q' \"\"y"), plain("\"\"\"x 'q' \"\"y\"\"\""));
        assertEquals(str("abc"), plain("u'abc'"));
        assertEquals(str("abc"), plain("U\"abc\""));
        assertEquals(str("a\\nb"), plain("r'a\\nb'"));
        assertEquals(str("a\\'b"), plain("R'a\\'b'"));
        assertEquals(str(""), plain("''"));
        assertEquals(str("# >3000 and <=4200 #"), plain("'# >3000 and <=4200 #'"));
    }

    @Test
    void adjacentStringsConcatenate() {
        assertEquals(str("abcdef"), plain("'ab' \"cd\" u'ef'"));
        assertEquals(str("abcd"), plain("'ab'\n   'cd'"));
        assertEquals(new SourcePos("t.rmap", 1, 16), literal("'ab' 'cd'").pos());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'a\\\\b'      | a\\b",
        "'a\\'b'       | a'b",
        "'a\\\"b'      | a\"b",
        "'\\x41\\x7a'  | Az",
        "'\\u00e9'     | \u00e9",
        "'\\U0001F600' | \uD83D\uDE00",
        "'\\101'       | A",
        "'\\d'         | \\d",
    })
    void escapes(String literal, String expected) {
        assertEquals(str(expected), plain(literal));
    }

    @Test
    void controlEscapes() {
        assertEquals(str("\n\t\r\u0007\b\f\u000b\0"), plain("'\\n\\t\\r\\a\\b\\f\\v\\0'"));
        assertEquals(str("ab"), plain("'a\\\nb'")); // backslash-newline joins lines
    }

    @Test
    void integers() {
        assertEquals(new Value.Int(BigInteger.valueOf(19), U), plain("19"));
        assertEquals(new Value.Int(BigInteger.ZERO, U), plain("0"));
        assertEquals(new Value.Int(BigInteger.ZERO, U), plain("00"));
        assertEquals(new Value.Int(new BigInteger("4294967295"), U), plain("4294967295"));
        assertEquals(new Value.Int(new BigInteger("123456789012345678901234567890"), U),
                plain("123456789012345678901234567890"));
        assertEquals(new Value.Int(BigInteger.valueOf(-1), U), plain("-1"));
        assertEquals(new Value.Int(BigInteger.valueOf(-2147483648L), U), plain("-2147483648"));
        assertEquals(new Value.Int(BigInteger.valueOf(-5), U), plain("- 5"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "19.0     | 19.0    | 19.0",
        "1.       | 1.0     | 1.",
        ".5       | 0.5     | .5",
        "1e5      | 100000  | 1e5",
        "1.5E-3   | 0.0015  | 1.5E-3",
        "01.5     | 1.5     | 01.5",
        "1.e2     | 100     | 1.e2",
        "-2048.0  | -2048.0 | -2048.0",
        "-.5      | -0.5    | -.5",
        "1e999    | Infinity | 1e999",
    })
    void floats(String literal, double value, String text) {
        assertEquals(new Value.Flt(value, text, U), plain(literal));
    }

    @Test
    void negativeNumberPositionIsTheMinus() {
        assertEquals(new SourcePos("t.rmap", 1, 16), literal("-1").pos());
    }

    @Test
    void constants() {
        assertEquals(new Value.Bool(true, U), plain("True"));
        assertEquals(new Value.Bool(false, U), plain("False"));
        assertEquals(new Value.None(U), plain("None"));
    }

    @Test
    void tuples() {
        assertEquals(new Value.Tuple(List.of(), U), plain("()"));
        assertEquals(new Value.Tuple(List.of(str("A")), U), plain("('A',)"));
        assertEquals(str("A"), plain("('A')"));
        assertEquals(str("A"), plain("((('A')))"));
        assertEquals(new Value.Tuple(List.of(str("A"), str("B")), U), plain("('A', 'B')"));
        assertEquals(new Value.Tuple(List.of(str("A"), str("B")), U), plain("('A', 'B',)"));
        assertEquals(new Value.Tuple(List.of(
                new Value.Tuple(List.of(str("DETECTOR"), str("CCDAMP")), U),
                new Value.Tuple(List.of(str("DATE-OBS"), str("TIME-OBS")), U)), U),
                plain("(('DETECTOR','CCDAMP'), ('DATE-OBS','TIME-OBS'))"));
        assertEquals(new SourcePos("t.rmap", 1, 16), literal("('A',)").pos());
        assertEquals(new SourcePos("t.rmap", 1, 17), literal("('A')").pos());
    }

    @Test
    void listsAndDicts() {
        assertEquals(new Value.ListVal(List.of(), U), plain("[]"));
        assertEquals(new Value.ListVal(List.of(str("a"), new Value.Int(BigInteger.ONE, U)), U), plain("['a', 1,]"));
        assertEquals(new Value.Dict(List.of(), U), plain("{}"));
        Value.Dict d = (Value.Dict) plain("{'k': 1, 'k': 2, ('A', 1): {'n': None},}");
        assertEquals(List.of(
                new Value.Entry(str("k"), new Value.Int(BigInteger.ONE, U)),
                new Value.Entry(str("k"), new Value.Int(BigInteger.TWO, U)),
                new Value.Entry(new Value.Tuple(List.of(str("A"), new Value.Int(BigInteger.ONE, U)), U),
                        new Value.Dict(List.of(new Value.Entry(str("n"), new Value.None(U))), U))),
                d.entries());
    }

    @Test
    void selectorCalls() {
        for (String sel : List.of("Match", "UseAfter", "VersionAfter", "SelectVersion", "ClosestTime",
                "GeometricallyNearest", "Bracket")) {
            Value.Call c = (Value.Call) plain(sel + "({'a': 'b'},)");
            assertEquals(sel, c.selector());
            assertEquals(1, c.selections().entries().size());
        }
        Value.Call nested = (Value.Call) literal("Match({\n    ('HRC',) : UseAfter({\n        '1991-01-01 00:00:00' : 'x.fits',\n    }),\n})");
        assertEquals(new SourcePos("t.rmap", 1, 16), nested.pos());
        Value.Call inner = (Value.Call) nested.selections().entries().get(0).value();
        assertEquals(new SourcePos("t.rmap", 2, 16), inner.pos());
        assertEquals(new SourcePos("t.rmap", 3, 9), inner.selections().entries().get(0).key().pos());
    }

    @Test
    void statementsCommentsAndNewlines() {
        String text = "'''A docstring.'''\n"
                + "# a comment\n"
                + "header = {   # comment inside brackets\n"
                + "  'a' : '# not a comment',\n"
                + "}\n"
                + "\n"
                + "comment = '''first'''; comment = \"second\"\n"
                + "selector = Match({})\n"
                + "selector = UseAfter({})  # last wins";
        MappingSyntax m = MappingParser.parse(text, "t.rmap");
        assertEquals(str("# not a comment"), SyntaxEquality.strip(m.header().entries().get(0).value()));
        assertEquals("second", m.comment());
        assertEquals("UseAfter", ((Value.Call) m.selector()).selector());
        assertEquals(new SourcePos("t.rmap", 9, 12), m.selector().pos());
        assertEquals(new SourcePos("t.rmap", 3, 10), m.header().pos());
    }

    @Test
    void commentIsOptionalAndHeaderMayBeParenthesised() {
        MappingSyntax m = MappingParser.parse("header = ({'a': 1})\nselector = ({})\n", "t.pmap");
        assertNull(m.comment());
        assertEquals(new Value.Dict(List.of(), U), SyntaxEquality.strip(m.selector()));
    }

    @Test
    void lineEndsAreNormalised() {
        MappingSyntax crlf = MappingParser.parse("header = {'a': '''x\r\ny'''}\r\nselector = Match({})\r\n", "t.rmap");
        MappingSyntax cr = MappingParser.parse("header = {'a': '''x\ry'''}\rselector = Match({})\r", "t.rmap");
        assertEquals(str("x\ny"), SyntaxEquality.strip(crlf.header().entries().get(0).value()));
        assertEquals(SyntaxEquality.strip(crlf), SyntaxEquality.strip(cr));
        assertEquals(new SourcePos("t.rmap", 3, 12), cr.selector().pos());
    }
}
