package org.crdsj.grammar;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.crdsj.grammar.antlr.RulesParser.AndTestContext;
import org.crdsj.grammar.antlr.RulesParser.ArgumentContext;
import org.crdsj.grammar.antlr.RulesParser.AtomContext;
import org.crdsj.grammar.antlr.RulesParser.AttributeTrailerContext;
import org.crdsj.grammar.antlr.RulesParser.CallTrailerContext;
import org.crdsj.grammar.antlr.RulesParser.ComparisonContext;
import org.crdsj.grammar.antlr.RulesParser.ConstantAtomContext;
import org.crdsj.grammar.antlr.RulesParser;
import org.crdsj.grammar.antlr.RulesParser.BraceAtomContext;
import org.crdsj.grammar.antlr.RulesParser.DictRestContext;
import org.crdsj.grammar.antlr.RulesParser.DictEntryContext;
import org.crdsj.grammar.antlr.RulesParser.ListAtomContext;
import org.crdsj.grammar.antlr.RulesParser.NameAtomContext;
import org.crdsj.grammar.antlr.RulesParser.NotTestContext;
import org.crdsj.grammar.antlr.RulesParser.NumberAtomContext;
import org.crdsj.grammar.antlr.RulesParser.OrTestContext;
import org.crdsj.grammar.antlr.RulesParser.ParenAtomContext;
import org.crdsj.grammar.antlr.RulesParser.PrimaryContext;
import org.crdsj.grammar.antlr.RulesParser.StringAtomContext;
import org.crdsj.grammar.antlr.RulesParser.TestContext;
import org.crdsj.grammar.antlr.RulesParser.TrailerContext;
import org.crdsj.grammar.antlr.RulesParser.UnaryContext;
import org.crdsj.grammar.syntax.Value;

/**
 * Builds mapping-file {@link Value}s from parse trees, rejecting every construct that is not a
 * literal, a container display or a selector call.
 */
final class ValueBuilder {
    private final RulesParsing p;

    ValueBuilder(RulesParsing parsing) {
        this.p = parsing;
    }

    Value value(TestContext t) {
        if (t.IF() != null) throw p.error(t.IF(), "conditional expressions are not allowed in mapping values");
        OrTestContext or = t.orTest(0);
        if (!or.OR().isEmpty()) throw p.error(or.OR(0), "'or' is not allowed in mapping values");
        AndTestContext and = or.andTest(0);
        if (!and.AND().isEmpty()) throw p.error(and.AND(0), "'and' is not allowed in mapping values");
        NotTestContext not = and.notTest(0);
        if (not.NOT() != null) throw p.error(not.NOT(), "'not' is not allowed in mapping values");
        ComparisonContext cmp = not.comparison();
        if (!cmp.compOp().isEmpty()) {
            throw p.error(cmp.compOp(0).getStart(), "comparisons are not allowed in mapping values");
        }
        return unary(cmp.unary(0));
    }

    private Value unary(UnaryContext u) {
        if (u.MINUS() == null) return primary(u.primary());
        Token number = RulesParsing.bareNumber(u.unary());
        if (number == null) throw p.error(u.MINUS(), "unary minus is allowed only directly before a number");
        return RulesParsing.number(number, true, p.pos(u.MINUS()));
    }

    private Value primary(PrimaryContext pc) {
        List<TrailerContext> trailers = pc.trailer();
        if (trailers.isEmpty()) return atom(pc.atom());
        TrailerContext first = trailers.get(0);
        if (!(first instanceof CallTrailerContext call)) throw notAllowed(first);
        if (!(pc.atom() instanceof NameAtomContext name)) {
            throw p.error(call.LPAREN(), "only selector calls are allowed, such as Match({...})");
        }
        String selector = name.getText();
        if (!RulesParsing.SELECTORS.contains(selector)) {
            throw p.error(name.getStart(), "unknown selector '" + selector + "'");
        }
        if (trailers.size() > 1) {
            TrailerContext second = trailers.get(1);
            if (second instanceof CallTrailerContext again) {
                throw p.error(again.LPAREN(), "the result of a selector call cannot be called");
            }
            throw notAllowed(second);
        }
        p.checkSeparators(call, RulesParser.COMMA, "a value or ')'");
        List<ArgumentContext> args = call.argument();
        for (ArgumentContext arg : args) {
            if (arg.ASSIGN() != null) {
                if (MappingParser.plainPrimary(arg.test(0)) != null
                        && arg.test(0).getStart() == arg.test(0).getStop()
                        && arg.test(0).getStart().getType() == RulesParser.NAME) {
                    throw p.error(arg.getStart(), "keyword arguments are not allowed in selector calls");
                }
                throw p.error(arg.ASSIGN(), "expected ',' or ')' but found '='");
            }
        }
        if (args.isEmpty()) {
            throw p.error(call.RPAREN(), "selector '" + selector + "' needs one argument, a dict of selections");
        }
        if (args.size() > 1) {
            throw p.error(args.get(1).getStart(), "selector '" + selector
                    + "' takes exactly one argument, a dict of selections (got " + args.size() + ")");
        }
        Value arg = value(args.get(0).test(0));
        if (!(arg instanceof Value.Dict dict)) {
            throw new RulesSyntaxException(arg.pos(), "the argument of selector '" + selector + "' must be a dict");
        }
        return new Value.Call(selector, dict, p.pos(name.getStart()));
    }

    private RulesSyntaxException notAllowed(TrailerContext t) {
        if (t instanceof AttributeTrailerContext a) return p.error(a.DOT(), "attribute access is not allowed");
        return p.error(t.getStart(), "subscripts are not allowed");
    }

    private Value atom(AtomContext a) {
        if (a instanceof ParenAtomContext paren) {
            p.checkSeparators(paren, RulesParser.COMMA, "a value or ')'");
            List<TestContext> items = paren.test();
            if (items.size() == 1 && paren.COMMA().isEmpty()) return value(items.get(0));
            return new Value.Tuple(values(items), p.pos(paren.LPAREN()));
        }
        if (a instanceof ListAtomContext list) {
            p.checkSeparators(list, RulesParser.COMMA, "a value or ']'");
            return new Value.ListVal(values(list.test()), p.pos(list.LBRACK()));
        }
        if (a instanceof BraceAtomContext brace) {
            if (brace.setRest() != null) throw p.error(brace.LBRACE(), "set displays are not allowed");
            List<Value.Entry> entries = new ArrayList<>();
            if (brace.dictRest() != null) {
                DictRestContext rest = brace.dictRest();
                p.checkSeparators(rest, RulesParser.COMMA, "a value or '}'");
                entries.add(entry(brace.test(), rest.test()));
                for (DictEntryContext e : rest.dictEntry()) entries.add(entry(e.test(0), e.test(1)));
            }
            return new Value.Dict(entries, p.pos(brace.LBRACE()));
        }
        if (a instanceof NameAtomContext name) {
            String id = name.getText();
            if (RulesParsing.SELECTORS.contains(id)) {
                throw p.error(name.getStart(), "selector '" + id + "' must be called with a dict of selections");
            }
            throw p.error(name.getStart(), "name '" + id + "' is not defined");
        }
        if (a instanceof NumberAtomContext n) return RulesParsing.number(n.getStart(), false, p.pos(n.getStart()));
        if (a instanceof StringAtomContext s) return p.string(s.STRING());
        Token c = ((ConstantAtomContext) a).getStart();
        if (c.getText().equals("None")) return new Value.None(p.pos(c));
        return new Value.Bool(c.getText().equals("True"), p.pos(c));
    }

    private Value.Entry entry(TestContext keyTest, TestContext valueTest) {
        Value key = value(keyTest);
        requireHashable(key, key);
        return new Value.Entry(key, value(valueTest));
    }

    private List<Value> values(List<TestContext> tests) {
        List<Value> out = new ArrayList<>(tests.size());
        for (TestContext t : tests) out.add(value(t));
        return out;
    }

    /** Python refuses lists and dicts (also inside tuples) as dict keys. */
    private static void requireHashable(Value key, Value part) {
        if (part instanceof Value.ListVal) {
            throw new RulesSyntaxException(key.pos(), "unhashable type: 'list' used as a dict key");
        }
        if (part instanceof Value.Dict) {
            throw new RulesSyntaxException(key.pos(), "unhashable type: 'dict' used as a dict key");
        }
        if (part instanceof Value.Tuple tuple) {
            for (Value item : tuple.items()) requireHashable(key, item);
        }
    }
}
