package org.crdsj.engine.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crdsj.engine.values.Conditioning;
import org.crdsj.engine.values.KeywordSpace;
import org.crdsj.engine.values.SlottedHeader;

/**
 * CRDS's minimum header for a list of required keys: each key's value taken from the header under
 * its lower-case spelling, else its upper-case one, else {@code UNDEFINED}. The spellings and their
 * {@link KeywordSpace} numbers are computed once, not per dataset; with a space, the minimum
 * header is a {@link SlottedHeader} that the space's selectors read without hashing.
 */
public final class MinimumHeader {
    private final String[] keys;
    private final String[] lower;
    private final String[] upper;
    private final Map<String, String> aliases = new HashMap<>();   // META_X_Y -> META.X.Y
    private final KeywordSpace space;     // null: plain maps
    private final int[] keySlot;          // slot of keys[i]
    private final int[] upperSlot;        // slot of upper[i]
    private final int[] lowerSlot;        // slot of lower[i] when a conditioned header can hold that spelling, else -1
    private final String[] distinctNames; // the minimum header's keys in order, each once
    private final int[] distinctSlots;
    private final String[] upperNames;    // the same for the conditioned (upper-case keyed) form
    private final int[] upperSlots;
    private final org.crdsj.engine.values.ConditionedValues[] upperValues;   // dictionary of upperSlot[i]

    public MinimumHeader(List<String> requiredKeys) {
        this(requiredKeys, null);
    }

    /** A minimum header whose results are {@link SlottedHeader}s of {@code space} (null: plain maps). */
    public MinimumHeader(List<String> requiredKeys, KeywordSpace space) {
        this.keys = requiredKeys.toArray(new String[0]);   // (no method references or streams: start-up cost)
        this.lower = new String[keys.length];
        this.upper = new String[keys.length];
        this.space = space;
        this.keySlot = new int[keys.length];
        this.upperSlot = new int[keys.length];
        this.lowerSlot = new int[keys.length];
        this.upperValues = new org.crdsj.engine.values.ConditionedValues[keys.length];
        List<String> dn = new ArrayList<>(), un = new ArrayList<>();
        List<Integer> ds = new ArrayList<>(), us = new ArrayList<>();
        java.util.BitSet seenKey = new java.util.BitSet(), seenUpper = new java.util.BitSet();   // slots taken, each once
        for (int i = 0; i < keys.length; i++) {
            // Interned: headers read with Jackson have interned keys, which a map then matches by identity.
            lower[i] = keys[i].toLowerCase(Locale.ROOT).intern();
            upper[i] = keys[i].toUpperCase(Locale.ROOT).intern();
            if (keys[i].indexOf('.') >= 0) aliases.put(keys[i].replace('.', '_'), keys[i]);
            if (space != null) {
                keySlot[i] = space.add(keys[i]);
                upperSlot[i] = space.add(upper[i]);
                upperValues[i] = space.dictionary(upperSlot[i]);
                // A conditioned header's keys are upper-cased: the lower spelling is found only when
                // upper-casing leaves it unchanged.
                lowerSlot[i] = lower[i].equals(lower[i].toUpperCase(Locale.ROOT)) ? space.add(lower[i]) : -1;
                // Interned as the space's keys are, so code-written names are found by identity.
                if (!seenKey.get(keySlot[i])) { seenKey.set(keySlot[i]); ds.add(keySlot[i]); dn.add(keys[i].intern()); }
                if (!seenUpper.get(upperSlot[i])) { seenUpper.set(upperSlot[i]); us.add(upperSlot[i]); un.add(upper[i].intern()); }
            }
        }
        this.distinctNames = dn.toArray(new String[0]);
        this.distinctSlots = ints(ds);
        this.upperNames = un.toArray(new String[0]);
        this.upperSlots = ints(us);
    }

    private static int[] ints(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = list.get(i);
        return out;
    }

    /**
     * Expression variables of a header made by {@link #of}: its keys, plus {@code META_X_Y} for
     * each dotted key (known in advance, so no scan per dataset).
     */
    public java.util.function.Function<String, String> variables(Map<String, String> minimized) {
        if (aliases.isEmpty()) return minimized::get;
        return name -> {
            String dotted = aliases.get(name);
            return minimized.get(dotted != null ? dotted : name);
        };
    }

    /**
     * The minimum header, then conditioned (CRDS's rmap-level bestrefs: minimise first, condition
     * second): keys upper-cased, values conditioned, in one pass.
     */
    public Map<String, String> ofConditioned(Map<String, String> header) {
        if (space != null) {
            String[] values = new String[space.size()];
            for (int i = 0; i < keys.length; i++) {
                String v = header.get(lower[i]);
                if (v == null) v = header.get(upper[i]);
                values[upperSlot[i]] = upperValues[i].condition(v == null ? "UNDEFINED" : v);
            }
            return new SlottedHeader(space, values, upperNames, upperSlots);
        }
        Map<String, String> out = new LinkedHashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            String v = header.get(lower[i]);
            if (v == null) v = header.get(upper[i]);
            out.put(upper[i], Conditioning.conditionValue(v == null ? "UNDEFINED" : v));
        }
        return out;
    }

    /** The minimum header of {@code header}, in required-key order. */
    public Map<String, String> of(Map<String, String> header) {
        if (space != null) {
            String[] values = new String[space.size()];
            for (int i = 0; i < keys.length; i++) {
                String v = header.get(lower[i]);
                if (v == null) v = header.get(upper[i]);
                values[keySlot[i]] = v == null ? "UNDEFINED" : v;
            }
            return new SlottedHeader(space, values, distinctNames, distinctSlots);
        }
        Map<String, String> out = new HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            String v = header.get(lower[i]);
            if (v == null) v = header.get(upper[i]);
            out.put(keys[i], v == null ? "UNDEFINED" : v);
        }
        return out;
    }

    /**
     * {@link #of} applied to the conditioned form of a header given as {@link KeywordSpace#rawValues}
     * of this minimum header's space: the same answer, without building the conditioned header.
     */
    public SlottedHeader ofRaw(String[] raw) {
        String[] values = new String[space.size()];
        for (int i = 0; i < keys.length; i++) {
            String v = lowerSlot[i] >= 0 ? space.conditioned(raw, lowerSlot[i]) : null;
            if (v == null) v = space.conditioned(raw, upperSlot[i]);
            values[keySlot[i]] = v == null ? "UNDEFINED" : v;
        }
        return new SlottedHeader(space, values, distinctNames, distinctSlots);
    }
}
