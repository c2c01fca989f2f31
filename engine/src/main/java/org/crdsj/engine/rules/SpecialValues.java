package org.crdsj.engine.rules;

/** The values that stand for "not applicable" and "omitted" instead of a file name. */
public final class SpecialValues {
    private SpecialValues() {}

    public static boolean isNa(String v) {
        switch (v) {
            case "N/A": case "TEMP_N/A": case "n/a": case "temp_n/a": return true;
            default: return false;
        }
    }

    /** Note {@code temp_n/a} is in CRDS's omit set too, but the N/A test always comes first. */
    public static boolean isOmit(String v) {
        switch (v) {
            case "OMIT": case "TEMP_OMIT": case "omit": case "temp_n/a": return true;
            default: return false;
        }
    }

    public static boolean isSpecial(String v) { return isNa(v) || isOmit(v); }
}
