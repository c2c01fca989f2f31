package org.crdsj.engine.store;

import java.io.IOException;
import java.util.Map;

/**
 * Where dataset headers for a store come from: JSON Lines, CSV, a directory of FITS datasets,
 * a generator. Each calls {@link Sink#accept} once per dataset, in its own order.
 */
@FunctionalInterface
public interface HeaderSource {

    /** Receives datasets. The header map is only read during the call (the source may reuse it). */
    @FunctionalInterface
    interface Sink {
        void accept(String id, Map<String, String> header);
    }

    /** Feeds every dataset to {@code sink}; a malformed input is an {@link IOException} naming where. */
    void forEach(Sink sink) throws IOException;

    /**
     * How much of the input {@link #forEach} has read so far, from 0 to 1, or a negative number
     * when the source cannot tell. Only an estimate for progress reports (time left); may be
     * called from the thread running {@code forEach}, e.g. inside the sink.
     */
    default double fractionRead() {
        return -1;
    }
}
