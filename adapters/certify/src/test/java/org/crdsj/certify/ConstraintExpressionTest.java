package org.crdsj.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crdsj.engine.expr.ExpressionError;
import org.crdsj.grammar.RulesSyntaxException;
import org.junit.jupiter.api.Test;

/** The safe evaluator of constraint expressions. */
class ConstraintExpressionTest {
    private static Object eval(String text, Map<String, Object> vars) {
        return ConstraintExpression.parse(text).evaluate(vars);
    }

    @Test
    void pythonSemantics() {
        assertEquals(true, eval("(1<=A<=3)", Map.of("A", 2L)));
        assertEquals(false, eval("(1<=A<=3)", Map.of("A", 4L)));
        assertEquals(true, eval("((EXP_TYPE)in(['NRS_IFU','NRS_MSASPEC']))", Map.of("EXP_TYPE", "NRS_IFU")));
        assertEquals("O", eval("(optional(A=='X'))", Map.of("A", "X")));
        assertEquals(false, eval("(optional(A=='X'))", Map.of("A", "Y")));
        assertEquals("A", eval("(all_subarray())", Map.of()));
        assertEquals(3L, eval("len(S)", Map.of("S", "abc")));
        assertEquals("b", eval("S[-2]", Map.of("S", "abc")));
        assertEquals(true, eval("is_full_frame(SUBARRAY)", Map.of("SUBARRAY", "GENERIC")));
    }

    @Test
    void arrays() {
        ArrayInfo table = new ArrayInfo(List.of(10L), "TABLE", Map.of("WAVELENGTH", ">f8"), List.of("WAVELENGTH"), "EXT1", 1);
        assertEquals(true, eval("has_columns(EXT1_ARRAY,['WAVELENGTH'])", Map.of("EXT1_ARRAY", table)));
        assertEquals(true, eval("has_column_type(EXT1_ARRAY,'WAVELENGTH','FLOAT')", Map.of("EXT1_ARRAY", table)));
        assertEquals(true, eval("is_table(EXT1_ARRAY)", Map.of("EXT1_ARRAY", table)));
        assertEquals(false, eval("array_exists(EXT2_ARRAY)", Map.of("EXT2_ARRAY", "UNDEFINED")));
    }

    @Test
    void failuresAreErrorsNotCrashes() {
        assertThrows(ExpressionError.class, () -> eval("(NOPE==1)", Map.of()));
        assertThrows(ExpressionError.class, () -> eval("(__import__('os'))", Map.of()));
        assertThrows(ExpressionError.class, () -> eval("(A.system())", Map.of("A", "x")));
        assertThrows(RulesSyntaxException.class, () -> ConstraintExpression.parse("(lambda: 1)"));
        assertThrows(RulesSyntaxException.class, () -> ConstraintExpression.parse("(f(x=1))"));
    }

    @Test
    void identifiersScannedLikeCrds() {
        assertEquals(List.of("EXP_TYPE"), ConstraintExpression.identifiers("((EXP_TYPE)in(['NRS_MSASPEC','NRS_FIXEDSLIT']))"));
        assertEquals(List.of("SCI_ARRAY"), ConstraintExpression.identifiers("(len(SCI_ARRAY.SHAPE)==2)"));
        assertEquals(List.of(), ConstraintExpression.identifiers("200121"));
    }

    /** Property: chained comparisons agree with Java arithmetic on random integers. */
    @Test
    void chainedComparisons() {
        long seed = 42L;
        System.out.println("ConstraintExpressionTest seed " + seed);
        Random rnd = new Random(seed);
        ConstraintExpression e = ConstraintExpression.parse("(A<B<=C)and(not(A==C))");
        for (int n = 0; n < 500; n++) {
            long a = rnd.nextInt(10), b = rnd.nextInt(10), c = rnd.nextInt(10);
            boolean expected = a < b && b <= c && a != c;
            assertEquals(expected, ConstraintExpression.truthy(e.evaluate(Map.of("A", a, "B", b, "C", c))), a + " " + b + " " + c);
        }
    }
}
