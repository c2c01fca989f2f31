package org.crdsj.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python repr rules for strings and the literal forms printed for other values. */
class SyntaxPrinterTest {
    private static final SourcePos U = SourcePos.UNKNOWN;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "abc         | 'abc'",
        "''          | ''",
        "it's        | \"it's\"",
        "say \"hi\"  | 'say \"hi\"'",
        "it's \"x\"  | 'it\\'s \"x\"'",
        "a\\b        | 'a\\\\b'",
        "\u00e9\u4e2d | '\u00e9\u4e2d'",
    })
    void reprOfStrings(String text, String repr) {
        assertEquals(repr, SyntaxPrinter.repr(text.equals("''") ? "" : text));
    }

    @Test
    void reprEscapesControlAndNonPrintableCharacters() {
        assertEquals("'\\n\\r\\t\\x00\\x1f\\x7f'", SyntaxPrinter.repr("\n\r\t\0\u001f\u007f"));
        assertEquals("'\\x85\\xa0\\u2028\\ud800'", SyntaxPrinter.repr("\u0085\u00a0\u2028\ud800"));
        assertEquals("'\uD83D\uDE00'", SyntaxPrinter.repr("\uD83D\uDE00")); // printable emoji kept
        assertEquals("'\\U000e0001'", SyntaxPrinter.repr(new String(Character.toChars(0xE0001))));
        assertEquals("' '", SyntaxPrinter.repr(" "));
    }

    @Test
    void valuesPrintAsPythonLiterals() {
        Value.Str a = new Value.Str("A", U);
        assertEquals("()", SyntaxPrinter.print(new Value.Tuple(List.of(), U)));
        assertEquals("('A',)", SyntaxPrinter.print(new Value.Tuple(List.of(a), U)));
        assertEquals("('A', -1, 2.50, True, None)", SyntaxPrinter.print(new Value.Tuple(List.of(a,
                new Value.Int(BigInteger.valueOf(-1), U), new Value.Flt(2.5, "2.50", U),
                new Value.Bool(true, U), new Value.None(U)), U)));
        assertEquals("['A', False]", SyntaxPrinter.print(new Value.ListVal(List.of(a, new Value.Bool(false, U)), U)));
        Value.Dict d = new Value.Dict(List.of(new Value.Entry(a, a), new Value.Entry(a, new Value.Int(BigInteger.TEN, U))), U);
        assertEquals("{'A': 'A', 'A': 10}", SyntaxPrinter.print(d));
        assertEquals("UseAfter({'A': 'A', 'A': 10})", SyntaxPrinter.print(new Value.Call("UseAfter", d, U)));
    }

    @Test
    void expressionsPrintFullyParenthesised() {
        Expr e = ExpressionParser.parse("not A == -1 and B in ('x', 'y') or -C if D else [E]", U);
        assertEquals("((((not (A == (-1))) and (B in ('x', 'y'))) or (-C)) if D else [E])",
                ExpressionPrinter.print(e));
        assertEquals("(-(1))", ExpressionPrinter.print(ExpressionParser.parse("-(1)", U)));
    }
}
