package org.crdsj.grammar;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.crdsj.grammar.antlr.RulesParser;
import org.crdsj.grammar.antlr.RulesParser.AtomContext;
import org.crdsj.grammar.antlr.RulesParser.CallTrailerContext;
import org.crdsj.grammar.antlr.RulesParser.ConstantAtomContext;
import org.crdsj.grammar.antlr.RulesParser.BraceAtomContext;
import org.crdsj.grammar.antlr.RulesParser.NameAtomContext;
import org.crdsj.grammar.antlr.RulesParser.NumberAtomContext;
import org.crdsj.grammar.antlr.RulesParser.ParenAtomContext;
import org.crdsj.grammar.antlr.RulesParser.PrimaryContext;
import org.crdsj.grammar.antlr.RulesParser.StatementContext;
import org.crdsj.grammar.antlr.RulesParser.StatementLineContext;
import org.crdsj.grammar.antlr.RulesParser.StringAtomContext;
import org.crdsj.grammar.antlr.RulesParser.TestContext;
import org.crdsj.grammar.antlr.RulesParser.TestListContext;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.Value;

/**
 * Parses the text of a CRDS mapping file ({@code .pmap}, {@code .imap}, {@code .rmap}): a
 * restricted Python module of {@code header = {...}}, {@code selector = ...} and optional
 * {@code comment = '...'} assignments. Anything CRDS would refuse to load for syntactic reasons
 * is rejected with a {@link RulesSyntaxException}. Stateless and thread-safe.
 */
public final class MappingParser {
    private static final List<String> SECTIONS = List.of("header", "selector", "comment");

    private MappingParser() {}

    /**
     * Parses {@code text}, the contents of the file {@code fileName} (used in positions).
     * Line ends are normalised first ({@code \r\n} and lone {@code \r} become {@code \n}), as
     * Python's universal newlines do. Dict entries keep their written order and duplicates.
     *
     * @throws RulesSyntaxException when the text is not a loadable mapping
     */
    public static MappingSyntax parse(String text, String fileName) {
        String source = text.replace("\r\n", "\n").replace('\r', '\n');
        if (!source.endsWith("\n")) source += "\n";
        RulesParsing parsing = new RulesParsing(PositionMap.ofFile(fileName));
        RulesParser parser = parsing.parser(source, "a value", true);
        RulesParser.MappingFileContext file = parser.mappingFile();
        ValueBuilder values = new ValueBuilder(parsing);

        Value header = null, selector = null, comment = null;
        for (StatementLineContext line : file.statementLine()) {
            parsing.checkSeparators(line, RulesParser.SEMI, "a statement or end of line");
            Token lineStart = line.getStart();
            if (lineStart.getCharPositionInLine() != 0) throw parsing.error(lineStart, "unexpected indent");
            for (StatementContext st : line.statement()) {
                List<TestListContext> parts = st.testList();
                if (parts.size() == 1) {
                    docstring(parsing, values, parts.get(0));
                    continue;
                }
                if (parts.size() > 2) {
                    throw parsing.error(st.ASSIGN(1), "multiple assignment targets are not allowed");
                }
                String name = target(parsing, parts.get(0));
                TestContext rhs = single(parsing, parts.get(1),
                        "the value of '" + name + "' must be a selector call, a dict or a constant, not a tuple");
                requireSectionForm(parsing, name, rhs);
                Value v = values.value(rhs);
                switch (name) {
                    case "header" -> header = v;
                    case "selector" -> selector = v;
                    default -> comment = v;
                }
            }
        }
        Token end = file.EOF().getSymbol();
        if (header == null) throw parsing.error(end, "missing 'header'");
        if (selector == null) throw parsing.error(end, "missing 'selector'");
        if (!(header instanceof Value.Dict headerDict)) {
            throw new RulesSyntaxException(header.pos(), "'header' must be a dict");
        }
        if (comment != null && !(comment instanceof Value.Str)) {
            throw new RulesSyntaxException(comment.pos(), "'comment' must be a string");
        }
        return new MappingSyntax(fileName, headerDict, selector,
                comment == null ? null : ((Value.Str) comment).value());
    }

    /** A bare expression statement is tolerated only as a docstring-like string. */
    private static void docstring(RulesParsing parsing, ValueBuilder values, TestListContext expr) {
        TestContext t = single(parsing, expr,
                "only assignments to 'header', 'selector' and 'comment' are allowed");
        Value v = values.value(t);
        if (!(v instanceof Value.Str)) {
            throw parsing.error(t.getStart(),
                    "only assignments to 'header', 'selector' and 'comment' are allowed");
        }
    }

    private static String target(RulesParsing parsing, TestListContext lhs) {
        TestContext t = single(parsing, lhs,
                "invalid assignment target; expected 'header', 'selector' or 'comment'");
        PrimaryContext primary = plainPrimary(t);
        if (primary == null || !primary.trailer().isEmpty() || !(primary.atom() instanceof NameAtomContext name)) {
            throw parsing.error(t.getStart(), "invalid assignment target; expected 'header', 'selector' or 'comment'");
        }
        String id = name.getText();
        if (!SECTIONS.contains(id)) {
            throw parsing.error(name.getStart(),
                    "cannot assign to '" + id + "'; only 'header', 'selector' and 'comment' may be assigned");
        }
        return id;
    }

    private static TestContext single(RulesParsing parsing, TestListContext list, String message) {
        parsing.checkSeparators(list, RulesParser.COMMA, "a value");
        if (list.test().size() != 1 || !list.COMMA().isEmpty()) throw parsing.error(list.getStart(), message);
        return list.test(0);
    }

    /**
     * CRDS requires a section's right-hand side to be, syntactically, a call, a dict display or a
     * constant (after redundant parentheses); a negative number, a tuple or a list is refused.
     */
    private static void requireSectionForm(RulesParsing parsing, String name, TestContext rhs) {
        TestContext t = rhs;
        while (true) {
            PrimaryContext primary = plainPrimary(t);
            String what = "an expression";
            if (primary != null) {
                AtomContext atom = primary.atom();
                if (!primary.trailer().isEmpty()) {
                    if (primary.trailer(0) instanceof CallTrailerContext) return;
                } else if (atom instanceof ParenAtomContext paren && paren.test().size() == 1
                        && paren.COMMA().isEmpty()) {
                    t = paren.test(0);
                    continue;
                } else if ((atom instanceof BraceAtomContext brace && brace.setRest() == null) || atom instanceof StringAtomContext
                        || atom instanceof NumberAtomContext || atom instanceof ConstantAtomContext
                        || atom instanceof NameAtomContext) {
                    return; // names are reported (not defined) by the value builder
                } else {
                    what = atom instanceof ParenAtomContext ? "a tuple"
                            : atom instanceof RulesParser.ListAtomContext ? "a list" : "a set";
                }
            } else if (t.IF() == null && t.orTest(0).OR().isEmpty() && t.orTest(0).andTest(0).AND().isEmpty()
                    && t.orTest(0).andTest(0).notTest(0).NOT() == null
                    && t.orTest(0).andTest(0).notTest(0).comparison().compOp().isEmpty()) {
                what = "a negated value";
            }
            throw parsing.error(t.getStart(),
                    "the value of '" + name + "' must be a selector call, a dict or a constant, not " + what);
        }
    }

    /** The primary of a test that has no operators at all, else null. */
    static PrimaryContext plainPrimary(TestContext t) {
        if (t.IF() != null || t.orTest(0).OR().size() > 0) return null;
        var and = t.orTest(0).andTest(0);
        if (!and.AND().isEmpty() || and.notTest(0).NOT() != null) return null;
        var cmp = and.notTest(0).comparison();
        if (!cmp.compOp().isEmpty() || cmp.unary(0).MINUS() != null) return null;
        return cmp.unary(0).primary();
    }
}
