package org.crdsj.engine.expr;

import java.util.Objects;

/**
 * A Python exception raised while evaluating a header expression, such as
 * {@code NameError: name 'FOO' is not defined}. The message is exactly Python's
 * {@code str(exception)}, which is what CRDS puts into {@code NOT FOUND ...} results.
 */
public final class ExpressionError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pythonClass;

    /** An error of Python class {@code pythonClass} (e.g. {@code TypeError}) with Python's message. */
    public ExpressionError(String pythonClass, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.pythonClass = Objects.requireNonNull(pythonClass, "pythonClass");
    }

    /** The Python exception class name: {@code NameError}, {@code TypeError}, ... */
    public String pythonClass() {
        return pythonClass;
    }

    @Override
    public String toString() {
        return pythonClass + ": " + getMessage();
    }
}
