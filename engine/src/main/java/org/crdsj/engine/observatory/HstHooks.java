package org.crdsj.engine.observatory;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.values.Conditioning;
import org.crdsj.engine.values.DateTimeFormatError;
import org.crdsj.engine.values.PythonFloat;
import org.crdsj.engine.values.Timestamps;

/**
 * HST's instrument hooks: header rewrites that CDBS applied in code rather than in rules. They are
 * found by function name, either named in an rmap's {@code hooks} header or implied by the
 * convention {@code <point>_<instrument>_<filekind>_v1}.
 *
 * <ul>
 * <li>ACS BIASFILE (v1 on NUMCOLS/NUMROWS; v2, v3 on NAXIS1/NAXIS2): before SM4 the aperture does
 *     not matter and wide readouts of amps A/D or B/C become AD or BC; full-frame WFC row counts
 *     are halved. v2/v3 fall back to full-frame values when the first lookup fails.</li>
 * <li>WFC3 BIASFILE: a subarray exposure whose aperture is not a SUB aperture matches any aperture.</li>
 * <li>WFPC2 FLATFILE: the fallback swaps FILTER1 and FILTER2.</li>
 * </ul>
 * A missing keyword raises Python's KeyError, as CRDS's hooks do.
 */
final class HstHooks {
    private HstHooks() {}

    private static final String SM4 = "2009-05-14 00:00:00";
    private static final String PRE_SM4_SUBARRAY = "2002-03-30 00:00:00";
    private static final int ACS_HALF_CHIP_COLS = 2048;

    static Optional<HeaderHook> find(String name) {
        switch (name) {
            case "precondition_header_acs_biasfile_v1": return Optional.of(h -> acsBias(h, "NUMCOLS", "NUMROWS"));
            case "precondition_header_acs_biasfile_v2": return Optional.of(h -> acsBias(h, "NAXIS1", "NAXIS2"));
            case "fallback_header_acs_biasfile_v2": return Optional.of(h -> fullFrame(acsBias(h, "NAXIS1", "NAXIS2"), "LTV1", "LTV2"));
            case "precondition_header_acs_biasfile_v3": return Optional.of(HstHooks::acsBiasV3);
            case "fallback_header_acs_biasfile_v3": return Optional.of(h -> fullFrame(acsBiasV3(h), "RAW_LTV1", "RAW_LTV2"));
            case "precondition_header_wfc3_biasfile_v1": return Optional.of(HstHooks::wfc3Bias);
            case "fallback_header_wfpc2_flatfile_v1": return Optional.of(HstHooks::wfpc2FlatFallback);
            default: return Optional.empty();
        }
    }

    private static String get(Map<String, String> h, String key) {
        String v = h.get(key);
        if (v == null) throw LookupFailure.keyError(key);
        return v;
    }

    private static String exposureTime(Map<String, String> h) {
        String joined = get(h, "DATE-OBS") + " " + get(h, "TIME-OBS");
        try {
            return Timestamps.reformatDate(joined);
        } catch (DateTimeFormatError e) {
            throw LookupFailure.fromDateError(e);
        }
    }

    /** Python {@code int(float(s))}, or null where that raises ValueError (CRDS ignores those). */
    private static BigDecimal truncatedNumber(String s) {
        var d = PythonFloat.parse(s);
        if (d.isEmpty() || Double.isNaN(d.getAsDouble())) return null;
        if (Double.isInfinite(d.getAsDouble())) {
            throw LookupFailure.other("OverflowError", "cannot convert float infinity to integer");
        }
        return new BigDecimal(d.getAsDouble()).setScale(0, java.math.RoundingMode.DOWN);
    }

    private static Map<String, String> acsBias(Map<String, String> in, String colsKey, String rowsKey) {
        Map<String, String> h = new LinkedHashMap<>(in);
        String exptime = exposureTime(h);
        if (exptime.compareTo(SM4) < 0) h.put("APERTURE", "N/A");
        BigDecimal cols = truncatedNumber(get(h, colsKey));
        if (cols != null) {
            h.put(colsKey, Conditioning.conditionValue(cols.toBigInteger().toString()));
            if (exposureTime(h).compareTo(SM4) < 0 && cols.compareTo(BigDecimal.valueOf(ACS_HALF_CHIP_COLS)) > 0) {
                String amp = get(h, "CCDAMP");
                if (amp.equals("A") || amp.equals("D")) h.put("CCDAMP", "AD");
                else if (amp.equals("B") || amp.equals("C")) h.put("CCDAMP", "BC");
            }
        }
        if (get(h, "DETECTOR").equals("WFC") && get(h, "XCORNER").equals("0.0") && get(h, "YCORNER").equals("0.0")) {
            BigDecimal rows = truncatedNumber(get(h, rowsKey));
            if (rows != null) {
                double half = rows.doubleValue() / 2;   // Python true division of an int
                h.put(rowsKey, Conditioning.conditionValue(PythonFloat.repr(half)));
            }
        }
        return h;
    }

    private static Map<String, String> acsBiasV3(Map<String, String> in) {
        String exptime = exposureTime(in);
        if (!preconditionRequired(in, exptime)) return new LinkedHashMap<>(in);
        return acsBias(in, "NAXIS1", "NAXIS2");
    }

    private static boolean preconditionRequired(Map<String, String> h, String exptime) {
        if (!get(h, "DETECTOR").equals("WFC")) return true;
        if (exptime.compareTo(PRE_SM4_SUBARRAY) < 0) return true;
        if (!h.containsKey("APERTURE") || h.get("APERTURE").equals("UNDEFINED")) return true;
        String gain = get(h, "CCDGAIN");
        var g = PythonFloat.parse(gain);
        if (g.isEmpty()) {
            throw LookupFailure.valueError("could not convert string to float: " + org.crdsj.engine.values.PythonRepr.str(gain));
        }
        if (g.getAsDouble() == 4.0 || g.getAsDouble() == 8.0) return true;
        String amp = get(h, "CCDAMP");
        return amp.equals("AD") || amp.equals("BC");
    }

    private static Map<String, String> fullFrame(Map<String, String> h, String ltv1, String ltv2) {
        if (get(h, "DETECTOR").equals("WFC")) {
            h.put("NAXIS1", "4144.0");
            h.put("NAXIS2", "2068.0");
            h.put(ltv1, "24.0");
            h.put(ltv2, "0.0");
        } else {
            h.put("NAXIS1", "1062.0");
            h.put("NAXIS2", "1044.0");
            h.put(ltv1, "19.0");
            String amp = get(h, "CCDAMP");
            h.put(ltv2, amp.equals("C") || amp.equals("D") ? "0.0" : "20.0");
        }
        return h;
    }

    private static Map<String, String> wfc3Bias(Map<String, String> in) {
        Map<String, String> h = new LinkedHashMap<>(in);
        if (get(h, "SUBARRAY").equals("T") && !get(h, "APERTURE").contains("SUB")) h.put("APERTURE", "N/A");
        return h;
    }

    private static Map<String, String> wfpc2FlatFallback(Map<String, String> in) {
        Map<String, String> h = new LinkedHashMap<>(in);
        String f1 = get(h, "FILTER1"), f2 = get(h, "FILTER2");
        h.put("FILTER1", f2);
        h.put("FILTER2", f1);
        return h;
    }
}
