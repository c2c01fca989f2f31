package org.crdsj.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.crdsj.grammar.syntax.SourcePos;
import org.junit.jupiter.api.Test;

/**
 * Seeded: expressions of the lowered shapes, and near-misses that must not lower, on random
 * headers (values by random slots, some names absent, some fixed): a lowered program's answer
 * equals the general evaluation's truth, and it is undecided exactly when the general evaluation
 * raises (a NameError, at the same point of the same evaluation order).
 */
class LoweredExpressionPropertyTest {
    private static final long SEED = 20_261_123L;
    private static final int CASES = 20_000;
    private static final List<String> NAMES = List.of("DETECTOR", "OBSTYPE", "FLATCORR", "META_X_Y");
    /** Values and literals: equal and near-equal strings, empty, numbers as text, non-ASCII. */
    private static final List<String> STRINGS = List.of(
            "CCD", "ccd", "CCD ", "SBC", "OMIT", "PERFORM", "", "1", "1.0", "UNDEFINED", "N/A", "é", "\uD83D\uDE00");
    /** Shapes evaluated the general way only (each raises, or reads a non-str, or needs more than equality). */
    private static final List<String> NEAR_MISSES = List.of(
            "(DETECTOR == 1)", "(DETECTOR < 'CCD')", "(DETECTOR >= OBSTYPE)", "(DETECTOR in 'CCDSBC')",
            "('C' in DETECTOR)", "(DETECTOR == 'CCD' == OBSTYPE)", "None", "(DETECTOR == None)",
            "(DETECTOR in ('CCD', 1))", "(DETECTOR in (OBSTYPE, 'CCD'))", "('CCD' if DETECTOR else 'SBC')",
            "(DETECTOR, 'A') == ('CCD', 'A')", "0", "1", "()", "('CCD',)", "-1", "(DETECTOR == True)",
            "(DETECTOR in OBSTYPE)", "(DETECTOR not in ('CCD', 2.5))");

    private final Random random = new Random(SEED);
    private boolean missed;     // whether the expression being generated has a near-miss

    private String name() {
        return NAMES.get(random.nextInt(NAMES.size()));
    }

    private String literal() {
        String s = STRINGS.get(random.nextInt(STRINGS.size()));
        return random.nextBoolean() ? "'" + s + "'" : "\"" + s + "\"";
    }

    private String strOperand() {
        return random.nextInt(3) == 0 ? literal() : name();
    }

    private String items() {
        int n = random.nextInt(4);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(literal());
        if (random.nextBoolean()) return "[" + String.join(", ", out) + "]";
        if (n == 1 && random.nextBoolean()) return "(" + out.get(0) + ",)";
        if (n == 1) missed = true;      // ('A') is the str 'A': a substring test
        return "(" + String.join(", ", out) + ")";
    }

    private String leaf() {
        switch (random.nextInt(12)) {
            case 0: case 1: case 2: return name() + (random.nextBoolean() ? " == " : " != ") + literal();
            case 3: return literal() + (random.nextBoolean() ? " == " : " != ") + strOperand();
            case 4: return name() + (random.nextBoolean() ? " == " : " != ") + name();
            case 5: case 6: return strOperand() + (random.nextBoolean() ? " in " : " not in ") + items();
            case 7: return strOperand();
            case 8: return random.nextBoolean() ? "True" : "False";
            case 9:
                if (random.nextInt(4) == 0) {
                    missed = true;
                    return NEAR_MISSES.get(random.nextInt(NEAR_MISSES.size()));
                }
                return name() + " == " + literal();
            default: return "(" + name() + " == " + literal() + ")";
        }
    }

    private String expression(int depth) {
        if (depth == 0 || random.nextInt(3) == 0) return leaf();
        switch (random.nextInt(3)) {
            case 0: return "not " + expression(depth - 1);
            case 1: {
                int n = 2 + random.nextInt(3);
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < n; i++) parts.add("(" + expression(depth - 1) + ")");
                return String.join(random.nextBoolean() ? " and " : " or ", parts);
            }
            default: return "(" + expression(depth - 1) + ")";
        }
    }

    /** A header's slot values: slot i holds values[i]. */
    private record Slots(String[] values) implements LoweredExpression.SlotValues {
        @Override
        public String value(int slot) {
            return slot >= 0 && slot < values.length ? values[slot] : null;
        }
    }

    @Test
    void loweredProgramsAgreeWithTheGeneralEvaluation() {
        System.out.println("LoweredExpressionPropertyTest seed=" + SEED);
        int decided = 0, undecided = 0, notLowered = 0;
        for (int c = 0; c < CASES; c++) {
            missed = false;
            String source = expression(3);
            CompiledExpression e = CompiledExpression.compile(source, SourcePos.UNKNOWN);
            List<String> variables = new ArrayList<>(NAMES);
            java.util.Collections.shuffle(variables, random);
            LoweredExpression lowered = LoweredExpression.lower(e, variables);
            String what = "seed " + SEED + " case " + c + ": " + source;
            if (missed) {
                assertNull(lowered, what);
                notLowered++;
                continue;
            }
            assertNotNull(lowered, what);
            int[] counts = agreesOnRandomHeaders(e, lowered, variables, STRINGS, random, what);
            decided += counts[0];
            undecided += counts[1];
        }
        System.out.println("decided " + decided + ", undecided " + undecided + ", not lowered " + notLowered);
        assertTrue(decided > 30_000 && undecided > 3_000 && notLowered > 1_000,
                decided + " " + undecided + " " + notLowered);
    }

    /**
     * Checks {@code lowered} against the general evaluation of {@code e} on 4 random headers with
     * values from {@code values}; answers how many it decided and how many not.
     */
    static int[] agreesOnRandomHeaders(CompiledExpression e, LoweredExpression lowered, List<String> variables,
                                       List<String> values, Random random, String what) {
        int[] counts = new int[2];
        for (int h = 0; h < 4; h++) {
            // Each variable: in a slot (some slots hold null: absent), absent, or fixed.
            int size = 8;
            String[] slotValues = new String[size];
            for (int s = 0; s < size; s++) {
                slotValues[s] = random.nextInt(8) == 0 ? null : values.get(random.nextInt(values.size()));
            }
            int[] slots = new int[variables.size()];
            String[] fixed = new String[variables.size()];
            String[] env = new String[variables.size()];
            boolean allPresent = true;
            for (int i = 0; i < slots.length; i++) {
                int kind = random.nextInt(10);
                slots[i] = kind == 0 ? -1 : random.nextInt(size);
                if (kind == 1) fixed[i] = "UNDEFINED";
                env[i] = fixed[i] != null ? fixed[i] : slots[i] >= 0 ? slotValues[slots[i]] : null;
                allPresent &= env[i] != null;
            }
            Object general;
            try {
                general = e.isTrue(name -> env[variables.indexOf(name)]);
            } catch (ExpressionError err) {
                general = err.pythonClass() + ": " + err.getMessage();
            }
            int t = lowered.bind(slots, fixed).test(new Slots(slotValues.clone()));
            String at = what + " with " + variables + " = " + Arrays.toString(env);
            if (t == LoweredExpression.UNDECIDED) {
                assertTrue(general instanceof String g && g.startsWith("NameError: "), at + ": " + general);
                assertTrue(!allPresent, at);
                counts[1]++;
            } else {
                assertEquals(general, t == 1, at);
                counts[0]++;
            }
        }
        return counts;
    }

    /** {@code and}/{@code or} trees of {@code NAME ==/!= 'X'} only: the corpus's commonest shape, nested. */
    private String equalities(int depth) {
        if (depth == 0 || random.nextInt(4) == 0) return name() + (random.nextBoolean() ? " == " : " != ") + literal();
        int n = 1 + random.nextInt(3);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) parts.add("(" + equalities(depth - 1) + ")");
        return String.join(random.nextInt(3) == 0 ? " or " : " and ", parts);
    }

    @Test
    void andOrTreesOfEqualitiesAgreeWithTheGeneralEvaluation() {
        for (int c = 0; c < 5_000; c++) {
            String source = equalities(3);
            CompiledExpression e = CompiledExpression.compile(source, SourcePos.UNKNOWN);
            List<String> variables = new ArrayList<>(NAMES);
            java.util.Collections.shuffle(variables, random);
            LoweredExpression lowered = LoweredExpression.lower(e, variables);
            String what = "seed " + SEED + " and/or case " + c + ": " + source;
            assertNotNull(lowered, what);
            agreesOnRandomHeaders(e, lowered, variables, STRINGS, random, what);
        }
    }

    @Test
    void bindingCopiesItsInputs() {
        CompiledExpression e = CompiledExpression.compile("(A == 'X') and (B != 'Y')", SourcePos.UNKNOWN);
        LoweredExpression lowered = LoweredExpression.lower(e, List.of("A", "B"));
        int[] slots = {0, 1};
        String[] fixed = {null, null};
        LoweredExpression.Program p = lowered.bind(slots, fixed);
        slots[0] = 1;
        fixed[1] = "Y";
        assertEquals(1, p.test(new Slots(new String[] {"X", "Z"})));
        assertEquals(0, p.test(new Slots(new String[] {"X", "Y"})));
        assertEquals(LoweredExpression.UNDECIDED, p.test(new Slots(new String[] {"X"})));
    }

    @Test
    void aNameNotAmongTheVariablesIsNotLowered() {
        CompiledExpression e = CompiledExpression.compile("(A == 'X') and (B != 'Y')", SourcePos.UNKNOWN);
        assertNull(LoweredExpression.lower(e, List.of("A")));
    }
}
