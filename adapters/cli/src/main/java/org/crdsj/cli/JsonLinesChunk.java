package org.crdsj.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.store.HeaderSource;

/**
 * The datasets of a run of whole JSON Lines, scanned straight from the bytes. A hand-written
 * scanner reads the common shape {@code {"id": "...", "header": {KEY: string | number | true |
 * false | null, ...}}} with ASCII text and no escapes; any other line (escapes, non-ASCII text,
 * nested values, other fields or forms, anything malformed) goes to the Jackson parser exactly as
 * before, so every line gives the same datasets, or the same error, either way. Lines end at
 * {@code \n}, {@code \r} or {@code \r\n}, as {@link java.io.BufferedReader#readLine} splits them.
 * Repeated keys and values come out as the same {@code String} objects (a small per-thread cache),
 * which keeps allocation low and makes the store writer's dictionary look-ups cheap.
 */
final class JsonLinesChunk {

    /** The Jackson reading of one line: {@code JsonHeaderSource.parseLine}. */
    @FunctionalInterface
    interface LineParser {
        void parse(String line, long lineNo, HeaderSource.Sink sink, Map<String, String> scratch) throws IOException;
    }

    private final List<String> ids = new ArrayList<>();
    private final List<Map<String, String>> headers = new ArrayList<>();
    private int lines;
    private int failedLine = -1;
    private String failedText;
    private IOException undecodable;

    private JsonLinesChunk() {}

    static JsonLinesChunk parse(byte[] b, LineParser fallback) {
        return parse(b, b.length, fallback);
    }

    /** Scans {@code b[0, length)}, which holds whole lines (the last may lack its line end only at the end of the file). */
    static JsonLinesChunk parse(byte[] b, int length, LineParser fallback) {
        JsonLinesChunk c = new JsonLinesChunk();
        Scanner s = SCANNERS.get();
        int p = 0;
        while (p < length) {
            int e = p;
            while (e < length && b[e] != '\n' && b[e] != '\r') e++;
            int lineIndex = c.lines++;
            if (!s.scan(b, p, e, c)) {
                String text;
                try {
                    text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, p, e - p)).toString();
                } catch (CharacterCodingException x) {
                    c.undecodable = x;
                    c.failedLine = lineIndex;
                    return c;
                }
                try {
                    fallback.parse(text, lineIndex + 1, (id, h) -> c.add(id, new LinkedHashMap<>(h)), new LinkedHashMap<>());
                } catch (IOException x) {
                    c.failedLine = lineIndex;
                    c.failedText = text;
                    return c;
                }
            }
            if (e < length && b[e] == '\r' && e + 1 < length && b[e + 1] == '\n') e++;
            p = e + 1;
        }
        return c;
    }

    private void add(String id, Map<String, String> header) {
        ids.add(id);
        headers.add(header);
    }

    /** Lines in the chunk (up to and including a failing one). */
    int lines() {
        return lines;
    }

    /** Passes the datasets on; a failing line is parsed again with its real line number, so its error reads as before. */
    void deliver(HeaderSource.Sink sink, long firstLine, LineParser fallback) throws IOException {
        for (int i = 0; i < ids.size(); i++) sink.accept(ids.get(i), headers.get(i));
        if (undecodable != null) throw undecodable;
        if (failedLine >= 0) {
            fallback.parse(failedText, firstLine + failedLine, (id, h) -> { }, new LinkedHashMap<>());
            throw new IllegalStateException("line " + (firstLine + failedLine) + " failed once and then parsed");
        }
    }

    private static final ThreadLocal<Scanner> SCANNERS = ThreadLocal.withInitial(Scanner::new);

    /** The fast path for one line; {@code false}: not handled, use Jackson. Keeps a cache of recent texts. */
    private static final class Scanner {
        private static final int SLOTS = 1 << 14;
        private final String[] cached = new String[SLOTS];
        private final byte[][] cachedBytes = new byte[SLOTS][];
        private byte[] b;
        private int p;
        private int end;

        boolean scan(byte[] bytes, int from, int to, JsonLinesChunk out) {
            b = bytes;
            p = from;
            end = to;
            ws();
            if (p == end) return true; // spaces and tabs only: a blank line, skipped as before
            if (b[p++] != '{') return false;
            String id = null;
            Map<String, String> header = null;
            ws();
            if (p < end && b[p] == '}') return false;
            while (true) {
                ws();
                int ks = stringStart();
                if (ks < 0) return false;
                int ke = p - 1;
                ws();
                if (p >= end || b[p++] != ':') return false;
                ws();
                if (isWord(ks, ke, "id")) {
                    if (id != null) return false;
                    int vs = stringStart();
                    if (vs < 0) return false;
                    id = new String(b, vs, p - 1 - vs, StandardCharsets.ISO_8859_1);
                } else if (isWord(ks, ke, "header")) {
                    if (header != null) return false;
                    header = header();
                    if (header == null) return false;
                } else {
                    return false;
                }
                ws();
                if (p >= end) return false;
                byte c = b[p++];
                if (c == '}') break;
                if (c != ',') return false;
            }
            ws();
            if (p != end || id == null || header == null) return false;
            out.add(id, header);
            return true;
        }

        private Map<String, String> header() {
            if (p >= end || b[p++] != '{') return null;
            Map<String, String> h = new LinkedHashMap<>(64);
            ws();
            if (p < end && b[p] == '}') {
                p++;
                return h;
            }
            while (true) {
                ws();
                int ks = stringStart();
                if (ks < 0) return null;
                String key = text(ks, p - 1);
                ws();
                if (p >= end || b[p++] != ':') return null;
                ws();
                if (p >= end) return null;
                byte c = b[p];
                String value;
                if (c == '"') {
                    int vs = stringStart();
                    if (vs < 0) return null;
                    value = text(vs, p - 1);
                } else if (c == '-' || (c >= '0' && c <= '9')) {
                    int vs = p;
                    if (!number()) return null;
                    value = text(vs, p);
                } else if (word("true")) {
                    value = "True";
                } else if (word("false")) {
                    value = "False";
                } else if (word("null")) {
                    value = null;
                } else {
                    return null;
                }
                if (value != null && h.put(key, value) != null) return null; // a repeated keyword: Jackson's reading decides
                ws();
                if (p >= end) return null;
                c = b[p++];
                if (c == '}') return h;
                if (c != ',') return null;
            }
        }

        /** Space and tab (line ends never occur inside a line). */
        private void ws() {
            while (p < end && (b[p] == ' ' || b[p] == '\t')) p++;
        }

        /** At a string of printable ASCII without escapes: its first byte's index, {@code p} after the quote; else -1. */
        private int stringStart() {
            if (p >= end || b[p] != '"') return -1;
            int s = ++p;
            while (p < end) {
                byte c = b[p];
                if (c == '"') {
                    p++;
                    return s;
                }
                if (c == '\\' || c < 0x20) return -1; // escapes, control characters and non-ASCII (negative bytes)
                p++;
            }
            return -1;
        }

        /** A JSON number in strict form, not too long for Jackson's limits; {@code p} after it. */
        private boolean number() {
            int s = p;
            if (b[p] == '-') p++;
            if (p >= end) return false;
            if (b[p] == '0') {
                p++;
            } else if (b[p] >= '1' && b[p] <= '9') {
                while (p < end && b[p] >= '0' && b[p] <= '9') p++;
            } else {
                return false;
            }
            if (p < end && b[p] == '.') {
                p++;
                int d = p;
                while (p < end && b[p] >= '0' && b[p] <= '9') p++;
                if (p == d) return false;
            }
            if (p < end && (b[p] == 'e' || b[p] == 'E')) {
                p++;
                if (p < end && (b[p] == '+' || b[p] == '-')) p++;
                int d = p;
                while (p < end && b[p] >= '0' && b[p] <= '9') p++;
                if (p == d) return false;
            }
            if (p < end && b[p] != ' ' && b[p] != '\t' && b[p] != ',' && b[p] != '}') return false;
            return p - s <= 100;
        }

        private boolean word(String w) {
            int n = w.length();
            if (end - p < n) return false;
            for (int i = 0; i < n; i++) if (b[p + i] != w.charAt(i)) return false;
            int after = p + n;
            if (after < end && b[after] != ' ' && b[after] != '\t' && b[after] != ',' && b[after] != '}') return false;
            p = after;
            return true;
        }

        private boolean isWord(int s, int e, String w) {
            if (e - s != w.length()) return false;
            for (int i = 0; i < w.length(); i++) if (b[s + i] != w.charAt(i)) return false;
            return true;
        }

        /** The ASCII text of {@code b[s, e)}, shared with earlier equal texts when cached. */
        private String text(int s, int e) {
            int len = e - s;
            if (len > 64) return new String(b, s, len, StandardCharsets.ISO_8859_1);
            int h = len;
            for (int i = s; i < e; i++) h = 31 * h + b[i];
            int slot = (h ^ (h >>> 15)) & (SLOTS - 1);
            byte[] k = cachedBytes[slot];
            if (k != null && k.length == len && java.util.Arrays.equals(k, 0, len, b, s, e)) return cached[slot];
            String t = new String(b, s, len, StandardCharsets.ISO_8859_1);
            t.hashCode(); // computed here, on a parsing thread, and kept in the string for the store writer
            cachedBytes[slot] = java.util.Arrays.copyOfRange(b, s, e);
            cached[slot] = t;
            return t;
        }
    }
}
