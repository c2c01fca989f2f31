package org.crdsj.certify;

import java.io.IOException;
import java.io.Reader;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The unconditioned header of a reference file as CRDS reads it (keys upper case, values as
 * Python {@code str()} of the file's value, first occurrence wins): FITS (all HDUs), GEIS
 * ({@code .rNh} text headers) and ASDF (the YAML tree flattened to dotted paths). Stateless.
 */
public final class ReferenceHeaders {
    private ReferenceHeaders() {}

    /** The file format CRDS assigns: fits, geis, asdf, json, yaml, mapping or unknown. */
    public static String fileType(Path path) {
        String name = path.getFileName().toString();
        if (name.endsWith(".pmap") || name.endsWith(".imap") || name.endsWith(".rmap")) return "mapping";
        if (name.endsWith(".fits")) return "fits";
        if (name.endsWith(".asdf")) return "asdf";
        if (name.endsWith(".json")) return "json";
        if (name.endsWith(".yaml")) return "yaml";
        if (name.matches(".*\\.r[0-9][hd]$")) return "geis";
        try {
            byte[] head = Files.readAllBytes(path);
            String first = new String(head, 0, Math.min(5, head.length), StandardCharsets.ISO_8859_1);
            if (first.equals("#ASDF")) return "asdf";
            if (first.equals("SIMPL")) {
                if (head.length > 80 && head[80] == '\n') {
                    for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\n")) {
                        if (line.length() != 80) return "fits";
                    }
                    return "geis";
                }
                return "fits";
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    /** The header of any supported reference format. */
    public static Map<String, String> read(Path path) throws IOException {
        switch (fileType(path)) {
            case "fits": return fits(FitsReference.read(path));
            case "geis": return geis(path);
            case "asdf": return asdf(path);
            default: throw new IOException("Unsupported file format for " + path.getFileName());
        }
    }

    /** The union of all HDU headers. */
    public static Map<String, String> fits(FitsReference file) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FitsReference.Card c : file.allCards()) out.putIfAbsent(c.key().toUpperCase(Locale.ROOT), c.value());
        return out;
    }

    /** A GEIS header ({@code .rNh}; a data file {@code .rNd} reads its header file). */
    public static Map<String, String> geis(Path path) throws IOException {
        String name = path.toString();
        if (name.endsWith("d")) path = Path.of(name.substring(0, name.length() - 1) + "h");
        Map<String, String> header = new LinkedHashMap<>();
        List<String> history = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.ISO_8859_1)) {
            if (line.length() >= 32 && line.charAt(31) == '/') line = line.substring(0, 31);
            if (line.startsWith("HISTORY")) {
                history.add(line.substring(7).strip());
                continue;
            }
            String[] words = line.split("=", -1);
            if (words.length < 2) continue;
            String key = words[0].strip().toUpperCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            for (int i = 1; i < words.length; i++) {
                if (i > 1) value.append('=');
                value.append(words[i].strip());
            }
            String v = value.toString().strip();
            if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) v = v.substring(1, v.length() - 1).strip();
            header.put(key, v);
        }
        if (!history.isEmpty()) header.put("HISTORY", String.join("\n", history));
        return header;
    }

    /** An ASDF tree flattened to dotted upper-case keys (arrays and other objects are not values). */
    public static Map<String, String> asdf(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\n...");
        if (end >= 0) text = text.substring(0, end + 1);
        LoaderOptions options = new LoaderOptions();
        Node root;
        try (Reader r = new java.io.StringReader(text)) {
            root = new Yaml(options).compose(r);
        } catch (RuntimeException e) {
            throw new IOException("Cannot parse ASDF tree: " + e.getMessage(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (root instanceof MappingNode m) flatten(m, "", out);
        return out;
    }

    private static void flatten(MappingNode map, String prefix, Map<String, String> out) {
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
            String key = prefix + k.getValue().toUpperCase(Locale.ROOT);
            Node v = t.getValueNode();
            String tag = v.getTag().getValue();
            if (v instanceof MappingNode m) {
                if (tag.contains("ndarray")) out.put(key, "SUPRESSED_NONSTD_TYPE: 'NDArrayType'");
                else flatten(m, key + ".", out);
            } else if (v instanceof ScalarNode s) {
                out.put(key, scalar(s, tag));
            } else if (v instanceof SequenceNode) {
                out.put(key, "SUPRESSED_NONSTD_TYPE: 'list'");
            }
        }
    }

    private static String scalar(ScalarNode s, String tag) {
        String v = s.getValue();
        if (tag.contains("time/time")) {
            try {
                return Timestamps.reformatDate(v).replace(' ', 'T');
            } catch (RuntimeException e) {
                return v;
            }
        }
        if (s.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) return v;
        if (v.equals("true")) return "True";
        if (v.equals("false")) return "False";
        if (v.equals("null") || v.equals("~")) return "None";
        if (v.matches("[-+]?\\d+")) return new java.math.BigInteger(v.startsWith("+") ? v.substring(1) : v).toString();
        if (v.matches("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")) return PythonFloat.repr(Double.parseDouble(v));
        return v;
    }
}
