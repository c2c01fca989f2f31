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
            case "precondition_header_acs_biasfile_v1": return Optional.of(h -> acsBias(new Edit(h), "NUMCOLS", "NUMROWS").changes);
            case "precondition_header_acs_biasfile_v2": return Optional.of(h -> acsBias(new Edit(h), "NAXIS1", "NAXIS2").changes);
            case "fallback_header_acs_biasfile_v2":
                return Optional.of(h -> fullFrame(acsBias(new Edit(h), "NAXIS1", "NAXIS2"), "LTV1", "LTV2").changes);
            case "precondition_header_acs_biasfile_v3": return Optional.of(h -> acsBiasV3(new Edit(h)).changes);
            case "fallback_header_acs_biasfile_v3":
                return Optional.of(h -> fullFrame(acsBiasV3(new Edit(h)), "RAW_LTV1", "RAW_LTV2").changes);
            case "precondition_header_wfc3_biasfile_v1": return Optional.of(h -> wfc3Bias(new Edit(h)).changes);
            case "fallback_header_wfpc2_flatfile_v1": return Optional.of(h -> wfpc2FlatFallback(new Edit(h)).changes);
            default: return Optional.empty();
        }
    }

    /** A header being rewritten by a hook: reads see the changes made so far, which are all it keeps. */
    private static final class Edit {
        final Map<String, String> base;
        final Map<String, String> changes = new LinkedHashMap<>(8);

        Edit(Map<String, String> base) { this.base = base; }

        /** The value, or null when absent. */
        String peek(String key) {
            String v = changes.get(key);
            return v != null ? v : base.get(key);
        }

        /** The value; Python's KeyError when absent. */
        String get(String key) {
            String v = peek(key);
            if (v == null) throw LookupFailure.keyError(key);
            return v;
        }

        boolean has(String key) { return changes.containsKey(key) || base.containsKey(key); }

        void put(String key, String value) { changes.put(key, value); }
    }

    /**
     * The dataset's exposure time, {@code DATE-OBS TIME-OBS} re-formatted. Every ACS bias hook of
     * a dataset asks for it, several times: each thread remembers its last answer (a pure function
     * of the two values).
     */
    private static String exposureTime(Edit h) {
        String date = h.get("DATE-OBS"), time = h.get("TIME-OBS");
        Object[] last = LAST_TIME.get();
        if (last[0] != null && sameText((String) last[0], date) && sameText((String) last[1], time)) {
            if (last[2] instanceof LookupFailure f) throw f;
            return (String) last[2];
        }
        Object result;
        try {
            result = Timestamps.reformatDate(date + " " + time);
        } catch (DateTimeFormatError e) {
            result = LookupFailure.fromDateError(e);
        }
        last[0] = date;
        last[1] = time;
        last[2] = result;
        if (result instanceof LookupFailure f) throw f;
        return (String) result;
    }

    private static final ThreadLocal<Object[]> LAST_TIME = ThreadLocal.withInitial(() -> new Object[3]);

    private static boolean sameText(String a, String b) {
        return a == b || a.equals(b);
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

    private static Edit acsBias(Edit h, String colsKey, String rowsKey) {
        String exptime = exposureTime(h);
        if (exptime.compareTo(SM4) < 0) h.put("APERTURE", "N/A");
        BigDecimal cols = truncatedNumber(h.get(colsKey));
        if (cols != null) {
            h.put(colsKey, Conditioning.conditionValue(cols.toBigInteger().toString()));
            if (exposureTime(h).compareTo(SM4) < 0 && cols.compareTo(BigDecimal.valueOf(ACS_HALF_CHIP_COLS)) > 0) {
                String amp = h.get("CCDAMP");
                if (amp.equals("A") || amp.equals("D")) h.put("CCDAMP", "AD");
                else if (amp.equals("B") || amp.equals("C")) h.put("CCDAMP", "BC");
            }
        }
        if (h.get("DETECTOR").equals("WFC") && h.get("XCORNER").equals("0.0") && h.get("YCORNER").equals("0.0")) {
            BigDecimal rows = truncatedNumber(h.get(rowsKey));
            if (rows != null) {
                double half = rows.doubleValue() / 2;   // Python true division of an int
                h.put(rowsKey, Conditioning.conditionValue(PythonFloat.repr(half)));
            }
        }
        return h;
    }

    private static Edit acsBiasV3(Edit h) {
        String exptime = exposureTime(h);
        if (!preconditionRequired(h, exptime)) return h;
        return acsBias(h, "NAXIS1", "NAXIS2");
    }

    private static boolean preconditionRequired(Edit h, String exptime) {
        if (!h.get("DETECTOR").equals("WFC")) return true;
        if (exptime.compareTo(PRE_SM4_SUBARRAY) < 0) return true;
        if (!h.has("APERTURE") || "UNDEFINED".equals(h.peek("APERTURE"))) return true;
        String gain = h.get("CCDGAIN");
        var g = PythonFloat.parse(gain);
        if (g.isEmpty()) {
            throw LookupFailure.valueError("could not convert string to float: " + org.crdsj.engine.values.PythonRepr.str(gain));
        }
        if (g.getAsDouble() == 4.0 || g.getAsDouble() == 8.0) return true;
        String amp = h.get("CCDAMP");
        return amp.equals("AD") || amp.equals("BC");
    }

    private static Edit fullFrame(Edit h, String ltv1, String ltv2) {
        if (h.get("DETECTOR").equals("WFC")) {
            h.put("NAXIS1", "4144.0");
            h.put("NAXIS2", "2068.0");
            h.put(ltv1, "24.0");
            h.put(ltv2, "0.0");
        } else {
            h.put("NAXIS1", "1062.0");
            h.put("NAXIS2", "1044.0");
            h.put(ltv1, "19.0");
            String amp = h.get("CCDAMP");
            h.put(ltv2, amp.equals("C") || amp.equals("D") ? "0.0" : "20.0");
        }
        return h;
    }

    private static Edit wfc3Bias(Edit h) {
        if (h.get("SUBARRAY").equals("T") && !h.get("APERTURE").contains("SUB")) h.put("APERTURE", "N/A");
        return h;
    }

    private static Edit wfpc2FlatFallback(Edit h) {
        String f1 = h.get("FILTER1"), f2 = h.get("FILTER2");
        h.put("FILTER1", f2);
        h.put("FILTER2", f1);
        return h;
    }
}
