package org.crdsj.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.crdsj.engine.io.Sha1PropertyTest;
import org.junit.jupiter.api.Test;

/**
 * {@link Checksums#compute} looks only at the lines around each {@code sha1sum}; on random texts
 * made of every kind of Python line break, partial and repeated {@code sha1sum}s and non-ASCII
 * text, it must agree with the plain definition: split as {@code splitlines(keepends=True)},
 * drop the lines containing {@code sha1sum}, hash the rest (with the JDK's SHA-1). ASCII texts
 * take the path that hashes the kept byte ranges in place, the others the copying path.
 */
class ChecksumsPropertyTest {
    private static final long SEED = 20261126L;
    private static final String[] PIECES = {"sha1sum", "sha1", "sum", "'", " : ", "x", "\n", "\r", "\r\n", "\u000B",
        "\u000C", "\u001C", "\u001D", "\u001E", "\u0085", "\u2028", "\u2029", "\u00e9", "\uD835\uDD38", "header = {",
        "    'sha1sum' : 'abc',\n", ""};

    /** The definition, line by line. */
    private static String reference(String text) {
        StringBuilder kept = new StringBuilder();
        int start = 0, n = text.length();
        while (start < n) {
            int end = start;
            while (end < n && !Checksums.isLineBreak(text.charAt(end))) end++;
            if (end < n) end += (text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') ? 2 : 1;
            String line = text.substring(start, end);
            if (!line.contains("sha1sum")) kept.append(line);
            start = end;
        }
        return Sha1PropertyTest.jdkSha1(kept.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void agreesWithTheLineByLineDefinition() {
        Random r = new Random(SEED);
        System.out.println("ChecksumsPropertyTest.agreesWithTheLineByLineDefinition seed=" + SEED);
        for (int round = 0; round < 20000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(12);
            for (int i = 0; i < n; i++) sb.append(PIECES[r.nextInt(PIECES.length)]);
            String text = sb.toString();
            assertEquals(reference(text), Checksums.compute(text), () -> "text " + text.replace("\n", "\\n").replace("\r", "\\r"));
        }
    }
}
