package org.crdsj.fits;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crdsj.engine.values.PythonFloat;
import org.crdsj.engine.values.Timestamps;
import org.crdsj.grammar.SyntaxPrinter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The whole header of a reference file as CRDS reads it before inserting the file into an rmap
 * ({@code data_file.get_header}): every keyword upper-cased, every value as Python's {@code str()}
 * of the value the file holds, plus {@code FILE_FORMAT}. Unconditioned: conditioning is the
 * rules engine's business.
 *
 * <ul>
 *   <li>FITS: the union of the keywords of all HDUs, the first value of a keyword winning,
 *       {@code COMMENT} and {@code HISTORY} texts joined by newlines; values parsed by
 *       {@link FitsCard} (ints as digits, reals as Python floats, logicals as True/False). A file
 *       that ends early yields the headers read so far.</li>
 *   <li>GEIS ({@code .rNh}): the text header, {@code KEY = value} lines with the comment column
 *       dropped and quotes removed, {@code HISTORY} lines joined.</li>
 *   <li>ASDF: the YAML tree flattened to dotted upper-case paths; objects CRDS cannot show as
 *       text (arrays, extension records) appear as {@code SUPRESSED_NONSTD_TYPE: 'Class'}.</li>
 * </ul>
 */
public final class ReferenceHeader {
    private ReferenceHeader() {}

    /** The header of {@code file}; keys in file order. */
    public static Map<String, String> read(Path file) {
        try {
            String format = formatOf(file);
            Map<String, String> header = switch (format) {
                case "FITS" -> reduce(fitsCards(file));
                case "GEIS" -> reduce(geisItems(file));
                case "ASDF" -> reduce(asdfItems(file));
                default -> throw new IllegalArgumentException("Unknown file type for " + SyntaxPrinter.repr(file.toString()));
            };
            header.put("FILE_FORMAT", format);
            return header;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CRDS's file type: by extension, else by the first bytes ({@code #ASDF}, {@code SIMPLE});
     * FITS, ASDF, GEIS, JSON, YAML or UNKNOWN. Only the first three have headers read here.
     */
    public static String formatOf(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".fits")) return "FITS";
        if (name.endsWith(".asdf")) return "ASDF";
        if (name.endsWith(".json")) return "JSON";
        if (name.endsWith(".yaml")) return "YAML";
        if (name.matches(".*\\.r[0-9][hd]$")) return "GEIS";
        byte[] head = new byte[81];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String start = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        if (start.startsWith("#ASDF")) return "ASDF";
        if (start.startsWith("SIMPL")) {
            if (n == 81 && start.charAt(80) == '\n') {
                List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                if (lines.stream().allMatch(l -> l.length() == 80)) return "GEIS";
            }
            return "FITS";
        }
        return "UNKNOWN";
    }

    /** Upper-case keys; a repeated key keeps its first value, except COMMENT and HISTORY which accumulate. */
    private static Map<String, String> reduce(List<String[]> items) {
        Map<String, String> header = new LinkedHashMap<>();
        for (String[] item : items) {
            String key = item[0].toUpperCase(Locale.ROOT);
            String value = item[1];
            String old = header.get(key);
            if (old != null && !old.equals(value)) {
                if (key.equals("COMMENT") || key.equals("HISTORY")) header.put(key, old + "\n" + value);
            } else {
                header.put(key, value);
            }
        }
        return header;
    }

    // ------------------------------------------------------------------ FITS

    /** The cards of every HDU, in order; a file that ends early yields the headers read so far. */
    private static List<String[]> fitsCards(Path file) throws IOException {
        List<String[]> cards = new ArrayList<>();
        for (FitsLayout.Hdu hdu : FitsLayout.scan(file, false).hdus()) {
            for (String image : hdu.cards()) {
                String[] card = fitsCard(image);
                if (card != null) cards.add(card);
            }
        }
        return cards;
    }

    /**
     * {key, Python str(value)} of one card ({@link FitsCard}), or null for a card CRDS skips
     * (blank keyword). An undefined value (astropy's UNDEFINED, without a stable text) reads as None.
     */
    private static String[] fitsCard(String image) {
        FitsCard card = FitsCard.parse(image);
        if (card.keyword().isEmpty()) return null;
        return new String[] {card.keyword(), card.kind() == FitsCard.Kind.UNDEFINED ? "None" : card.pythonValue()};
    }

    // ------------------------------------------------------------------ GEIS

    private static List<String[]> geisItems(Path file) throws IOException {
        Path header = file;
        String name = file.toString();
        if (name.endsWith("d")) header = Path.of(name.substring(0, name.length() - 1) + "h");
        String text = Files.readString(header, StandardCharsets.ISO_8859_1);
        List<String[]> items = new ArrayList<>();
        List<String> history = new ArrayList<>();
        for (String line : text.split("(?<=\n)")) {
            if (line.isEmpty()) continue;
            if (line.length() >= 32 && line.charAt(31) == '/') line = line.substring(0, 31);
            if (line.startsWith("HISTORY")) {
                history.add(line.substring("HISTORY".length()).strip());
                continue;
            }
            String[] words = line.split("=", -1);
            if (words.length < 2) continue;
            List<String> stripped = new ArrayList<>();
            for (String w : words) stripped.add(w.strip());
            String key = stripped.get(0);
            String value = String.join("=", stripped.subList(1, stripped.size())).strip();
            if (!value.isEmpty() && value.charAt(0) == '\'' && value.charAt(value.length() - 1) == '\'') {
                value = value.length() >= 2 ? value.substring(1, value.length() - 1).strip() : "";
            }
            items.add(new String[] {key, value});
        }
        items.add(new String[] {"HISTORY", String.join("\n", history)});
        // A repeated key in a GEIS header keeps its last value (a plain dict assignment).
        Map<String, String> last = new LinkedHashMap<>();
        for (String[] item : items) last.put(item[0], item[1]);
        List<String[]> out = new ArrayList<>();
        last.forEach((k, v) -> out.add(new String[] {k, v}));
        return out;
    }

    // ------------------------------------------------------------------ ASDF

    private static List<String[]> asdfItems(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int start = text.indexOf("\n---");
        int end = text.indexOf("\n...", Math.max(start, 0));
        String yaml = text.substring(0, end < 0 ? text.length() : end + 1);
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        Node root = new Yaml(options).compose(new StringReader(yaml.replaceAll("(?m)^#ASDF.*$", "")));
        List<String[]> items = new ArrayList<>();
        if (root instanceof MappingNode m) flatten(m, "", items);
        items.add(new String[] {"HISTORY", history(root)});
        return items;
    }

    private static void flatten(MappingNode map, String prefix, List<String[]> out) {
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || !isStrTag(k)) continue;
            String key = prefix + k.getValue().toUpperCase(Locale.ROOT);
            Node value = t.getValueNode();
            if (value instanceof MappingNode nested && isMappingLike(nested)) {
                flatten(nested, key + ".", out);
            } else {
                out.add(new String[] {key, simple(value)});
            }
        }
    }

    private static boolean isStrTag(ScalarNode n) {
        String tag = n.getTag().getValue();
        return tag.equals("tag:yaml.org,2002:str");
    }

    /** Tagged objects that asdf turns into non-mapping Python objects. */
    private static boolean isMappingLike(MappingNode n) {
        String tag = n.getTag().getValue();
        return !(tag.contains("/core/ndarray-") || tag.contains("/core/extension_metadata-")
                || tag.contains("/unit/quantity-") || tag.contains("/core/complex-"));
    }

    /** CRDS's {@code str()} of a leaf of the tree (lists become tuples of such texts). */
    private static String simple(Node n) {
        Object v = pythonValue(n);
        return v instanceof List<?> l ? tupleRepr(l) : (String) v;
    }

    private static Object pythonValue(Node n) {
        String tag = n.getTag().getValue();
        if (n instanceof ScalarNode s) {
            String text = s.getValue();
            switch (tag) {
                case "tag:yaml.org,2002:null": return suppressed("NoneType");
                case "tag:yaml.org,2002:bool": return text.toLowerCase(Locale.ROOT).matches("true|yes|on") ? "True" : "False";
                case "tag:yaml.org,2002:int":
                    try { return new java.math.BigInteger(text.replace("_", "").replace("+", "")).toString(); }
                    catch (NumberFormatException e) { return text; }
                case "tag:yaml.org,2002:float":
                    try { return PythonFloat.repr(Double.parseDouble(text.replace("_", ""))); }
                    catch (NumberFormatException e) { return text; }
                case "tag:yaml.org,2002:timestamp": return timeText(text);
                default:
                    if (tag.contains("/time/time-")) return timeText(text);
                    return text;
            }
        }
        if (n instanceof SequenceNode seq) {
            List<Object> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(item instanceof MappingNode m ? suppressed(className(m)) : pythonValue(item));
            }
            return items;
        }
        return suppressed(className((MappingNode) n));
    }

    private static String className(MappingNode n) {
        String tag = n.getTag().getValue();
        if (tag.contains("/core/ndarray-")) return "NDArrayType";
        if (tag.contains("/core/extension_metadata-")) return "ExtensionMetadata";
        if (tag.contains("/unit/quantity-")) return "Quantity";
        if (tag.contains("/time/time-")) return "Time";
        return "dict";
    }

    private static String timeText(String text) {
        try {
            return Timestamps.reformatDate(text.strip()).replace(' ', 'T');
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static String suppressed(String cls) {
        return "SUPRESSED_NONSTD_TYPE: " + SyntaxPrinter.repr(cls);
    }

    private static String tupleRepr(List<?> items) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(", ");
            Object o = items.get(i);
            sb.append(o instanceof List<?> l ? tupleRepr(l) : SyntaxPrinter.repr((String) o));
        }
        if (items.size() == 1) sb.append(',');
        return sb.append(')').toString();
    }

    /** The history entries as {@code time :: description} lines, or UNDEFINED. */
    private static String history(Node root) {
        if (!(root instanceof MappingNode m)) return "UNDEFINED";
        Node hist = child(m, "history");
        Node entries = hist instanceof MappingNode hm ? child(hm, "entries") : hist;
        if (!(entries instanceof SequenceNode seq)) return "UNDEFINED";
        List<String> lines = new ArrayList<>();
        for (Node e : seq.getValue()) {
            if (!(e instanceof MappingNode em)) continue;
            Node time = child(em, "time");
            Node descr = child(em, "description");
            String t = time instanceof ScalarNode ts ? timeText(ts.getValue()).replace('T', ' ').split("\\.")[0] : "";
            lines.add(t + " :: " + (descr instanceof ScalarNode ds ? ds.getValue() : ""));
        }
        return lines.isEmpty() ? "UNDEFINED" : String.join("\n", lines);
    }

    private static Node child(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return t.getValueNode();
        }
        return null;
    }
}
