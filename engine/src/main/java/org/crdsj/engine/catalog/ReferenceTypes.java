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
 * instrument and filekind, the file-name suffix, the {@code FILETYPE} keyword value and the
 * constraint file listing the values rmaps may match on. Immutable, loaded once.
 */
public final class ReferenceTypes {
    /** One reference type. Fields absent from the specs are null. */
    public record Type(String observatory, String instrument, String filekind, String suffix, String filetype, String ldTpn) {}

    private static final List<Type> TYPES = load();

    private ReferenceTypes() {}

    /** The type of an instrument and filekind (lower case), if the observatory defines it. */
    public static Optional<Type> of(String observatory, String instrument, String filekind) {
        String o = observatory.toLowerCase(Locale.ROOT), i = instrument.toLowerCase(Locale.ROOT), k = filekind.toLowerCase(Locale.ROOT);
        return TYPES.stream().filter(t -> t.observatory().equals(o) && t.instrument().equals(i) && t.filekind().equals(k)).findFirst();
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

    private static List<Type> load() {
        List<Type> types = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ReferenceTypes.class.getResourceAsStream("reference-types.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                types.add(new Type(f[0], f[1], f[2], none(f[3]), none(f[4]), none(f[5])));
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
