package org.crdsj.grammar;

import org.antlr.v4.runtime.Token;
import org.crdsj.grammar.antlr.RulesParser;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.syntax.SourcePos;

/**
 * Parses the source of a header expression ({@code rmap_relevance}, {@code rmap_omit},
 * {@code parkey_relevance} values) into an {@link Expr}: names, constants, tuples, lists,
 * parentheses, {@code not}, unary minus, {@code and}/{@code or}, chained comparisons
 * ({@code == != < <= > >= in not in}) and {@code a if c else b}. Everything else (attribute access,
 * calls, subscripts, arithmetic, {@code is}, lambdas, dict and set displays, ...) is rejected.
 * A minus directly before a number literal is folded into the constant ({@code -1} is
 * {@code Const(Int(-1))}). Stateless and thread-safe.
 *
 * <p>Dotted parkey names must already be rewritten ({@code META.EXPOSURE.TYPE} to
 * {@code META_EXPOSURE_TYPE}); a remaining dot is attribute access.
 */
public final class ExpressionParser {
    private ExpressionParser() {}

    /**
     * Parses {@code source}. {@code origin} is where the string literal holding the expression
     * starts in its mapping file (its opening quote): positions in errors and in the returned tree
     * are reported in that file, the first line of the source counting from one column after the
     * quote. With an origin without a line, such as {@link SourcePos#UNKNOWN}, positions are
     * relative to the source itself (line 1, column 1 = its first character).
     *
     * @throws RulesSyntaxException when the source is not an allowed expression
     */
    public static Expr parse(String source, SourcePos origin) {
        return parse(source, origin, true);
    }

    /** {@link #parse(String, SourcePos)}, with or without the fast first stage (tests compare both). */
    static Expr parse(String source, SourcePos origin, boolean fastFirst) {
        String text = source.replace("\r\n", "\n").replace('\r', '\n');
        RulesParsing parsing = new RulesParsing(PositionMap.inside(origin),
                fastFirst ? RulesParsing.Stage.TREE : RulesParsing.Stage.DESCRIBE);
        RulesParser.ExpressionInputContext input = parsing.expressionInput(text);
        Token first = input.testList().getStart();
        if (first.getCharPositionInLine() != 0) throw parsing.error(first, "unexpected indent");
        return new ExprBuilder(parsing).testList(input.testList());
    }

    /**
     * Parses a certify constraint expression (a {@code .tpn} presence condition or value
     * expression): the header-expression language plus calls of named helper functions,
     * attribute access and subscripts. Positions are relative to the source (line 1, column 1).
     *
     * @throws RulesSyntaxException when the source is not an allowed constraint expression
     */
    public static Expr parseConstraint(String source) {
        String text = source.replace("\r\n", "\n").replace('\r', '\n');
        RulesParsing parsing = new RulesParsing(PositionMap.inside(SourcePos.UNKNOWN));
        RulesParser.ExpressionInputContext input = parsing.expressionInput(text);
        return new ExprBuilder(parsing, true).testList(input.testList());
    }
}
