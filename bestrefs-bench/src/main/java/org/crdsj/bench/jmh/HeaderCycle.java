package org.crdsj.bench.jmh;

import java.util.List;
import java.util.Map;
import org.crdsj.bench.SyntheticHeaders;

/**
 * A fixed list of headers handed out round-robin, so a benchmark sees a realistic mix instead of
 * one header the JIT could specialise for. Not thread-safe: keep one per benchmark thread.
 */
final class HeaderCycle {
    private final Map<String, String>[] headers;
    private int next;

    @SuppressWarnings("unchecked")
    HeaderCycle(List<SyntheticHeaders.Dataset> datasets) {
        if (datasets.isEmpty()) throw new IllegalStateException("no headers to benchmark with");
        headers = datasets.stream().map(SyntheticHeaders.Dataset::header).toArray(Map[]::new);
    }

    Map<String, String> next() {
        Map<String, String> h = headers[next];
        if (++next == headers.length) next = 0;
        return h;
    }

    int size() { return headers.length; }
}
