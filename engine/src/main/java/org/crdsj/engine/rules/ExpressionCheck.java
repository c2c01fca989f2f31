package org.crdsj.engine.rules;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.crdsj.engine.expr.CompiledExpression;
import org.crdsj.engine.expr.ExpressionError;
import org.crdsj.engine.expr.LoweredExpression;
import org.crdsj.engine.values.SlottedHeader;
import org.crdsj.engine.values.TupleMemo;
import org.crdsj.grammar.expr.Expr;

/**
 * A header expression of an rmap ({@code rmap_omit}, {@code rmap_relevance}, a parkey relevance):
 * its outcome for a dataset depends only on the values of the names it reads, so each combination
 * is evaluated once and remembered (bounded), errors included. Headers laid out in slots are read
 * by slot, the names resolved once per layout; an expression of the common shapes is then tested
 * directly on the slot values ({@link LoweredExpression}), without the memory.
 */
final class ExpressionCheck {
    /** Fetched on first use: finding a logger costs milliseconds at start-up, and few loads ever log. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(ExpressionCheck.class.getName());
    }
    private static final int MAX_REMEMBERED = 10_000;

    private final CompiledExpression expression;
    private final String what;
    private final String[] names;
    private final String[] undefined;   // per name: its value when absent (UNDEFINED for some parkey checks), else null
    private final TupleMemo<Object> known = new TupleMemo<>(MAX_REMEMBERED);   // Boolean or ExpressionError
    private final LoweredExpression lowered;   // null: not of a lowered shape

    /**
     * @param undefinedNames names read as {@code UNDEFINED} when the header lacks them (CRDS
     *     defines every required parkey for parkey relevance checks), or an empty set
     */
    ExpressionCheck(CompiledExpression expression, String what, Set<String> undefinedNames) {
        this.expression = expression;
        this.what = what;
        Set<String> found = new LinkedHashSet<>();
        collectNames(expression.expr(), found);
        this.names = found.toArray(String[]::new);
        this.undefined = new String[names.length];
        for (int i = 0; i < names.length; i++) undefined[i] = undefinedNames.contains(names[i]) ? "UNDEFINED" : null;
        this.lowered = LoweredExpression.lower(expression, java.util.Arrays.asList(names));
    }

    String source() { return expression.source(); }

    /**
     * An {@code rmap_omit}/{@code rmap_relevance} test: the truth of the expression for
     * {@code header} (expression variables {@code variables}); an expression that fails to
     * evaluate counts as {@code onError}, as CRDS only warns and carries on.
     */
    boolean test(Map<String, String> header, Function<String, String> variables, boolean onError) {
        Object outcome = outcome(header, variables);
        if (outcome instanceof Boolean b) return b;
        if (Log.LOG.isLoggable(System.Logger.Level.DEBUG)) {
            Log.LOG.log(System.Logger.Level.DEBUG, "Failed checking " + what + " with expr '" + expression.source()
                    + "' : " + ((ExpressionError) outcome).getMessage());
        }
        return onError;
    }

    /** The truth of the expression for {@code header}, or its evaluation error. */
    boolean isTrue(Map<String, String> header, Function<String, String> variables) throws ExpressionError {
        Object outcome = outcome(header, variables);
        if (outcome instanceof Boolean b) return b;
        throw (ExpressionError) outcome;
    }

    private Object outcome(Map<String, String> header, Function<String, String> variables) {
        String[] values;
        if (header instanceof SlottedHeader h) {
            Resolved r = resolvedFor(h);
            if (r.fixed) {
                // No name the expression reads is a key of this layout (e.g. 'ALWAYS'): one outcome for all.
                Object outcome = r.outcome;
                if (outcome == null) r.outcome = outcome = outcome(undefined.clone(), variables);
                return outcome;
            }
            LoweredExpression.Program program = r.program;
            if (program != null) {
                int t = program.test(h);
                if (t != LoweredExpression.UNDECIDED) return t == 1 ? Boolean.TRUE : Boolean.FALSE;
                // A name it read is absent: the general evaluation raises the NameError (remembered below).
            }
            int[] slots = r.slots;
            if (slots.length == 1) {
                // One name (the commonest check): no tuple made unless the value is new.
                int slot = slots[0];
                String v = slot >= 0 ? h.value(slot) : undefined[0];
                int hash = TupleMemo.hash(v);
                Object outcome = known.get(v, hash);
                return outcome != null ? outcome : known.put(new String[] {v}, hash, evaluate(variables));
            }
            values = new String[slots.length];
            for (int i = 0; i < slots.length; i++) values[i] = slots[i] >= 0 ? h.value(slots[i]) : undefined[i];
        } else {
            values = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                String v = variables.apply(names[i]);
                values[i] = v != null ? v : undefined[i];
            }
        }
        return outcome(values, variables);
    }

    /** The remembered outcome for the names' {@code values}, evaluated with {@code variables} when new. */
    private Object outcome(String[] values, Function<String, String> variables) {
        int hash = TupleMemo.hash(values);
        Object outcome = known.get(values, hash);
        if (outcome == null) outcome = known.put(values, hash, evaluate(variables));
        return outcome;
    }

    private Object evaluate(Function<String, String> variables) {
        Function<String, String> env = variables;
        if (hasUndefined()) {
            env = name -> {
                String v = variables.apply(name);
                if (v != null) return v;
                for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return undefined[i];
                return null;
            };
        }
        try {
            return expression.isTrue(env);
        } catch (ExpressionError err) {
            return err;
        }
    }

    private boolean hasUndefined() {
        for (String u : undefined) if (u != null) return true;
        return false;
    }

    /**
     * The slots of {@link #names} in headers of one layout; {@code fixed} when none is a key of
     * it, so the outcome is the same for every such header (kept in {@code outcome} once known:
     * racy but safe, every writer writes the memo's one outcome); {@code program} the lowered
     * expression bound to these slots (null: not lowered).
     */
    private static final class Resolved {
        final Object layout;
        final int[] slots;
        final boolean fixed;
        final LoweredExpression.Program program;
        volatile Object outcome;

        Resolved(Object layout, int[] slots, LoweredExpression.Program program) {
            this.layout = layout;
            this.slots = slots;
            boolean none = true;
            for (int s : slots) none &= s < 0;
            this.fixed = none;
            this.program = program;
        }
    }

    private static final int MAX_LAYOUTS = 8;

    // The few layouts this check sees (an imap's minimum header, an rmap's own): kept side by side,
    // so lookups alternating between them write nothing shared (copy-on-write, rarely written).
    private volatile Resolved[] resolved = new Resolved[0];

    private Resolved resolvedFor(SlottedHeader h) {
        Object layout = h.layout();
        Resolved[] known = resolved;
        for (Resolved r : known) if (r.layout == layout) return r;
        int[] slots = new int[names.length];
        for (int i = 0; i < slots.length; i++) slots[i] = h.variableSlot(names[i]);
        String[] fixed = new String[slots.length];
        for (int i = 0; i < slots.length; i++) if (slots[i] < 0) fixed[i] = undefined[i];
        Resolved r = new Resolved(layout, slots, lowered == null ? null : lowered.bind(slots, fixed));
        if (known.length < MAX_LAYOUTS) {
            Resolved[] more = java.util.Arrays.copyOf(known, known.length + 1);
            more[known.length] = r;
            resolved = more;    // a racing writer may drop another's entry: it is only made again
        }
        return r;
    }

    /**
     * Every variable name the expression reads ({@code True}, {@code False}, {@code None} are
     * constants). (Loops, not forEach lambdas: runs while loading, in a cold JVM.)
     */
    private static void collectNames(Expr e, Set<String> out) {
        if (e instanceof Expr.Name n) {
            if (!n.id().equals("True") && !n.id().equals("False") && !n.id().equals("None")) out.add(n.id());
        } else if (e instanceof Expr.TupleExpr t) {
            for (Expr x : t.items()) collectNames(x, out);
        } else if (e instanceof Expr.ListExpr l) {
            for (Expr x : l.items()) collectNames(x, out);
        } else if (e instanceof Expr.Not n) {
            collectNames(n.operand(), out);
        } else if (e instanceof Expr.Neg n) {
            collectNames(n.operand(), out);
        } else if (e instanceof Expr.BoolOp b) {
            for (Expr x : b.operands()) collectNames(x, out);
        } else if (e instanceof Expr.Compare c) {
            collectNames(c.left(), out);
            for (Expr x : c.comparators()) collectNames(x, out);
        } else if (e instanceof Expr.IfElse ie) {
            collectNames(ie.body(), out);
            collectNames(ie.test(), out);
            collectNames(ie.orElse(), out);
        } else if (e instanceof Expr.Call c) {
            collectNames(c.callee(), out);
            for (Expr x : c.args()) collectNames(x, out);
        } else if (e instanceof Expr.Attribute a) {
            collectNames(a.object(), out);
        } else if (e instanceof Expr.Subscript s) {
            collectNames(s.object(), out);
            collectNames(s.index(), out);
        }
    }
}
