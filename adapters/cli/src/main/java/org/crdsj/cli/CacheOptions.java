package org.crdsj.cli;

import java.nio.file.Path;
import org.crdsj.engine.store.SyntaxCache;
import picocli.CommandLine.Option;

/**
 * The parsed-rules cache shared by the commands that load contexts: on by default in
 * {@code $CRDS_CACHE_DIR} (else {@code ~/.cache/crds-j}); it only ever saves time.
 */
final class CacheOptions {
    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where parsed rules are cached (default $CRDS_CACHE_DIR or ~/.cache/crds-j).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Do not read or write the parsed-rules cache.")
    boolean noCache;

    /** The cache to use, or null when switched off. */
    SyntaxCache open() {
        if (noCache) return null;
        return cacheDir != null ? SyntaxCache.open(cacheDir) : SyntaxCache.openDefault();
    }
}
