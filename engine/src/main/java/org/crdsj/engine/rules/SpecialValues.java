package org.crdsj.engine.rules;

import java.util.Set;

/** The values that stand for "not applicable" and "omitted" instead of a file name. */
public final class SpecialValues {
    private SpecialValues() {}

    private static final Set<String> NA = Set.of("N/A", "TEMP_N/A", "n/a", "temp_n/a");
    private static final Set<String> OMIT = Set.of("OMIT", "TEMP_OMIT", "omit", "temp_n/a");

    public static boolean isNa(String v) { return NA.contains(v); }

    public static boolean isOmit(String v) { return OMIT.contains(v); }

    public static boolean isSpecial(String v) { return isNa(v) || isOmit(v); }
}
