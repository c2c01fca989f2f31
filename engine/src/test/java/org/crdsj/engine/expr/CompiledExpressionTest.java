package org.crdsj.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.crdsj.grammar.RulesSyntaxException;
import org.crdsj.grammar.syntax.SourcePos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python semantics of each operator of the header expression language, errors included. */
class CompiledExpressionTest {
    private static final Map<String, String> HEADER = Map.of(
            "DETECTOR", "SBC", "CCDAMP", "A", "EMPTY", "", "LIFE_ADJ", "3.0", "NUM", "12");

    static Object eval(String source) {
        return CompiledExpression.compile(source, SourcePos.UNKNOWN).evaluate(HEADER::get);
    }

    static boolean isTrue(String source) {
        return CompiledExpression.compile(source, SourcePos.UNKNOWN).isTrue(HEADER::get);
    }

    static ExpressionError error(String source) {
        return assertThrows(ExpressionError.class, () -> eval(source));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "1 == 1.0                                    | true",
        "True == 1                                   | true",
        "False == 0.0                                | true",
        "1 == '1'                                    | false",
        "'1' == 1                                    | false",
        "None == None                                | true",
        "None == 0                                   | false",
        "None != None                                | false",
        "(1, 2) == (1.0, 2)                          | true",
        "(1,) == [1]                                 | false",
        "[1, 'a'] == [True, 'a']                     | true",
        "(1, 2) == (1, 2, 3)                         | false",
        "9007199254740993 == 9007199254740992.0      | false",
        "9007199254740992 == 9007199254740992.0      | true",
        "-0.0 == 0                                   | true",
        "1e999 == 1e999                              | true",
        "DETECTOR == 'SBC'                           | true",
        "DETECTOR != \"SBC\"                         | false",
        "LIFE_ADJ == 3.0                             | false",
        "LIFE_ADJ == '3.0'                           | true",
        "'a' < 'b'                                   | true",
        "'Z' < 'a'                                   | true",
        "'ab' < 'a'                                  | false",
        "'a' <= 'a'                                  | true",
        "'\\uffff' < '\\U00010000'                   | true",
        "NUM > '9'                                   | false",
        "1 < 2.5                                     | true",
        "2.5 >= 2                                    | true",
        "9007199254740993 > 9007199254740992.0       | true",
        "-1e999 < -123456789012345678901234567890    | true",
        "True < 2                                    | true",
        "(1, 2) < (1, 3)                             | true",
        "(1, 2) < (1, 2, 0)                          | true",
        "(1, 'a') < (2, 3)                           | true",
        "[2] > [1, 5]                                | true",
        "() <= ()                                    | true",
        "'BC' in 'ABCD'                              | true",
        "'' in 'abc'                                 | true",
        "'x' not in 'abc'                            | true",
        "'a' in ('a', 'b')                           | true",
        "1 in [1.0]                                  | true",
        "'1' in (1, 2)                               | false",
        "(1,) in [(1,), 2]                           | true",
        "DETECTOR not in ['SBC', 'HRC']              | false",
        "1 < 2 < 3                                   | true",
        "1 < 3 < 2                                   | false",
        "1 == 1.0 == True                            | true",
        "'a' in 'abc' in ('abc',)                    | true",
    })
    void comparisons(String source, boolean expected) {
        assertEquals(expected, eval(source));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'a' < 1               | '<' not supported between instances of 'str' and 'int'",
        "1 >= 'a'              | '>=' not supported between instances of 'int' and 'str'",
        "None < None           | '<' not supported between instances of 'NoneType' and 'NoneType'",
        "(1,) < [1]            | '<' not supported between instances of 'tuple' and 'list'",
        "(1, 'a') < (1, 3)     | '<' not supported between instances of 'str' and 'int'",
        "DETECTOR > 1.5        | '>' not supported between instances of 'str' and 'float'",
        "True <= 'x'           | '<=' not supported between instances of 'bool' and 'str'",
        "1 in 'abc'            | 'in <string>' requires string as left operand, not int",
        "None not in 'abc'     | 'in <string>' requires string as left operand, not NoneType",
        "('a',) in 'abc'       | 'in <string>' requires string as left operand, not tuple",
        "'x' in 1              | argument of type 'int' is not iterable",
        "'x' in None           | argument of type 'NoneType' is not iterable",
        "'x' not in 2.0        | argument of type 'float' is not iterable",
        "-DETECTOR             | bad operand type for unary -: 'str'",
        "-None                 | bad operand type for unary -: 'NoneType'",
        "-(1, 2)               | bad operand type for unary -: 'tuple'",
    })
    void typeErrors(String source, String message) {
        ExpressionError e = error(source);
        assertEquals("TypeError", e.pythonClass());
        assertEquals(message, e.getMessage());
        assertEquals("TypeError: " + message, e.toString());
    }

    @Test
    void undefinedNamesRaiseNameError() {
        ExpressionError e = error("(FOO == 'x')");
        assertEquals("NameError", e.pythonClass());
        assertEquals("name 'FOO' is not defined", e.getMessage());
        assertEquals("name 'true' is not defined", error("true").getMessage());
    }

    @Test
    void trueFalseNoneAreConstantsNotVariables() {
        Map<String, String> tricky = Map.of("True", "x", "None", "y");
        assertEquals(Boolean.TRUE, CompiledExpression.compile("True", SourcePos.UNKNOWN).evaluate(tricky::get));
        assertSame(PythonNone.NONE, CompiledExpression.compile("None", SourcePos.UNKNOWN).evaluate(tricky::get));
        assertEquals(Boolean.FALSE, eval("False"));
    }

    @Test
    void andOrReturnAnOperandAndShortCircuit() {
        assertEquals("x", eval("'' or 'x'"));
        assertEquals("", eval("'a' and ''"));
        assertEquals("b", eval("'a' and 'b'"));
        assertEquals("a", eval("'a' or 'b'"));
        assertSame(PythonNone.NONE, eval("0 or None"));
        assertEquals(0L, eval("0 and UNDEFINED_NAME"));
        assertEquals("SBC", eval("DETECTOR or UNDEFINED_NAME"));
        assertEquals(Boolean.FALSE, eval("1 > 2 < UNDEFINED_NAME")); // chained comparison is lazy too
        assertEquals(3L, eval("1 and 2 and 3"));
        assertEquals(0.0, eval("0.0 or '' or 0.0"));
    }

    @Test
    void notAndTruthiness() {
        assertEquals(Boolean.TRUE, eval("not ''"));
        assertEquals(Boolean.TRUE, eval("not EMPTY"));
        assertEquals(Boolean.FALSE, eval("not 'False'"));
        assertEquals(Boolean.TRUE, eval("not ()"));
        assertEquals(Boolean.TRUE, eval("not []"));
        assertEquals(Boolean.FALSE, eval("not (0,)"));
        assertEquals(Boolean.TRUE, eval("not 0.0"));
        assertEquals(Boolean.TRUE, eval("not -0.0"));
        assertEquals(Boolean.FALSE, eval("not 123456789012345678901234567890"));
        assertEquals(Boolean.TRUE, eval("not None"));
        assertTrue(isTrue("DETECTOR"));
        assertFalse(isTrue("EMPTY"));
        assertTrue(isTrue("'False'"));
    }

    @Test
    void unaryMinus() {
        assertEquals(-1L, eval("-(1)"));
        assertEquals(-1L, eval("-True"));
        assertEquals(0L, eval("-False"));
        assertEquals(-2.5, eval("-(2.5)"));
        assertEquals(new BigInteger("9223372036854775808"), eval("-(-9223372036854775808)"));
        assertEquals(Long.MIN_VALUE, eval("-(9223372036854775808)"));
        assertEquals(1L, eval("--1"));
    }

    @Test
    void conditionalExpression() {
        assertEquals("yes", eval("'yes' if DETECTOR == 'SBC' else UNDEFINED_NAME"));
        assertEquals("no", eval("UNDEFINED_NAME if EMPTY else 'no'"));
    }

    @Test
    void resultTypes() {
        assertEquals("abc", eval("'abc'"));
        assertEquals(12L, eval("12"));
        assertEquals(new BigInteger("123456789012345678901234567890"), eval("123456789012345678901234567890"));
        assertEquals(1.5, eval("1.5"));
        PythonSequence t = (PythonSequence) eval("(1, 'a')");
        assertTrue(t.isTuple());
        assertEquals(List.of(1L, "a"), t);
        PythonSequence l = (PythonSequence) eval("[DETECTOR]");
        assertFalse(l.isTuple());
        assertEquals(List.of("SBC"), l);
        assertThrows(UnsupportedOperationException.class, () -> l.add("x"));
    }

    @Test
    void compileKeepsSourceAndRejectsBadSyntax() {
        CompiledExpression c = CompiledExpression.compile("(DETECTOR == 'SBC')", SourcePos.UNKNOWN);
        assertEquals("(DETECTOR == 'SBC')", c.source());
        assertEquals("(DETECTOR == 'SBC')", c.toString());
        RulesSyntaxException e = assertThrows(RulesSyntaxException.class,
                () -> CompiledExpression.compile("(DETECTOR x= \"SBC\")", new SourcePos("f.rmap", 3, 7)));
        assertEquals(new SourcePos("f.rmap", 3, 18), e.pos());
        assertThrows(RulesSyntaxException.class, () -> CompiledExpression.compile("a.b == 1", SourcePos.UNKNOWN));
    }
}
