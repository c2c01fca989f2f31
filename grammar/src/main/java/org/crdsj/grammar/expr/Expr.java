package org.crdsj.grammar.expr;

import java.util.List;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/**
 * The small expression language of {@code rmap_relevance}, {@code rmap_omit} and
 * {@code parkey_relevance}: a screened subset of Python expressions (names, constants, tuples,
 * lists, {@code not}, unary minus, {@code and}/{@code or}, comparisons, conditional expressions).
 * Certify's constraint expressions additionally allow helper calls, attribute access and subscripts.
 */
public sealed interface Expr {
    SourcePos pos();

    /** A variable, looked up in the dataset header when evaluated ({@code True/False/None} are constants). */
    record Name(String id, SourcePos pos) implements Expr {}

    /** A literal: {@link Value.Str}, {@link Value.Int}, {@link Value.Flt}, {@link Value.Bool} or {@link Value.None}. */
    record Const(Value value, SourcePos pos) implements Expr {}

    record TupleExpr(List<Expr> items, SourcePos pos) implements Expr {
        public TupleExpr { items = List.copyOf(items); }
    }

    record ListExpr(List<Expr> items, SourcePos pos) implements Expr {
        public ListExpr { items = List.copyOf(items); }
    }

    /** {@code not x}. */
    record Not(Expr operand, SourcePos pos) implements Expr {}

    /** Unary minus. */
    record Neg(Expr operand, SourcePos pos) implements Expr {}

    /** {@code a and b and ...} or {@code a or b or ...}; short-circuits, returns an operand. */
    record BoolOp(boolean isAnd, List<Expr> operands, SourcePos pos) implements Expr {
        public BoolOp { operands = List.copyOf(operands); }
    }

    /** A (possibly chained) comparison {@code left op1 c1 op2 c2 ...}. */
    record Compare(Expr left, List<CompareOp> ops, List<Expr> comparators, SourcePos pos) implements Expr {
        public Compare { ops = List.copyOf(ops); comparators = List.copyOf(comparators); }
    }

    /**
     * A call {@code f(a, b)} of a named helper function or {@code x.method()}. Only constraint
     * expressions (certify's {@code .tpn} language, {@link org.crdsj.grammar.ExpressionParser#parseConstraint})
     * contain calls; the callee is a {@link Name} or an {@link Attribute}.
     */
    record Call(Expr callee, List<Expr> args, SourcePos pos) implements Expr {
        public Call { args = List.copyOf(args); }
    }

    /** Attribute access {@code x.NAME} (constraint expressions only). */
    record Attribute(Expr object, String name, SourcePos pos) implements Expr {}

    /** Subscript {@code x[i]} (constraint expressions only). */
    record Subscript(Expr object, Expr index, SourcePos pos) implements Expr {}

    /** {@code body if test else orElse}. */
    record IfElse(Expr body, Expr test, Expr orElse, SourcePos pos) implements Expr {}

    /** Comparison operators, spelled as in Python. */
    enum CompareOp {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), NOT_IN("not in");

        public final String symbol;

        CompareOp(String symbol) { this.symbol = symbol; }
    }
}
