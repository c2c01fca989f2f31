package org.crdsj.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/**
 * Parses header expressions once per distinct text: the rmaps of a context repeat the same few
 * ({@code (DETECTOR != "SBC")} in a dozen files), and in a fresh JVM each parse runs the
 * expression grammar's deep rule chain, mostly in the interpreter. A text is parsed once with
 * positions relative to itself; each caller gets that tree placed at its own origin, which gives
 * exactly what {@link ExpressionParser#parse(String, SourcePos)} gives there (every position of a
 * parse comes from the same line/column mapping). A text that does not parse is parsed again at
 * the caller's origin, so errors are the parser's own. Thread-safe; meant to live for one load.
 */
public final class ExpressionMemo {
    /** Parsed trees by source, positions relative to the source; absent for texts that fail. */
    private final ConcurrentHashMap<String, Expr> relative = new ConcurrentHashMap<>();

    /** What {@link ExpressionParser#parse(String, SourcePos)} gives for {@code source} at {@code origin}. */
    public Expr parse(String source, SourcePos origin) {
        if (origin.line() < 1) return ExpressionParser.parse(source, origin);
        Expr tree = relative.get(source);
        if (tree == null) {
            try {
                tree = ExpressionParser.parse(source, SourcePos.UNKNOWN);
            } catch (RulesSyntaxException e) {
                return ExpressionParser.parse(source, origin); // throws, positioned at the origin
            }
            relative.putIfAbsent(source, tree);
        }
        return place(tree, PositionMap.inside(origin));
    }

    /** {@code e}, parsed at {@link SourcePos#UNKNOWN}, with every position moved to where {@code origin} puts it. */
    private static Expr place(Expr e, PositionMap origin) {
        SourcePos p = at(e.pos(), origin);
        if (e instanceof Expr.Name n) return new Expr.Name(n.id(), p);
        if (e instanceof Expr.Const c) return new Expr.Const(place(c.value(), origin), p);
        if (e instanceof Expr.TupleExpr t) return new Expr.TupleExpr(placeAll(t.items(), origin), p);
        if (e instanceof Expr.ListExpr l) return new Expr.ListExpr(placeAll(l.items(), origin), p);
        if (e instanceof Expr.Not n) return new Expr.Not(place(n.operand(), origin), p);
        if (e instanceof Expr.Neg n) return new Expr.Neg(place(n.operand(), origin), p);
        if (e instanceof Expr.BoolOp b) return new Expr.BoolOp(b.isAnd(), placeAll(b.operands(), origin), p);
        if (e instanceof Expr.Compare c) {
            return new Expr.Compare(place(c.left(), origin), c.ops(), placeAll(c.comparators(), origin), p);
        }
        if (e instanceof Expr.Call c) return new Expr.Call(place(c.callee(), origin), placeAll(c.args(), origin), p);
        if (e instanceof Expr.Attribute a) return new Expr.Attribute(place(a.object(), origin), a.name(), p);
        if (e instanceof Expr.Subscript s) return new Expr.Subscript(place(s.object(), origin), place(s.index(), origin), p);
        Expr.IfElse i = (Expr.IfElse) e;
        return new Expr.IfElse(place(i.body(), origin), place(i.test(), origin), place(i.orElse(), origin), p);
    }

    private static List<Expr> placeAll(List<Expr> items, PositionMap origin) {
        List<Expr> out = new ArrayList<>(items.size());
        for (Expr item : items) out.add(place(item, origin));
        return out;
    }

    /** The literal values an expression holds (numbers, strings, True, False, None). */
    private static Value place(Value v, PositionMap origin) {
        SourcePos p = at(v.pos(), origin);
        if (v instanceof Value.Str s) return new Value.Str(s.value(), p);
        if (v instanceof Value.Int i) return new Value.Int(i.value(), p);
        if (v instanceof Value.Flt f) return new Value.Flt(f.value(), f.text(), p);
        if (v instanceof Value.Bool b) return new Value.Bool(b.value(), p);
        if (v instanceof Value.None) return new Value.None(p);
        throw new IllegalStateException("an expression holds no " + v.getClass().getSimpleName());
    }

    /**
     * A position relative to the source (parsed at {@link SourcePos#UNKNOWN}: line 1, column 1 =
     * its first character) where {@code origin} maps it.
     */
    private static SourcePos at(SourcePos relative, PositionMap origin) {
        return origin.at(relative.line(), relative.column() - 1);
    }
}
