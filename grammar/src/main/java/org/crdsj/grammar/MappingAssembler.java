package org.crdsj.grammar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.crdsj.grammar.antlr.RulesParser;
import org.crdsj.grammar.antlr.RulesParser.NameValueContext;
import org.crdsj.grammar.antlr.RulesParser.NumberValueContext;
import org.crdsj.grammar.antlr.RulesParser.ValueAtomContext;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.Value;

/**
 * Builds a mapping's syntax records while ANTLR parses it without a parse tree: the actions of the
 * grammar's mapping-value rules report each literal, bracket, comma and finished value here, and
 * the values are put together on a stack. This is the fast path for the forms CRDS rules are
 * written in (literals, displays, selector calls, section assignments). Anything else, every
 * construct {@link MappingParser#build} and {@link ValueBuilder} would reject or treat specially,
 * is refused with {@link Unusual}; the caller then parses the text again with a tree, so errors
 * and their positions come only from that one place. A refusal is never an error by itself.
 *
 * <p>The stack holds finished {@link Value}s and, for a bare name (only legal as an assignment
 * target), its {@link Token}. One instance per parse; not thread-safe.
 */
final class MappingAssembler implements RulesParser.Assembly {
    /** Thrown at a construct the tree-building parse must handle; carries no stack trace. */
    static final class Unusual extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Unusual() {
            super("left to the tree-building parse", null, false, false);
        }
    }

    private static final Unusual UNUSUAL = new Unusual();

    private final RulesParsing parsing;
    private final RulesParsing.Tokens tokens;
    /** The text parsed when token indices are its character indices, else null. */
    private final String source;
    /** That text as ISO-8859-1 bytes, one per character, or null. */
    private final byte[] latin1;

    private Object[] stack = new Object[64];
    private int size;
    /** Per open bracket: the stack size at the bracket and the commas seen inside it so far. */
    private int[] marks = new int[16];
    private int[] commas = new int[16];
    private int depth;
    /** Whether the last thing seen was a comma: a second one in a row is Python's syntax error. */
    private boolean afterComma;

    private Value header, selector, comment;

    MappingAssembler(RulesParsing parsing, RulesParsing.Tokens tokens, String source, byte[] latin1) {
        this.parsing = parsing;
        this.tokens = tokens;
        this.source = source;
        this.latin1 = latin1;
    }

    @Override
    public RuntimeException unusual() {
        return UNUSUAL;
    }

    /** The syntax of the whole file once it is parsed; the same checks as {@link MappingParser#build}. */
    MappingSyntax finish(String fileName) {
        if (!(header instanceof Value.Dict headerDict) || selector == null) throw UNUSUAL;
        if (comment != null && !(comment instanceof Value.Str)) throw UNUSUAL;
        return new MappingSyntax(fileName, headerDict, selector,
                comment == null ? null : ((Value.Str) comment).value());
    }

    @Override
    public void line(Token first) {
        if (first.getCharPositionInLine() != 0) throw UNUSUAL; // an indent
    }

    @Override
    public void statement(int assigns) {
        if (assigns == 0) {
            // A bare expression statement: tolerated when it is a (docstring-like) string.
            if (!(pop() instanceof Value.Str)) throw UNUSUAL;
            return;
        }
        if (assigns != 1) throw UNUSUAL;
        Object rhs = pop();
        Object target = pop();
        if (!(target instanceof Token name) || !(rhs instanceof Value v)) throw UNUSUAL;
        // A section's value is a call, a dict or a constant; numbers are left to the tree parse,
        // which tells a negated one (refused) from a plain one.
        if (v instanceof Value.Tuple || v instanceof Value.ListVal || v instanceof Value.Int
                || v instanceof Value.Flt) {
            throw UNUSUAL;
        }
        switch (name.getText()) {
            case "header" -> header = v;
            case "selector" -> selector = v;
            case "comment" -> comment = v;
            default -> throw UNUSUAL;
        }
    }

    @Override
    public void number(Token literal) {
        push(RulesParsing.number(literal, false, parsing.pos(literal)));
    }

    @Override
    public void strings(Token first, Token last) {
        try {
            if (first == last) {
                push(new Value.Str(decode(first), parsing.pos(first)));
                return;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = first.getTokenIndex(), end = last.getTokenIndex(); i <= end; i++) {
                sb.append(decode(tokens.get(i)));
            }
            push(new Value.Str(sb.toString(), parsing.pos(first)));
        } catch (StringLiterals.BadEscape e) {
            throw UNUSUAL;
        }
    }

    /** One literal's value, decoded from the text itself when it can be (no copy of the token's text). */
    private String decode(Token literal) throws StringLiterals.BadEscape {
        if (source == null) return StringLiterals.decode(literal.getText());
        int start = literal.getStartIndex(), stop = literal.getStopIndex();
        byte quote = latin1[start];
        // The usual literal, 'x...' with no prefix, escape or triple quote: the bytes between the quotes.
        if ((quote == '\'' || quote == '"') && stop - start >= 2 && latin1[start + 1] != quote) {
            int i = start + 1;
            while (i < stop && latin1[i] != '\\') i++;
            if (i == stop) return StringLiterals.latin1(latin1, start + 1, stop - start - 1);
        }
        return StringLiterals.decode(source, start, stop + 1);
    }

    @Override
    public void constant(Token literal) {
        switch (literal.getType()) {
            case RulesParser.NONE -> push(new Value.None(parsing.pos(literal)));
            case RulesParser.TRUE -> push(new Value.Bool(true, parsing.pos(literal)));
            default -> push(new Value.Bool(false, parsing.pos(literal)));
        }
    }

    @Override
    public void open() {
        if (depth == marks.length) {
            marks = Arrays.copyOf(marks, depth * 2);
            commas = Arrays.copyOf(commas, depth * 2);
        }
        marks[depth] = size;
        commas[depth] = 0;
        depth++;
    }

    /**
     * A dict's body in plain forms is read from the bytes ({@link DictBodyScanner}): its entries are
     * pushed as the grammar's actions would push them, and the parser goes on at the closing brace.
     */
    @Override
    public void openBrace() {
        open();
        if (latin1 == null || !parsing.readBodies) return;
        Token first = tokens.LT(1);
        if (first.getType() == RulesParser.RBRACE) return;
        DictBodyScanner body = new DictBodyScanner(latin1, parsing.positions,
                first.getStartIndex(), first.getLine(), first.getCharPositionInLine());
        List<Value.Entry> entries = body.entries();
        if (entries == null) return; // left to the parser, token by token
        for (Value.Entry entry : entries) {
            push(entry.key());
            push(entry.value());
        }
        tokens.resume(body.offset(), body.line(), body.column());
    }

    @Override
    public void comma() {
        if (afterComma) throw UNUSUAL;
        afterComma = true;
        commas[depth - 1]++;
    }

    @Override
    public void closeParen(Token open) {
        int from = marks[--depth];
        if (commas[depth] == 0 && size - from == 1) {
            // Just parentheses around one value; a name in parentheses is no assignment target.
            if (!(stack[from] instanceof Value)) throw UNUSUAL;
            return;
        }
        List<Value> items = items(from);
        push(new Value.Tuple(items, parsing.pos(open)));
    }

    @Override
    public void closeList(Token open) {
        int from = marks[--depth];
        List<Value> items = items(from);
        push(new Value.ListVal(items, parsing.pos(open)));
    }

    @Override
    public void closeDict(Token open) {
        int from = marks[--depth];
        int n = size - from;
        if ((n & 1) != 0) throw UNUSUAL; // cannot happen: a set display is refused where it starts
        List<Value.Entry> entries = new ArrayList<>(n / 2);
        for (int i = from; i < size; i += 2) {
            if (!(stack[i] instanceof Value key) || !(stack[i + 1] instanceof Value value)) throw UNUSUAL;
            if (!hashable(key)) throw UNUSUAL;
            entries.add(new Value.Entry(key, value));
        }
        clear(from);
        push(new Value.Dict(entries, parsing.pos(open)));
    }

    @Override
    public void closeCall() {
        int from = marks[--depth];
        // Exactly one positional argument, a dict (no separators were allowed inside the call).
        if (size - from != 1 || !(stack[from] instanceof Value.Dict)) throw UNUSUAL;
    }

    @Override
    public void value(Token start, ValueAtomContext atom, int minus, int trailers) {
        afterComma = false;
        if (minus != 0) {
            // Only one minus directly before a number; folded into the literal, placed at the sign.
            if (minus != 1 || trailers != 0 || !(atom instanceof NumberValueContext)) throw UNUSUAL;
            pop();
            push(RulesParsing.number(atom.getStart(), true, parsing.pos(start)));
            return;
        }
        if (!(atom instanceof NameValueContext)) {
            if (trailers != 0) throw UNUSUAL; // only a name can be called
            return;
        }
        Token name = atom.getStart();
        if (trailers == 0) {
            push(name); // an assignment target, or else refused by whatever takes it
            return;
        }
        String selector = name.getText();
        if (trailers != 1 || !RulesParsing.SELECTORS.contains(selector)) throw UNUSUAL;
        Value.Dict selections = (Value.Dict) pop(); // closeCall checked it
        push(new Value.Call(selector, selections, parsing.pos(name)));
    }

    /** Python refuses lists and dicts (also inside tuples) as dict keys. */
    static boolean hashable(Value key) {
        if (key instanceof Value.ListVal || key instanceof Value.Dict) return false;
        if (key instanceof Value.Tuple tuple) {
            for (Value item : tuple.items()) {
                if (!hashable(item)) return false;
            }
        }
        return true;
    }

    /** The values from stack position {@code from} to the top, removed from the stack. */
    private List<Value> items(int from) {
        Value[] items = new Value[size - from];
        for (int i = from; i < size; i++) {
            if (!(stack[i] instanceof Value v)) throw UNUSUAL;
            items[i - from] = v;
        }
        clear(from);
        return Arrays.asList(items);
    }

    private void clear(int from) {
        Arrays.fill(stack, from, size, null);
        size = from;
    }

    private void push(Object o) {
        if (size == stack.length) stack = Arrays.copyOf(stack, size * 2);
        stack[size++] = o;
    }

    private Object pop() {
        Object o = stack[--size];
        stack[size] = null;
        return o;
    }
}
