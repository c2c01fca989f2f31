package org.crdsj.grammar;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.crdsj.grammar.antlr.RulesParser.AndTestContext;
import org.crdsj.grammar.antlr.RulesParser.AtomContext;
import org.crdsj.grammar.antlr.RulesParser.AttributeTrailerContext;
import org.crdsj.grammar.antlr.RulesParser.CallTrailerContext;
import org.crdsj.grammar.antlr.RulesParser.CompOpContext;
import org.crdsj.grammar.antlr.RulesParser.ComparisonContext;
import org.crdsj.grammar.antlr.RulesParser.ConstantAtomContext;
import org.crdsj.grammar.antlr.RulesParser;
import org.crdsj.grammar.antlr.RulesParser.BraceAtomContext;
import org.crdsj.grammar.antlr.RulesParser.ListAtomContext;
import org.crdsj.grammar.antlr.RulesParser.NameAtomContext;
import org.crdsj.grammar.antlr.RulesParser.NotTestContext;
import org.crdsj.grammar.antlr.RulesParser.NumberAtomContext;
import org.crdsj.grammar.antlr.RulesParser.OrTestContext;
import org.crdsj.grammar.antlr.RulesParser.ParenAtomContext;
import org.crdsj.grammar.antlr.RulesParser.PrimaryContext;
import org.crdsj.grammar.antlr.RulesParser.StringAtomContext;
import org.crdsj.grammar.antlr.RulesParser.TestContext;
import org.crdsj.grammar.antlr.RulesParser.TestListContext;
import org.crdsj.grammar.antlr.RulesParser.TrailerContext;
import org.crdsj.grammar.antlr.RulesParser.UnaryContext;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.expr.Expr.CompareOp;
import org.crdsj.grammar.syntax.Value;

/** Builds {@link Expr} trees from parse trees, rejecting what the CRDS screener rejects. */
final class ExprBuilder {
    private final RulesParsing p;
    /** Constraint expressions (certify) also allow calls of named helpers, attributes and subscripts. */
    private final boolean constraint;

    ExprBuilder(RulesParsing parsing) {
        this(parsing, false);
    }

    ExprBuilder(RulesParsing parsing, boolean constraint) {
        this.p = parsing;
        this.constraint = constraint;
    }

    /** A top-level expression; a bare {@code a, b} is a tuple as in Python. */
    Expr testList(TestListContext list) {
        p.checkSeparators(list, RulesParser.COMMA, "an expression");
        if (list.test().size() == 1 && list.COMMA().isEmpty()) return test(list.test(0));
        return new Expr.TupleExpr(tests(list.test()), p.pos(list.getStart()));
    }

    Expr test(TestContext t) {
        Expr body = or(t.orTest(0));
        if (t.IF() == null) return body;
        return new Expr.IfElse(body, or(t.orTest(1)), test(t.test()), body.pos());
    }

    private Expr or(OrTestContext o) {
        if (o.andTest().size() == 1) return and(o.andTest(0));
        List<Expr> operands = new ArrayList<>();
        for (AndTestContext a : o.andTest()) operands.add(and(a));
        return new Expr.BoolOp(false, operands, operands.get(0).pos());
    }

    private Expr and(AndTestContext a) {
        if (a.notTest().size() == 1) return not(a.notTest(0));
        List<Expr> operands = new ArrayList<>();
        for (NotTestContext n : a.notTest()) operands.add(not(n));
        return new Expr.BoolOp(true, operands, operands.get(0).pos());
    }

    private Expr not(NotTestContext n) {
        if (n.NOT() == null) return comparison(n.comparison());
        return new Expr.Not(not(n.notTest()), p.pos(n.NOT()));
    }

    private Expr comparison(ComparisonContext c) {
        Expr left = unary(c.unary(0));
        if (c.compOp().isEmpty()) return left;
        List<CompareOp> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        for (int i = 0; i < c.compOp().size(); i++) {
            ops.add(op(c.compOp(i)));
            comparators.add(unary(c.unary(i + 1)));
        }
        return new Expr.Compare(left, ops, comparators, left.pos());
    }

    private CompareOp op(CompOpContext op) {
        if (op.IS() != null) throw p.error(op.IS(), "'is' comparisons are not allowed");
        if (op.IN() != null) return op.NOT() != null ? CompareOp.NOT_IN : CompareOp.IN;
        switch (op.getText()) {
            case "==": return CompareOp.EQ;
            case "!=": return CompareOp.NE;
            case "<": return CompareOp.LT;
            case "<=": return CompareOp.LE;
            case ">": return CompareOp.GT;
            default: return CompareOp.GE;
        }
    }

    private Expr unary(UnaryContext u) {
        if (u.MINUS() == null) return primary(u.primary());
        Token number = RulesParsing.bareNumber(u.unary());
        if (number != null) {
            // Folded like mapping values: -1 is the constant -1, not a negation of 1.
            return new Expr.Const(RulesParsing.number(number, true, p.pos(u.MINUS())), p.pos(u.MINUS()));
        }
        return new Expr.Neg(unary(u.unary()), p.pos(u.MINUS()));
    }

    private Expr primary(PrimaryContext pc) {
        if (constraint) return constraintPrimary(pc);
        if (!pc.trailer().isEmpty()) {
            TrailerContext t = pc.trailer(0);
            if (t instanceof AttributeTrailerContext a) throw p.error(a.DOT(), "attribute access is not allowed");
            if (t instanceof CallTrailerContext c) throw p.error(c.LPAREN(), "calls are not allowed in expressions");
            throw p.error(t.getStart(), "subscripts are not allowed");
        }
        return atom(pc.atom());
    }

    /** An atom followed by calls (of plain names only), attribute accesses and subscripts. */
    private Expr constraintPrimary(PrimaryContext pc) {
        Expr e = atom(pc.atom());
        for (TrailerContext t : pc.trailer()) {
            if (t instanceof AttributeTrailerContext a) {
                e = new Expr.Attribute(e, a.NAME().getText(), p.pos(a.DOT()));
            } else if (t instanceof CallTrailerContext c) {
                if (!(e instanceof Expr.Name) && !(e instanceof Expr.Attribute)) {
                    throw p.error(c.LPAREN(), "only named helper functions and methods can be called");
                }
                List<Expr> args = new ArrayList<>();
                for (RulesParser.ArgumentContext arg : c.argument()) {
                    if (arg.ASSIGN() != null) throw p.error(arg.ASSIGN(), "keyword arguments are not allowed");
                    args.add(test(arg.test(0)));
                }
                e = new Expr.Call(e, args, e.pos());
            } else {
                RulesParser.SubscriptTrailerContext s = (RulesParser.SubscriptTrailerContext) t;
                e = new Expr.Subscript(e, testList(s.testList()), p.pos(s.getStart()));
            }
        }
        return e;
    }

    private Expr atom(AtomContext a) {
        if (a instanceof ParenAtomContext paren) {
            p.checkSeparators(paren, RulesParser.COMMA, "an expression or ')'");
            if (paren.test().size() == 1 && paren.COMMA().isEmpty()) return test(paren.test(0));
            return new Expr.TupleExpr(tests(paren.test()), p.pos(paren.LPAREN()));
        }
        if (a instanceof ListAtomContext list) {
            p.checkSeparators(list, RulesParser.COMMA, "an expression or ']'");
            return new Expr.ListExpr(tests(list.test()), p.pos(list.LBRACK()));
        }
        if (a instanceof BraceAtomContext b) {
            if (b.setRest() != null) throw p.error(b.LBRACE(), "set displays are not allowed");
            throw p.error(b.LBRACE(), "dict displays are not allowed in expressions");
        }
        if (a instanceof NameAtomContext n) return new Expr.Name(n.getText(), p.pos(n.getStart()));
        if (a instanceof NumberAtomContext n) {
            Value v = RulesParsing.number(n.getStart(), false, p.pos(n.getStart()));
            return new Expr.Const(v, v.pos());
        }
        if (a instanceof StringAtomContext s) {
            Value v = p.string(s);
            return new Expr.Const(v, v.pos());
        }
        Token c = ((ConstantAtomContext) a).getStart();
        Value v = c.getText().equals("None") ? new Value.None(p.pos(c)) : new Value.Bool(c.getText().equals("True"), p.pos(c));
        return new Expr.Const(v, v.pos());
    }

    private List<Expr> tests(List<TestContext> tests) {
        List<Expr> out = new ArrayList<>(tests.size());
        for (TestContext t : tests) out.add(test(t));
        return out;
    }
}
