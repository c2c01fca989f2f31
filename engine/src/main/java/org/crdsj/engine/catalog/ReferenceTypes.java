package org.crdsj.engine.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reference types each observatory defines (facts from CRDS's type specifications): for an
 * instrument and filekind, the file-name suffix, the {@code FILETYPE} keyword value, the
 * constraint files ({@code .tpn} for certify, {@code _ld.tpn} for the values rmaps may match on),
 * the unique table row keys and the file extension. The one table of these facts (the rules
 * tools and certify both read it). Immutable, loaded once.
 */
public final class ReferenceTypes {
    /** One reference type. Fields absent from the specs are null; {@code rowKeys} is empty when none are defined. */
    public record Type(String observatory, String instrument, String filekind, String suffix, String filetype,
                       String tpn, String ldTpn, List<String> rowKeys, String fileExt) {}

    private static final List<Type> TYPES = load();

    private ReferenceTypes() {}

    /** The type of an instrument and filekind (lower case), if the observatory defines it. */
    public static Optional<Type> of(String observatory, String instrument, String filekind) {
        String o = observatory.toLowerCase(Locale.ROOT), i = instrument.toLowerCase(Locale.ROOT), k = filekind.toLowerCase(Locale.ROOT);
        return TYPES.stream().filter(t -> t.observatory().equals(o) && t.instrument().equals(i) && t.filekind().equals(k)).findFirst();
    }

    /** Every type of an observatory, in table order. */
    public static List<Type> of(String observatory) {
        String o = observatory.toLowerCase(Locale.ROOT);
        return TYPES.stream().filter(t -> t.observatory().equals(o)).toList();
    }

    /** The type an instrument's file with this name suffix belongs to. */
    public static Optional<Type> bySuffix(String observatory, String instrument, String suffix) {
        String o = observatory.toLowerCase(Locale.ROOT), i = instrument.toLowerCase(Locale.ROOT), s = suffix.toLowerCase(Locale.ROOT);
        return TYPES.stream().filter(t -> t.observatory().equals(o) && t.instrument().equals(i) && s.equals(t.suffix())).findFirst();
    }

    /** The type an instrument's file with this {@code FILETYPE} value belongs to. */
    public static Optional<Type> byFiletype(String observatory, String instrument, String filetype) {
        String o = observatory.toLowerCase(Locale.ROOT), i = instrument.toLowerCase(Locale.ROOT), f = filetype.toLowerCase(Locale.ROOT);
        return TYPES.stream().filter(t -> t.observatory().equals(o) && t.instrument().equals(i) && f.equals(t.filetype())).findFirst();
    }

    /**
     * The constraint file names that apply to an instrument and filekind, most specific first, as
     * CRDS collects them: the type's own, the instrument's {@code all}, {@code all_<subkind>} for
     * each dash prefix of the filekind from longest to shortest, and {@code all_all}; levels the
     * observatory does not define are skipped. {@code ld} selects the {@code _ld.tpn} family (the
     * values rmaps may match on) instead of the {@code .tpn} family (certify's checks).
     */
    public static List<String> constraintFiles(String observatory, String instrument, String filekind, boolean ld) {
        String i = instrument.toLowerCase(Locale.ROOT), k = filekind.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        addLevel(out, observatory, i, k, ld);
        addLevel(out, observatory, i, "all", ld);
        List<String> subkinds = new ArrayList<>();
        for (int c = 0; c < k.length(); c++) if (k.charAt(c) == '-') subkinds.add(k.substring(0, c));
        subkinds.add(k);
        for (int s = subkinds.size() - 1; s >= 0; s--) addLevel(out, observatory, "all", subkinds.get(s), ld);
        addLevel(out, observatory, "all", "all", ld);
        return out;
    }

    private static void addLevel(List<String> out, String observatory, String instrument, String filekind, boolean ld) {
        of(observatory, instrument, filekind).map(t -> ld ? t.ldTpn() : t.tpn()).ifPresent(out::add);
    }

    private static List<Type> load() {
        List<Type> types = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ReferenceTypes.class.getResourceAsStream("reference-types.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                List<String> rowKeys = f[7].isEmpty() || f[7].equals("-") ? List.of() : List.of(f[7].split(","));
                types.add(new Type(f[0], f[1], f[2], none(f[3]), none(f[4]), none(f[5]), none(f[6]), rowKeys, none(f[8])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(types);
    }

    private static String none(String s) {
        return s.equals("-") ? null : s;
    }
}
