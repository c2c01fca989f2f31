package org.crdsj.engine.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crdsj.engine.bestrefs.ErrorCategory;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.observatory.Observatory;
import org.crdsj.engine.values.PythonRepr;

/**
 * A compiled .pmap: the instrument context of each instrument. The first {@code parkey} entry is
 * the instrument keyword ({@code INSTRUME} for HST).
 */
public final class PipelineContext implements Mapping {
    /** Keywords CRDS also tries, in order, when looking for the instrument. */
    public static final List<String> INSTRUMENT_KEYWORDS = List.of("INSTRUME", "META.INSTRUMENT.NAME",
            "META_INSTRUMENT_NAME", "INSTRUMENT", "ROMAN.META.INSTRUMENT.NAME", "META.INSTRUMENT.TYPE",
            "META_INSTRUMENT_TYPE");

    private final String name;
    private final MappingHeader header;
    private final Observatory observatory;
    private final String instrumentKey;
    private final Map<String, Object> selections;   // lower-case instrument -> InstrumentContext or special
    private final List<String> ownParkeys;
    private final List<String> instrumentKeys;   // where the instrument is looked for, in order
    private final String sha1sum;
    private final org.crdsj.engine.values.KeywordSpace space;   // null: plain maps
    private final int[] instrumentSlots;
    private final int[] keySlots;
    private final Map<String, InstrumentContext> byUpperName;   // upper-case instrument -> its imap

    PipelineContext(String name, MappingHeader header, Observatory observatory, String instrumentKey,
                    Map<String, Object> selections, List<String> ownParkeys, String sha1sum) {
        this(name, header, observatory, instrumentKey, selections, ownParkeys, sha1sum, null);
    }

    PipelineContext(String name, MappingHeader header, Observatory observatory, String instrumentKey,
                    Map<String, Object> selections, List<String> ownParkeys, String sha1sum,
                    org.crdsj.engine.values.KeywordSpace space) {
        this.name = name;
        this.header = header;
        this.observatory = observatory;
        this.instrumentKey = instrumentKey;
        this.selections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(selections));
        this.ownParkeys = List.copyOf(ownParkeys);
        List<String> keys = new ArrayList<>();
        keys.add(instrumentKey.toUpperCase(Locale.ROOT));
        keys.add(instrumentKey.toLowerCase(Locale.ROOT));
        keys.addAll(INSTRUMENT_KEYWORDS);
        this.instrumentKeys = List.copyOf(keys);
        this.sha1sum = sha1sum;
        this.space = space;
        Map<String, InstrumentContext> upper = new java.util.HashMap<>();
        for (Map.Entry<String, Object> e : this.selections.entrySet()) {
            // Only names whose lower-case form leads back to the same entry (as imap() would find it).
            String u = e.getKey().toUpperCase(Locale.ROOT);
            if (e.getValue() instanceof InstrumentContext i && u.toLowerCase(Locale.ROOT).equals(e.getKey())
                    && !e.getKey().equals("wfii")) {
                upper.put(u, i);
            }
        }
        if (this.selections.get("wfpc2") instanceof InstrumentContext w) upper.put("WFII", w);
        this.byUpperName = Map.copyOf(upper);
        this.instrumentSlots = new int[instrumentKeys.size()];
        for (int i = 0; i < instrumentSlots.length; i++) {
            // A conditioned header's keys are upper-cased: a spelling upper-casing changes is never found.
            String k = instrumentKeys.get(i);
            instrumentSlots[i] = space == null || !k.equals(k.toUpperCase(Locale.ROOT)) ? -1 : space.add(k);
        }
        // Every spelling's number, for headers whose keys are not all upper-case (minimum headers
        // keep the rules' spellings); their keys are all numbered by now (the imaps were built first, the
        // upper-case spellings just above).
        this.keySlots = new int[instrumentKeys.size()];
        for (int i = 0; i < keySlots.length; i++) keySlots[i] = space == null ? -1 : space.slot(instrumentKeys.get(i));
    }

    /** The keyword space of this context's headers, null when it uses plain maps. */
    public org.crdsj.engine.values.KeywordSpace keywordSpace() { return space; }

    /**
     * {@link #instrumentOf} of the conditioned form of a header given as
     * {@link org.crdsj.engine.values.KeywordSpace#rawValues} of {@link #keywordSpace()}.
     */
    public String instrumentOfRaw(String[] raw) {
        for (int slot : instrumentSlots) {
            if (slot < 0) continue;
            String v = space.conditioned(raw, slot);
            if (v != null) {
                String u = v.toUpperCase(Locale.ROOT);
                if (!u.equals("UNDEFINED")) return u;
            }
        }
        throw missingInstrument();
    }

    /**
     * {@link #instrumentOf} a header of this context's keyword space (e.g. a minimum header),
     * reading its values by slot.
     */
    public String instrumentOfSlotted(Map<String, String> header) {
        if (!(header instanceof org.crdsj.engine.values.SlottedHeader h) || h.space() != space) return instrumentOf(header);
        for (int slot : keySlots) {
            String v = slot < 0 ? null : h.value(slot);
            if (v != null) {
                String u = v.toUpperCase(Locale.ROOT);
                if (!u.equals("UNDEFINED")) return u;
            }
        }
        throw missingInstrument();
    }

    private LookupFailure missingInstrument() {
        return new LookupFailure("CrdsError", ErrorCategory.MISSING_INSTRUMENT,
                "Missing '" + instrumentKey + "' keyword in header for determining instrument.");
    }

    @Override public String name() { return name; }
    @Override public MappingHeader header() { return header; }
    @Override public MappingKind kind() { return MappingKind.PIPELINE; }
    @Override public Observatory observatory() { return observatory; }
    @Override public String sha1sum() { return sha1sum; }

    @Override
    public List<String> requiredParkeys() {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(org.crdsj.engine.values.CodePointOrder.STRINGS);
        keys.addAll(ownParkeys);
        keys.addAll(header.stringList("extra_keys"));
        for (InstrumentContext i : imaps()) keys.addAll(i.requiredParkeys());
        return List.copyOf(keys);
    }

    /** The instrument keyword, upper-case ({@code INSTRUME}, {@code META.INSTRUMENT.NAME}, ...). */
    public String instrumentKey() { return instrumentKey; }

    /** Instrument names in file order, lower-case. */
    public List<String> instruments() { return new ArrayList<>(selections.keySet()); }

    /** The imap or the special value ({@code N/A}, {@code OMIT}, ...) for an instrument; null if unknown. */
    public Object selection(String instrument) {
        return selections.get(instrument.toLowerCase(Locale.ROOT));
    }

    public List<InstrumentContext> imaps() {
        List<InstrumentContext> out = new ArrayList<>();
        for (Object v : selections.values()) if (v instanceof InstrumentContext i) out.add(i);
        return out;
    }

    /**
     * The instrument named by {@code header}: the pmap's keyword (as is, then lower-case), then
     * the usual synonyms; the first whose value is not {@code UNDEFINED}, upper-cased.
     */
    public String instrumentOf(Map<String, String> header) {
        for (String k : instrumentKeys) {
            String v = header.get(k);
            if (v != null && !v.toUpperCase(Locale.ROOT).equals("UNDEFINED")) return v.toUpperCase(Locale.ROOT);
        }
        throw missingInstrument();
    }

    /** The imap of an instrument ({@code WFII} means WFPC2). */
    public InstrumentContext imap(String instrument) {
        // The instrument as a header names it after upper-casing: found without lower-casing a copy.
        InstrumentContext known = byUpperName.get(instrument);
        if (known != null) return known;
        String key = instrument.toLowerCase(Locale.ROOT);
        if (key.equals("wfii")) key = "wfpc2";
        Object v = selections.get(key);
        if (v instanceof InstrumentContext i) return i;
        throw notAnImap(key, v);
    }

    /**
     * CRDS's error for an instrument without an imap here, its text written when read: datasets of
     * other instruments are common, so the reprs stay out of {@link #imap}'s compiled code.
     */
    private LookupFailure notAnImap(String key, Object v) {
        if (v == null) {
            return new LookupFailure("CrdsUnknownInstrumentError", ErrorCategory.UNKNOWN_INSTRUMENT,
                    () -> "Unknown instrument " + PythonRepr.str(key) + " for context " + PythonRepr.str(name));
        }
        return new LookupFailure("CrdsError", ErrorCategory.OTHER,
                () -> "Instrument " + PythonRepr.str(key) + " is " + v + " in context " + PythonRepr.str(name));
    }
}
