package org.crdsj.cli;

import java.io.PrintStream;

/**
 * Progress of a long run on standard error: a self-updating line on a terminal, a log line every
 * ten seconds otherwise. Quiet for runs shorter than two seconds.
 */
final class Progress {
    private final String what;
    private final PrintStream err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastReport = start;
    private long count;
    private boolean shown;

    Progress(String what, PrintStream err) {
        this.what = what;
        this.err = err;
        this.terminal = System.console() != null;
    }

    void step() {
        count++;
        if ((count & 255) != 0) return;
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
        String line = String.format("%s: %,d done in %.1f s (%,.0f/s)", what, count, secs, count / Math.max(secs, 1e-9));
        if (terminal) err.print("\r" + line + (last ? "\n" : ""));
        else err.println(line);
        err.flush();
        shown = true;
    }
}
