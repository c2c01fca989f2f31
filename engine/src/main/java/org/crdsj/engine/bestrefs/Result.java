package org.crdsj.engine.bestrefs;

import java.util.List;

/**
 * The outcome of a lookup for one reference type. Renders to exactly the strings CRDS returns:
 * a file name, a tuple of names, {@code NOT FOUND n/a}, {@code NOT FOUND <message>}, or nothing
 * (omitted: CRDS leaves the type out of its result dictionary).
 */
public sealed interface Result {

    /** The CRDS string for a single-valued result, or null for {@link Omitted} and {@link Files}. */
    String crdsString();

    /** A single reference file (or other terminal value) selected by the rules. */
    record File(String name) implements Result {
        @Override public String crdsString() { return name; }
    }

    /** Several values: an equal-weight tie of plain choices, a terminal tuple, or a Bracket pair. */
    record Files(List<Result> items) implements Result {
        public Files { items = List.copyOf(items); }
        @Override public String crdsString() { return null; }
    }

    /** Not applicable: CRDS's {@code NOT FOUND n/a}. {@code reason} is CRDS's message, for diagnosis. */
    record NotApplicable(String reason) implements Result {
        public static final String CRDS_STRING = "NOT FOUND n/a";
        @Override public String crdsString() { return CRDS_STRING; }
    }

    /** Omitted: the type is absent from a context's results ({@code None} from an rmap). */
    record Omitted(String reason) implements Result {
        @Override public String crdsString() { return null; }
    }

    /**
     * A failed lookup: {@code NOT FOUND <message>}. Behaves as a record of its category, Python
     * class and message (accessors, equality, text); the message of a failure is made only when
     * first read, since most failed lookups are counted or compared, never printed.
     */
    final class NotFound implements Result {
        private final ErrorCategory category;
        private final String pythonClass;
        private final java.util.function.Supplier<String> source;   // null once the message is known
        private volatile String message;

        public NotFound(ErrorCategory category, String pythonClass, String message) {
            this.category = category;
            this.pythonClass = pythonClass;
            this.message = message;
            this.source = null;
        }

        /** A result whose message {@code source} gives when first read (it must always give the same text). */
        NotFound(ErrorCategory category, String pythonClass, java.util.function.Supplier<String> source) {
            this.category = category;
            this.pythonClass = pythonClass;
            this.source = source;
        }

        public static NotFound of(LookupFailure f) {
            return f.result();
        }

        @Override public ErrorCategory category() { return category; }

        public String pythonClass() { return pythonClass; }

        public String message() {
            String m = message;     // racy but safe: every writer writes an equal String
            if (m == null && source != null) message = m = source.get();
            return m;
        }

        @Override public String crdsString() { return "NOT FOUND " + message(); }

        @Override
        public boolean equals(Object o) {
            return o instanceof NotFound n && category == n.category
                    && java.util.Objects.equals(pythonClass, n.pythonClass)
                    && java.util.Objects.equals(message(), n.message());
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(category, pythonClass, message());
        }

        @Override
        public String toString() {
            return "NotFound[category=" + category + ", pythonClass=" + pythonClass + ", message=" + message() + "]";
        }
    }

    /** True when this result names files (a file or several). */
    default boolean isFound() { return this instanceof File || this instanceof Files; }

    /** The category of a NOT FOUND or n/a result, null for files and omitted types. */
    default ErrorCategory category() {
        if (this instanceof NotFound nf) return nf.category();
        if (this instanceof NotApplicable) return ErrorCategory.NA;
        return null;
    }
}
