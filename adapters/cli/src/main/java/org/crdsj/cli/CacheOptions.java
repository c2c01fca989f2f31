package org.crdsj.cli;

import java.nio.file.Path;
import org.crdsj.engine.store.CompiledContexts;
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

    @Option(names = "--no-cache", description = "Do not read or write the parsed-rules cache (nor compiled contexts).")
    boolean noCache;

    @Option(names = "--no-context-cache",
            description = "Do not read or write compiled contexts (the parsed-rules cache is still used).")
    boolean noContextCache;

    /** The cache to use, or null when switched off. */
    SyntaxCache open() {
        if (noCache) return null;
        return cacheDir != null ? SyntaxCache.open(cacheDir) : SyntaxCache.openDefault();
    }

    /**
     * The compiled contexts kept next to {@code syntax} (the cache {@link #open} gave), or null when
     * either is switched off. A damaged compiled file is reported as an INFO line on the error stream.
     */
    CompiledContexts compiled(SyntaxCache syntax, ToolEnvironment env) {
        if (syntax == null || noContextCache) return null;
        Path dir = syntax.file().toAbsolutePath().getParent();
        return CompiledContexts.open(dir, note -> new CrdsLog(env.err()).info(note));
    }
}
