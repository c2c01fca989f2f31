package org.crdsj.engine.values;

import java.util.List;

/** Python's {@code repr()} of strings and of lists/tuples of strings, as CRDS messages embed them. */
public final class PythonRepr {
    private PythonRepr() {}

    /**
     * Python's {@code repr(s)}: single quotes unless the text contains {@code '} and no
     * {@code "}; backslash, the quote in use, {@code \n \r \t} escaped; other non-printable code
     * points as <code>&#92;xhh</code>, <code>&#92;uhhhh</code> or <code>&#92;Uhhhhhhhh</code> (printability per Java's
     * Unicode tables, which may lag Python's by a Unicode version).
     */
    public static String str(String s) {
        char quote = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        int n = s.length();
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') out.append('\\').append((char) cp);
            else if (cp == '\n') out.append("\\n");
            else if (cp == '\r') out.append("\\r");
            else if (cp == '\t') out.append("\\t");
            else if (cp >= 0x20 && cp < 0x7F) out.append((char) cp);
            else if (cp < 0x100 && !isPrintable(cp)) hex(out, "\\x", cp, 2);
            else if (isPrintable(cp)) out.appendCodePoint(cp);
            else if (cp <= 0xFFFF) hex(out, "\\u", cp, 4);
            else hex(out, "\\U", cp, 8);
        }
        return out.append(quote).toString();
    }

    /** Python's {@code repr} of a list of strings: {@code ['A', 'B']}, {@code []}. */
    public static String list(List<String> items) {
        return join(items, '[', ']', false);
    }

    /** Python's {@code repr} of a tuple of strings: {@code ()}, {@code ('A',)}, {@code ('A', 'B')}. */
    public static String tuple(List<String> items) {
        return join(items, '(', ')', items.size() == 1);
    }

    private static String join(List<String> items, char open, char close, boolean trailingComma) {
        StringBuilder out = new StringBuilder().append(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.append(", ");
            out.append(str(items.get(i)));
        }
        if (trailingComma) out.append(',');
        return out.append(close).toString();
    }

    /** Python's {@code str.isprintable()} for one code point: not Other (C*) nor Separator (Z*) except the space. */
    private static boolean isPrintable(int cp) {
        if (cp == ' ') return true;
        switch (Character.getType(cp)) {
            case Character.CONTROL: case Character.FORMAT: case Character.SURROGATE:
            case Character.PRIVATE_USE: case Character.UNASSIGNED:
            case Character.SPACE_SEPARATOR: case Character.LINE_SEPARATOR: case Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    private static void hex(StringBuilder out, String prefix, int cp, int width) {
        String h = Integer.toHexString(cp);
        out.append(prefix);
        for (int i = h.length(); i < width; i++) out.append('0');
        out.append(h);
    }
}
