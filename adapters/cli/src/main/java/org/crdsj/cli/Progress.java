package org.crdsj.cli;

import java.io.PrintStream;

/**
 * Progress of a long run on standard error: a self-updating line on a terminal, a log line every
 * ten seconds otherwise, with the rate and, when the total is known, the time left. Quiet for runs
 * shorter than two seconds.
 */
final class Progress {
    private final String what;
    private final PrintStream err;
    private final boolean terminal;
    private long total;
    private final long start = System.nanoTime();
    private long lastReport = start;
    private long count;
    private boolean shown;

    Progress(String what, PrintStream err) {
        this(what, err, -1);
    }

    /** With {@code total} items to do (-1: unknown), for an estimate of the time left. */
    Progress(String what, PrintStream err, long total) {
        this.what = what;
        this.err = err;
        this.total = total;
        this.terminal = System.console() != null;
    }

    void step() {
        count++;
        if ((count & 255) != 0) return;
        maybeReport();
    }

    /**
     * The input is {@code fraction} (0 to 1) read: the total is estimated from the items seen so
     * far, for sources that know how far through their input they are but not how many items
     * it holds (a JSON Lines file, a directory of files). Ignored when not positive.
     */
    void estimate(double fraction) {
        if (fraction > 0 && count > 0) total = Math.max(count, Math.round(count / Math.min(1.0, fraction)));
    }

    /** {@code done} items are done so far. */
    void at(long done) {
        count = done;
        maybeReport();
    }

    private void maybeReport() {
        long now = System.nanoTime();
        long interval = terminal ? 200_000_000L : 10_000_000_000L;
        if (now - start < 2_000_000_000L || now - lastReport < interval) return;
        lastReport = now;
        report(now, false);
    }

    void done() {
        if (shown) report(System.nanoTime(), true);
    }

    private void report(long now, boolean last) {
        double secs = (now - start) / 1e9;
        double rate = count / Math.max(secs, 1e-9);
        StringBuilder line = new StringBuilder(String.format("%s: %,d", what, count));
        if (total > 0) line.append(String.format(" of %,d (%.0f%%)", total, 100.0 * count / total));
        line.append(String.format(" in %.1f s (%,.0f/s)", secs, rate));
        if (total > 0 && !last && rate > 0) line.append(String.format(", about %.0f s left", (total - count) / rate));
        if (terminal) err.print("\r" + line + (last ? "\n" : ""));
        else err.println(line);
        err.flush();
        shown = true;
    }
}
