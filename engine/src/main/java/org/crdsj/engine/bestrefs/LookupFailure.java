package org.crdsj.engine.bestrefs;

/**
 * A failed lookup, as CRDS would raise it: the Python exception class name, the message (Python
 * {@code str(exception)}) and the category. Thrown inside the engine and turned into a
 * {@link Result.NotFound} value at the rmap boundary, so one failing type never aborts the others.
 *
 * <p>No stack trace is captured: failures are ordinary outcomes of lookups, not programming errors.
 */
public final class LookupFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pythonClass;
    private final ErrorCategory category;
    private final boolean fallsThrough;

    private final java.util.function.Supplier<String> lazyMessage;
    private volatile String message;

    public LookupFailure(String pythonClass, ErrorCategory category, String message) {
        super(null, null, false, false);
        this.pythonClass = pythonClass;
        this.category = category;
        this.fallsThrough = isLookupError(pythonClass);
        this.message = message;
        this.lazyMessage = null;
    }

    /**
     * A failure whose message is built only when asked for: lookups that fail are common and the
     * messages (Python reprs of values and lists) cost more than the lookup.
     */
    public LookupFailure(String pythonClass, ErrorCategory category, java.util.function.Supplier<String> message) {
        super(null, null, false, false);
        this.pythonClass = pythonClass;
        this.category = category;
        this.fallsThrough = isLookupError(pythonClass);
        this.lazyMessage = message;
    }

    @Override
    public String getMessage() {
        String m = message;
        if (m == null && lazyMessage != null) message = m = lazyMessage.get();
        return m;
    }

    private volatile Result.NotFound result;

    /** This failure as a result, made once (a remembered failure is reported by many lookups). */
    Result.NotFound result() {
        Result.NotFound r = result;
        if (r == null) {
            String m = message;
            result = r = m != null || lazyMessage == null ? new Result.NotFound(category, pythonClass, m)
                    : new Result.NotFound(category, pythonClass, this::getMessage);
        }
        return r;
    }

    /** The CRDS/Python exception class name, e.g. {@code MatchingError}. */
    public String pythonClass() { return pythonClass; }

    public ErrorCategory category() { return category; }

    /**
     * True for CRDS lookup errors (MatchingError, UseAfterError, VersionAfterError,
     * CrdsLookupError): a Match moves on to its next candidate group instead of failing.
     */
    public boolean fallsThrough() {
        return fallsThrough;
    }

    private static boolean isLookupError(String pythonClass) {
        switch (pythonClass) {
            case "MatchingError": case "UseAfterError": case "VersionAfterError": case "CrdsLookupError":
                return true;
            default:
                return false;
        }
    }

    // ---- the failures CRDS raises, by class ----

    public static LookupFailure noMatch() {
        return new LookupFailure("MatchingError", ErrorCategory.NO_MATCH, "No match found.");
    }

    public static LookupFailure useAfter(String message) {
        return new LookupFailure("UseAfterError", ErrorCategory.NO_USEAFTER, message);
    }

    public static LookupFailure useAfter(java.util.function.Supplier<String> message) {
        return new LookupFailure("UseAfterError", ErrorCategory.NO_USEAFTER, message);
    }

    public static LookupFailure versionAfter(String message) {
        return new LookupFailure("VersionAfterError", ErrorCategory.NO_USEAFTER, message);
    }

    public static LookupFailure allAttemptsFailed(LookupFailure last) {
        // Written when read: a nested UseAfter's "No selection" is common, and its text (a
        // formatted date) would otherwise be made on every such lookup.
        return new LookupFailure("CrdsLookupError", ErrorCategory.LOOKUP_FAILED, () ->
                "All lookup attempts failed." + (last == null ? "" : " last exception: " + last.getMessage()));
    }

    public static LookupFailure validation(ErrorCategory category, String message) {
        return new LookupFailure("ValidationError", category, message);
    }

    public static LookupFailure validation(ErrorCategory category, java.util.function.Supplier<String> message) {
        return new LookupFailure("ValidationError", category, message);
    }

    public static LookupFailure ambiguous(String message) {
        return new LookupFailure("AmbiguousMatchError", ErrorCategory.AMBIGUOUS, message);
    }

    public static LookupFailure invalidDatetime(String message) {
        return new LookupFailure("InvalidDatetimeError", ErrorCategory.BAD_DATETIME, message);
    }

    public static LookupFailure invalidDatetime(java.util.function.Supplier<String> message) {
        return new LookupFailure("InvalidDatetimeError", ErrorCategory.BAD_DATETIME, message);
    }

    /** Python KeyError: its text is the repr of the key. */
    public static LookupFailure keyError(String key) {
        return new LookupFailure("KeyError", ErrorCategory.PYTHON_KEY_ERROR,
                org.crdsj.engine.values.PythonRepr.str(key));
    }

    public static LookupFailure valueError(String message) {
        return new LookupFailure("ValueError", ErrorCategory.PYTHON_VALUE_ERROR, message);
    }

    /** Any other Python error class (TypeError, AttributeError, IndexError, AssertionError, ...). */
    public static LookupFailure other(String pythonClass, String message) {
        return new LookupFailure(pythonClass, ErrorCategory.OTHER, message);
    }

    /** A date/time parse error raised outside a selector (e.g. in a hook), with its Python class. */
    public static LookupFailure fromDateError(org.crdsj.engine.values.DateTimeFormatError e) {
        ErrorCategory c;
        switch (e.pythonType()) {
            case "InvalidDatetimeError": c = ErrorCategory.BAD_DATETIME; break;
            case "ValueError": c = ErrorCategory.PYTHON_VALUE_ERROR; break;
            default: c = ErrorCategory.OTHER;
        }
        return new LookupFailure(e.pythonType(), c, e::getMessage);   // the date error's text, made when first read
    }
}
