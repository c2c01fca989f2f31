package org.crdsj.fits;

import java.math.BigInteger;
import java.util.Locale;
import org.crdsj.engine.values.PythonFloat;

/**
 * One 80-character FITS header card, read the way astropy reads it (CRDS reads headers through
 * astropy): keyword, value and comment. {@link #pythonValue()} is Python's {@code str()} of
 * astropy's value, which is what CRDS puts in a dataset header.
 *
 * <p>Immutable. A long string continued on {@code CONTINUE} cards is joined by the header reader,
 * not here.
 */
public final class FitsCard {
    /** Keywords whose cards carry free text rather than a value. */
    static boolean isCommentary(String keyword) {
        return keyword.isEmpty() || keyword.equals("COMMENT") || keyword.equals("HISTORY");
    }

    /** What kind of value a card holds. */
    public enum Kind { STRING, LOGICAL, INTEGER, REAL, COMPLEX, UNDEFINED, COMMENTARY, UNPARSED }

    private final String image;
    private final String keyword;
    private final Kind kind;
    private final String value;     // python str() of the value; the text for commentary cards
    private final String comment;   // null when the card has none

    private FitsCard(String image, String keyword, Kind kind, String value, String comment) {
        this.image = image;
        this.keyword = keyword;
        this.kind = kind;
        this.value = value;
        this.comment = comment;
    }

    /** The card as it is in the file (80 characters). */
    public String image() { return image; }

    /** Upper-case keyword; empty for a blank-keyword card; without {@code HIERARCH } for long keywords. */
    public String keyword() { return keyword; }

    public Kind kind() { return kind; }

    /**
     * Python's {@code str()} of the value astropy reads: strings without quotes and without
     * trailing blanks, {@code True}/{@code False}, integers in decimal, reals as Python's float repr
     * ({@code 2.0}, {@code 1e-05}); the text after column 8 for commentary cards.
     */
    public String pythonValue() { return value; }

    /** The comment after the {@code /}, right-trimmed, or null. */
    public String comment() { return comment; }

    /** True for a card of blanks only. */
    public boolean isBlank() { return image.isBlank(); }

    /** True for COMMENT, HISTORY and blank-keyword cards (free text, no value). */
    public boolean isCommentary() { return kind == Kind.COMMENTARY; }

    /** Parses one card image; {@code image} must be 80 characters of ASCII. */
    public static FitsCard parse(String image) {
        if (image.length() != 80) throw new IllegalArgumentException("a FITS card has 80 characters, not " + image.length());
        if (image.startsWith("HIERARCH ") && image.indexOf('=') > 0) {
            int eq = image.indexOf('=');
            String key = image.substring(9, eq).trim().toUpperCase(Locale.ROOT);
            return valued(image, key, image.substring(eq + 1));
        }
        String key = image.substring(0, 8).trim().toUpperCase(Locale.ROOT);
        if (isCommentary(key)) return new FitsCard(image, key, Kind.COMMENTARY, stripEnd(image.substring(8)), null);
        if (!image.startsWith("= ", 8)) {   // no value indicator: astropy's fix takes the text as the value
            return unparsed(image, key, image.substring(8));
        }
        return valued(image, key, image.substring(10));
    }

    /**
     * A value astropy cannot parse, as its {@code verify('fix')} leaves it: the text before a
     * {@code /} (stripped), the comment after it; or the whole text when there is no {@code /}.
     */
    private static FitsCard unparsed(String image, String key, String text) {
        int slash = text.indexOf('/');
        if (slash < 0) return new FitsCard(image, key, Kind.UNPARSED, stripEnd(text), null);
        return new FitsCard(image, key, Kind.UNPARSED, text.substring(0, slash).strip(), text.substring(slash + 1).strip());
    }

    /** True when only blanks, optionally followed by a {@code /} comment, remain from {@code from}. */
    private static boolean onlyComment(String field, int from) {
        int k = from;
        while (k < field.length() && field.charAt(k) == ' ') k++;
        return k == field.length() || field.charAt(k) == '/';
    }

    private static FitsCard valued(String image, String key, String field) {
        int i = 0;
        int n = field.length();
        while (i < n && field.charAt(i) == ' ') i++;
        if (i == n || field.charAt(i) == '/') {
            return new FitsCard(image, key, Kind.UNDEFINED, "UNDEFINED", commentAfter(field, i));
        }
        char c = field.charAt(i);
        if (c == '\'') {
            // astropy: the shortest text ending in a quote that is followed by the end, a blank or a
            // '/'; doubled quotes inside stand for one
            int j = i + 1;
            while (j < n && !(field.charAt(j) == '\'' && (j + 1 == n || field.charAt(j + 1) == ' ' || field.charAt(j + 1) == '/'))) {
                j++;
            }
            if (j >= n || !onlyComment(field, j + 1)) return unparsed(image, key, field);
            String text = field.substring(i + 1, j).replace("''", "'");
            return new FitsCard(image, key, Kind.STRING, stripEnd(text), commentAfter(field, j + 1));
        }
        int end = i;
        if (c == '(') {
            end = field.indexOf(')', i);
            end = end < 0 ? n : end + 1;
        } else {
            while (end < n && field.charAt(end) != ' ' && field.charAt(end) != '/') end++;
        }
        if (!onlyComment(field, end)) return unparsed(image, key, field);
        String token = field.substring(i, end);
        String comment = commentAfter(field, end);
        if (token.equals("T")) return new FitsCard(image, key, Kind.LOGICAL, "True", comment);
        if (token.equals("F")) return new FitsCard(image, key, Kind.LOGICAL, "False", comment);
        String number = numberValue(token);
        if (number != null) {
            boolean real = number.indexOf('.') >= 0 || number.indexOf('e') >= 0 || number.equals("inf")
                    || number.equals("-inf") || number.equals("nan");
            return new FitsCard(image, key, real ? Kind.REAL : Kind.INTEGER, number, comment);
        }
        if (c == '(') return new FitsCard(image, key, Kind.COMPLEX, token, comment);
        return unparsed(image, key, field);
    }

    /**
     * astropy's number rule: sign, digits with an optional point, optional exponent {@code E} or
     * {@code D}; an integer without point or exponent, else a float. Null when not a number.
     */
    static String numberValue(String token) {
        int i = 0;
        int n = token.length();
        if (i < n && (token.charAt(i) == '+' || token.charAt(i) == '-')) i++;
        int digits = 0;
        while (i < n && Character.isDigit(token.charAt(i)) && token.charAt(i) < 128) { i++; digits++; }
        boolean real = false;
        if (i < n && token.charAt(i) == '.') {
            real = true;
            i++;
            while (i < n && token.charAt(i) >= '0' && token.charAt(i) <= '9') { i++; digits++; }
        }
        if (digits == 0) return null;
        if (i < n && "EeDd".indexOf(token.charAt(i)) >= 0) {
            real = true;
            i++;
            if (i < n && (token.charAt(i) == '+' || token.charAt(i) == '-')) i++;
            int exp = 0;
            while (i < n && token.charAt(i) >= '0' && token.charAt(i) <= '9') { i++; exp++; }
            if (exp == 0) return null;
        }
        if (i != n) return null;
        if (!real) return new BigInteger(token.startsWith("+") ? token.substring(1) : token).toString();
        String s = token.replace('D', 'E').replace('d', 'E');
        return PythonFloat.repr(Double.parseDouble(s));
    }

    private static String commentAfter(String field, int from) {
        int slash = field.indexOf('/', from);
        if (slash < 0) return null;
        int k = slash + 1;
        while (k < field.length() && field.charAt(k) == ' ') k++;
        String text = stripEnd(field.substring(k));
        return text;
    }

    static String stripEnd(String s) {
        int e = s.length();
        while (e > 0 && s.charAt(e - 1) == ' ') e--;
        return s.substring(0, e);
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * A new card image as astropy writes a keyword set to a string: keyword in 8 columns,
     * {@code "= "}, the quoted value (at least 8 characters inside the quotes, the field at least
     * 20 wide), then {@code " / comment"} when there is one; cut at 80 columns (the comment is
     * shortened, as astropy does).
     *
     * @throws IllegalArgumentException when the value itself does not fit on one card
     */
    public static String formatString(String keyword, String value, String comment) {
        if (keyword.length() > 8) throw new IllegalArgumentException("keyword longer than 8 characters: " + keyword);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < ' ' || ch > '~') throw new IllegalArgumentException("a FITS string holds printable ASCII only: " + keyword + " = " + value);
        }
        String quoted = value.isEmpty() ? "''" : "'" + padRight(value.replace("'", "''"), 8) + "'";
        String field = padRight(quoted, 20);
        String head = padRight(keyword, 8) + "= " + field;
        String text = comment == null || comment.isEmpty() ? head : head + " / " + comment;
        if (text.length() > 80 && field.length() > 70) {   // astropy would continue it on CONTINUE cards
            throw new IllegalArgumentException("value of " + keyword + " does not fit on one FITS card: " + value);
        }
        return padRight(text.length() > 80 ? text.substring(0, 80) : text, 80);
    }

    static String padRight(String s, int width) {
        if (s.length() >= width) return s;
        StringBuilder sb = new StringBuilder(width).append(s);
        while (sb.length() < width) sb.append(' ');
        return sb.toString();
    }

    @Override
    public String toString() {
        return image;
    }
}
