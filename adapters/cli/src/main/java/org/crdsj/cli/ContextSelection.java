package org.crdsj.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.crdsj.engine.values.CodePointOrder;
import picocli.CommandLine.Option;

/**
 * CRDS's context-set options ({@code ContextsScript}), answered from a local mapping directory
 * instead of a server: {@code --contexts} (literal names, or symbolic {@code <obs>[-<instr>[-<type>]]-latest}
 * style specs resolved to the highest serial number present locally), {@code --all},
 * {@code --last-n-contexts}, {@code --range}, {@code --up-to-context}, {@code --after-context};
 * none means {@code $CRDS_CONTEXT} or {@code <obs>-latest}. Also the observatory flags. A picocli mixin.
 */
final class ContextSelection {
    @Option(names = "--contexts", arity = "1..*", paramLabel = "CONTEXT",
            description = "Mappings (any level) or symbolic specs such as hst-latest, hst-acs-biasfile-edit.")
    List<String> contexts;

    @Option(names = "--all", description = "Every .pmap in the mapping directory.")
    boolean all;

    @Option(names = "--last-n-contexts", paramLabel = "N", description = "The last N .pmaps in name order.")
    Integer lastN;

    @Option(names = "--range", paramLabel = "MIN:MAX", description = "The .pmaps with serial numbers MIN..MAX.")
    String range;

    @Option(names = "--up-to-context", paramLabel = "CONTEXT", description = "The .pmaps up to and including CONTEXT.")
    String upTo;

    @Option(names = "--after-context", paramLabel = "CONTEXT", description = "The .pmaps from CONTEXT on.")
    String after;

    @Option(names = "--mappath", paramLabel = "DIR", description = "Mapping directory (default $CRDS_MAPPATH, $CRDS_PATH/mappings).")
    Path mappath;

    @Option(names = {"-H", "--hst"}, description = "Observatory HST.")
    boolean hst;

    @Option(names = {"-J", "--jwst"}, description = "Observatory JWST.")
    boolean jwst;

    @Option(names = "--roman", description = "Observatory Roman.")
    boolean roman;

    private static final Pattern SYMBOLIC = Pattern.compile(
            "(?<obs>hst|jwst|roman|tobs)(-(?<instr>[a-z0-9]+))?(-(?<kind>[a-z0-9_]+))?-(?<tag>latest|operational|edit|build|versions)");

    /** The observatory: flags, {@code $CRDS_OBSERVATORY}, a context name's prefix, else jwst (CRDS's default). */
    String observatory(ToolEnvironment env, List<String> hints) {
        if (hst) return "hst";
        if (jwst) return "jwst";
        if (roman) return "roman";
        Optional<String> fromEnv = env.observatory();
        if (fromEnv.isPresent()) return fromEnv.get();
        List<String> all = new ArrayList<>();
        if (contexts != null) all.addAll(contexts);
        if (hints != null) all.addAll(hints);
        for (String h : all) {
            String base = Path.of(h).getFileName().toString().toLowerCase(Locale.ROOT);
            for (String obs : List.of("hst", "jwst", "roman")) if (base.startsWith(obs)) return obs;
        }
        return "jwst";
    }

    /** The mapping directory root ({@code <root>/<obs>/name} or {@code <root>/name}). */
    Path mappingRoot(ToolEnvironment env) {
        return env.mappath(mappath);
    }

    /** The directory holding the observatory's mappings. */
    Path mappingDir(ToolEnvironment env, String obs) {
        Path root = mappingRoot(env);
        Path sub = root.resolve(obs);
        return Files.isDirectory(sub) ? sub : root;
    }

    /** Mapping file names in the mapping directory matching {@code regex}, sorted. */
    List<String> localMappings(ToolEnvironment env, String obs, String regex) {
        Pattern p = Pattern.compile(regex);
        TreeSet<String> names = new TreeSet<>(CodePointOrder.STRINGS);
        try (Stream<Path> files = Files.list(mappingDir(env, obs))) {
            files.map(f -> f.getFileName().toString()).filter(n -> p.matcher(n).matches()).forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(names);
    }

    /**
     * A context spec as a mapping name: literal names unchanged; symbolic ones resolved to the
     * highest-numbered local mapping of that level (logged as CRDS logs it).
     */
    String resolve(ToolEnvironment env, String obs, String spec, CrdsLog log) {
        Matcher m = SYMBOLIC.matcher(spec.toLowerCase(Locale.ROOT));
        if (!m.matches()) return spec;
        String prefix = m.group("obs") + (m.group("instr") != null ? "_" + m.group("instr") : "")
                + (m.group("kind") != null ? "_" + m.group("kind") : "");
        String ext = m.group("kind") != null ? "rmap" : m.group("instr") != null ? "imap" : "pmap";
        List<String> candidates = localMappings(env, m.group("obs"), Pattern.quote(prefix) + "(_\\d+)?\\." + ext);
        if (candidates.isEmpty()) throw new IllegalArgumentException("No local mapping for context " + org.crdsj.grammar.SyntaxPrinter.repr(spec));
        String resolved = candidates.get(candidates.size() - 1);
        if (log != null) log.info("Symbolic context " + org.crdsj.grammar.SyntaxPrinter.repr(spec) + " resolves to " + org.crdsj.grammar.SyntaxPrinter.repr(resolved));
        return resolved;
    }

    /** The selected contexts, sorted (CRDS {@code determine_contexts}). */
    List<String> contexts(ToolEnvironment env, String obs, CrdsLog log) {
        List<String> out = new ArrayList<>();
        List<String> pmaps = null;
        if (contexts != null && !contexts.isEmpty()) {
            for (String c : contexts) {
                String r = resolve(env, obs, c, log);
                if (!r.equals("N/A")) out.add(r);
            }
        } else if (all || lastN != null || range != null || upTo != null || after != null) {
            pmaps = localMappings(env, obs, "[a-z]+(_\\d+)?\\.pmap");
            if (all) out.addAll(pmaps);
            else if (lastN != null) out.addAll(pmaps.subList(Math.max(0, pmaps.size() - lastN), pmaps.size()));
            else if (range != null) {
                String[] mm = range.split(":");
                int lo = Integer.parseInt(mm[0].strip()), hi = Integer.parseInt(mm[1].strip());
                Pattern serial = Pattern.compile("\\w+?_(\\d+)\\.pmap");
                for (String p : pmaps) {
                    Matcher sm = serial.matcher(p);
                    if (sm.matches()) {
                        int n = Integer.parseInt(sm.group(1));
                        if (lo <= n && n <= hi) out.add(p);
                    }
                }
            } else if (upTo != null) {
                int i = pmaps.indexOf(resolve(env, obs, upTo, log));
                if (i < 0) throw new IllegalArgumentException("Invalid --up-to-context " + org.crdsj.grammar.SyntaxPrinter.repr(upTo));
                out.addAll(pmaps.subList(0, i + 1));
            } else {
                int i = pmaps.indexOf(resolve(env, obs, after, log));
                if (i < 0) throw new IllegalArgumentException("Invalid --after-context " + org.crdsj.grammar.SyntaxPrinter.repr(after));
                out.addAll(pmaps.subList(i, pmaps.size()));
            }
        } else {
            out.add(resolve(env, obs, env.variable("CRDS_CONTEXT").orElse(obs + "-latest"), log));
        }
        out.sort(CodePointOrder.STRINGS);
        return out;
    }
}
