package org.crdsj.certify;

/**
 * Where certify reports its findings, in CRDS's four levels. A file passes iff certifying it
 * logged no error. The command line adapts this to its CRDS-style log on standard error.
 */
public interface CertifyLog {
    void info(String message);

    void warning(String message);

    void error(String message);

    /** Verbose-only output; never counted. */
    void debug(String message);

    /** Errors logged so far (certify's exit status derives from it). */
    int errors();

    /** Warnings logged so far. */
    int warnings();
}
