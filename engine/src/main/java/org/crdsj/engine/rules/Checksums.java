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
        StringBuilder kept = new StringBuilder(text.length());
        int start = 0, n = text.length();
        while (start < n) {
            int end = start;
            while (end < n && !isLineBreak(text.charAt(end))) end++;
            if (end < n) {
                end += (text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') ? 2 : 1;
            }
            String line = text.substring(start, end);
            if (!line.contains("sha1sum")) kept.append(line);
            start = end;
        }
        return sha1Hex(kept.toString());
    }

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
