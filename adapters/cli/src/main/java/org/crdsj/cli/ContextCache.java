package org.crdsj.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.rules.RmapBuild;

/** Loads contexts by name once per run; nested mappings shared between them are read once. */
final class ContextCache {
    private final MappingLoader loader;
    private final Map<String, Context> contexts = new HashMap<>();

    ContextCache(Path mappath, LoadOptions options, org.crdsj.engine.store.SyntaxCache syntaxCache) {
        this(mappath, options, syntaxCache, null);
    }

    /**
     * With compiled contexts too (null: none; used only with a syntax cache). A context loaded from
     * its compiled context has its rmaps built on a second core while the first datasets are
     * looked up ({@link RmapBuild#BACKGROUND}): a batch of datasets soon needs most of them.
     */
    ContextCache(Path mappath, LoadOptions options, org.crdsj.engine.store.SyntaxCache syntaxCache,
                 org.crdsj.engine.store.CompiledContexts compiled) {
        this.loader = syntaxCache == null ? new MappingLoader(new MappingLocator(mappath), options)
                : new MappingLoader(new MappingLocator(mappath), options, syntaxCache, compiled, RmapBuild.BACKGROUND);
    }

    Context get(String name) {
        return contexts.computeIfAbsent(name, n -> new Context(loader.load(n)));
    }
}
