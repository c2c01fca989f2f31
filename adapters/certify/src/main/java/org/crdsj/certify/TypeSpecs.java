package org.crdsj.certify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.crdsj.engine.catalog.ReferenceTypes;
import org.crdsj.engine.catalog.ReferenceTypes.Type;

/**
 * The reference types an observatory knows: per (instrument, filekind) the file suffix, the
 * FILETYPE keyword value, the constraint files ({@code tpn}, {@code ld_tpn}) and the unique table
 * row keys. An index by instrument over the project's one type table, {@link ReferenceTypes}. Immutable.
 */
public final class TypeSpecs {
    private static final Map<String, TypeSpecs> LOADED = new ConcurrentHashMap<>();

    private final String observatory;
    private final Map<String, Map<String, Type>> byInstrument;

    private TypeSpecs(String observatory, Map<String, Map<String, Type>> byInstrument) {
        this.observatory = observatory;
        this.byInstrument = byInstrument;
    }

    /** The types of {@code observatory} (hst, jwst, roman). */
    public static TypeSpecs of(String observatory) {
        return LOADED.computeIfAbsent(observatory, TypeSpecs::load);
    }

    private static TypeSpecs load(String observatory) {
        List<Type> types = ReferenceTypes.of(observatory);
        if (types.isEmpty()) throw new IllegalArgumentException("Unknown observatory " + observatory);
        Map<String, Map<String, Type>> map = new LinkedHashMap<>();
        for (Type t : types) map.computeIfAbsent(t.instrument(), k -> new LinkedHashMap<>()).put(t.filekind(), t);
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
        for (Map<String, Type> m : byInstrument.values()) out.addAll(m.keySet());
        return List.copyOf(out);
    }

    public boolean isInstrument(String instrument) {
        return byInstrument.containsKey(instrument) && !instrument.equals("all");
    }

    public boolean isFilekind(String filekind) {
        for (Map<String, Type> m : byInstrument.values()) if (m.containsKey(filekind)) return true;
        return false;
    }

    public Optional<Type> spec(String instrument, String filekind) {
        return Optional.ofNullable(byInstrument.getOrDefault(instrument, Map.of()).get(filekind));
    }

    /** The filekind of a file suffix ({@code drk} to {@code darkfile}). */
    public Optional<String> suffixToFilekind(String instrument, String suffix) {
        String instr = instrument.equals("nic") ? "nicmos" : instrument;
        for (Type s : byInstrument.getOrDefault(instr, Map.of()).values()) {
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
        for (Type s : byInstrument.getOrDefault(instr, Map.of()).values()) if (s.filetype().equals(ft)) suffix = s.suffix();
        return suffix == null ? Optional.empty() : suffixToFilekind(instr, suffix);
    }

    /** Unique row keys of a type; empty when none are defined. */
    public List<String> rowKeys(String instrument, String filekind) {
        return spec(instrument, filekind).map(Type::rowKeys).orElse(List.of());
    }

    /** The constraint file names that apply, most specific first ({@link ReferenceTypes#constraintFiles}). */
    public List<String> constraintFiles(String instrument, String filekind, boolean ld) {
        return ReferenceTypes.constraintFiles(observatory, instrument, filekind, ld);
    }
}
