package org.crdsj.engine.tpn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crdsj.engine.catalog.ReferenceTypes;

/**
 * Reads constraint files (the one parser of the constraint language: certify checks files with
 * them, the rules tools take rmap parameter values from the {@code _ld.tpn} family) ({@code .tpn}, {@code _ld.tpn}) from a directory holding one folder per
 * observatory ({@code $CRDS_TPN_DIR/<obs>/}). Implements the file language: comments, blank
 * lines, backslash continuation, {@code include} (relative to the including file) and
 * {@code replace} (regular-expression rewriting of the following lines, included ones too),
 * quoted fields with spaces, and the constraint line itself. Thread-safe; parsed files are cached.
 */
public final class ConstraintFiles {
    private final Path root;
    private final Map<String, List<TpnInfo>> cache = new ConcurrentHashMap<>();

    /** Constraint files under {@code root} (which holds {@code hst/}, {@code jwst/}, {@code roman/}). */
    public ConstraintFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A constraint file's path. */
    public Path path(String observatory, String file) {
        return root.resolve(observatory).resolve(file);
    }

    /**
     * Every constraint that applies to (instrument, filekind): the union of all levels named by
     * {@link ReferenceTypes#constraintFiles}, duplicates removed, sorted. Missing files contribute nothing.
     */
    public List<TpnInfo> constraints(String observatory, String instrument, String filekind, boolean ld) {
        TreeSet<TpnInfo> all = new TreeSet<>();
        for (String file : ReferenceTypes.constraintFiles(observatory, instrument, filekind, ld)) {
            all.addAll(load(path(observatory, file)));
        }
        return List.copyOf(all);
    }

    /** The constraints of one file; empty when it does not exist. */
    public List<TpnInfo> load(Path file) {
        return cache.computeIfAbsent(file.toString(), k -> read(file));
    }

    /** The constraints of one file, uncached; empty when it does not exist. */
    public static List<TpnInfo> read(Path file) {
        return Files.exists(file) ? parse(lines(file)) : List.of();
    }

    /**
     * The logical lines of a file: comments and blank lines dropped, includes expanded,
     * replacements applied, continuations joined.
     *
     * @throws TpnFormatException for conflicting replace directives
     */
    public static List<String> lines(Path file) {
        return lines(file, new ArrayList<>());
    }

    private static List<String> lines(Path file, List<String[]> replacements) {
        List<String> out = new ArrayList<>();
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean append = false;
        for (String rawLine : raw) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("include")) {
                out.addAll(lines(file.resolveSibling(line.split("\\s+")[1]), new ArrayList<>(replacements)));
                continue;
            }
            if (line.startsWith("replace")) {
                String[] parts = line.split("\\s+");
                String[] r = {parts[1], parts.length > 2 ? parts[2] : ""};
                boolean known = false;
                for (String[] other : replacements) {
                    if (other[0].equals(r[0]) && other[1].equals(r[1])) known = true;
                    else if (other[0].equals(r[0])) {
                        throw new TpnFormatException("In '" + file + "' Tpn replacement directive ('" + r[0] + "', '" + r[1]
                                + "') conflicts with directive ('" + other[0] + "', '" + other[1] + "')");
                    }
                }
                if (!known) replacements.add(r);
                continue;
            }
            for (String[] r : replacements) line = Pattern.compile(r[0]).matcher(line).replaceAll(Matcher.quoteReplacement(r[1]));
            if (append) {
                String last = out.get(out.size() - 1);
                out.set(out.size() - 1, last.substring(0, last.length() - 1).strip() + line);
            } else {
                out.add(line);
            }
            append = line.endsWith("\\");
        }
        return out;
    }

    /** Parses logical lines into constraints. */
    public static List<TpnInfo> parse(List<String> lines) {
        List<TpnInfo> out = new ArrayList<>();
        for (String line : lines) out.add(parseLine(line));
        return out;
    }

    /**
     * One constraint line: whitespace-separated fields, double quotes protecting spaces (and
     * removed). Values are split on commas unless the datatype is X, and upper-cased unless they
     * are expressions or the datatype is S.
     */
    public static TpnInfo parseLine(String line) {
        List<String> items = fields(line);
        if (items.size() != 4 && items.size() != 5) {
            throw new TpnFormatException("Bad constraint line (" + items.size() + " fields): " + line);
        }
        String datatype = items.get(2);
        List<String> values = new ArrayList<>();
        if (items.size() == 5) {
            List<String> raw = datatype.equals("X") ? List.of(items.get(4)) : List.of(items.get(4).split(",", -1));
            for (String v : raw) {
                v = unquote(v);
                values.add(TpnInfo.isExpression(v) || datatype.equals("S") ? v : v.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return new TpnInfo(items.get(0), items.get(1), datatype, items.get(3), values);
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuote = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') inQuote = !inQuote;
            if (!inQuote && Character.isWhitespace(c)) {
                if (cur.length() > 0) out.add(unquote(cur.toString()));
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) out.add(unquote(cur.toString()));
        return out;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** A constraint file that cannot be read as the constraint language. */
    public static final class TpnFormatException extends RuntimeException {
        public TpnFormatException(String message) {
            super(message);
        }
    }
}
