package org.crdsj.engine.values;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A numbering of header keywords (exact spellings) shared by every mapping one loader compiles:
 * selectors, minimum headers and contexts learn their keywords' numbers once, at load time, so
 * a lookup reads a dataset's values from arrays ({@link SlottedHeader}) instead of hashing names.
 * Numbers only grow; reading is thread-safe, adding is synchronised.
 */
public final class KeywordSpace {
    private final Map<String, Integer> slots = new ConcurrentHashMap<>();
    private volatile int size;
    // Per slot, the keyword's dictionary of conditioned values (grown with the slots, under the lock).
    private volatile ConditionedValues[] dictionaries = new ConditionedValues[0];
    // Header keys as datasets spell them -> slot of their upper-case form (replaced when a keyword is added).
    private volatile HeaderKeySlots keySlots = new HeaderKeySlots();

    /**
     * How many distinct raw values each keyword's dictionary remembers: enough for every mode,
     * filter and detector value of real datasets; keywords whose values are all different
     * (dates, times) overflow it and are conditioned each time.
     */
    static final int DICTIONARY_CAPACITY = 1024;

    // What the date words (DATE-OBS values) of lookups decide, shared by the space's selectors.
    private final DateWords dateWords = new DateWords(DICTIONARY_CAPACITY);

    /** The memory of lookup date words of this space's selectors. */
    public DateWords dateWords() { return dateWords; }

    /** The keyword's number, adding it when new. */
    public synchronized int add(String keyword) {
        Integer s = slots.get(keyword);
        if (s != null) return s;
        int slot = size;
        // Interned: a header then finds names written in code by identity (SlottedHeader.get).
        slots.put(keyword.intern(), slot);
        keySlots = new HeaderKeySlots();    // its answers of -1 may be wrong now
        ConditionedValues[] d = java.util.Arrays.copyOf(dictionaries, slot + 1);
        d[slot] = new ConditionedValues(DICTIONARY_CAPACITY);
        dictionaries = d;
        size = slot + 1;
        return slot;
    }

    /** The keyword's number, or -1 when no mapping of this space reads it. */
    public int slot(Object keyword) {
        Integer s = slots.get(keyword);
        return s == null ? -1 : s;
    }

    /** The numbered keywords in number order (so another space can be given the same numbers). */
    public synchronized String[] keywords() {
        String[] out = new String[size];
        for (Map.Entry<String, Integer> e : slots.entrySet()) out[e.getValue()] = e.getKey();
        return out;
    }

    /** How many keywords are numbered (the length a value array needs). */
    public int size() { return size; }

    /** Marks a header value that is Python's {@code None} in {@link #rawValues}. */
    public static final String NONE = new String("None");

    /**
     * The values of {@code header} indexed by the number of each key upper-cased (CRDS's
     * {@code condition_header} keys; when two keys collide the later value wins, as in a Python
     * dict). Keys this space does not know are skipped; a null value is stored as {@link #NONE}.
     * Values are not conditioned.
     */
    public String[] rawValues(Map<String, String> header) {
        HeaderKeySlots known = keySlots;     // read before size: its answers hold for at least this size
        String[] out = new String[size];
        for (Map.Entry<String, String> e : header.entrySet()) {
            String key = e.getKey();
            int s = known.slot(key);
            if (s == -2) {
                s = slot(Conditioning.upper(key));
                known.remember(key, s);
            }
            if (s >= 0 && s < out.length) {
                String v = e.getValue();
                out[s] = v == null ? NONE : v;
            }
        }
        return out;
    }

    /**
     * The conditioned value of a slot of {@link #rawValues} (null when absent), as a conditioned
     * header reads it: the canonical instance from the keyword's dictionary while it has room.
     */
    public String conditioned(String[] raw, int slot) {
        String v = slot < raw.length ? raw[slot] : null;
        if (v == null) return null;
        if (v == NONE) return "NONE";
        return condition(slot, v);
    }

    /**
     * The dictionary of conditioned values of keyword {@code slot} (made with the slot and never
     * replaced, so a caller may keep it).
     */
    public ConditionedValues dictionary(int slot) {
        return dictionaries[slot];
    }

    /**
     * {@link Conditioning#conditionValue}{@code (raw)} for keyword {@code slot}: the canonical
     * instance from the keyword's dictionary while it has room.
     */
    public String condition(int slot, String raw) {
        ConditionedValues[] d = dictionaries;
        return slot < d.length ? d[slot].condition(raw) : Conditioning.conditionValue(raw);
    }
}
