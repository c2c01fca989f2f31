package org.crdsj.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.expr.Expr.CompareOp;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The header expression language: accepted forms, their trees and positions, and rejections. */
class ExpressionParserTest {
    private static final SourcePos U = SourcePos.UNKNOWN;
    /** As if the expression's string literal opened at column 20 of line 5. */
    private static final SourcePos ORIGIN = new SourcePos("t.rmap", 5, 20);

    static Expr parse(String source) {
        return SyntaxEquality.strip(ExpressionParser.parse(source, ORIGIN));
    }

    static Expr name(String id) {
        return new Expr.Name(id, U);
    }

    static Expr str(String s) {
        return new Expr.Const(new Value.Str(s, U), U);
    }

    static Expr integer(long v) {
        return new Expr.Const(new Value.Int(BigInteger.valueOf(v), U), U);
    }

    static Expr cmp(Expr left, CompareOp op, Expr right) {
        return new Expr.Compare(left, List.of(op), List.of(right), U);
    }

    @Test
    void namesAndConstants() {
        assertEquals(name("DETECTOR"), parse("DETECTOR"));
        assertEquals(name("META_EXPOSURE_TYPE"), parse("META_EXPOSURE_TYPE"));
        assertEquals(str("SBC"), parse("\"SBC\""));
        assertEquals(str("ab"), parse("'a' 'b'"));
        assertEquals(integer(3), parse("3"));
        assertEquals(new Expr.Const(new Value.Flt(3.0, "3.0", U), U), parse("3.0"));
        assertEquals(new Expr.Const(new Value.Bool(true, U), U), parse("True"));
        assertEquals(new Expr.Const(new Value.Bool(false, U), U), parse("False"));
        assertEquals(new Expr.Const(new Value.None(U), U), parse("None"));
    }

    @Test
    void unaryMinusFoldsIntoNumbersOnly() {
        assertEquals(integer(-1), parse("-1"));
        assertEquals(new Expr.Const(new Value.Flt(-2.5, "-2.5", U), U), parse("-2.5"));
        assertEquals(new Expr.Neg(integer(1), U), parse("-(1)"));
        assertEquals(new Expr.Neg(integer(-1), U), parse("--1"));
        assertEquals(new Expr.Neg(name("X"), U), parse("-X"));
    }

    @Test
    void tuplesListsAndParentheses() {
        assertEquals(name("A"), parse("(A)"));
        assertEquals(new Expr.TupleExpr(List.of(name("A")), U), parse("(A,)"));
        assertEquals(new Expr.TupleExpr(List.of(), U), parse("()"));
        assertEquals(new Expr.TupleExpr(List.of(name("A"), str("b")), U), parse("A, 'b'"));
        assertEquals(new Expr.ListExpr(List.of(str("SPARS4"), str("SPARS16")), U), parse("[\"SPARS4\",\"SPARS16\",]"));
    }

    @Test
    void booleanOperatorsFlattenLikePython() {
        assertEquals(new Expr.BoolOp(true, List.of(name("a"), name("b"), name("c")), U), parse("a and b and c"));
        assertEquals(new Expr.BoolOp(false, List.of(name("a"),
                new Expr.BoolOp(true, List.of(name("b"), name("c")), U)), U), parse("a or b and c"));
        assertEquals(new Expr.BoolOp(true, List.of(
                new Expr.BoolOp(true, List.of(name("a"), name("b")), U), name("c")), U), parse("(a and b) and c"));
        assertEquals(new Expr.Not(new Expr.Not(name("a"), U), U), parse("not not a"));
        assertEquals(new Expr.Not(cmp(name("a"), CompareOp.EQ, name("b")), U), parse("not a == b"));
    }

    @Test
    void comparisons() {
        assertEquals(cmp(name("a"), CompareOp.EQ, str("x")), parse("a == 'x'"));
        assertEquals(cmp(name("a"), CompareOp.NE, str("x")), parse("a != 'x'"));
        assertEquals(cmp(name("a"), CompareOp.LT, integer(1)), parse("a < 1"));
        assertEquals(cmp(name("a"), CompareOp.LE, integer(1)), parse("a <= 1"));
        assertEquals(cmp(name("a"), CompareOp.GT, integer(1)), parse("a > 1"));
        assertEquals(cmp(name("a"), CompareOp.GE, integer(1)), parse("a >= 1"));
        assertEquals(cmp(name("a"), CompareOp.IN, name("b")), parse("a in b"));
        assertEquals(cmp(name("a"), CompareOp.NOT_IN, name("b")), parse("a not in b"));
        assertEquals(new Expr.Compare(name("a"), List.of(CompareOp.LT, CompareOp.LE, CompareOp.NOT_IN),
                List.of(name("b"), name("c"), name("d")), U), parse("a < b <= c not in d"));
    }

    @Test
    void conditionalExpression() {
        assertEquals(new Expr.IfElse(name("a"), name("c"), new Expr.IfElse(name("b"), name("d"), name("e"), U), U),
                parse("a if c else b if d else e"));
    }

    @Test
    void realExpressionsWithComments() {
        Expr e = parse("((DETECTOR != \"SBC\") and  # no SBC\n (ATODCORR != \"OMIT\"))");
        assertEquals(new Expr.BoolOp(true, List.of(cmp(name("DETECTOR"), CompareOp.NE, str("SBC")),
                cmp(name("ATODCORR"), CompareOp.NE, str("OMIT"))), U), e);
    }

    @Test
    void positionsAreShiftedToTheStringLiteral() {
        Expr.Compare c = (Expr.Compare) ExpressionParser.parse("(A == 'x')", ORIGIN);
        assertEquals(new SourcePos("t.rmap", 5, 22), c.pos());
        assertEquals(new SourcePos("t.rmap", 5, 27), c.comparators().get(0).pos());
        Expr.Compare multi = (Expr.Compare) ExpressionParser.parse("(A ==\n   'x')", ORIGIN);
        assertEquals(new SourcePos("t.rmap", 6, 4), multi.comparators().get(0).pos());
        Expr.Compare relative = (Expr.Compare) ExpressionParser.parse("A == 'x'", SourcePos.UNKNOWN);
        assertEquals(new SourcePos("<unknown>", 1, 1), relative.pos());
        assertEquals(new SourcePos("<unknown>", 1, 6), relative.comparators().get(0).pos());
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
            Arguments.of("(DETECTOR x= \"SBC\")", "t.rmap:5:31: expected ')' or ',' but found name 'x'"),
            Arguments.of("META.EXPOSURE.TYPE == \"X\"", "t.rmap:5:25: attribute access is not allowed"),
            Arguments.of("f(x)", "t.rmap:5:22: calls are not allowed in expressions"),
            Arguments.of("len(A) > 1", "t.rmap:5:24: calls are not allowed in expressions"),
            Arguments.of("a[0]", "t.rmap:5:22: subscripts are not allowed"),
            Arguments.of("a is None", "t.rmap:5:23: 'is' comparisons are not allowed"),
            Arguments.of("a is not None", "t.rmap:5:23: 'is' comparisons are not allowed"),
            Arguments.of("1 + 2", "t.rmap:5:23: arithmetic operator '+' is not allowed"),
            Arguments.of("A - 1", "t.rmap:5:23: arithmetic operator '-' is not allowed"),
            Arguments.of("+A", "t.rmap:5:21: unary operator '+' is not allowed"),
            Arguments.of("~A", "t.rmap:5:21: unary operator '~' is not allowed"),
            Arguments.of("lambda: 1", "t.rmap:5:21: lambda expressions are not allowed"),
            Arguments.of("{1: 2}", "t.rmap:5:21: dict displays are not allowed in expressions"),
            Arguments.of("{1, 2}", "t.rmap:5:21: set displays are not allowed"),
            Arguments.of("{}", "t.rmap:5:21: dict displays are not allowed in expressions"),
            Arguments.of("a = 1", "t.rmap:5:23: expected end of input but found '='"),
            Arguments.of("a; b", "t.rmap:5:22: expected end of input but found ';'"),
            Arguments.of("a\nb", "t.rmap:6:1: expected end of input but found name 'b'"),
            Arguments.of(" a", "t.rmap:5:22: unexpected indent"),
            Arguments.of("x if y", "t.rmap:5:27: expected 'else' but found end of input"),
            Arguments.of("a == = b", "t.rmap:5:26: expected an expression but found '='"),
            Arguments.of("(a", "t.rmap:5:23: expected ')' or ',' but found end of input"),
            Arguments.of("a)", "t.rmap:5:22: expected end of input but found ')'"),
            Arguments.of("'abc", "t.rmap:5:21: unterminated string literal"),
            Arguments.of("a and", "t.rmap:5:26: expected an expression but found end of input"),
            Arguments.of("not", "t.rmap:5:24: expected an expression but found end of input"),
            Arguments.of("A == \"x\" .upper()", "t.rmap:5:30: attribute access is not allowed"),
            Arguments.of("[x for x in y]", "t.rmap:5:24: Python keyword 'for' is not allowed in CRDS rules"),
            Arguments.of("a if b else", "t.rmap:5:32: expected an expression but found end of input"),
            Arguments.of("0x1F", "t.rmap:5:21: hexadecimal, octal and binary literals are not allowed: 0x1F"),
            Arguments.of("a < > b", "t.rmap:5:25: expected an expression but found '>'"),
            Arguments.of("a not b", "t.rmap:5:27: expected 'in' but found name 'b'"),
            Arguments.of("a in not b", "t.rmap:5:26: expected an expression but found 'not'"),
            Arguments.of("$", "t.rmap:5:21: unexpected character '$'"));
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void isRejected(String source, String message) {
        RulesSyntaxException e = assertThrows(RulesSyntaxException.class, () -> ExpressionParser.parse(source, ORIGIN));
        assertEquals(message, e.getMessage());
    }

    @Test
    void emptySourceIsRejected() {
        RulesSyntaxException e = assertThrows(RulesSyntaxException.class, () -> ExpressionParser.parse("", ORIGIN));
        assertEquals("t.rmap:5:21: expected an expression but found end of input", e.getMessage());
    }
}
