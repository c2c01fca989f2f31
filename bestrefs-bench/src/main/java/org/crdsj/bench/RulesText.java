package org.crdsj.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crdsj.engine.rules.Checksums;

/**
 * Writes rules text in CRDS's canonical layout: a {@code header = {...}} dict with sorted keys,
 * one {@code 'key' : value,} line each, 4-space indent, then a blank line and the selector. The
 * {@code sha1sum} line is filled in last with the checksum of the finished text.
 */
final class RulesText {
    private RulesText() {}

    /**
     * The full text of a mapping.
     *
     * @param header field name to already-rendered Python value (see {@link #str}, {@link #tuple});
     *     must not contain {@code sha1sum}
     * @param selector the selector text (starting {@code selector = }, ending with a newline)
     */
    static String mapping(Map<String, String> header, String selector) {
        Map<String, String> sorted = new TreeMap<>(header);
        sorted.put("sha1sum", str("0".repeat(40)));
        StringBuilder sb = new StringBuilder(selector.length() + 1024).append("header = {\n");
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            sb.append("    ").append(str(e.getKey())).append(" : ").append(e.getValue()).append(",\n");
        }
        sb.append("}\n\n").append(selector);
        String draft = sb.toString();
        // The sha1sum line does not take part in the checksum, so the placeholder can be swapped after.
        return draft.replace("'sha1sum' : " + str("0".repeat(40)), "'sha1sum' : " + str(Checksums.compute(draft)));
    }

    /** A Python string literal; the generators only produce text without quotes or backslashes. */
    static String str(String s) {
        if (s.indexOf('\'') >= 0 || s.indexOf('\\') >= 0) throw new IllegalArgumentException("unquotable: " + s);
        return "'" + s + "'";
    }

    /** A Python tuple of rendered items, with the trailing comma of a 1-tuple. */
    static String tuple(List<String> rendered) {
        return "(" + String.join(", ", rendered) + (rendered.size() == 1 ? ",)" : ")");
    }

    /** A Python tuple of string literals. */
    static String strTuple(List<String> items) {
        return tuple(items.stream().map(RulesText::str).toList());
    }

    /** A context selector: {@code selector = { 'key' : 'file', ... }} with keys in the given order. */
    static String dictSelector(Map<String, String> entries) {
        StringBuilder sb = new StringBuilder("selector = {\n");
        for (Map.Entry<String, String> e : entries.entrySet()) {
            sb.append("    ").append(str(e.getKey())).append(" : ").append(str(e.getValue())).append(",\n");
        }
        return sb.append("}\n").toString();
    }
}
