package org.crdsj.engine.refactor;

/**
 * An rmap edit that CRDS refuses; the message is CRDS's own text (what follows
 * {@code Refactoring operation FAILED : } in its log).
 */
public final class RefactorException extends RuntimeException {
    public RefactorException(String message) {
        super(message, null, false, false);
    }
}
