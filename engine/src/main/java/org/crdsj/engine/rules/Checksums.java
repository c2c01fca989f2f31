package org.crdsj.engine.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

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
        // Only the lines around each occurrence of "sha1sum" are looked at character by
        // character (a mapping has one or two; a load checksums ~1 MB of rules text).
        int at = text.indexOf(SHA1SUM);
        if (at < 0) return sha1Hex(text);
        int n = text.length();
        StringBuilder kept = new StringBuilder(n);
        int copied = 0;
        while (at >= 0) {
            int start = at;
            while (start > copied && !isLineBreak(text.charAt(start - 1))) start--;
            int end = at + SHA1SUM.length();
            while (end < n && !isLineBreak(text.charAt(end))) end++;
            if (end < n) {
                end += (text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') ? 2 : 1;
            }
            kept.append(text, copied, start);
            copied = end;
            at = end < n ? text.indexOf(SHA1SUM, end) : -1;
        }
        kept.append(text, copied, n);
        return sha1Hex(kept.toString());
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

    public static String sha1Hex(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(40);
            for (byte b : d) sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }
}
