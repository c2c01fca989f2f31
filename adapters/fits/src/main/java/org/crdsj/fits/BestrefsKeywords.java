package org.crdsj.fits;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.crdsj.engine.observatory.Observatory;

/**
 * The keywords and values CRDS writes into a dataset's primary header for {@code crds bestrefs
 * --update-bestrefs} ({@code headers.update_file_bestrefs}): {@code CRDS_CTX} (the context),
 * {@code CRDS_VER} (the client version), then one keyword per reference type in type order,
 * holding {@code <prefix><reference>} in lower case, or {@code N/A}.
 */
public final class BestrefsKeywords {
    private BestrefsKeywords() {}

    /**
     * The value CRDS_VER gets: CRDS's own is {@code "<version>, <branch>, <revision>"}; ours names
     * the CRDS version whose behaviour is reproduced, then this program.
     */
    public static final String VERSION = "13.2.7, crds-j, 0.1.0";

    /**
     * The directory prefix a reference name gets for an instrument: HST's IRAF prefixes
     * ({@code jref$} for ACS, ...); {@code crds://} for JWST and Roman.
     *
     * @throws IllegalArgumentException for an HST instrument without a prefix (CRDS raises too)
     */
    public static String prefix(Observatory observatory, String instrument) {
        if (observatory != Observatory.HST) return "crds://";
        switch (instrument.toUpperCase(Locale.ROOT)) {
            case "ACS": return "jref$";
            case "STIS": return "oref$";
            case "NICMOS": return "nref$";
            case "WFPC2": return "uref$";
            case "WFC3": return "iref$";
            case "COS": return "lref$";
            case "MULTI": return "mtab$";
            case "SYNPHOT": return "ttab$";
            default: throw new IllegalArgumentException("no IRAF prefix for HST instrument '" + instrument + "'");
        }
    }

    /**
     * The header keyword of a reference type: HST the type upper-cased ({@code DARKFILE}). JWST
     * records the data-model keyword (e.g. {@code R_FLAT}), which comes from the JWST schemas we
     * do not have: the type upper-cased, CRDS's own fallback. Roman has none.
     *
     * @throws UnsupportedOperationException for Roman (CRDS raises NotImplementedError)
     */
    public static String keyword(Observatory observatory, String filekind) {
        if (observatory == Observatory.ROMAN) {
            throw new UnsupportedOperationException("filekind_to_keyword not implemented for Roman");
        }
        return filekind.toUpperCase(Locale.ROOT);
    }

    /**
     * The complete set of keyword values for one dataset, in the order CRDS sets them.
     *
     * @param newReferences type (any case) to the new reference as bestrefs normalised it: a bare
     *     upper- or lower-case file name, or {@code N/A}
     */
    public static Map<String, String> assignments(Observatory observatory, String instrument, String context,
                                                  String version, SortedMap<String, String> newReferences) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("CRDS_CTX", context);
        out.put("CRDS_VER", version);
        String prefix = prefix(observatory, instrument);   // CRDS asks first, whatever the values
        for (Map.Entry<String, String> e : newReferences.entrySet()) {
            String ref = e.getValue().toUpperCase(Locale.ROOT);
            if (!ref.equals("N/A")) {
                ref = (prefix + ref).toLowerCase(Locale.ROOT);
            }
            out.put(keyword(observatory, e.getKey()), ref);
        }
        return out;
    }
}
