package org.crdsj.engine.diff;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of two file names is the more recent, judged from the names alone as CRDS does
 * ({@code naming.newer}, used by {@code crds diff --check-diffs} to tell updates from reversions):
 * CRDS-style names by serial number within one extension (else by extension: FITS before JSON,
 * YAML, ASDF), CDBS-style names by plain text order, and a CRDS name newer than an old CDBS one.
 */
public final class NameOrder {
    private NameOrder() {}

    private static final List<String> OBSERVATORIES = List.of("hst", "jwst", "roman", "tobs");
    private static final Pattern OLD_CDBS = Pattern.compile("[A-Za-z][A-Za-z0-9]{8}_[A-Za-z0-9]{1,8}\\.[A-Za-z0-9]{1,6}");
    private static final Pattern NEW_CDBS = Pattern.compile("[0-9][A-Za-z0-9]{8}_[A-Za-z0-9]{1,8}\\.[A-Za-z0-9]{1,6}");
    private static final Pattern NEW_SYNPHOT = Pattern.compile("[0-9][a-zA-Z0-9]{7}m_(tmc|tmg|tmt)\\.[A-Za-z0-9]{1,6}");
    private static final Pattern OLD_SYNPHOT = Pattern.compile("[A-Za-z][a-zA-Z0-9]{7}m_(tmc|tmg|tmt)\\.[A-Za-z0-9]{1,6}");
    private static final Pattern SERIAL = Pattern.compile("_(\\d+)\\.\\w+");

    /** The naming family of a file name; {@code unclassified} is reported by CRDS and treated as old CDBS. */
    public enum Family { CRDS, OLD_SYNPHOT, NEW_SYNPHOT, OLD_CDBS, NEW_CDBS }

    /** A verdict: {@code newer} when known; otherwise the pair of families CRDS cannot compare. */
    public record Verdict(Optional<Boolean> newer, Family first, Family second) {}

    /** The family of a base name, or empty when it fits none (CRDS then warns and assumes old CDBS). */
    public static Optional<Family> classify(String name) {
        if (name.equals("N/A") || OBSERVATORIES.stream().anyMatch(name::startsWith)) return Optional.of(Family.CRDS);
        if (OLD_SYNPHOT.matcher(name).matches()) return Optional.of(Family.OLD_SYNPHOT);
        if (NEW_SYNPHOT.matcher(name).matches()) return Optional.of(Family.NEW_SYNPHOT);
        if (OLD_CDBS.matcher(name).matches()) return Optional.of(Family.OLD_CDBS);
        if (NEW_CDBS.matcher(name).matches()) return Optional.of(Family.NEW_CDBS);
        return Optional.empty();
    }

    /** Is {@code name1} more recent than {@code name2}? Paths are reduced to base names first. */
    public static Verdict newer(String name1, String name2) {
        name1 = basename(name1);
        name2 = basename(name2);
        Family a = classify(name1).orElse(Family.OLD_CDBS), b = classify(name2).orElse(Family.OLD_CDBS);
        if (name1.equals("N/A")) return new Verdict(Optional.of(false), a, b);
        if (name2.equals("N/A")) return new Verdict(Optional.of(true), a, b);
        Boolean result = null;
        if (a == b) {
            if (a == Family.CRDS) {
                double ra = extensionRank(name1), rb = extensionRank(name2);
                result = ra == rb ? serial(name1).compareTo(serial(name2)) > 0 : ra > rb;
            } else {
                result = org.crdsj.engine.values.CodePointOrder.compare(name1, name2) > 0;
            }
        } else if (a == Family.CRDS && b == Family.OLD_CDBS || a == Family.NEW_CDBS && b == Family.OLD_CDBS
                || a == Family.NEW_SYNPHOT && b == Family.OLD_SYNPHOT) {
            result = true;
        } else if (b == Family.CRDS && a == Family.OLD_CDBS || b == Family.NEW_CDBS && a == Family.OLD_CDBS
                || b == Family.NEW_SYNPHOT && a == Family.OLD_SYNPHOT) {
            result = false;
        }
        return new Verdict(Optional.ofNullable(result), a, b);
    }

    /** CRDS's spelling of a family in its warnings: {@code crds}, {@code oldcdbs}, {@code newsynphot}, ... */
    public static String crdsName(Family f) {
        return f.name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
    }

    static double extensionRank(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot <= 0 ? "" : name.substring(dot);
        if (ext.matches("\\.r\\d[hd].*")) return 0.0;
        switch (ext) {
            case ".fits": return 1.0;
            case ".json": return 2.0;
            case ".yaml": return 3.0;
            case ".asdf": return 4.0;
            default: return 5.0;
        }
    }

    static java.math.BigInteger serial(String name) {
        Matcher m = SERIAL.matcher(name);
        return m.find() ? new java.math.BigInteger(m.group(1)) : java.math.BigInteger.ONE.negate();
    }

    private static String basename(String name) {
        if (name.equals("N/A")) return name;
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
