package org.crdsj.engine.values;

/**
 * A date/time string CRDS cannot parse. Carries the Python exception class CRDS would raise
 * ({@code ValueError}, {@code IndexError}, {@code OverflowError} or CRDS's
 * {@code InvalidDatetimeError}) and Python's exact message, which CRDS embeds in its own errors
 * (e.g. {@code ... exception is 'day is out of range for month'}).
 */
public final class DateTimeFormatError extends RuntimeException implements DateOrError {
    private static final long serialVersionUID = 1L;

    private final String pythonType;

    /** @param pythonType the Python exception class name; @param message Python's message text */
    public DateTimeFormatError(String pythonType, String message) {
        super(message, null, false, false);
        this.pythonType = pythonType;
        this.source = null;
    }

    private final transient java.util.function.Supplier<String> source;   // null: the message was given
    private volatile String message;

    /**
     * An error whose message {@code source} makes when first read: bad dates are ordinary lookup
     * outcomes, and their messages (Python reprs) cost more than finding that they are bad.
     */
    DateTimeFormatError(String pythonType, java.util.function.Supplier<String> source) {
        super(null, null, false, false);
        this.pythonType = pythonType;
        this.source = source;
    }

    @Override
    public String getMessage() {
        if (source == null) return super.getMessage();
        String m = message;    // racy but safe: every writer writes an equal String
        if (m == null) message = m = source.get();
        return m;
    }

    /** The Python exception class name, e.g. {@code ValueError}. */
    public String pythonType() {
        return pythonType;
    }

    /** True for CRDS's InvalidDatetimeError (an UNDEFINED date/time value). */
    public boolean isUndefined() {
        return "InvalidDatetimeError".equals(pythonType);
    }
}
