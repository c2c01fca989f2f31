package org.crdsj.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.RulesException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crds bestrefs}: best references for dataset headers read as JSON Lines, under one context
 * or compared between two.
 */
@Command(name = "bestrefs", mixinStandardHelpOptions = true,
        description = {"Best reference files for dataset headers (JSON Lines in, JSON Lines or a table out).",
                "Each input line: {\"id\": ..., \"header\": {KEYWORD: \"value\", ...}, \"mapping\": optional context or rmap}."})
final class BestrefsCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    CrdsCommand parent;

    private ToolEnvironment env() {
        return parent.environment();
    }

    @Option(names = "--mappath", paramLabel = "DIR",
            description = "Mapping directory (<DIR>/<observatory>/<name> or <DIR>/<name>); default $CRDS_MAPPATH or $CRDS_PATH/mappings.")
    Path mappath;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Contexts contexts;

    static final class Contexts {
        @Option(names = "--context", paramLabel = "NAME", required = true, description = "Context (.pmap, .imap or .rmap) to look up in.")
        String context;

        @ArgGroup(exclusive = false)
        Comparison comparison;
    }

    static final class Comparison {
        @Option(names = "--old-context", paramLabel = "A", description = "Old context for a comparison.")
        String oldContext;

        @Option(names = "--new-context", paramLabel = "B", required = true, description = "New context (alone: the context, as CRDS spells it).")
        String newContext;
    }

    @Option(names = "--headers", paramLabel = "IN.jsonl", description = "Dataset headers, one JSON object per line.")
    Path headers;

    @picocli.CommandLine.Mixin
    FileOptions fileOptions = new FileOptions();

    @Option(names = "--output", paramLabel = "OUT.jsonl", description = "Write results here (atomically) instead of standard output.")
    Path output;

    @Option(names = "--raw", description = "Look up the header exactly as given (no conditioning or minimum header).")
    boolean raw;

    @Option(names = "--format", paramLabel = "jsonl|table",
            description = "Output format: jsonl (default for --headers) or a readable table (default for --files).")
    String format;

    @Option(names = "--no-checksum", description = "Do not verify the sha1sum of mapping files.")
    boolean noChecksum;

    @picocli.CommandLine.Mixin
    CacheOptions cacheOptions = new CacheOptions();

    @picocli.CommandLine.Mixin
    ComparisonFlags comparisonFlags = new ComparisonFlags();

    @Override
    public Integer call() throws IOException {
        if (format != null && !format.equals("jsonl") && !format.equals("table")) {
            env().err().println("crds bestrefs: --format must be jsonl or table");
            return 2;
        }
        org.crdsj.engine.store.SyntaxCache syntaxCache = cacheOptions.open();
        ContextCache cache = new ContextCache(env().mappath(mappath), new LoadOptions(!noChecksum), syntaxCache,
                cacheOptions.compiled(syntaxCache, env()));
        if (fileOptions.files != null) {
            if (headers != null) {
                env().err().println("crds bestrefs: give either --headers or --files");
                return 2;
            }
            return fileOptions.run(env(), cache, contexts, format, comparisonFlags.printNewReferences);
        }
        if (comparisonFlags.requested()) {
            Comparison c = contexts.comparison;
            return new ComparisonRun(env(), comparisonFlags, cache, c == null ? null : c.oldContext,
                    c == null ? null : c.newContext, headers).run();
        }
        if (headers == null) {
            env().err().println("crds bestrefs: give --headers, --files, --datasets or --load-pickles");
            return 2;
        }
        if (format == null) format = "jsonl";
        Path target = env().path(output);
        Path tmp = target == null ? null : Files.createTempFile(target.toAbsolutePath().getParent(), ".crds-", ".tmp");
        long bad;
        try (Writer w = tmp == null ? new java.io.OutputStreamWriter(env().out(), StandardCharsets.UTF_8)
                : Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             BufferedReader in = Files.newBufferedReader(env().path(headers), StandardCharsets.UTF_8)) {
            Output out = format.equals("table") ? new TableOutput(w) : new JsonlOutput(w);
            Progress progress = new Progress("crds bestrefs", env().err());
            try {
                bad = HeaderLines.read(in, headers.toString(), d -> {
                    out.write(evaluate(cache, d));
                    progress.step();
                }, env().err()::println);
                progress.done();
            } catch (RulesException e) {
                env().err().println("crds bestrefs: cannot load rules: " + e.getMessage());
                if (tmp != null) Files.deleteIfExists(tmp);
                return 2;
            }
            w.flush();
        } catch (IOException | RuntimeException e) {
            if (tmp != null) Files.deleteIfExists(tmp);
            throw e;
        }
        if (tmp != null) Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (bad > 0) {
            env().err().println("crds bestrefs: " + bad + " bad input line(s) skipped");
            return 1;
        }
        return 0;
    }

    private Map<String, Object> evaluate(ContextCache cache, HeaderLines.Dataset d) {
        if (contexts.comparison != null && contexts.comparison.oldContext != null) {
            Context a = cache.get(contexts.comparison.oldContext), b = cache.get(contexts.comparison.newContext);
            return ResultJson.difference(d.id(), lookup(a, d), lookup(b, d));
        }
        Context c = cache.get(d.mapping() != null ? d.mapping() : contexts.context != null ? contexts.context : contexts.comparison.newContext);
        return ResultJson.bestrefs(d.id(), lookup(c, d), ResultJson.isSingleRmap(c));
    }

    private BestRefs lookup(Context c, HeaderLines.Dataset d) {
        return raw ? c.raw(d.header()) : c.bestrefs(d.header());
    }

    /** Where result objects go. */
    interface Output {
        void write(Map<String, Object> result);
    }

    /** One JSON object per line. */
    record JsonlOutput(Writer w) implements Output {
        @Override
        public void write(Map<String, Object> result) {
            try {
                ResultJson.writeLine(w, result);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A readable block per dataset: one line per reference type. */
    record TableOutput(Writer w) implements Output {
        @Override
        @SuppressWarnings("unchecked")
        public void write(Map<String, Object> result) {
            StringBuilder sb = new StringBuilder();
            sb.append(result.get("id")).append('\n');
            if (result.containsKey("error")) {
                Map<String, Object> e = (Map<String, Object>) result.get("error");
                sb.append("    ERROR [").append(e.get("category")).append("] ").append(e.get("message")).append('\n');
            } else if (result.containsKey("bestrefs")) {
                Map<String, Object> refs = (Map<String, Object>) result.get("bestrefs");
                Map<String, Object> cats = (Map<String, Object>) result.get("categories");
                refs.forEach((type, v) -> {
                    sb.append(String.format("    %-10s %s", type, v == null ? "(omitted)" : v));
                    Object cat = cats.get(type);
                    if (cat != null && !"na".equals(cat)) sb.append("   [").append(cat).append(']');
                    sb.append('\n');
                });
                if (refs.isEmpty()) sb.append("    (no reference types apply)\n");
            } else {
                Map<String, Object> diffs = (Map<String, Object>) result.get("differences");
                if (diffs.isEmpty() && !Boolean.TRUE.equals(result.get("differs"))) sb.append("    (no differences)\n");
                diffs.forEach((type, pair) -> sb.append(String.format("    %-10s %s -> %s%n", type,
                        ((java.util.List<Object>) pair).get(0), ((java.util.List<Object>) pair).get(1))));
                if (result.get("old_error") != null) sb.append("    old: ").append(result.get("old_error")).append('\n');
                if (result.get("new_error") != null) sb.append("    new: ").append(result.get("new_error")).append('\n');
            }
            try {
                w.write(sb.toString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

}
