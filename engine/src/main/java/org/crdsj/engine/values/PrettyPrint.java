package org.crdsj.engine.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crdsj.grammar.SyntaxPrinter;

/**
 * Python's {@code pprint.pformat} (width 80, dict keys sorted) for the values CRDS pretty-prints in
 * its messages: a {@link String} is a Python str, a {@link List} a tuple and a {@link Map} with
 * string keys a dict. Long strings are split into adjacent literals at word boundaries and long
 * containers one item per line, exactly as pprint does. Stateless.
 */
public final class PrettyPrint {
    private PrettyPrint() {}

    private static final int WIDTH = 80;
    private static final Pattern WORDS = Pattern.compile("\\S*\\s*", Pattern.UNICODE_CHARACTER_CLASS);

    /** {@code pprint.pformat(value)}. */
    public static String format(Object value) {
        StringBuilder sb = new StringBuilder();
        format(value, sb, 0, 0, 0);
        return sb.toString();
    }

    /** Python's {@code repr()} of a str, tuple or dict (dict keys sorted, as pprint's repr does). */
    public static String repr(Object value) {
        if (value instanceof String s) return SyntaxPrinter.repr(s);
        if (value instanceof List<?> items) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(repr(items.get(i)));
            }
            if (items.size() == 1) sb.append(',');
            return sb.append(')').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            String sep = "";
            for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
                sb.append(sep).append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                sep = ", ";
            }
            return sb.append('}').toString();
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static TreeMap<String, Object> sorted(Map<?, ?> map) {
        TreeMap<String, Object> t = new TreeMap<>(CodePointOrder::compare);
        t.putAll((Map<String, Object>) map);
        return t;
    }

    private static void format(Object value, StringBuilder out, int indent, int allowance, int level) {
        String rep = repr(value);
        int maxWidth = WIDTH - indent - allowance;
        if (rep.length() > maxWidth) {
            if (value instanceof Map<?, ?> map && !map.isEmpty()) {
                out.append('{');
                formatDictItems(sorted(map), out, indent, allowance + 1, level + 1);
                out.append('}');
                return;
            }
            if (value instanceof List<?> items && !items.isEmpty()) {
                out.append('(');
                String end = items.size() == 1 ? ",)" : ")";
                formatItems(items, out, indent, allowance + end.length(), level + 1);
                out.append(end);
                return;
            }
            if (value instanceof String s && !s.isEmpty()) {
                formatString(s, out, indent, allowance, level + 1);
                return;
            }
        }
        out.append(rep);
    }

    private static void formatDictItems(Map<String, Object> items, StringBuilder out, int indent, int allowance, int level) {
        indent += 1;
        String delim = ",\n" + " ".repeat(indent);
        int last = items.size() - 1;
        int i = 0;
        for (Map.Entry<String, Object> e : items.entrySet()) {
            String rep = repr(e.getKey());
            out.append(rep).append(": ");
            format(e.getValue(), out, indent + rep.length() + 2, i == last ? allowance : 1, level);
            if (i != last) out.append(delim);
            i++;
        }
    }

    private static void formatItems(List<?> items, StringBuilder out, int indent, int allowance, int level) {
        indent += 1;
        String delim = ",\n" + " ".repeat(indent);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.append(delim);
            format(items.get(i), out, indent, i == items.size() - 1 ? allowance : 1, level);
        }
    }

    private static void formatString(String s, StringBuilder out, int indent, int allowance, int level) {
        List<String> chunks = new ArrayList<>();
        List<String> lines = splitLinesKeepEnds(s);
        if (level == 1) {
            indent += 1;
            allowance += 1;
        }
        int maxWidth1 = WIDTH - indent;
        int maxWidth = maxWidth1;
        String rep = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            rep = SyntaxPrinter.repr(line);
            if (i == lines.size() - 1) maxWidth1 -= allowance;
            if (rep.length() <= maxWidth1) {
                chunks.add(rep);
            } else {
                List<String> parts = new ArrayList<>();
                Matcher m = WORDS.matcher(line);
                while (m.find()) {
                    parts.add(m.group());
                    if (m.end() == line.length()) break;
                }
                int maxWidth2 = maxWidth;
                String current = "";
                for (int j = 0; j < parts.size(); j++) {
                    String part = parts.get(j);
                    String candidate = current + part;
                    if (j == parts.size() - 1 && i == lines.size() - 1) maxWidth2 -= allowance;
                    if (SyntaxPrinter.repr(candidate).length() > maxWidth2) {
                        if (!current.isEmpty()) chunks.add(SyntaxPrinter.repr(current));
                        current = part;
                    } else {
                        current = candidate;
                    }
                }
                if (!current.isEmpty()) chunks.add(SyntaxPrinter.repr(current));
            }
        }
        if (chunks.size() == 1) {
            out.append(rep);
            return;
        }
        if (level == 1) out.append('(');
        for (int i = 0; i < chunks.size(); i++) {
            if (i > 0) out.append('\n').append(" ".repeat(indent));
            out.append(chunks.get(i));
        }
        if (level == 1) out.append(')');
    }

    /** Python's {@code str.splitlines(True)}. */
    static List<String> splitLinesKeepEnds(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean brk = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d
                    || c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
            if (!brk) continue;
            if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') i++;
            lines.add(s.substring(start, i + 1));
            start = i + 1;
        }
        if (start < n) lines.add(s.substring(start));
        return lines;
    }
}
