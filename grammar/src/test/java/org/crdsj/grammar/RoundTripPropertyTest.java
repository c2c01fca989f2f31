package org.crdsj.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.expr.Expr.CompareOp;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests: random syntax trees, printed and parsed again, come back equal
 * (ignoring positions).
 */
class RoundTripPropertyTest {
    private static final long SEED = 20240611L;
    private static final int CASES = 600;
    private static final SourcePos U = SourcePos.UNKNOWN;
    private static final List<String> SELECTORS = List.of("Match", "UseAfter", "VersionAfter",
            "SelectVersion", "ClosestTime", "GeometricallyNearest", "Bracket");
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "in", "is", "if", "else",
            "lambda", "True", "False", "None", "as", "for", "from", "def", "del", "try", "with");
    /** Characters strings are built from: quotes, backslashes, controls, non-ASCII, a lone surrogate. */
    private static final String CHARS = "aZ09 _-*|#'\"\\\n\r\t\0\u0007\u007f\u0085\u00e9\u2028\u4e2d\ud800";

    @Test
    void valuesSurvivePrintAndParse() {
        System.out.println("RoundTripPropertyTest values seed=" + SEED);
        Random r = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            Value.Dict header = dict(r, 3);
            Value selector = r.nextBoolean() ? new Value.Call(pick(r, SELECTORS), dict(r, 3), U) : dict(r, 3);
            String comment = r.nextBoolean() ? null : string(r);
            MappingSyntax m = new MappingSyntax("p.rmap", header, selector, comment);
            String text = SyntaxPrinter.print(m);
            MappingSyntax back = MappingParser.parse(text, "p.rmap");
            assertEquals(m, SyntaxEquality.strip(back), "seed " + SEED + " case " + i + ":\n" + text);
        }
    }

    @Test
    void expressionsSurvivePrintAndParse() {
        System.out.println("RoundTripPropertyTest expressions seed=" + SEED);
        Random r = new Random(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            Expr e = expr(r, 4);
            String text = ExpressionPrinter.print(e);
            Expr back = ExpressionParser.parse(text, U);
            assertEquals(e, SyntaxEquality.strip(back), "seed " + SEED + " case " + i + ": " + text);
        }
    }

    // ------------------------------------------------------------------ random values

    private static Value value(Random r, int depth) {
        int kind = r.nextInt(depth <= 0 ? 5 : 9);
        switch (kind) {
            case 0: return new Value.Str(string(r), U);
            case 1: return new Value.Int(integer(r), U);
            case 2: return flt(r);
            case 3: return new Value.Bool(r.nextBoolean(), U);
            case 4: return new Value.None(U);
            case 5: return new Value.Tuple(values(r, depth - 1), U);
            case 6: return new Value.ListVal(values(r, depth - 1), U);
            case 7: return dict(r, depth - 1);
            default: return new Value.Call(pick(r, SELECTORS), dict(r, depth - 1), U);
        }
    }

    private static List<Value> values(Random r, int depth) {
        List<Value> out = new ArrayList<>();
        for (int n = r.nextInt(4); n > 0; n--) out.add(value(r, depth));
        return out;
    }

    private static Value.Dict dict(Random r, int depth) {
        List<Value.Entry> entries = new ArrayList<>();
        for (int n = r.nextInt(4); n > 0; n--) entries.add(new Value.Entry(key(r), value(r, depth)));
        return new Value.Dict(entries, U);
    }

    /** Keys must be hashable: scalars or tuples of scalars. */
    private static Value key(Random r) {
        if (r.nextInt(3) > 0) return value(r, 0);
        List<Value> items = new ArrayList<>();
        for (int n = r.nextInt(3); n > 0; n--) items.add(value(r, 0));
        return new Value.Tuple(items, U);
    }

    static String string(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int n = r.nextInt(6); n > 0; n--) sb.append(CHARS.charAt(r.nextInt(CHARS.length())));
        if (r.nextInt(10) == 0) sb.appendCodePoint(0x1F600);
        return sb.toString();
    }

    static BigInteger integer(Random r) {
        BigInteger v = new BigInteger(r.nextInt(3) == 0 ? 100 : 12, r);
        return r.nextBoolean() ? v.negate() : v;
    }

    /** A float literal in one of the textual forms Python accepts, sign folded in. */
    static Value.Flt flt(Random r) {
        int mantissa = r.nextInt(100000);
        String text;
        switch (r.nextInt(5)) {
            case 0: text = Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20)); break;
            case 1: text = mantissa + "."; break;
            case 2: text = "." + mantissa; break;
            case 3: text = mantissa + "e" + (r.nextInt(60) - 30); break;
            default: text = mantissa / 100 + "." + mantissa % 100 + "E+" + r.nextInt(9); break;
        }
        if (r.nextBoolean()) text = "-" + text;
        return new Value.Flt(Double.parseDouble(text), text, U);
    }

    // ------------------------------------------------------------------ random expressions

    private static Expr expr(Random r, int depth) {
        int kind = r.nextInt(depth <= 0 ? 2 : 9);
        switch (kind) {
            case 0: return new Expr.Name(name(r), U);
            case 1: {
                Value v = value(r, 0);
                return new Expr.Const(v, U);
            }
            case 2: return new Expr.TupleExpr(exprs(r, depth - 1, 0), U);
            case 3: return new Expr.ListExpr(exprs(r, depth - 1, 0), U);
            case 4: return new Expr.Not(expr(r, depth - 1), U);
            case 5: return new Expr.Neg(expr(r, depth - 1), U);
            case 6: return new Expr.BoolOp(r.nextBoolean(), exprs(r, depth - 1, 2), U);
            case 7: {
                List<Expr> comparators = exprs(r, depth - 1, 1);
                List<CompareOp> ops = new ArrayList<>();
                for (int i = 0; i < comparators.size(); i++) ops.add(pick(r, List.of(CompareOp.values())));
                return new Expr.Compare(expr(r, depth - 1), ops, comparators, U);
            }
            default: return new Expr.IfElse(expr(r, depth - 1), expr(r, depth - 1), expr(r, depth - 1), U);
        }
    }

    private static List<Expr> exprs(Random r, int depth, int min) {
        List<Expr> out = new ArrayList<>();
        for (int n = min + r.nextInt(3); n > 0; n--) out.add(expr(r, depth));
        return out;
    }

    private static String name(Random r) {
        String alphabet = "abinorstxzIMN_";
        while (true) {
            StringBuilder sb = new StringBuilder();
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            for (int n = r.nextInt(5); n > 0; n--) sb.append("abinorstxzIMN_019".charAt(r.nextInt(17)));
            if (!RESERVED.contains(sb.toString())) return sb.toString();
        }
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}
