package org.crdsj.certify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.crdsj.engine.expr.ExpressionError;
import org.crdsj.engine.expr.PythonNone;
import org.crdsj.engine.expr.PythonOperators;
import org.crdsj.engine.expr.PythonSequence;
import org.crdsj.grammar.ExpressionParser;
import org.crdsj.grammar.expr.Expr;

/**
 * A constraint expression of the {@code .tpn} language (a presence condition or an X-datatype
 * value), parsed by our grammar ({@link ExpressionParser#parseConstraint}) and evaluated by this
 * small evaluator with Python semantics: names are header keywords (numbers already converted),
 * {@code <NAME>_ARRAY} are {@link ArrayInfo}s, and only the certify helper functions, a few
 * builtins ({@code len str int float abs min max}) and str methods can be called. Nothing else
 * is reachable: there is no general-purpose script engine behind it. Immutable.
 */
public final class ConstraintExpression {
    private final String source;
    private final Expr expr;

    private ConstraintExpression(String source, Expr expr) {
        this.source = source;
        this.expr = expr;
    }

    /** @throws org.crdsj.grammar.RulesSyntaxException when the text is not a constraint expression */
    public static ConstraintExpression parse(String source) {
        return new ConstraintExpression(source, ExpressionParser.parseConstraint(source));
    }

    public String source() {
        return source;
    }

    /**
     * Evaluates against {@code variables} (name to value: String, Long, Double, Boolean,
     * {@link ArrayInfo} or the string {@code UNDEFINED}).
     *
     * @throws ExpressionError Python's exception for a failed evaluation
     */
    public Object evaluate(Map<String, Object> variables) {
        return eval(expr, Objects.requireNonNull(variables));
    }

    /** Python truthiness, extended to array objects and dicts. */
    public static boolean truthy(Object x) {
        if (x instanceof ArrayInfo) return true;
        if (x instanceof Map<?, ?> m) return !m.isEmpty();
        if (x == null) return false;
        return PythonOperators.truthy(x);
    }

    private Object eval(Expr e, Map<String, Object> vars) {
        if (e instanceof Expr.Name n) {
            switch (n.id()) {
                case "True": return Boolean.TRUE;
                case "False": return Boolean.FALSE;
                case "None": return PythonNone.NONE;
                default:
                    if (!vars.containsKey(n.id())) throw new ExpressionError("NameError", "name '" + n.id() + "' is not defined");
                    return vars.get(n.id());
            }
        }
        if (e instanceof Expr.Const c) return constant(c.value());
        if (e instanceof Expr.TupleExpr t) return PythonSequence.tuple(evalAll(t.items(), vars));
        if (e instanceof Expr.ListExpr l) return PythonSequence.list(evalAll(l.items(), vars));
        if (e instanceof Expr.Not n) return !truthy(eval(n.operand(), vars));
        if (e instanceof Expr.Neg n) return PythonOperators.negate(eval(n.operand(), vars));
        if (e instanceof Expr.BoolOp b) {
            Object value = null;
            for (Expr operand : b.operands()) {
                value = eval(operand, vars);
                if (truthy(value) != b.isAnd()) return value;
            }
            return value;
        }
        if (e instanceof Expr.Compare c) {
            Object a = eval(c.left(), vars);
            for (int i = 0; i < c.ops().size(); i++) {
                Object b = eval(c.comparators().get(i), vars);
                if (!compare(c.ops().get(i), a, b)) return Boolean.FALSE;
                a = b;
            }
            return Boolean.TRUE;
        }
        if (e instanceof Expr.IfElse f) return truthy(eval(f.test(), vars)) ? eval(f.body(), vars) : eval(f.orElse(), vars);
        if (e instanceof Expr.Attribute a) return attribute(eval(a.object(), vars), a.name());
        if (e instanceof Expr.Subscript s) return subscript(eval(s.object(), vars), eval(s.index(), vars));
        if (e instanceof Expr.Call c) {
            List<Object> args = evalAll(c.args(), vars);
            if (c.callee() instanceof Expr.Attribute m) return method(eval(m.object(), vars), m.name(), args);
            return ConstraintHelpers.call(((Expr.Name) c.callee()).id(), args, vars);
        }
        throw new ExpressionError("SyntaxError", "unsupported expression");
    }

    private static boolean compare(Expr.CompareOp op, Object a, Object b) {
        if (op == Expr.CompareOp.EQ || op == Expr.CompareOp.NE) {
            boolean eq = (a instanceof ArrayInfo || b instanceof ArrayInfo || a instanceof Map || b instanceof Map)
                    ? a.equals(b) : PythonOperators.eq(a, b);
            return op == Expr.CompareOp.EQ ? eq : !eq;
        }
        if ((op == Expr.CompareOp.IN || op == Expr.CompareOp.NOT_IN) && b instanceof Map<?, ?> m) {
            return m.containsKey(a) == (op == Expr.CompareOp.IN);
        }
        return PythonOperators.compare(op, a, b);
    }

    private static Object attribute(Object obj, String name) {
        if (obj instanceof ArrayInfo a) {
            switch (name) {
                case "SHAPE": {
                    List<Object> dims = new ArrayList<>(a.shape());
                    return PythonSequence.tuple(dims);
                }
                case "KIND": return a.kind();
                case "DATA_TYPE": return a.dataType();
                case "COLUMN_NAMES": return a.columnNames() == null ? PythonNone.NONE : PythonSequence.list(a.columnNames());
                case "NAME": return a.name();
                case "EXTENSION": return (long) a.extension();
                case "DATA": return PythonNone.NONE;
                default: break;
            }
        }
        throw new ExpressionError("AttributeError", "'" + typeName(obj) + "' object has no attribute '" + name + "'");
    }

    private static Object subscript(Object obj, Object index) {
        if (obj instanceof Map<?, ?> m) {
            if (!m.containsKey(index)) throw new ExpressionError("KeyError", PyValues.repr(index));
            return m.get(index);
        }
        if (!(index instanceof Long i)) throw new ExpressionError("TypeError", "indices must be integers");
        if (obj instanceof PythonSequence s) return s.get(normaliseIndex(i, s.size(), s.isTuple() ? "tuple" : "list"));
        if (obj instanceof String s) {
            int k = normaliseIndex(i, s.length(), "string");
            return s.substring(k, k + 1);
        }
        throw new ExpressionError("TypeError", "'" + typeName(obj) + "' object is not subscriptable");
    }

    private static int normaliseIndex(long i, int size, String what) {
        long k = i < 0 ? i + size : i;
        if (k < 0 || k >= size) throw new ExpressionError("IndexError", what + " index out of range");
        return (int) k;
    }

    private static Object method(Object obj, String name, List<Object> args) {
        if (obj instanceof String s && args.isEmpty()) {
            switch (name) {
                case "lower": return s.toLowerCase(Locale.ROOT);
                case "upper": return s.toUpperCase(Locale.ROOT);
                case "strip": return s.strip();
                default: break;
            }
        }
        if (obj instanceof String s && args.size() == 1 && args.get(0) instanceof String a) {
            if (name.equals("startswith")) return s.startsWith(a);
            if (name.equals("endswith")) return s.endsWith(a);
        }
        throw new ExpressionError("AttributeError", "'" + typeName(obj) + "' object has no attribute '" + name + "'");
    }

    static String typeName(Object x) {
        if (x instanceof ArrayInfo) return "Struct";
        if (x instanceof Map) return "dict";
        try {
            return PythonOperators.typeName(x);
        } catch (IllegalArgumentException e) {
            return x == null ? "NoneType" : x.getClass().getSimpleName();
        }
    }

    private static Object constant(org.crdsj.grammar.syntax.Value v) {
        if (v instanceof org.crdsj.grammar.syntax.Value.Str s) return s.value();
        if (v instanceof org.crdsj.grammar.syntax.Value.Int i) return PythonOperators.normalise(i.value());
        if (v instanceof org.crdsj.grammar.syntax.Value.Flt f) return f.value();
        if (v instanceof org.crdsj.grammar.syntax.Value.Bool b) return b.value();
        return PythonNone.NONE;
    }

    private List<Object> evalAll(List<Expr> exprs, Map<String, Object> vars) {
        List<Object> out = new ArrayList<>(exprs.size());
        for (Expr x : exprs) out.add(eval(x, vars));
        return out;
    }

    /** All-caps identifiers of an expression text, as CRDS scans them to skip undefined inputs. */
    public static List<String> identifiers(String text) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("['\"\\.A-Z0-9_a-z]+").matcher(text);
        while (m.find()) {
            String key = m.group();
            if (!key.matches("^[A-Z0-9_.]+$")) continue;
            key = key.split("\\.", -1)[0];
            if (key.matches("^\\d+.*")) continue;
            if (key.equals("_")) continue;
            out.add(key);
        }
        return out;
    }

    @Override
    public String toString() {
        return source;
    }
}
