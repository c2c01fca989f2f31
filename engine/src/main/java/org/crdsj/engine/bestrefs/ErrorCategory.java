package org.crdsj.engine.bestrefs;

/**
 * A language-neutral grouping of why a lookup did not produce a file, named as in the golden
 * corpus. Each category corresponds to the CRDS exception class that Python CRDS would raise.
 */
public enum ErrorCategory {
    /** Not applicable (IrrelevantReferenceTypeError): relevance false, N/A value, DNR, not required. */
    NA("na"),
    /** Omitted (OmitReferenceTypeError). */
    OMIT("omit"),
    /** MatchingError: {@code No match found.} */
    NO_MATCH("no_match"),
    /** UseAfterError / VersionAfterError that was not swallowed by an enclosing Match. */
    NO_USEAFTER("no_useafter"),
    /** CrdsLookupError: all weighted candidates failed. */
    LOOKUP_FAILED("lookup_failed"),
    /** ValidationError: a matched keyword is absent from the header. */
    MISSING_PARAMETER("missing_parameter"),
    /** ValidationError: the value is not one the rules use. */
    INVALID_VALUE("invalid_value"),
    /** ValidationError or InvalidDatetimeError on a date/time. */
    BAD_DATETIME("bad_datetime"),
    /** AmbiguousMatchError. */
    AMBIGUOUS("ambiguous"),
    /** CrdsUnknownInstrumentError. */
    UNKNOWN_INSTRUMENT("unknown_instrument"),
    /** No usable instrument keyword in the header. */
    MISSING_INSTRUMENT("missing_instrument"),
    /** Python KeyError (a hook read an absent keyword). */
    PYTHON_KEY_ERROR("python_key_error"),
    /** Python ValueError (e.g. a date a hook could not parse). */
    PYTHON_VALUE_ERROR("python_value_error"),
    /** Anything else. */
    OTHER("other");

    private final String id;

    ErrorCategory(String id) { this.id = id; }

    /** The corpus name of the category, e.g. {@code no_match}. */
    public String id() { return id; }

    public static ErrorCategory fromId(String id) {
        for (ErrorCategory c : values()) if (c.id.equals(id)) return c;
        throw new IllegalArgumentException("unknown error category: " + id);
    }
}
