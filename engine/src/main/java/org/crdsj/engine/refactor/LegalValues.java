package org.crdsj.engine.refactor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.crdsj.engine.catalog.ReferenceTypes;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.Conditioning;

/**
 * The values an rmap's match parameters may take, read from the certify constraint files
 * ({@code _ld.tpn}) of its instrument and reference type, as CRDS checks them when inserting a
 * reference ({@code ReferenceMapping.get_valid_values_map}). The files applying to a type are, in
 * CRDS's order: the type's own, the instrument's {@code all}, {@code all_<type prefix>} and
 * {@code all_all}; missing ones are skipped. Constraint files come from a directory given by the
 * user (one folder per observatory); the project never bundles them.
 */
public final class LegalValues {
    private LegalValues() {}

    /** One constraint line: name, key type, data type, presence, values. */
    private record Info(String name, String keytype, String datatype, String presence, List<String> values) {
        boolean complex() {
            return datatype.startsWith("X") || isExpression(presence);
        }
    }

    /**
     * {@code parameter -> conditioned legal values} for the {@code required} parameters of an rmap
     * of {@code instrument}/{@code filekind}; parameters without a constraint are absent.
     *
     * @param tpnDir the constraint folder of the observatory ({@code $CRDS_TPN_DIR/<obs>}); null gives no constraints
     */
    public static Map<String, List<String>> forRmap(Path tpnDir, String observatory, String instrument,
                                                    String filekind, List<String> required) {
        Map<String, List<String>> valid = new LinkedHashMap<>();
        if (tpnDir == null) return valid;
        String obs = observatory.toLowerCase(Locale.ROOT);
        String instr = instrument.toLowerCase(Locale.ROOT);
        String kind = filekind.toLowerCase(Locale.ROOT);
        List<String> files = new ArrayList<>();
        addLevel(files, obs, instr, kind);
        addLevel(files, obs, instr, "all");
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < kind.length(); i++) if (kind.charAt(i) == '-') prefixes.add(kind.substring(0, i));
        prefixes.add(kind);
        for (int i = prefixes.size() - 1; i >= 0; i--) addLevel(files, obs, "all", prefixes.get(i));
        addLevel(files, obs, "all", "all");
        TreeSet<Info> infos = new TreeSet<>(ORDER);
        for (String f : files) {
            Path p = tpnDir.resolve(f);
            if (Files.isRegularFile(p)) infos.addAll(load(p));
        }
        for (Info info : infos) {
            if (info.complex() || !required.contains(info.name())) continue;
            List<String> values = info.values();
            if (values.size() == 1 && values.get(0).contains(":")) values = range(values.get(0));
            List<String> conditioned = new ArrayList<>();
            for (String v : values) conditioned.add(Conditioning.conditionValue(v));
            valid.put(info.name(), List.copyOf(conditioned));
        }
        return valid;
    }

    private static void addLevel(List<String> files, String obs, String instrument, String filekind) {
        ReferenceTypes.of(obs, instrument, filekind).map(ReferenceTypes.Type::ldTpn).ifPresent(files::add);
    }

    /** {@code a:b} as the integers a..b when both ends are numbers, else as given. */
    private static List<String> range(String spec) {
        String[] limits = spec.split(":", -1);
        try {
            long lo = (long) Double.parseDouble(limits[0].strip());
            long hi = (long) Double.parseDouble(limits[1].strip());
            if (limits.length != 2) return List.of(spec);
            List<String> out = new ArrayList<>();
            for (long i = lo; i <= hi; i++) out.add(Long.toString(i));
            return out;
        } catch (RuntimeException e) {
            return List.of(spec);
        }
    }

    private static final Comparator<List<String>> TUPLE = CodePointOrder.TUPLES;
    private static final Comparator<Info> ORDER = Comparator.comparing(Info::name, CodePointOrder.STRINGS)
            .thenComparing(Info::keytype, CodePointOrder.STRINGS)
            .thenComparing(Info::datatype, CodePointOrder.STRINGS)
            .thenComparing(Info::presence, CodePointOrder.STRINGS)
            .thenComparing(Info::values, TUPLE);

    private static boolean isExpression(String field) {
        return field.startsWith("(") && field.endsWith(")");
    }

    private static final String SPACE_MAGIC = "@@1324$$";

    private static List<Info> load(Path file) {
        List<Info> infos = new ArrayList<>();
        for (String line : lines(file, new ArrayList<>())) {
            String[] items = protectQuoted(line).strip().split("\\s+");
            List<String> fields = new ArrayList<>();
            for (String item : items) fields.add(unquote(item.replace(SPACE_MAGIC, " ")));
            if (fields.size() == 4) {
                infos.add(new Info(fields.get(0), fields.get(1), fields.get(2), fields.get(3), List.of()));
            } else if (fields.size() == 5) {
                String datatype = fields.get(2);
                List<String> values = new ArrayList<>();
                List<String> raw = datatype.equals("X") ? List.of(fields.get(4)) : List.of(fields.get(4).split(",", -1));
                for (String v : raw) {
                    v = unquote(v);
                    values.add(isExpression(v) || datatype.equals("S") ? v : v.toUpperCase(Locale.ROOT));
                }
                infos.add(new Info(fields.get(0), fields.get(1), datatype, fields.get(3), List.copyOf(values)));
            }
        }
        return infos;
    }

    /** Lines without comments and blanks, continuations joined, includes expanded, replacements applied. */
    private static List<String> lines(Path file, List<String[]> replacements) {
        List<String> out = new ArrayList<>();
        boolean append = false;
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : raw) {
            line = line.strip();
            if (line.startsWith("#") || line.isEmpty()) continue;
            if (line.startsWith("include")) {
                out.addAll(lines(file.resolveSibling(line.split("\\s+")[1]), replacements));
                continue;
            }
            if (line.startsWith("replace")) {
                String[] words = line.split("\\s+");
                if (words.length >= 3) replacements.add(new String[] {words[1], words[2]});
                continue;
            }
            for (String[] r : replacements) line = line.replaceAll(r[0], r[1]);
            if (append) {
                String prev = out.remove(out.size() - 1);
                out.add(prev.substring(0, prev.length() - 1).strip() + line);
            } else {
                out.add(line);
            }
            append = line.endsWith("\\");
        }
        return out;
    }

    private static String protectQuoted(String line) {
        StringBuilder sb = new StringBuilder();
        boolean inQuote = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') inQuote = !inQuote;
            if (inQuote && (c == ' ' || c == '\t')) sb.append(SPACE_MAGIC);
            else sb.append(c);
        }
        return sb.toString();
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

}
