package org.crdsj.grammar;

import java.util.ArrayList;
import java.util.List;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/**
 * Reads the body of a dict display straight from the text's bytes, for {@link MappingAssembler}:
 * a selector's body is thousands of tokens of the same few plain forms, and one loop over the
 * bytes costs far less than the lexer and the parser's rule calls for each of them (and leaves
 * the JIT fewer methods to compile in a fresh JVM).
 *
 * <p>It takes only the plainest forms: short strings without prefix, escape or newline; decimal
 * integers and {@code digits.digits} floats, optionally with a minus sign directly before them;
 * {@code True}, {@code False}, {@code None}; tuples, dicts and selector calls of one dict made of
 * those; blanks, newlines and comments between them. For these it builds exactly the records
 * (positions included) that the grammar's actions would build. At anything else, including
 * every syntax error, it gives up (returns null) having changed nothing, and the parser reads the
 * body token by token as before, so the grammar stays the judge of everything it does not take.
 * One instance per body; not thread-safe.
 */
final class DictBodyScanner {
    private final byte[] text;
    private final PositionMap positions;
    private int i;
    private int line;
    /** Offset of the first character of {@link #line}. */
    private int lineStart;

    /**
     * A scanner at offset {@code from} of {@code text} (ISO-8859-1, one byte per character), which
     * is line {@code line}, column {@code column} (0-based) in ANTLR's terms.
     */
    DictBodyScanner(byte[] text, PositionMap positions, int from, int line, int column) {
        this.text = text;
        this.positions = positions;
        this.i = from;
        this.line = line;
        this.lineStart = from - column;
    }

    /**
     * The entries of the body that starts here, the scanner then standing on its closing brace;
     * null when some part of it is not one of the plain forms.
     */
    List<Value.Entry> entries() {
        List<Value.Entry> entries = new ArrayList<>();
        if (at() == '}') return entries;
        while (true) {
            Value key = item();
            if (key == null || !MappingAssembler.hashable(key)) return null;
            skip();
            if (at() != ':' || i + 1 >= text.length || text[i + 1] == '=') return null; // ':=' is another token
            i++;
            skip();
            Value value = item();
            if (value == null) return null;
            entries.add(new Value.Entry(key, value));
            skip();
            int c = at();
            if (c == ',') {
                i++;
                skip();
                if (at() == '}') return entries;
            } else if (c == '}') {
                return entries;
            } else {
                return null;
            }
        }
    }

    /** Offset of the character the scanner stands on. */
    int offset() {
        return i;
    }

    /** Line (1-based) of the character the scanner stands on. */
    int line() {
        return line;
    }

    /** Column (0-based) of the character the scanner stands on. */
    int column() {
        return i - lineStart;
    }

    /** The byte here, or -1 at the end of the text. */
    private int at() {
        return i < text.length ? text[i] : -1;
    }

    /** Past blanks, newlines (inside brackets they end nothing) and comments. */
    private void skip() {
        while (i < text.length) {
            byte c = text[i];
            if (c == ' ' || c == '\t' || c == '\f') {
                i++;
            } else if (c == '\n') {
                i++;
                line++;
                lineStart = i;
            } else if (c == '#') {
                while (i < text.length && text[i] != '\n') i++;
            } else {
                return;
            }
        }
    }

    private SourcePos pos(int offset) {
        return positions.at(line, offset - lineStart);
    }

    /** One value in a plain form, the scanner then just past it; null otherwise. */
    private Value item() {
        int c = at();
        if (c == '\'' || c == '"') return string();
        if (c == '(') return tuple();
        if (c == '{') return dict();
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return name();
        return null;
    }

    private Value string() {
        int start = i;
        byte quote = text[start];
        int j = start + 1;
        while (j < text.length && text[j] != quote) {
            if (text[j] == '\\' || text[j] == '\n') return null;
            j++;
        }
        if (j >= text.length) return null;
        // '' followed by a quote opens a triple-quoted string
        if (j == start + 1 && j + 1 < text.length && text[j + 1] == quote) return null;
        i = j + 1;
        return new Value.Str(StringLiterals.latin1(text, start + 1, j - start - 1), pos(start));
    }

    /** A parenthesised value or a tuple. */
    private Value tuple() {
        SourcePos pos = pos(i);
        i++;
        skip();
        List<Value> items = new ArrayList<>();
        boolean comma = false;
        while (at() != ')') {
            Value item = item();
            if (item == null) return null;
            items.add(item);
            skip();
            if (at() == ',') {
                comma = true;
                i++;
                skip();
            } else if (at() != ')') {
                return null;
            }
        }
        i++;
        if (!comma && items.size() == 1) return items.get(0);
        return new Value.Tuple(items, pos);
    }

    private Value.Dict dict() {
        SourcePos pos = pos(i);
        i++;
        skip();
        List<Value.Entry> entries = entries();
        if (entries == null) return null;
        i++;
        return new Value.Dict(entries, pos);
    }

    /** A decimal integer or a digits.digits float, with a minus sign directly before it or not. */
    private Value number() {
        int start = i;
        boolean negative = text[i] == '-';
        if (negative) i++;
        int digits = i;
        while (i < text.length && isDigit(text[i])) i++;
        if (i == digits) return null;
        boolean isInt = true;
        if (at() == '.') {
            i++;
            int fraction = i;
            while (i < text.length && isDigit(text[i])) i++;
            if (i == fraction) return null;
            isInt = false;
        } else if (text[digits] == '0') {
            for (int k = digits; k < i; k++) if (text[k] != '0') return null; // 007 is no Python literal
        }
        // an exponent, a suffix, another dot...: a form for the lexer to judge
        if (!endsToken(at())) return null;
        String literal = StringLiterals.latin1(text, digits, i - digits);
        return RulesParsing.number(literal, isInt, negative, pos(start));
    }

    /** True, False, None, or a selector call of one dict. */
    private Value name() {
        int start = i;
        while (i < text.length && isNameChar(text[i])) i++;
        String name = StringLiterals.latin1(text, start, i - start);
        SourcePos pos = pos(start);
        switch (name) {
            case "True": return endsToken(at()) ? new Value.Bool(true, pos) : null;
            case "False": return endsToken(at()) ? new Value.Bool(false, pos) : null;
            case "None": return endsToken(at()) ? new Value.None(pos) : null;
            default: break;
        }
        if (!RulesParsing.SELECTORS.contains(name)) return null;
        skip();
        if (at() != '(') return null;
        i++;
        skip();
        if (at() != '{') return null;
        Value.Dict selections = dict();
        if (selections == null) return null;
        skip();
        if (at() != ')') return null;
        i++;
        return new Value.Call(name, selections, pos);
    }

    /** Whether a literal may end before {@code c}: what follows is a separator, a blank or a comment. */
    private static boolean endsToken(int c) {
        switch (c) {
            case ' ': case '\t': case '\f': case '\n': case '#':
            case ',': case ':': case ')': case '}': case ']':
                return true;
            default:
                return false;
        }
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameChar(byte c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
