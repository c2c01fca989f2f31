package org.crdsj.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crdsj.bench.SyntheticHeaders;

/**
 * The shared golden corpus the corpus benchmarks read: {@code mappings/hst/} and
 * {@code golden/*.jsonl}. Its location is the benchmarks' {@code corpus} parameter (default
 * {@code ../shared/corpus}, right when run from the repository root; override with
 * {@code -p corpus=/path/to/corpus}).
 */
final class Corpus {
    private final Path root;

    Corpus(String location) {
        root = Path.of(location).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("mappings/hst"))) {
            throw new IllegalStateException("no corpus at " + root + " (expected mappings/hst/ there);"
                    + " run from the repository root or pass -p corpus=/path/to/shared/corpus");
        }
    }

    Path hstMappings() { return root.resolve("mappings/hst"); }

    /** The headers of the golden cases of one mapping in a {@code golden/*.jsonl} file. */
    List<SyntheticHeaders.Dataset> goldenHeaders(String file, String mapping) throws IOException {
        List<SyntheticHeaders.Dataset> ds = SyntheticHeaders.readJsonl(root.resolve("golden").resolve(file), mapping);
        if (ds.isEmpty()) throw new IllegalStateException("no cases for " + mapping + " in " + file);
        return ds;
    }
}
