package org.crdsj.engine.rules;

import java.nio.charset.StandardCharsets;
import org.crdsj.engine.io.Sha1;

/**
 * CRDS's mapping checksum: SHA-1 of the text with every line that contains {@code sha1sum}
 * anywhere removed. Lines are split as Python's {@code splitlines(keepends=True)} splits them.
 */
public final class Checksums {
    private Checksums() {}

    /** Python's universal newlines: CRLF and lone CR become LF. */
    public static String normalizeNewlines(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The checksum of already newline-normalised text, 40 lower-case hex digits. */
    public static String compute(String text) {
        return compute(text, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The checksum of already newline-normalised {@code text} whose UTF-8 encoding is {@code utf8}
     * (e.g. the bytes of a file without carriage returns, as read): for ASCII text the kept lines are
     * hashed straight from those bytes, without copying the text.
     */
    static String compute(String text, byte[] utf8) {
        if (utf8.length != text.length()) return computeCopying(text);   // not ASCII: indexes differ
        // Only the lines around each occurrence of "sha1sum" are looked at character by
        // character (a mapping has one or two; a load checksums ~1 MB of rules text).
        Sha1 sha1 = new Sha1();
        int n = text.length();
        int copied = 0;
        for (int at = text.indexOf(SHA1SUM); at >= 0; ) {
            int start = lineStart(text, at, copied);
            int end = lineEnd(text, at);
            sha1.update(utf8, copied, start - copied);
            copied = end;
            at = end < n ? text.indexOf(SHA1SUM, end) : -1;
        }
        return sha1.update(utf8, copied, n - copied).hex();
    }

    private static String computeCopying(String text) {
        int at = text.indexOf(SHA1SUM);
        if (at < 0) return sha1Hex(text);
        int n = text.length();
        StringBuilder kept = new StringBuilder(n);
        int copied = 0;
        while (at >= 0) {
            int start = lineStart(text, at, copied);
            int end = lineEnd(text, at);
            kept.append(text, copied, start);
            copied = end;
            at = end < n ? text.indexOf(SHA1SUM, end) : -1;
        }
        kept.append(text, copied, n);
        return sha1Hex(kept.toString());
    }

    /** Where the line holding {@code at} starts (not before {@code floor}, where the last dropped line ended). */
    private static int lineStart(String text, int at, int floor) {
        int start = at;
        while (start > floor && !isLineBreak(text.charAt(start - 1))) start--;
        return start;
    }

    /** Where the line holding the {@code sha1sum} at {@code at} ends, after its line break. */
    private static int lineEnd(String text, int at) {
        int n = text.length();
        int end = at + SHA1SUM.length();
        while (end < n && !isLineBreak(text.charAt(end))) end++;
        if (end < n) end += (text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') ? 2 : 1;
        return end;
    }

    private static final String SHA1SUM = "sha1sum";

    /** Python {@code str.splitlines} boundaries. */
    static boolean isLineBreak(char c) {
        switch (c) {
            case '\n': case '\r': case 0x0B: case 0x0C: case 0x1C: case 0x1D: case 0x1E:
            case 0x85: case 0x2028: case 0x2029:
                return true;
            default:
                return false;
        }
    }

    /** The SHA-1 of the UTF-8 encoding of {@code text}, 40 lower-case hex digits. */
    public static String sha1Hex(String text) {
        return Sha1.hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
