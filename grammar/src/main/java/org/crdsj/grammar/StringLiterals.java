package org.crdsj.grammar;

/**
 * Decodes one Python string literal token ({@code '..'}, {@code "..."}, triple-quoted, with an
 * optional {@code u}/{@code r} prefix) into its value, resolving escapes as Python does.
 */
final class StringLiterals {
    private StringLiterals() {}

    /** A bad escape sequence at {@code offset} characters into the token text. */
    static final class BadEscape extends Exception {
        private static final long serialVersionUID = 1L;
        final int offset;

        BadEscape(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    static String decode(String token) throws BadEscape {
        int start = 0;
        boolean raw = false;
        char first = token.charAt(0);
        if (first != '\'' && first != '"') {
            raw = first == 'r' || first == 'R';
            start = 1;
        }
        char quote = token.charAt(start);
        int length = token.length();
        int quoteLength = length - start >= 6 && token.charAt(start + 1) == quote
                && token.charAt(start + 2) == quote ? 3 : 1;
        int from = start + quoteLength;
        int to = length - quoteLength;
        // Nearly every literal in a mapping has no escape: its value is the text between the quotes.
        int backslash = raw ? -1 : token.indexOf('\\', from);
        if (backslash < 0 || backslash >= to) return token.substring(from, to);
        StringBuilder out = new StringBuilder(to - from);
        out.append(token, from, backslash);
        int i = backslash;
        while (i < to) {
            char c = token.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            int escapeStart = i;
            char e = token.charAt(i + 1); // the lexer guarantees a character after a backslash
            i += 2;
            switch (e) {
                case '\n': break; // backslash-newline joins the lines
                case '\\': out.append('\\'); break;
                case '\'': out.append('\''); break;
                case '"': out.append('"'); break;
                case 'a': out.append('\u0007'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'v': out.append('\u000b'); break;
                case 'x': i = hex(token, i, to, 2, escapeStart, "\\xXX", out); break;
                case 'u': i = hex(token, i, to, 4, escapeStart, "\\uXXXX", out); break;
                case 'U': i = hex(token, i, to, 8, escapeStart, "\\UXXXXXXXX", out); break;
                case 'N':
                    throw new BadEscape(escapeStart, "\\N{...} escapes are not supported");
                default:
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int n = 1; n < 3 && i < to && token.charAt(i) >= '0' && token.charAt(i) <= '7'; n++) {
                            value = value * 8 + (token.charAt(i++) - '0');
                        }
                        out.append((char) value);
                    } else {
                        // Python keeps unknown escapes literally (with a warning).
                        out.append('\\').append(e);
                    }
            }
        }
        return out.toString();
    }

    private static int hex(String token, int i, int to, int digits, int escapeStart, String form,
                           StringBuilder out) throws BadEscape {
        if (i + digits > to) throw new BadEscape(escapeStart, "truncated " + form + " escape");
        int value = 0;
        for (int k = 0; k < digits; k++) {
            int d = Character.digit(token.charAt(i + k), 16);
            if (d < 0 || token.charAt(i + k) > 'f') {
                throw new BadEscape(escapeStart, "truncated " + form + " escape");
            }
            value = value * 16 + d;
        }
        if (value > Character.MAX_CODE_POINT || value < 0) {
            throw new BadEscape(escapeStart, "illegal Unicode character in " + form + " escape");
        }
        out.appendCodePoint(value);
        return i + digits;
    }
}
