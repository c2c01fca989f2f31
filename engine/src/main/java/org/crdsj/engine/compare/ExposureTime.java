package org.crdsj.engine.compare;

import java.util.function.Function;

/**
 * A dataset's exposure time as CRDS's {@code --datasets-since} reads it ({@code matches.get_exptime}):
 * the text {@code DATE + " " + TIME} of the first pair of keywords both present, else
 * {@code 1900-01-01 00:00:00}. CRDS's single-keyword entries ({@code META.EXPOSURE.START_TIME},
 * ...) never match, a quirk kept here. Keywords are read exactly as spelled.
 */
public final class ExposureTime {
    static final String[][] PAIRS = {
        {"DATE-OBS", "TIME-OBS"},
        {"META.OBSERVATION.DATE", "META.OBSERVATION.TIME"},
        {"META_OBSERVATION_DATE", "META_OBSERVATION_TIME"},
    };

    private ExposureTime() {}

    /** The exposure time of a header given as a keyword lookup (null: absent). */
    public static String of(Function<String, String> header) {
        for (String[] pair : PAIRS) {
            String d = header.apply(pair[0]);
            if (d == null) continue;
            String t = header.apply(pair[1]);
            if (t == null) continue;
            return d + " " + t;
        }
        return DatasetsSince.MIN_DATE;
    }
}
