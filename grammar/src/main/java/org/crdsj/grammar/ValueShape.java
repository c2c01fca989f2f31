package org.crdsj.grammar;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.crdsj.grammar.antlr.RulesParser;
import org.crdsj.grammar.antlr.RulesParser.ValueAtomContext;
import org.crdsj.grammar.antlr.RulesParser.ValueContext;
import org.crdsj.grammar.antlr.RulesParser.ValueLogicContext;
import org.crdsj.grammar.antlr.RulesParser.ValueOperatorsContext;
import org.crdsj.grammar.antlr.RulesParser.ValueTrailerContext;

/**
 * The parts of one parsed mapping value ({@code value} rule), found in a single pass over its
 * children so that the builders need no repeated token scans.
 */
final class ValueShape {
    /** The first of the leading minus signs, or null. */
    final Token minus;
    /** How many minus signs precede the operand. */
    final int minusCount;
    /** A leading {@code not}, or null; then {@link #atom} is null. */
    final Token not;
    final ValueAtomContext atom;
    /** Calls, attribute accesses and subscripts after the atom, in order; usually empty. */
    final List<ValueTrailerContext> trailers;
    /** Comparisons (and what follows them) after the first operand, or null. */
    final ValueOperatorsContext operators;
    /** {@code and}, {@code or} or a conditional after the first operand, or null. */
    final ValueLogicContext logic;

    private ValueShape(Token minus, int minusCount, Token not, ValueAtomContext atom,
                       List<ValueTrailerContext> trailers, ValueOperatorsContext operators,
                       ValueLogicContext logic) {
        this.minus = minus;
        this.minusCount = minusCount;
        this.not = not;
        this.atom = atom;
        this.trailers = trailers;
        this.operators = operators;
        this.logic = logic;
    }

    static ValueShape of(ValueContext v) {
        Token minus = null, not = null;
        int minusCount = 0;
        ValueAtomContext atom = null;
        List<ValueTrailerContext> trailers = List.of();
        ValueOperatorsContext operators = null;
        ValueLogicContext logic = null;
        for (ParseTree child : v.children) {
            if (child instanceof ValueAtomContext a) {
                atom = a;
            } else if (child instanceof ValueTrailerContext t) {
                if (trailers.isEmpty()) trailers = new ArrayList<>(2);
                trailers.add(t);
            } else if (child instanceof TerminalNode node) {
                Token token = node.getSymbol();
                if (token.getType() == RulesParser.NOT) {
                    not = token;
                } else if (minusCount++ == 0) {
                    minus = token;
                }
            } else if (child instanceof ValueOperatorsContext o) {
                operators = o;
                logic = o.valueLogic();
            } else if (child instanceof ValueLogicContext l) {
                logic = l;
            }
        }
        return new ValueShape(minus, minusCount, not, atom, trailers, operators, logic);
    }

    /** Whether any operator other than leading minus signs appears. */
    boolean hasOperators() {
        return not != null || operators != null || logic != null;
    }

    /** Whether this is just an atom: no sign, no operator, no trailer. */
    boolean isPlainAtom() {
        return minus == null && !hasOperators() && trailers.isEmpty();
    }
}
