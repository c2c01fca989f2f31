package org.crdsj.grammar;

import java.util.List;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/** Test helper: syntax trees with every position replaced by {@link SourcePos#UNKNOWN}, for equality. */
final class SyntaxEquality {
    private static final SourcePos U = SourcePos.UNKNOWN;

    private SyntaxEquality() {}

    static Value strip(Value v) {
        if (v instanceof Value.Str s) return new Value.Str(s.value(), U);
        if (v instanceof Value.Int i) return new Value.Int(i.value(), U);
        if (v instanceof Value.Flt f) return new Value.Flt(f.value(), f.text(), U);
        if (v instanceof Value.Bool b) return new Value.Bool(b.value(), U);
        if (v instanceof Value.None) return new Value.None(U);
        if (v instanceof Value.Tuple t) return new Value.Tuple(strip(t.items()), U);
        if (v instanceof Value.ListVal l) return new Value.ListVal(strip(l.items()), U);
        if (v instanceof Value.Dict d) return stripDict(d);
        Value.Call c = (Value.Call) v;
        return new Value.Call(c.selector(), stripDict(c.selections()), U);
    }

    static Value.Dict stripDict(Value.Dict d) {
        return new Value.Dict(d.entries().stream()
                .map(e -> new Value.Entry(strip(e.key()), strip(e.value()))).toList(), U);
    }

    static List<Value> strip(List<Value> values) {
        return values.stream().map(SyntaxEquality::strip).toList();
    }

    static MappingSyntax strip(MappingSyntax m) {
        return new MappingSyntax(m.file(), stripDict(m.header()), strip(m.selector()), m.comment());
    }

    static Expr strip(Expr e) {
        if (e instanceof Expr.Name n) return new Expr.Name(n.id(), U);
        if (e instanceof Expr.Const c) return new Expr.Const(strip(c.value()), U);
        if (e instanceof Expr.TupleExpr t) return new Expr.TupleExpr(stripExprs(t.items()), U);
        if (e instanceof Expr.ListExpr l) return new Expr.ListExpr(stripExprs(l.items()), U);
        if (e instanceof Expr.Not n) return new Expr.Not(strip(n.operand()), U);
        if (e instanceof Expr.Neg n) return new Expr.Neg(strip(n.operand()), U);
        if (e instanceof Expr.BoolOp b) return new Expr.BoolOp(b.isAnd(), stripExprs(b.operands()), U);
        if (e instanceof Expr.Compare c) {
            return new Expr.Compare(strip(c.left()), c.ops(), stripExprs(c.comparators()), U);
        }
        Expr.IfElse f = (Expr.IfElse) e;
        return new Expr.IfElse(strip(f.body()), strip(f.test()), strip(f.orElse()), U);
    }

    static List<Expr> stripExprs(List<Expr> exprs) {
        return exprs.stream().map(SyntaxEquality::strip).toList();
    }
}
