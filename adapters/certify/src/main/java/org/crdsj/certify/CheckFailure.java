package org.crdsj.certify;

/** A constraint that does not hold (CRDS's validator exceptions); the message is CRDS's text. */
public final class CheckFailure extends RuntimeException {
    public CheckFailure(String message) {
        super(message, null, false, false);
    }
}
