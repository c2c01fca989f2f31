package org.crdsj.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The corpus's capped lists ({@code {"count", "sha1", "truncated", "lines"}}): a long list is
 * stored as its first entries plus the count and the SHA-1 of all entries, each followed by a
 * newline. {@link #mismatch} compares a whole actual list against one.
 */
final class CappedLines {
    private CappedLines() {}

    /** Null when {@code actual} agrees with the capped golden list, else a description of the first difference. */
    static String mismatch(JsonNode capped, List<String> actual) {
        if (capped == null || capped.isNull()) return actual.isEmpty() ? null : "expected nothing, got " + actual;
        if (capped.isArray()) {
            List<String> expected = new ArrayList<>();
            capped.forEach(n -> expected.add(n.asText()));
            return expected.equals(actual) ? null : "expected " + expected + "\n  got " + actual;
        }
        int count = capped.get("count").asInt();
        JsonNode lines = capped.get("lines");
        for (int i = 0; i < lines.size(); i++) {
            if (i >= actual.size()) return "missing line " + (i + 1) + ": " + lines.get(i).asText();
            if (!lines.get(i).asText().equals(actual.get(i))) {
                return "line " + (i + 1) + ":\n  expected " + lines.get(i).asText() + "\n  got      " + actual.get(i);
            }
        }
        if (count != actual.size()) return "expected " + count + " lines, got " + actual.size()
                + (actual.size() > lines.size() ? "; first extra: " + actual.get(lines.size()) : "");
        String sha1 = sha1(actual);
        if (!sha1.equals(capped.get("sha1").asText())) return "same first lines and count, different sha1 of all lines";
        return null;
    }

    static String sha1(List<String> lines) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            for (String l : lines) md.update((l + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
