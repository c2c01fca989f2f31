package org.crdsj.engine.compare;

import java.util.Locale;
import java.util.Map;

/**
 * A {@code --datasets-since} cut-off: one exposure time for every instrument, or one per
 * instrument (lower-case) with {@code 1900-01-01 00:00:00} for the others. Times are compared
 * as strings, as CRDS compares them.
 */
public record DatasetsSince(String all, Map<String, String> perInstrument) {
    public static final String MIN_DATE = "1900-01-01 00:00:00";

    public DatasetsSince {
        perInstrument = perInstrument == null ? Map.of() : Map.copyOf(perInstrument);
    }

    public static DatasetsSince of(String date) {
        return new DatasetsSince(date, null);
    }

    /** The cut-off for an instrument (as CRDS reads it, any case). */
    public String cutoff(String instrument) {
        if (all != null) return all;
        return perInstrument.getOrDefault(instrument.toLowerCase(Locale.ROOT), MIN_DATE);
    }

    /** True when a dataset with this exposure time is kept. */
    public boolean keeps(String instrument, String exposureTime) {
        return exposureTime.compareTo(cutoff(instrument)) >= 0;
    }
}
