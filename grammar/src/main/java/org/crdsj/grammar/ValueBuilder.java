package org.crdsj.grammar;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.crdsj.grammar.antlr.RulesParser;
import org.crdsj.grammar.antlr.RulesParser.BraceValueContext;
import org.crdsj.grammar.antlr.RulesParser.ConstantValueContext;
import org.crdsj.grammar.antlr.RulesParser.ListValueContext;
import org.crdsj.grammar.antlr.RulesParser.NameValueContext;
import org.crdsj.grammar.antlr.RulesParser.NumberValueContext;
import org.crdsj.grammar.antlr.RulesParser.ParenValueContext;
import org.crdsj.grammar.antlr.RulesParser.StringValueContext;
import org.crdsj.grammar.antlr.RulesParser.ValueArgumentContext;
import org.crdsj.grammar.antlr.RulesParser.ValueAtomContext;
import org.crdsj.grammar.antlr.RulesParser.ValueAttributeContext;
import org.crdsj.grammar.antlr.RulesParser.ValueCallContext;
import org.crdsj.grammar.antlr.RulesParser.ValueContext;
import org.crdsj.grammar.antlr.RulesParser.ValueDictRestContext;
import org.crdsj.grammar.antlr.RulesParser.ValueEntryContext;
import org.crdsj.grammar.antlr.RulesParser.ValueLogicContext;
import org.crdsj.grammar.antlr.RulesParser.ValueTrailerContext;
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

    Value value(ValueContext v) {
        // Nearly every value is a bare atom: its only child (a leading minus, not, trailers or
        // operators would be further children).
        if (v.getChildCount() == 1) return atom((ValueAtomContext) v.getChild(0));
        ValueShape shape = ValueShape.of(v);
        rejectOperators(shape);
        if (shape.minus != null) {
            if (shape.minusCount > 1 || !shape.trailers.isEmpty() || !(shape.atom instanceof NumberValueContext n)) {
                throw p.error(shape.minus, "unary minus is allowed only directly before a number");
            }
            return RulesParsing.number(n.getStart(), true, p.pos(shape.minus));
        }
        if (shape.trailers.isEmpty()) return atom(shape.atom);
        return call(shape.atom, shape.trailers);
    }

    /** Operators are reported in the order Python's precedence nests them: the loosest first. */
    private void rejectOperators(ValueShape shape) {
        ValueLogicContext logic = shape.logic;
        if (logic != null) {
            if (logic.IF() != null) throw p.error(logic.IF(), "conditional expressions are not allowed in mapping values");
            if (!logic.OR().isEmpty()) throw p.error(logic.OR(0), "'or' is not allowed in mapping values");
            if (!logic.AND().isEmpty()) throw p.error(logic.AND(0), "'and' is not allowed in mapping values");
        }
        if (shape.not != null) throw p.error(shape.not, "'not' is not allowed in mapping values");
        if (shape.operators != null && !shape.operators.compOp().isEmpty()) {
            throw p.error(shape.operators.compOp(0).getStart(), "comparisons are not allowed in mapping values");
        }
    }

    private Value call(ValueAtomContext atom, List<ValueTrailerContext> trailers) {
        ValueTrailerContext first = trailers.get(0);
        if (!(first instanceof ValueCallContext call)) throw notAllowed(first);
        if (!(atom instanceof NameValueContext name)) {
            throw p.error(call.LPAREN(), "only selector calls are allowed, such as Match({...})");
        }
        Token nameToken = name.getStart();
        String selector = nameToken.getText();
        if (!RulesParsing.SELECTORS.contains(selector)) {
            throw p.error(nameToken, "unknown selector '" + selector + "'");
        }
        if (trailers.size() > 1) {
            ValueTrailerContext second = trailers.get(1);
            if (second instanceof ValueCallContext again) {
                throw p.error(again.LPAREN(), "the result of a selector call cannot be called");
            }
            throw notAllowed(second);
        }
        p.checkSeparators(call, RulesParser.COMMA, "a value or ')'");
        List<ValueArgumentContext> args = new ArrayList<>(1);
        for (ParseTree child : call.children) {
            if (child instanceof ValueArgumentContext arg) args.add(arg);
        }
        for (ValueArgumentContext arg : args) {
            if (arg.ASSIGN() != null) {
                ValueContext target = arg.value(0);
                if (target.getStart() == target.getStop() && target.getStart().getType() == RulesParser.NAME) {
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
        Value arg = value((ValueContext) args.get(0).getChild(0));
        if (!(arg instanceof Value.Dict dict)) {
            throw new RulesSyntaxException(arg.pos(), "the argument of selector '" + selector + "' must be a dict");
        }
        return new Value.Call(selector, dict, p.pos(nameToken));
    }

    private RulesSyntaxException notAllowed(ValueTrailerContext t) {
        if (t instanceof ValueAttributeContext a) return p.error(a.DOT(), "attribute access is not allowed");
        return p.error(t.getStart(), "subscripts are not allowed");
    }

    private Value atom(ValueAtomContext a) {
        if (a instanceof StringValueContext s) return p.string(s);
        if (a instanceof NumberValueContext n) return RulesParsing.number(n.getStart(), false, p.pos(n.getStart()));
        if (a instanceof ParenValueContext paren) {
            p.checkSeparators(paren, RulesParser.COMMA, "a value or ')'");
            // children: '(' (value (',' value?)*)? ')'; one value and no comma is just parentheses
            if (paren.getChildCount() == 3) return value((ValueContext) paren.getChild(1));
            return new Value.Tuple(values(paren), p.pos(paren.getStart()));
        }
        if (a instanceof BraceValueContext brace) return dict(brace);
        if (a instanceof ListValueContext list) {
            p.checkSeparators(list, RulesParser.COMMA, "a value or ']'");
            return new Value.ListVal(values(list), p.pos(list.getStart()));
        }
        if (a instanceof NameValueContext name) {
            String id = name.getStart().getText();
            if (RulesParsing.SELECTORS.contains(id)) {
                throw p.error(name.getStart(), "selector '" + id + "' must be called with a dict of selections");
            }
            throw p.error(name.getStart(), "name '" + id + "' is not defined");
        }
        Token c = ((ConstantValueContext) a).getStart();
        if (c.getType() == RulesParser.NONE) return new Value.None(p.pos(c));
        return new Value.Bool(c.getType() == RulesParser.TRUE, p.pos(c));
    }

    private Value.Dict dict(BraceValueContext brace) {
        // children: '{' '}' | '{' value valueDictRest '}' | '{' value valueSetRest '}'
        Token open = brace.getStart();
        if (brace.getChildCount() == 2) return new Value.Dict(List.of(), p.pos(open));
        ParseTree rest = brace.getChild(2);
        if (!(rest instanceof ValueDictRestContext dictRest)) throw p.error(open, "set displays are not allowed");
        p.checkSeparators(dictRest, RulesParser.COMMA, "a value or '}'");
        // children of the rest: ':' value (',' valueEntry?)*
        List<ParseTree> parts = dictRest.children;
        List<Value.Entry> entries = new ArrayList<>(parts.size() / 2 + 1);
        entries.add(entry((ValueContext) brace.getChild(1), (ValueContext) parts.get(1)));
        for (int i = 2, n = parts.size(); i < n; i++) {
            if (parts.get(i) instanceof ValueEntryContext e) {
                entries.add(entry((ValueContext) e.getChild(0), (ValueContext) e.getChild(2)));
            }
        }
        return new Value.Dict(entries, p.pos(open));
    }

    private Value.Entry entry(ValueContext keyValue, ValueContext valueValue) {
        Value key = value(keyValue);
        requireHashable(key, key);
        return new Value.Entry(key, value(valueValue));
    }

    /** The values directly inside a parenthesised or bracketed display. */
    private List<Value> values(ValueAtomContext display) {
        List<ParseTree> children = display.children;
        List<Value> out = new ArrayList<>(children.size() / 2);
        for (int i = 0, n = children.size(); i < n; i++) {
            if (children.get(i) instanceof ValueContext v) out.add(value(v));
        }
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
