package org.crdsj.engine.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crdsj.engine.values.PythonRepr;
import org.crdsj.engine.values.PythonStrings;

/**
 * The comparison of one dataset's old and new best references, exactly as CRDS's bestrefs
 * program does it ({@code _compare_bestrefs} and {@code handle_na_and_not_found}): normalise each
 * side of each type, count failed sides as errors, put a failed new side on the kill list, record
 * an update when the sides differ. Pure: the same inputs always give the same outcome.
 */
public final class DatasetComparison {
    /** The value of a type whose result is several files (CRDS's program fails on it). */
    public static final String MULTIPLE = "\u0000multiple";

    private DatasetComparison() {}

    /** One side after normalisation: usable or failed, and the value compared. */
    public record Normalized(boolean ok, String value) {}

    /**
     * Compares one dataset. {@code types} are the upper-case type names in the union of both
     * sides, sorted (CRDS sorts the upper-case names); {@code oldValues}/{@code newValues} hold
     * each type's value as CRDS's dictionary has it, null when absent.
     */
    public static DatasetOutcome compare(String instrument, List<String> types, String[] oldValues, String[] newValues,
                                         ComparisonOptions options) {
        List<TrackedError> errors = new ArrayList<>(0);
        List<Update> updates = new ArrayList<>(0);
        boolean killed = false;
        for (int i = 0; i < types.size(); i++) {
            String filekind = types.get(i).toLowerCase(Locale.ROOT);
            String oldRaw = oldValues[i], newRaw = newValues[i];
            if (oldRaw == null && newRaw == null) continue;     // omitted on both sides: not in either dictionary
            if (MULTIPLE.equals(oldRaw) || MULTIPLE.equals(newRaw)) {
                // CRDS's cleanpath() cannot take a tuple: the dataset ends with an untracked error.
                Normalized o = MULTIPLE.equals(oldRaw) ? null : normalize(instrument, filekind, "Old:", oldRaw, options, errors);
                if (o != null) normalize(instrument, filekind, "New:", newRaw, options, errors);
                return DatasetOutcome.failed(instrument, errors,
                        "'tuple' object has no attribute 'startswith'", false);
            }
            Normalized old = normalize(instrument, filekind, "Old:", oldRaw, options, errors);
            Normalized neu = normalize(instrument, filekind, "New:", newRaw, options, errors);
            if (!neu.ok()) {
                killed = true;
                continue;
            }
            if (!neu.value().equals(old.value())) {
                if (options.differencesAreErrors()) {
                    if ((!old.value().equals("N/A") && !neu.value().equals("N/A")) || options.naDifferencesMatter()) {
                        errors.add(new TrackedError(instrument, filekind, "Comparison difference: "
                                + lowRepr(old.value()) + " --> " + lowRepr(neu.value()) + " :: Would update."));
                    }
                }
                updates.add(new Update(filekind, old.value(), neu.value()));
            }
        }
        return new DatasetOutcome(instrument, errors, updates, killed, null, false);
    }

    /** CRDS's {@code sreprlow}: the repr of the text, lower-cased. */
    public static String lowRepr(String s) {
        return PythonRepr.str(s).toLowerCase(Locale.ROOT);
    }

    static Normalized normalize(String instrument, String filekind, String side, String raw, ComparisonOptions options,
                                List<TrackedError> errors) {
        return normalize(instrument, filekind, side, raw, options.undefinedDifferencesMatter(), errors);
    }

    /**
     * CRDS's {@code handle_na_and_not_found} for one side ({@code side} is {@code "Old:"} or
     * {@code "New:"}; {@code raw} null when the type is absent); an error is appended when the
     * side fails.
     */
    public static Normalized normalize(String instrument, String filekind, String side, String raw,
                                       boolean undefinedDifferencesMatter, List<TrackedError> errors) {
        String org = PythonStrings.strip(cleanPath(raw == null ? "UNDEFINED" : raw));
        String ref = org.toUpperCase(Locale.ROOT);
        if (ref.startsWith("NOT FOUND N/A")) return new Normalized(true, "N/A");
        if (ref.equals("NOT FOUND NO MATCH FOUND.") || ref.equals("UNDEFINED") || ref.equals("NONE") || ref.isEmpty()
                || ref.equals("*")) {
            if (undefinedDifferencesMatter) {
                errors.add(new TrackedError(instrument, filekind, side + " No match found: " + PythonRepr.str(org)));
                return new Normalized(false, ref);
            }
            return new Normalized(true, "N/A");
        }
        if (ref.startsWith("NOT FOUND")) {
            errors.add(new TrackedError(instrument, filekind, side + " Bestref FAILED: " + org.substring("NOT FOUND".length())));
            return new Normalized(false, ref);
        }
        return new Normalized(true, ref);
    }

    /** CRDS's {@code cleanpath}: {@code jref$x.fits} to {@code x.fits}, {@code crds://x} to {@code x}. */
    static String cleanPath(String name) {
        if (name.contains("ref$")) return PythonStrings.strip(name.substring(name.lastIndexOf('$') + 1));
        if (name.startsWith("crds://")) return name.substring("crds://".length());
        return name;
    }
}
