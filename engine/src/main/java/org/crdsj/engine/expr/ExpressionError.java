package org.crdsj.engine.expr;

/**
 * An error raised while evaluating a header expression, named by the Python exception class CRDS
 * would see ({@code NameError}, {@code TypeError}) with Python's message text.
 */
public final class ExpressionError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String pythonClass;

    public ExpressionError(String pythonClass, String message) {
        super(message, null, false, false);
        this.pythonClass = pythonClass;
    }

    public String pythonClass() { return pythonClass; }
}
