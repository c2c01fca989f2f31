package org.crdsj.engine.compare;

import java.util.Locale;
import org.crdsj.engine.values.PythonRepr;

/**
 * An error CRDS's bestrefs tracks by class: (instrument, TYPE, text), the dataset left out. Its
 * log message is {@code instrument='ACS' type='DARKFILE' data='<id>' ::  <text>}.
 */
public record TrackedError(String instrument, String filekind, String text) {

    /** The message CRDS logs for dataset {@code id} (a compound id whose halves are equal shows once). */
    public String message(String id) {
        return prefix(instrument, filekind, shortId(id)) + text;
    }

    /** The start of CRDS's per-dataset, per-type log lines: {@code instrument='ACS' type='DARKFILE' data='<id>' ::  }. */
    public static String prefix(String instrument, String filekind, String id) {
        return "instrument=" + PythonRepr.str(instrument.toUpperCase(Locale.ROOT)) + " type="
                + PythonRepr.str(filekind.toUpperCase(Locale.ROOT)) + " data=" + PythonRepr.str(id) + " ::  ";
    }

    /** The class CRDS counts it under (and stops printing after {@code --max-errors-per-class}). */
    public String classKey() {
        return instrument + " " + filekind.toUpperCase(Locale.ROOT) + " " + text;
    }

    /** CRDS shows {@code X:X} as {@code X} in error messages. */
    static String shortId(String id) {
        String[] parts = id.split(":", -1);
        return parts[0].equals(parts[parts.length - 1]) ? parts[0] : id;
    }
}
