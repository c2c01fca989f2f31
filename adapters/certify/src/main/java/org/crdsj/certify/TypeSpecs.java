package org.crdsj.certify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference types an observatory knows: per (instrument, filekind) the file suffix, the
 * FILETYPE keyword value, the constraint files ({@code tpn}, {@code ld_tpn}) and the unique table
 * row keys. Loaded from the project's type table resource {@code <obs>-types.tsv}. Immutable.
 */
public final class TypeSpecs {
    /** One reference type. {@code rowKeys} is empty when none are defined. */
    public record TypeSpec(String instrument, String filekind, String suffix, String filetype,
                           String tpn, String ldTpn, List<String> rowKeys, String fileExt) {}

    private static final Map<String, TypeSpecs> LOADED = new ConcurrentHashMap<>();

    private final String observatory;
    private final Map<String, Map<String, TypeSpec>> byInstrument;

    private TypeSpecs(String observatory, Map<String, Map<String, TypeSpec>> byInstrument) {
        this.observatory = observatory;
        this.byInstrument = byInstrument;
    }

    /** The types of {@code observatory} (hst, jwst, roman). */
    public static TypeSpecs of(String observatory) {
        return LOADED.computeIfAbsent(observatory, TypeSpecs::load);
    }

    private static TypeSpecs load(String observatory) {
        Map<String, Map<String, TypeSpec>> map = new LinkedHashMap<>();
        String resource = observatory + "-types.tsv";
        try (InputStream in = TypeSpecs.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("Unknown observatory " + observatory);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                List<String> rows = f[6].equals("-") || f[6].isEmpty() ? List.of() : List.of(f[6].split(","));
                TypeSpec spec = new TypeSpec(f[0], f[1], f[2], f[3], f[4], f[5], rows, f[7]);
                map.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], spec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TypeSpecs(observatory, map);
    }

    public String observatory() {
        return observatory;
    }

    /** Instruments of real types (the pseudo-instrument {@code all} excluded), sorted. */
    public List<String> instruments() {
        List<String> out = new ArrayList<>();
        for (String i : new TreeSet<>(byInstrument.keySet())) if (!i.equals("all")) out.add(i);
        return out;
    }

    /** Every filekind of any instrument (including the {@code all} levels), sorted. */
    public List<String> filekinds() {
        TreeSet<String> out = new TreeSet<>();
        for (Map<String, TypeSpec> m : byInstrument.values()) out.addAll(m.keySet());
        return List.copyOf(out);
    }

    public boolean isInstrument(String instrument) {
        return byInstrument.containsKey(instrument) && !instrument.equals("all");
    }

    public boolean isFilekind(String filekind) {
        for (Map<String, TypeSpec> m : byInstrument.values()) if (m.containsKey(filekind)) return true;
        return false;
    }

    public Optional<TypeSpec> spec(String instrument, String filekind) {
        return Optional.ofNullable(byInstrument.getOrDefault(instrument, Map.of()).get(filekind));
    }

    /** The filekind of a file suffix ({@code drk} to {@code darkfile}). */
    public Optional<String> suffixToFilekind(String instrument, String suffix) {
        String instr = instrument.equals("nic") ? "nicmos" : instrument;
        for (TypeSpec s : byInstrument.getOrDefault(instr, Map.of()).values()) {
            if (s.suffix().equals(suffix)) return Optional.of(s.filekind());
        }
        return Optional.empty();
    }

    /** The filekind of a FILETYPE value ({@code dark image} to {@code darkfile}), case-insensitive. */
    public Optional<String> filetypeToFilekind(String instrument, String filetype) {
        String instr = instrument.toLowerCase(java.util.Locale.ROOT);
        if (instr.equals("nic")) instr = "nicmos";
        String ft = filetype.toLowerCase(java.util.Locale.ROOT);
        String suffix = null;
        // The last type with this FILETYPE wins, as when CRDS inverts its table.
        for (TypeSpec s : byInstrument.getOrDefault(instr, Map.of()).values()) if (s.filetype().equals(ft)) suffix = s.suffix();
        return suffix == null ? Optional.empty() : suffixToFilekind(instr, suffix);
    }

    /** Unique row keys of a type; empty when none are defined. */
    public List<String> rowKeys(String instrument, String filekind) {
        return spec(instrument, filekind).map(TypeSpec::rowKeys).orElse(List.of());
    }

    /**
     * The constraint file names that apply to (instrument, filekind), most specific first:
     * the type's own, the instrument's {@code all}, {@code all_<subkind>} for each dash prefix of
     * the filekind from longest to shortest, and {@code all_all}. {@code ld} selects the
     * {@code _ld.tpn} family.
     */
    public List<String> constraintFiles(String instrument, String filekind, boolean ld) {
        List<String> out = new ArrayList<>();
        add(out, instrument, filekind, ld);
        add(out, instrument, "all", ld);
        List<String> subkinds = new ArrayList<>();
        for (int i = 0; i < filekind.length(); i++) if (filekind.charAt(i) == '-') subkinds.add(filekind.substring(0, i));
        subkinds.add(filekind);
        Collections.reverse(subkinds);
        for (String sub : subkinds) add(out, "all", sub, ld);
        add(out, "all", "all", ld);
        return out;
    }

    private void add(List<String> out, String instrument, String filekind, boolean ld) {
        spec(instrument, filekind).ifPresent(s -> out.add(ld ? s.ldTpn() : s.tpn()));
    }
}
