package org.crdsj.engine.expr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.crdsj.grammar.ExpressionParser;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/**
 * A parsed, immutable header expression ({@code rmap_relevance}, {@code rmap_omit},
 * {@code parkey_relevance}) evaluated with Python's semantics over a dataset header whose values
 * are strings. Thread-safe.
 *
 * <pre>
 * (DETECTOR != "SBC") and (BIASCORR != "OMIT")      DETECTOR=WFC BIASCORR=PERFORM -> true
 * META_EXPOSURE_TYPE in ("MIR_IMAGE", "NRC_IMAGE")  membership in a tuple
 * "SUB" in APERTURE                                 substring test on a string
 * </pre>
 */
public final class CompiledExpression {
    private final String source;
    private final Expr expr;

    private CompiledExpression(String source, Expr expr) {
        this.source = source;
        this.expr = expr;
    }

    /**
     * Parses {@code source}; {@code origin} is where the expression's string literal starts in the
     * rules file, so errors point into it.
     *
     * @throws org.crdsj.grammar.RulesSyntaxException when the text is not a valid expression
     */
    public static CompiledExpression compile(String source, SourcePos origin) {
        return new CompiledExpression(source, ExpressionParser.parse(source, origin));
    }

    public String source() { return source; }

    public Expr expr() { return expr; }

    /**
     * Evaluates with {@code variables} (null for an undefined name, which raises NameError).
     * Returns a Python value: String, BigInteger, Double, Boolean, a None marker or a sequence.
     */
    public Object evaluate(Function<String, String> variables) {
        return eval(expr, variables);
    }

    /** Python truthiness of the value. */
    public boolean isTrue(Function<String, String> variables) {
        return PyValues.truthy(evaluate(variables));
    }

    private static Object eval(Expr e, Function<String, String> vars) {
        if (e instanceof Expr.Const c) return constant(c.value());
        if (e instanceof Expr.Name n) {
            switch (n.id()) {
                case "True": return Boolean.TRUE;
                case "False": return Boolean.FALSE;
                case "None": return PyValues.NONE;
                default:
                    String v = vars.apply(n.id());
                    if (v == null) throw new ExpressionError("NameError", "name '" + n.id() + "' is not defined");
                    return v;
            }
        }
        if (e instanceof Expr.BoolOp b) {
            Object last = null;
            for (Expr operand : b.operands()) {
                last = eval(operand, vars);
                boolean t = PyValues.truthy(last);
                if (b.isAnd() ? !t : t) return last;
            }
            return last;
        }
        if (e instanceof Expr.Not n) return !PyValues.truthy(eval(n.operand(), vars));
        if (e instanceof Expr.Compare c) {
            Object left = eval(c.left(), vars);
            for (int i = 0; i < c.ops().size(); i++) {
                Object right = eval(c.comparators().get(i), vars);
                if (!compare(c.ops().get(i), left, right)) return Boolean.FALSE;
                left = right;
            }
            return Boolean.TRUE;
        }
        if (e instanceof Expr.IfElse ie) {
            return PyValues.truthy(eval(ie.test(), vars)) ? eval(ie.body(), vars) : eval(ie.orElse(), vars);
        }
        if (e instanceof Expr.Neg n) return negate(eval(n.operand(), vars));
        if (e instanceof Expr.TupleExpr t) return new PyValues.Seq(evalAll(t.items(), vars), true);
        if (e instanceof Expr.ListExpr l) return new PyValues.Seq(evalAll(l.items(), vars), false);
        throw new IllegalStateException("unknown expression node " + e);
    }

    private static List<Object> evalAll(List<Expr> items, Function<String, String> vars) {
        List<Object> out = new ArrayList<>(items.size());
        for (Expr x : items) out.add(eval(x, vars));
        return out;
    }

    private static boolean compare(Expr.CompareOp op, Object a, Object b) {
        switch (op) {
            case EQ: return PyValues.eq(a, b);
            case NE: return !PyValues.eq(a, b);
            case LT: return PyValues.compare(a, b, "<") < 0;
            case LE: return PyValues.compare(a, b, "<=") <= 0;
            case GT: return PyValues.compare(a, b, ">") > 0;
            case GE: return PyValues.compare(a, b, ">=") >= 0;
            case IN: return PyValues.contains(b, a);
            case NOT_IN: return !PyValues.contains(b, a);
            default: throw new IllegalStateException(op.toString());
        }
    }

    private static Object negate(Object v) {
        if (v instanceof BigInteger i) return i.negate();
        if (v instanceof Double d) return -d;
        if (v instanceof Boolean b) return b ? BigInteger.ONE.negate() : BigInteger.ZERO;
        throw new ExpressionError("TypeError", "bad operand type for unary -: '" + PyValues.typeName(v) + "'");
    }

    private static Object constant(Value v) {
        if (v instanceof Value.Str s) return s.value();
        if (v instanceof Value.Int i) return i.value();
        if (v instanceof Value.Flt f) return f.value();
        if (v instanceof Value.Bool b) return b.value();
        if (v instanceof Value.None) return PyValues.NONE;
        throw new IllegalStateException("not a constant: " + v);
    }
}
