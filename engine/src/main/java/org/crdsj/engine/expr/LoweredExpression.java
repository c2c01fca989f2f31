package org.crdsj.engine.expr;

import java.util.ArrayList;
import java.util.List;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.expr.Expr.CompareOp;
import org.crdsj.grammar.syntax.Value;

/**
 * The truth of a {@link CompiledExpression} of the common header-check shapes, lowered to direct
 * reads of its variables by slot: {@code NAME == 'X'}, {@code NAME != 'X'}, {@code NAME in ('A', 'B')}
 * (tuple or list), {@code not in}, names and str literals on either side, a bare name or str
 * literal, {@code True}/{@code False}, and {@code and}/{@code or}/{@code not} of those. Anything
 * else is not lowered ({@link #lower} answers null) and stays with the general evaluation.
 *
 * <p>It is the same expression, not a second language: it is built from the same parsed tree,
 * keeps Python's evaluation order and short-circuits, and compares with {@link PythonOperators#eq}
 * and {@link PythonOperators#truthy}. All its values are str (header values and str literals),
 * so no comparison can raise; the one error, a name the header lacks, is not decided here: a
 * {@link Program} answers {@link #UNDECIDED} when it reads an absent value, and the caller then
 * evaluates the general way (which raises the NameError). Immutable and thread-safe.
 */
public final class LoweredExpression {
    /** What {@link Program#test} answers when it read an absent variable: evaluate the general way. */
    public static final int UNDECIDED = -1;

    /** A header's values by slot (null: absent). */
    public interface SlotValues {
        String value(int slot);
    }

    /** The lowered expression bound to one header layout: the slots of its variables. */
    public interface Program {
        /** 1 when the expression is true for {@code values}, 0 when false, else {@link #UNDECIDED}. */
        int test(SlotValues values);
    }

    /** A node of the lowered tree; {@link #bind} turns variable numbers into slots or fixed values. */
    private sealed interface Node {
        Program bind(int[] slots, String[] fixed);
    }

    /** An operand of a comparison: variable number {@code variable}, or the str {@code literal}. */
    private record Operand(int variable, String literal) {
        Operand bound(int[] slots, String[] fixed) {
            if (literal != null || fixed[variable] == null) return this;
            return new Operand(-1, fixed[variable]);
        }

        /** The value, null when absent. */
        String read(SlotValues values, int[] slots) {
            return literal != null ? literal : values.value(slots[variable]);
        }
    }

    private final Node root;

    private LoweredExpression(Node root) {
        this.root = root;
    }

    /**
     * The lowering of {@code expression} whose variables are numbered by their place in
     * {@code variables} (which must hold every name it reads), or null when its shape is not one
     * of those lowered.
     */
    public static LoweredExpression lower(CompiledExpression expression, List<String> variables) {
        Node root = truth(expression.expr(), variables);
        return root == null ? null : new LoweredExpression(root);
    }

    /**
     * This expression for headers of one layout: {@code slots[i]} is where variable {@code i} is
     * read; a non-null {@code fixed[i]} is its value instead (e.g. {@code UNDEFINED} for a parkey
     * the layout lacks).
     */
    public Program bind(int[] slots, String[] fixed) {
        return root.bind(slots.clone(), fixed.clone());
    }

    // ------------------------------------------------------------------ lowering

    /** The node giving the truth of {@code e}, or null when not lowered. */
    private static Node truth(Expr e, List<String> variables) {
        if (e instanceof Expr.BoolOp b) {
            List<Node> operands = new ArrayList<>();
            for (Expr x : b.operands()) {
                Node n = truth(x, variables);
                if (n == null) return null;
                operands.add(n);
            }
            return new AllOrAny(b.isAnd(), operands.toArray(new Node[0]));
        }
        if (e instanceof Expr.Not n) {
            Node operand = truth(n.operand(), variables);
            return operand == null ? null : new Negation(operand);
        }
        if (e instanceof Expr.Compare c) {
            if (c.ops().size() != 1) return null;
            CompareOp op = c.ops().get(0);
            Operand left = operand(c.left(), variables);
            if (left == null) return null;
            Expr right = c.comparators().get(0);
            if (op == CompareOp.EQ || op == CompareOp.NE) {
                Operand r = operand(right, variables);
                return r == null ? null : new Equality(left, r, op == CompareOp.NE);
            }
            if (op == CompareOp.IN || op == CompareOp.NOT_IN) {
                String[] items = strItems(right);
                return items == null ? null : new Membership(left, items, op == CompareOp.NOT_IN);
            }
            return null;
        }
        if (e instanceof Expr.Const c && c.value() instanceof Value.Bool b) return new Constant(b.value());
        if (e instanceof Expr.Name n && (n.id().equals("True") || n.id().equals("False"))) {
            return new Constant(n.id().equals("True"));
        }
        Operand o = operand(e, variables);
        return o == null ? null : new Truthiness(o);
    }

    /** A str-valued operand: a variable or a str literal; null otherwise. */
    private static Operand operand(Expr e, List<String> variables) {
        if (e instanceof Expr.Const c && c.value() instanceof Value.Str s) return new Operand(-1, s.value());
        if (e instanceof Expr.Name n) {
            if (n.id().equals("True") || n.id().equals("False") || n.id().equals("None")) return null;
            int i = variables.indexOf(n.id());
            return i < 0 ? null : new Operand(i, null);
        }
        return null;
    }

    /** The items of a tuple or list of str literals (interned: header values usually are too); null otherwise. */
    private static String[] strItems(Expr e) {
        List<Expr> items;
        if (e instanceof Expr.TupleExpr t) items = t.items();
        else if (e instanceof Expr.ListExpr l) items = l.items();
        else return null;
        String[] out = new String[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof Expr.Const c && c.value() instanceof Value.Str s)) return null;
            out[i] = s.value().intern();
        }
        return out;
    }

    // ------------------------------------------------------------------ nodes and their programs

    private record Constant(boolean value) implements Node, Program {
        @Override public Program bind(int[] slots, String[] fixed) { return this; }
        @Override public int test(SlotValues values) { return value ? 1 : 0; }
    }

    /** A bare str operand in a truth context: Python's {@code bool(str)}. */
    private record Truthiness(Operand operand) implements Node {
        @Override
        public Program bind(int[] slots, String[] fixed) {
            Operand o = operand.bound(slots, fixed);
            return values -> {
                String v = o.read(values, slots);
                return v == null ? UNDECIDED : PythonOperators.truthy(v) ? 1 : 0;
            };
        }
    }

    /** {@code a == b} or {@code a != b} of two str operands. */
    private record Equality(Operand left, Operand right, boolean negated) implements Node {
        @Override
        public Program bind(int[] slots, String[] fixed) {
            Operand a = left.bound(slots, fixed), b = right.bound(slots, fixed);
            if (a.literal == null && b.literal != null) {
                // The common shape (NAME == 'X'): one slot read, the literal interned, so equal
                // header values (interned by conditioning) usually match by identity.
                int slot = slots[a.variable];
                String literal = b.literal.intern();
                return values -> {
                    String v = values.value(slot);
                    return v == null ? UNDECIDED : PythonOperators.eq(v, literal) != negated ? 1 : 0;
                };
            }
            return values -> {
                String x = a.read(values, slots);
                if (x == null) return UNDECIDED;
                String y = b.read(values, slots);
                if (y == null) return UNDECIDED;
                return PythonOperators.eq(x, y) != negated ? 1 : 0;
            };
        }
    }

    /** {@code a in (...)} or {@code a not in (...)} of a str operand and a tuple or list of str literals. */
    private record Membership(Operand item, String[] items, boolean negated) implements Node {
        @Override
        public Program bind(int[] slots, String[] fixed) {
            Operand a = item.bound(slots, fixed);
            return values -> {
                String v = a.read(values, slots);
                if (v == null) return UNDECIDED;
                // PythonOperators.contains of a sequence, without making the sequence.
                boolean found = false;
                for (String x : items) {
                    if (PythonOperators.eq(v, x)) {
                        found = true;
                        break;
                    }
                }
                return found != negated ? 1 : 0;
            };
        }
    }

    /** {@code not x}. */
    private record Negation(Node operand) implements Node {
        @Override
        public Program bind(int[] slots, String[] fixed) {
            Program p = operand.bind(slots, fixed);
            return values -> {
                int t = p.test(values);
                return t == UNDECIDED ? UNDECIDED : 1 - t;
            };
        }
    }

    /**
     * {@code a and b ...} ({@code all}) or {@code a or b ...}: in a truth context Python's
     * result (an operand) is true exactly when all (any) operands are, evaluated left to right
     * up to the first false (true) one.
     */
    private record AllOrAny(boolean all, Node[] operands) implements Node {
        @Override
        public Program bind(int[] slots, String[] fixed) {
            Program[] ps = new Program[operands.length];
            for (int i = 0; i < ps.length; i++) ps[i] = operands[i].bind(slots, fixed);
            int stop = all ? 0 : 1;     // the truth that decides
            return values -> {
                for (Program p : ps) {
                    int t = p.test(values);
                    if (t != 1 - stop) return t;    // the deciding truth, or UNDECIDED
                }
                return 1 - stop;
            };
        }
    }
}
