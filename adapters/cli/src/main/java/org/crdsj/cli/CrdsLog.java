package org.crdsj.cli;

import java.io.PrintStream;

/**
 * The tools' log on standard error, in CRDS's own form ({@code CRDS - ERROR -  message}), so that
 * scripts written against CRDS's output keep working. Counts what it printed: CRDS tools derive
 * their exit status from the number of errors (and sometimes warnings).
 *
 * <p>One log per command run; not shared between threads.
 */
public final class CrdsLog {
    /** Log levels in CRDS's spelling. */
    public enum Level { DEBUG, INFO, WARNING, ERROR }

    private final PrintStream err;
    private final boolean verbose;
    private int errors;
    private int warnings;
    private int infos;

    public CrdsLog(PrintStream err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    public CrdsLog(PrintStream err) {
        this(err, false);
    }

    public void info(String message) {
        infos++;
        print(Level.INFO, message);
    }

    public void warning(String message) {
        warnings++;
        print(Level.WARNING, message);
    }

    public void error(String message) {
        errors++;
        print(Level.ERROR, message);
    }

    /** Printed only with verbose logging; never counted. */
    public void debug(String message) {
        if (verbose) print(Level.DEBUG, message);
    }

    public int errors() {
        return errors;
    }

    public int warnings() {
        return warnings;
    }

    public int infos() {
        return infos;
    }

    private void print(Level level, String message) {
        err.println("CRDS - " + level + " -  " + message);
    }
}
