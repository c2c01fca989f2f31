package org.crdsj.engine.bestrefs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.store.CompiledContexts;
import org.crdsj.engine.store.SyntaxCache;
import org.crdsj.engine.values.Conditioning;

/**
 * A loaded context ready for lookups: the Java API for pipelines. Load once, then call
 * {@link #bestrefs} from any number of threads.
 *
 * <pre>{@code
 * Context ctx = Context.load(Path.of("/crds/mappings"), "hst_9000.pmap");
 * BestRefs refs = ctx.bestrefs(Map.of("INSTRUME", "ACS", "DETECTOR", "WFC", ...));
 * String bias = refs.get("biasfile").crdsString();      // "m4r1753rj_bia.fits" or "NOT FOUND ..."
 * }</pre>
 *
 * The context may be a .pmap, an .imap or a single .rmap.
 */
public final class Context {
    private final Mapping mapping;

    public Context(Mapping mapping) {
        this.mapping = mapping;
    }

    /**
     * Loads {@code name} (or a path) and everything it names from a mapping directory laid out as
     * CRDS's cache ({@code <dir>/<observatory>/<name>}) or flat ({@code <dir>/<name>}).
     */
    public static Context load(Path mappingDir, String name) {
        return load(mappingDir, name, LoadOptions.DEFAULT);
    }

    public static Context load(Path mappingDir, String name, LoadOptions options) {
        return new Context(new MappingLoader(new MappingLocator(mappingDir), options).load(name));
    }

    /**
     * Like {@link #load(Path, String, LoadOptions)}, taking parsed rules from the syntax cache in
     * {@code cacheDir} (e.g. {@link SyntaxCache#defaultDirectory()}) and adding to it what had to be
     * parsed. The loaded context is the same as without the cache; only the time differs.
     */
    public static Context load(Path mappingDir, String name, LoadOptions options, Path cacheDir) {
        return load(mappingDir, name, options, SyntaxCache.open(cacheDir), CompiledContexts.open(cacheDir), false);
    }

    /**
     * Like {@link #load(Path, String, LoadOptions, SyntaxCache)}, also through the compiled-context
     * cache {@code compiled} (null: none): when the context's compiled file is intact and no file of
     * its closure changed, no rules file is read and each rmap's selector is built on first use
     * ({@code eager}: during the load). Answers are the same either way.
     */
    public static Context load(Path mappingDir, String name, LoadOptions options, SyntaxCache cache,
                               CompiledContexts compiled, boolean eager) {
        return new Context(new MappingLoader(new MappingLocator(mappingDir), options, cache, compiled, eager).load(name));
    }

    /** Like {@link #load(Path, String, LoadOptions, Path)} with an already open cache (null: none). */
    public static Context load(Path mappingDir, String name, LoadOptions options, SyntaxCache cache) {
        return new Context(new MappingLoader(new MappingLocator(mappingDir), options, cache).load(name));
    }

    /** Loads from a CRDS cache: {@code $CRDS_PATH/mappings/<observatory>/<name>}. */
    public static Context fromCrdsCache(Path crdsPath, String name) {
        return load(crdsPath.resolve("mappings"), name);
    }

    public Mapping mapping() { return mapping; }

    public String name() { return mapping.name(); }

    /** CRDS bestrefs for every type: the header is conditioned and cut to the required keys first. */
    public BestRefs bestrefs(Map<String, String> header) {
        return bestrefs(header, List.of());
    }

    /**
     * CRDS bestrefs ({@code getrecommendations}) for {@code types} (all when empty): condition
     * the header (upper-case keys, normalised values), keep only the instrument's required keys
     * (absent ones {@code UNDEFINED}), then look up each type.
     */
    public BestRefs bestrefs(Map<String, String> header, List<String> types) {
        // One small method per kind of context: each stays under the JIT's inlining limit for hot
        // methods (325 bytecodes), so a caller's compiled loop holds the whole dispatch.
        try {
            if (mapping instanceof ReferenceMapping r) return single(r, r.bestRefConditioned(header));
            if (mapping instanceof PipelineContext p && p.keywordSpace() != null) return pipelineSlotted(p, header, types);
            if (mapping instanceof InstrumentContext i && i.keywordSpace() != null) {
                Map<String, String> min = i.minimizeRaw(i.keywordSpace().rawValues(header), null);
                return BestRefs.ofOwned(i.bestRefsMinimized(min, null, types));
            }
            return conditionedMaps(header, types);
        } catch (LookupFailure f) {
            return BestRefs.failed(Result.NotFound.of(f));
        }
    }

    /** A pipeline context with a keyword space: the header's values by keyword number, no conditioned copy. */
    private static BestRefs pipelineSlotted(PipelineContext p, Map<String, String> header, List<String> types) {
        String[] raw = p.keywordSpace().rawValues(header);
        InstrumentContext imap = p.imap(p.instrumentOfRaw(raw));
        Map<String, String> min = imap.minimizeRaw(raw, p.instrumentKey());
        return ofMinimized(p, imap, p.imap(p.instrumentOfSlotted(min)), min, types);
    }

    /** Contexts without a keyword space: the conditioned header as a map. */
    private BestRefs conditionedMaps(Map<String, String> header, List<String> types) {
        Map<String, String> conditioned = Conditioning.conditionedView(header);
        if (mapping instanceof InstrumentContext i) {
            return BestRefs.ofOwned(i.bestRefsMinimized(i.minimize(conditioned, null), null, types));
        }
        PipelineContext p = (PipelineContext) mapping;
        InstrumentContext imap = p.imap(p.instrumentOf(conditioned));
        Map<String, String> min = imap.minimize(conditioned, p.instrumentKey());
        return ofMinimized(p, imap, p.imap(p.instrumentOf(min)), min, types);
    }

    /**
     * The lookup of a header minimised for {@code imap}; {@code again} is the imap its minimised
     * instrument names (CRDS asks twice), which, when it differs, looks the header up itself.
     */
    private static BestRefs ofMinimized(PipelineContext p, InstrumentContext imap, InstrumentContext again,
                                        Map<String, String> min, List<String> types) {
        return BestRefs.ofOwned(again == imap ? imap.bestRefsMinimized(min, p.instrumentKey(), types)
                : again.bestRefs(min, types));
    }

    /** The raw lookup: the header exactly as given (CRDS's mapping objects called directly). */
    public BestRefs raw(Map<String, String> header) {
        return raw(header, List.of());
    }

    public BestRefs raw(Map<String, String> header, List<String> types) {
        try {
            if (mapping instanceof ReferenceMapping r) return single(r, r.bestRef(header));
            if (mapping instanceof InstrumentContext i) return BestRefs.ofOwned(i.bestRefs(header, types));
            PipelineContext p = (PipelineContext) mapping;
            return BestRefs.ofOwned(p.imap(p.instrumentOf(header)).bestRefs(header, types));
        } catch (LookupFailure f) {
            return BestRefs.failed(Result.NotFound.of(f));
        }
    }

    /** An rmap's answer, as CRDS returns it from a single rmap: one type. */
    private static BestRefs single(ReferenceMapping r, Result result) {
        return BestRefs.ofSingle(r.filekind(), result);
    }

}
