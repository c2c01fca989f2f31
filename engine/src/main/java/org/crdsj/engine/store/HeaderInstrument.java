package org.crdsj.engine.store;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The instrument CRDS's bestrefs program reads from a dataset header (its
 * {@code header_to_instrument}): the first of the usual instrument keywords, each tried in upper
 * then lower case, whose value is present and not {@code UNDEFINED}/{@code undefined}; the exact
 * synonyms {@code hst} and {@code wfii} become {@code synphot} and {@code wfpc2}; the result is
 * upper-cased. Whitespace is kept: {@code ' ACS '} is its own (unknown) instrument.
 */
public final class HeaderInstrument {
    /** Where CRDS looks, in order. */
    public static final List<String> KEYWORDS = org.crdsj.engine.rules.PipelineContext.INSTRUMENT_KEYWORDS;
    private static final String[] UPPER = KEYWORDS.toArray(String[]::new);
    private static final String[] LOWER = KEYWORDS.stream().map(k -> k.toLowerCase(Locale.ROOT)).toArray(String[]::new);

    private HeaderInstrument() {}

    /** The instrument, or empty when no keyword names one (CRDS: "No instrument keyword defined in header."). */
    public static Optional<String> of(Map<String, String> header) {
        for (int i = 0; i < UPPER.length; i++) {
            String v = header.get(UPPER[i]);
            if (v == null) v = header.get(LOWER[i]);
            if (v != null && !v.equals("UNDEFINED") && !v.equals("undefined")) return Optional.of(fix(v));
        }
        return Optional.empty();
    }

    /** True when {@code keyword} is one the instrument may be read from (either spelling). */
    public static boolean isInstrumentKeyword(String keyword) {
        for (int i = 0; i < UPPER.length; i++) if (UPPER[i].equals(keyword) || LOWER[i].equals(keyword)) return true;
        return false;
    }

    private static String fix(String v) {
        if (v.equals("hst")) return "SYNPHOT";
        if (v.equals("wfii")) return "WFPC2";
        return v.toUpperCase(Locale.ROOT);
    }
}
