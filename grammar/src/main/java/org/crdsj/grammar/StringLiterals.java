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

    /**
     * The text of {@code length} ISO-8859-1 bytes from {@code offset}. The JDK's one-byte-per-char
     * constructor (hibyte 0) is a plain copy; {@code new String(bytes, ISO_8859_1)} goes through the
     * general decoding constructor, which the JIT compiles at great cost in a fresh load.
     */
    @SuppressWarnings("deprecation")
    static String latin1(byte[] bytes, int offset, int length) {
        return new String(bytes, 0, offset, length);
    }

    static String decode(String token) throws BadEscape {
        return decode(token, 0, token.length());
    }

    /**
     * Decodes the literal written at {@code begin} (inclusive) to {@code end} (exclusive) of
     * {@code source}, which spares a copy of the token's text; a {@link BadEscape}'s offset counts
     * from {@code begin}.
     */
    static String decode(String source, int begin, int end) throws BadEscape {
        int start = begin;
        boolean raw = false;
        char first = source.charAt(begin);
        if (first != '\'' && first != '"') {
            raw = first == 'r' || first == 'R';
            start++;
        }
        char quote = source.charAt(start);
        int quoteLength = end - start >= 6 && source.charAt(start + 1) == quote
                && source.charAt(start + 2) == quote ? 3 : 1;
        int from = start + quoteLength;
        int to = end - quoteLength;
        // Nearly every literal in a mapping has no escape: its value is the text between the quotes.
        // (A loop, not indexOf: the source may be a whole file, to be searched only up to 'to'.)
        int backslash = -1;
        for (int k = raw ? to : from; k < to; k++) {
            if (source.charAt(k) == '\\') {
                backslash = k;
                break;
            }
        }
        if (backslash < 0) return source.substring(from, to);
        StringBuilder out = new StringBuilder(to - from);
        out.append(source, from, backslash);
        int i = backslash;
        while (i < to) {
            char c = source.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            int escapeStart = i - begin;
            char e = source.charAt(i + 1); // the lexer guarantees a character after a backslash
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
                case 'x': i = hex(source, i, to, 2, escapeStart, "\\xXX", out); break;
                case 'u': i = hex(source, i, to, 4, escapeStart, "\\uXXXX", out); break;
                case 'U': i = hex(source, i, to, 8, escapeStart, "\\UXXXXXXXX", out); break;
                case 'N':
                    throw new BadEscape(escapeStart, "\\N{...} escapes are not supported");
                default:
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int n = 1; n < 3 && i < to && source.charAt(i) >= '0' && source.charAt(i) <= '7'; n++) {
                            value = value * 8 + (source.charAt(i++) - '0');
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
