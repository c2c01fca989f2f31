package org.crdsj.engine.rules;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.crdsj.engine.expr.CompiledExpression;
import org.crdsj.engine.expr.ExpressionError;
import org.crdsj.grammar.expr.Expr;

/**
 * An {@code rmap_omit} or {@code rmap_relevance} test: its truth for a dataset depends only on the
 * values of the names it reads, so each combination is evaluated once and remembered (bounded).
 * An expression that fails to evaluate counts as {@code onError}, as CRDS only warns and carries on.
 */
final class ExpressionCheck {
    /** Fetched on first use: finding a logger costs milliseconds at start-up, and few loads ever log. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(ExpressionCheck.class.getName());
    }
    private static final int MAX_REMEMBERED = 10_000;

    private final CompiledExpression expression;
    private final String what;
    private final boolean onError;
    private final String[] names;
    private final Map<Object, Boolean> known = new ConcurrentHashMap<>();   // StringTuple, or the value for one name
    private static final Object ABSENT = new Object();

    ExpressionCheck(CompiledExpression expression, String what, boolean onError) {
        this.expression = expression;
        this.what = what;
        this.onError = onError;
        Set<String> found = new LinkedHashSet<>();
        collectNames(expression.expr(), found);
        this.names = found.toArray(String[]::new);
    }

    String source() { return expression.source(); }

    boolean test(Function<String, String> variables) {
        Object key;
        if (names.length == 1) {
            // One name (the commonest test): its value is the key, no tuple to build or compare.
            String v = variables.apply(names[0]);
            key = v == null ? ABSENT : v;
        } else {
            String[] values = new String[names.length];
            for (int i = 0; i < names.length; i++) values[i] = variables.apply(names[i]);
            key = new org.crdsj.engine.values.StringTuple(values);
        }
        Boolean truth = known.get(key);
        if (truth == null) {
            truth = evaluate(variables);
            if (known.size() < MAX_REMEMBERED) known.putIfAbsent(key, truth);
        }
        return truth;
    }

    private boolean evaluate(Function<String, String> variables) {
        try {
            return expression.isTrue(variables);
        } catch (ExpressionError err) {
            if (Log.LOG.isLoggable(System.Logger.Level.DEBUG)) {
                Log.LOG.log(System.Logger.Level.DEBUG, "Failed checking " + what + " with expr '" + expression.source()
                        + "' : " + err.getMessage());
            }
            return onError;
        }
    }

    /** Every variable name the expression reads ({@code True}, {@code False}, {@code None} are constants). */
    private static void collectNames(Expr e, Set<String> out) {
        if (e instanceof Expr.Name n) {
            if (!n.id().equals("True") && !n.id().equals("False") && !n.id().equals("None")) out.add(n.id());
        } else if (e instanceof Expr.TupleExpr t) {
            t.items().forEach(x -> collectNames(x, out));
        } else if (e instanceof Expr.ListExpr l) {
            l.items().forEach(x -> collectNames(x, out));
        } else if (e instanceof Expr.Not n) {
            collectNames(n.operand(), out);
        } else if (e instanceof Expr.Neg n) {
            collectNames(n.operand(), out);
        } else if (e instanceof Expr.BoolOp b) {
            b.operands().forEach(x -> collectNames(x, out));
        } else if (e instanceof Expr.Compare c) {
            collectNames(c.left(), out);
            c.comparators().forEach(x -> collectNames(x, out));
        } else if (e instanceof Expr.IfElse ie) {
            collectNames(ie.body(), out);
            collectNames(ie.test(), out);
            collectNames(ie.orElse(), out);
        }
    }
}
