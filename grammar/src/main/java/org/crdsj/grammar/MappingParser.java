package org.crdsj.grammar;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.crdsj.grammar.antlr.RulesParser;
import org.crdsj.grammar.antlr.RulesParser.BraceValueContext;
import org.crdsj.grammar.antlr.RulesParser.ListValueContext;
import org.crdsj.grammar.antlr.RulesParser.ParenValueContext;
import org.crdsj.grammar.antlr.RulesParser.StatementContext;
import org.crdsj.grammar.antlr.RulesParser.StatementLineContext;
import org.crdsj.grammar.antlr.RulesParser.ValueCallContext;
import org.crdsj.grammar.antlr.RulesParser.ValueContext;
import org.crdsj.grammar.antlr.RulesParser.ValueListContext;
import org.crdsj.grammar.antlr.RulesParser.ValueSetRestContext;
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
        return parse(text, fileName, RulesParsing.Stage.ASSEMBLE);
    }

    /**
     * {@link #parse(String, String)} of a text known to be ASCII: {@code ascii} holds its bytes, one
     * per character (as read from an ASCII file), and spares encoding the text again for the lexer.
     */
    public static MappingSyntax parse(String text, byte[] ascii, String fileName) {
        if (ascii.length != text.length()) throw new IllegalArgumentException("not the text's ASCII bytes");
        String source = normalise(text);
        return new RulesParsing(PositionMap.ofFile(fileName)).mapping(source, source == text ? ascii : null, fileName);
    }

    /** {@link #parse(String, String)}, starting with stage {@code first} (tests compare the stages). */
    static MappingSyntax parse(String text, String fileName, RulesParsing.Stage first) {
        return parse(text, fileName, first, true);
    }

    /** {@link #parse(String, String, RulesParsing.Stage)}, with dict bodies read by the assembler itself or not (tests). */
    static MappingSyntax parse(String text, String fileName, RulesParsing.Stage first, boolean readBodies) {
        return new RulesParsing(PositionMap.ofFile(fileName), first, readBodies).mapping(normalise(text), fileName);
    }

    /** The mapping as assembled without a parse tree, or null where that stage gives up (tests). */
    static MappingSyntax assembled(String text, String fileName) {
        return assembled(text, fileName, true);
    }

    /** {@link #assembled(String, String)}, with dict bodies read by the assembler itself or not (tests). */
    static MappingSyntax assembled(String text, String fileName, boolean readBodies) {
        return new RulesParsing(PositionMap.ofFile(fileName), RulesParsing.Stage.ASSEMBLE, readBodies)
                .assembled(normalise(text), fileName);
    }

    /** Universal newlines, and a final newline. */
    private static String normalise(String text) {
        String source = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        return source.endsWith("\n") ? source : source + "\n";
    }

    /** The syntax records of a parsed file, checked as CRDS checks them. */
    static MappingSyntax build(RulesParsing parsing, RulesParser.MappingFileContext file, String fileName) {
        ValueBuilder values = new ValueBuilder(parsing);

        Value header = null, selector = null, comment = null;
        for (ParseTree fileChild : file.children) {
            if (!(fileChild instanceof StatementLineContext line)) continue;
            parsing.checkSeparators(line, RulesParser.SEMI, "a statement or end of line");
            Token lineStart = line.getStart();
            if (lineStart.getCharPositionInLine() != 0) throw parsing.error(lineStart, "unexpected indent");
            for (ParseTree lineChild : line.children) {
                if (!(lineChild instanceof StatementContext st)) continue;
                List<ValueListContext> parts = st.valueList();
                if (parts.size() == 1) {
                    docstring(parsing, values, parts.get(0));
                    continue;
                }
                if (parts.size() > 2) {
                    throw parsing.error(st.ASSIGN(1), "multiple assignment targets are not allowed");
                }
                String name = target(parsing, parts.get(0));
                ValueContext rhs = sectionValue(parsing, parts.get(1), name);
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
    private static void docstring(RulesParsing parsing, ValueBuilder values, ValueListContext expr) {
        ValueContext t = single(parsing, expr,
                "only assignments to 'header', 'selector' and 'comment' are allowed");
        Value v = values.value(t);
        if (!(v instanceof Value.Str)) {
            throw parsing.error(t.getStart(),
                    "only assignments to 'header', 'selector' and 'comment' are allowed");
        }
    }

    private static String target(RulesParsing parsing, ValueListContext lhs) {
        ValueContext t = single(parsing, lhs,
                "invalid assignment target; expected 'header', 'selector' or 'comment'");
        Token name = t.getStart();
        if (name != t.getStop() || name.getType() != RulesParser.NAME) {
            throw parsing.error(name, "invalid assignment target; expected 'header', 'selector' or 'comment'");
        }
        String id = name.getText();
        if (!SECTIONS.contains(id)) {
            throw parsing.error(name,
                    "cannot assign to '" + id + "'; only 'header', 'selector' and 'comment' may be assigned");
        }
        return id;
    }

    private static ValueContext single(RulesParsing parsing, ValueListContext list, String message) {
        parsing.checkSeparators(list, RulesParser.COMMA, "a value");
        if (list.getChildCount() != 1) throw parsing.error(list.getStart(), message);
        return (ValueContext) list.getChild(0);
    }

    /** The one value assigned to section {@code name} (its message is built only when it is a tuple). */
    private static ValueContext sectionValue(RulesParsing parsing, ValueListContext list, String name) {
        parsing.checkSeparators(list, RulesParser.COMMA, "a value");
        if (list.getChildCount() != 1) {
            throw parsing.error(list.getStart(),
                    "the value of '" + name + "' must be a selector call, a dict or a constant, not a tuple");
        }
        return (ValueContext) list.getChild(0);
    }

    /**
     * CRDS requires a section's right-hand side to be, syntactically, a call, a dict display or a
     * constant (after redundant parentheses); a negative number, a tuple or a list is refused.
     */
    private static void requireSectionForm(RulesParsing parsing, String name, ValueContext rhs) {
        ValueContext t = rhs;
        while (true) {
            ValueShape shape = ValueShape.of(t);
            String what = "an expression";
            if (shape.hasOperators()) {
                what = "an expression";
            } else if (shape.minus != null) {
                what = "a negated value";
            } else if (!shape.trailers.isEmpty()) {
                if (shape.trailers.get(0) instanceof ValueCallContext) return;
            } else if (shape.atom instanceof ParenValueContext paren && paren.getChildCount() == 3) {
                t = (ValueContext) paren.getChild(1); // redundant parentheses
                continue;
            } else if (shape.atom instanceof ParenValueContext) {
                what = "a tuple";
            } else if (shape.atom instanceof ListValueContext) {
                what = "a list";
            } else if (shape.atom instanceof BraceValueContext brace && brace.getChildCount() == 4
                    && brace.getChild(2) instanceof ValueSetRestContext) {
                what = "a set";
            } else {
                return; // a dict, a literal or a name (reported as not defined by the value builder)
            }
            throw parsing.error(t.getStart(),
                    "the value of '" + name + "' must be a selector call, a dict or a constant, not " + what);
        }
    }
}
