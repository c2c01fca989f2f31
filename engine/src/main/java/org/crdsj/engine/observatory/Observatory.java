package org.crdsj.engine.observatory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What differs between HST, JWST and Roman at lookup time: keys every rmap also requires, the
 * instrument hooks, and HST's "do not reprocess" rule.
 */
public enum Observatory {
    HST(List.of()),
    JWST(List.of("META.VISIT.TSOVISIT", "META.INSTRUMENT.LAMP_STATE")),
    ROMAN(List.of());

    private final List<String> extraKeys;

    Observatory(List<String> extraKeys) { this.extraKeys = extraKeys; }

    /** Keys added to every rmap's required parameters. */
    public List<String> extraKeys() { return extraKeys; }

    /** Lower-case name, as in mapping file names ({@code hst}). */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** The observatory a mapping name belongs to (the part before the first {@code _}), if known. */
    public static Optional<Observatory> fromName(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        int u = base.indexOf('_');
        String prefix = (u < 0 ? base.replaceFirst("\\..*$", "") : base.substring(0, u)).toLowerCase(Locale.ROOT);
        return fromId(prefix);
    }

    public static Optional<Observatory> fromId(String id) {
        for (Observatory o : values()) if (o.id().equals(id.toLowerCase(Locale.ROOT))) return Optional.of(o);
        return Optional.empty();
    }

    /** The named hook function of this observatory, if it exists (only HST has any). */
    public Optional<HeaderHook> hook(String functionName) {
        return this == HST ? HstHooks.find(functionName) : Optional.empty();
    }

    /**
     * HST's do-not-reprocess rule: a failed lookup for an ACS WFC dataset with CCDGAIN 0.5 or 1.4
     * means "not applicable". Any error while checking means no.
     */
    public boolean doNotReprocess(Map<String, String> header) {
        if (this != HST) return false;
        String detector = header.get("DETECTOR");
        String gain = header.get("CCDGAIN");
        if (detector == null || gain == null || !detector.equals("WFC")) return false;
        var g = org.crdsj.engine.values.PythonFloat.parse(gain);
        return g.isPresent() && (g.getAsDouble() == 0.5 || g.getAsDouble() == 1.4);
    }
}
