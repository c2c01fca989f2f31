package org.crdsj.engine.select.match;

/** A Match key element that CRDS refuses to compile (bad {@code between}, bad regex, bad inequality). */
public final class InvalidMatchKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the detail, worded like the CRDS error where CRDS words one */
    public InvalidMatchKeyException(String message) {
        super(message);
    }

    /** @param message the detail; @param cause the underlying parse failure */
    public InvalidMatchKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
