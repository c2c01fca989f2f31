package org.crdsj.grammar;

import java.util.List;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.syntax.Value;

/**
 * Prints an {@link Expr} as Python source that {@link ExpressionParser} reads back to the same
 * tree. Every compound expression is parenthesised, so no precedence reasoning is needed.
 * Stateless and thread-safe.
 */
public final class ExpressionPrinter {
    private ExpressionPrinter() {}

    /** Fully parenthesised Python source of {@code expr}. */
    public static String print(Expr expr) {
        StringBuilder sb = new StringBuilder();
        append(sb, expr);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Expr e) {
        if (e instanceof Expr.Name n) sb.append(n.id());
        else if (e instanceof Expr.Const c) {
            // A negative literal is parenthesised so that it stays one operand everywhere.
            if (isNegativeNumber(c.value())) sb.append('(').append(SyntaxPrinter.print(c.value())).append(')');
            else sb.append(SyntaxPrinter.print(c.value()));
        } else if (e instanceof Expr.TupleExpr t) {
            sb.append('(');
            items(sb, t.items());
            if (t.items().size() == 1) sb.append(',');
            sb.append(')');
        } else if (e instanceof Expr.ListExpr l) {
            sb.append('[');
            items(sb, l.items());
            sb.append(']');
        } else if (e instanceof Expr.Not n) {
            sb.append("(not ");
            append(sb, n.operand());
            sb.append(')');
        } else if (e instanceof Expr.Neg n) {
            // -(1) keeps the negation a Neg node; -1 would be read back as the constant -1.
            boolean number = n.operand() instanceof Expr.Const c
                    && (c.value() instanceof Value.Int || c.value() instanceof Value.Flt);
            sb.append("(-");
            if (number) sb.append('(');
            append(sb, n.operand());
            if (number) sb.append(')');
            sb.append(')');
        } else if (e instanceof Expr.BoolOp b) {
            sb.append('(');
            String sep = "";
            for (Expr operand : b.operands()) {
                sb.append(sep);
                append(sb, operand);
                sep = b.isAnd() ? " and " : " or ";
            }
            sb.append(')');
        } else if (e instanceof Expr.Compare c) {
            sb.append('(');
            append(sb, c.left());
            for (int i = 0; i < c.ops().size(); i++) {
                sb.append(' ').append(c.ops().get(i).symbol).append(' ');
                append(sb, c.comparators().get(i));
            }
            sb.append(')');
        } else {
            Expr.IfElse f = (Expr.IfElse) e;
            sb.append('(');
            append(sb, f.body());
            sb.append(" if ");
            append(sb, f.test());
            sb.append(" else ");
            append(sb, f.orElse());
            sb.append(')');
        }
    }

    private static boolean isNegativeNumber(Value v) {
        if (v instanceof Value.Int i) return i.value().signum() < 0;
        return v instanceof Value.Flt f && f.text().startsWith("-");
    }

    private static void items(StringBuilder sb, List<Expr> items) {
        String sep = "";
        for (Expr item : items) {
            sb.append(sep);
            append(sb, item);
            sep = ", ";
        }
    }
}
