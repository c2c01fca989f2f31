package org.crdsj.engine.expr;

/** Python's {@code None} as an expression result. */
public enum PythonNone {
    NONE;

    @Override
    public String toString() {
        return "None";
    }
}
