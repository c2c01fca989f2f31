package org.crdsj.engine.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import org.crdsj.engine.select.match.InvalidMatchKeyException;
import org.crdsj.engine.select.match.MatchKeys;
import org.crdsj.engine.select.match.Matcher;
import org.crdsj.engine.select.match.Matchers;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;

/**
 * The per-load {@link MatchKeyTable} must be a pure memo: for random key texts (every kind of
 * key, malformed ones included) it conditions like {@link MatchKeys#conditionKey},
 * compiles matchers that answer like a fresh {@link Matchers#forKey} on random values, reports
 * the same errors, and hands out one matcher per distinct text.
 */
class MatchKeyTablePropertyTest {
    private static final long SEED = 20261124L;

    private static final String[] PIECES = {"A", "b", "F", "*", "?", "|", " ", "N/A", "{", "}", "(", ")", "#",
        ">", "<", "=", "1", "2.5", "-", "[", "]", "!", "NOT ", "between ", " AND ", " OR ", "\u00e9", "\uD835\uDD38",
        ".", "+", "ANY", "T", "none", "\t"};

    private static String randomText(Random r, int max) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) sb.append(PIECES[r.nextInt(PIECES.length)]);
        return sb.toString();
    }

    @Test
    void tableIsAPureMemoOfConditioningAndMatchers() {
        Random r = new Random(SEED);
        System.out.println("MatchKeyTablePropertyTest.tableIsAPureMemoOfConditioningAndMatchers seed=" + SEED);
        MatchKeyTable table = new MatchKeyTable();
        for (int round = 0; round < 5000; round++) {
            String raw = randomText(r, 4);
            Value key = new Value.Str(raw, SourcePos.UNKNOWN);
            String conditioned = table.condition(key);
            assertEquals(MatchKeys.conditionKey(key), List.of(conditioned), () -> "conditioning '" + raw + "'");
            assertSame(conditioned, table.condition(new Value.Str(raw, SourcePos.UNKNOWN)));

            MatchKeyTable.Element element = table.element(conditioned);
            assertSame(element, table.element(new String(conditioned)));
            assertEquals(MatchKeys.isEsoteric(conditioned), element.esoteric, conditioned);
            assertEquals(MatchKeys.globList(conditioned), element.globs, conditioned);
            Matcher fresh = null;
            String freshError = null;
            try {
                fresh = Matchers.forKey(conditioned);
            } catch (InvalidMatchKeyException e) {
                freshError = e.getMessage();
            }
            Matcher memo = null;
            String memoError = null;
            try {
                memo = element.matcher();
            } catch (InvalidMatchKeyException e) {
                memoError = e.getMessage();
            }
            assertEquals(freshError, memoError, () -> "error for '" + conditioned + "'");
            if (fresh == null) continue;
            assertEquals(fresh.kind(), memo.kind());
            assertEquals(fresh.key(), memo.key());
            for (int i = 0; i < 20; i++) {
                String v = i == 0 ? "*" : i == 1 ? "N/A" : i == 2 ? "" : randomText(r, 3);
                assertEquals(fresh.match(v), memo.match(v), () -> "'" + conditioned + "' on '" + v + "'");
            }
        }
    }

    @Test
    void numbersConditionAsWithoutTheTable() {
        Random r = new Random(SEED + 1);
        System.out.println("MatchKeyTablePropertyTest.numbersConditionAsWithoutTheTable seed=" + (SEED + 1));
        MatchKeyTable table = new MatchKeyTable();
        double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e16, 1e-7,
            4294967295.0, 0.1, 1.0};
        for (int round = 0; round < 4000; round++) {
            Value v;
            switch (r.nextInt(4)) {
                case 0: v = new Value.Int(java.math.BigInteger.valueOf(r.nextInt(41) - 20), SourcePos.UNKNOWN); break;
                case 1: v = new Value.Int(new java.math.BigInteger(80 + r.nextInt(1200), r).negate(), SourcePos.UNKNOWN); break;
                case 2: {
                    double d = specials[r.nextInt(specials.length)];
                    v = new Value.Flt(d, Double.toString(d), SourcePos.UNKNOWN);
                    break;
                }
                default: {
                    double d = (r.nextInt(2001) - 1000) / 8.0;
                    v = new Value.Flt(d, Double.toString(d), SourcePos.UNKNOWN);
                }
            }
            Value key = v;
            assertEquals(MatchKeys.conditionElement(key), table.condition(key), () -> key.toString());
        }
        assertEquals("0.0", table.condition(new Value.Flt(0.0, "0.0", SourcePos.UNKNOWN)));
        assertEquals("-0.0", table.condition(new Value.Flt(-0.0, "-0.0", SourcePos.UNKNOWN)));
    }

    @Test
    void tuplesAndNumbersConditionAsWithoutTheTable() {
        MatchKeyTable table = new MatchKeyTable();
        List<Value> keys = List.of(
                new Value.Int(java.math.BigInteger.valueOf(7), SourcePos.UNKNOWN),
                new Value.Flt(1.0, "1.0", SourcePos.UNKNOWN),
                new Value.Bool(true, SourcePos.UNKNOWN),
                new Value.None(SourcePos.UNKNOWN),
                new Value.Tuple(List.of(new Value.Str("b", SourcePos.UNKNOWN), new Value.Int(java.math.BigInteger.TWO,
                        SourcePos.UNKNOWN)), SourcePos.UNKNOWN),
                new Value.ListVal(List.of(new Value.Str(" x ", SourcePos.UNKNOWN)), SourcePos.UNKNOWN));
        for (Value k : keys) {
            assertEquals(MatchKeys.conditionElement(k), table.condition(k), k.toString());
        }
        // (CRDS conditions numbers through float: 7 -> '7.0')
        assertEquals(List.of("7.0"), MatchKeys.conditionKey(keys.get(0)));
        assertEquals(List.of("1.0"), MatchKeys.conditionKey(keys.get(1)));
        assertEquals(List.of("T"), MatchKeys.conditionKey(keys.get(2)));
        assertEquals("B|2.0", table.condition(keys.get(4)));
    }
}
