package org.crdsj.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.crdsj.engine.catalog.MappingCatalog;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.PrettyPrint;
import org.crdsj.fits.ReferenceHeader;
import org.crdsj.grammar.SyntaxPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code crds list}: names of the mappings and references of contexts, the local cache's files,
 * required parameters, files' contents, and the local configuration, from a local mapping
 * directory (no server). Exit status = number of errors ({@code --cat} always 0, as CRDS).
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the mappings and references of contexts, cached files, required parameters, file contents.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    CrdsCommand parent;

    @Mixin
    ContextSelection selection;

    @Option(names = "--references", description = "The reference files of the selected contexts.")
    boolean references;

    @Option(names = "--mappings", description = "The mappings of the selected contexts (contexts included).")
    boolean mappings;

    @Option(names = "--cached-references", description = "The reference files in the local cache.")
    boolean cachedReferences;

    @Option(names = "--cached-mappings", description = "The mappings in the local mapping directory.")
    boolean cachedMappings;

    @Option(names = "--full-path", description = "Paths instead of names.")
    boolean fullPath;

    @Option(names = "--resolve-contexts", description = "The literal names of the selected contexts.")
    boolean resolveContexts;

    @Option(names = "--required-parkeys", description = "The matching parameters each selected context needs.")
    boolean requiredParkeys;

    @Option(names = "--status", description = "Basic facts about the local configuration.")
    boolean status;

    @Option(names = "--cat", arity = "0..*", paramLabel = "FILE", description = "Print files: mapping text, reference headers.")
    List<String> cat;

    @Option(names = "--keywords", arity = "1..*", paramLabel = "SUBSTRING", description = "With --cat: only header keywords containing one of these.")
    List<String> keywords;

    @Option(names = "--add-filenames", description = "With --cat: prefix each line with the file's name.")
    boolean addFilenames;

    private ToolEnvironment env;
    private CrdsLog log;
    private String obs;
    private PrintStream out;

    @Override
    public Integer call() {
        env = parent.environment();
        log = new CrdsLog(env.err());
        out = env.out();
        obs = selection.observatory(env, cat);
        MappingCatalog catalog = new MappingCatalog(new MappingLocator(selection.mappingRoot(env)), selection.mappingDir(env, obs));
        try {
            if (cat != null) {
                catFiles(catalog);
                return 0;
            }
            List<String> contexts = needsContexts() ? selection.contexts(env, obs, resolveContexts ? log : null) : List.of();
            if (resolveContexts) contexts.forEach(out::println);
            if (references) {
                TreeSet<String> refs = new TreeSet<>(CodePointOrder.STRINGS);
                for (String c : contexts) refs.addAll(catalog.referenceNames(located(c)));
                for (String r : refs) out.println(fullPath ? referencePath(r).toString() : r);
            }
            if (mappings) {
                TreeSet<String> maps = new TreeSet<>(CodePointOrder.STRINGS);
                for (String c : contexts) maps.addAll(catalog.mappingNames(located(c)));
                for (String m : maps) out.println(fullPath ? mappingPath(m).toString() : m);
            }
            if (cachedReferences) listTree(referenceRoot());
            if (cachedMappings) listTree(selection.mappingDir(env, obs));
            if (status) status(contexts);
            if (requiredParkeys) requiredParkeys(contexts);
        } catch (RuntimeException e) {
            log.error(String.valueOf(e.getMessage()));
        }
        return Math.min(log.errors(), 255);
    }

    private boolean needsContexts() {
        return resolveContexts || references || mappings || status || requiredParkeys;
    }

    /** A context name as the catalog should locate it: a path when it has a directory part. */
    private String located(String name) {
        return name.contains("/") ? env.path(name).toString() : name;
    }

    private Path mappingPath(String name) {
        Path inObservatory = selection.mappingDir(env, obs).resolve(name);
        if (!name.contains("/") && Files.isRegularFile(inObservatory)) return inObservatory;
        return new MappingLocator(selection.mappingRoot(env)).locate(located(name), null);
    }

    private Path referenceRoot() {
        return env.variable("CRDS_REFPATH").map(p -> env.path(p).resolve(obs))
                .orElse(env.variable("CRDS_PATH").map(p -> env.path(p).resolve("references").resolve(obs))
                        .orElse(env.workDir()));
    }

    private Path referencePath(String name) {
        return referenceRoot().resolve(name);
    }

    private void listTree(Path dir) {
        if (!Files.isDirectory(dir)) return;
        TreeMap<String, Path> files = new TreeMap<>(CodePointOrder.STRINGS);
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> files.put(fullPath ? p.toString() : p.getFileName().toString(), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.keySet().forEach(out::println);
    }

    /** CRDS's {@code --status} block, with this implementation's facts. */
    private void status(List<String> contexts) {
        Map<String, String> s = new TreeMap<>(CodePointOrder.STRINGS);
        s.put("CRDS Version", SyntaxPrinter.repr("crds-j 0.1.0"));
        s.put("CRDS_MODE", SyntaxPrinter.repr(env.variable("CRDS_MODE").orElse("auto")));
        s.put("CRDS_PATH", SyntaxPrinter.repr(env.variable("CRDS_PATH").orElse("undefined")));
        s.put("CRDS_SERVER_URL", SyntaxPrinter.repr(env.variable("CRDS_SERVER_URL").orElse("undefined")));
        s.put("Cache Locking", SyntaxPrinter.repr("disabled."));
        s.put("Effective Context", SyntaxPrinter.repr(contexts.isEmpty() ? "none" : contexts.get(contexts.size() - 1)));
        s.put("Last Synced", SyntaxPrinter.repr("unknown (serverless)"));
        s.put("Python Executable", SyntaxPrinter.repr(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        s.put("Python Version", SyntaxPrinter.repr("Java " + System.getProperty("java.version")));
        s.put("Readonly Cache", env.variable("CRDS_READONLY_CACHE").map(v -> !v.equals("0") && !v.equalsIgnoreCase("false")).orElse(false) ? "True" : "False");
        s.forEach((k, v) -> out.println(k + " = " + v));
    }

    private void requiredParkeys(List<String> contexts) {
        MappingLoader loader = new MappingLoader(new MappingLocator(selection.mappingRoot(env)), new LoadOptions(false));
        for (String name : contexts) {
            Mapping m = loader.loadFile(mappingPath(name));
            if (m instanceof PipelineContext pmap) {
                String title = "Parkeys required for " + SyntaxPrinter.repr(pmap.name());
                int n2 = (75 - title.length() - 2) / 2;
                out.println("-".repeat(Math.max(0, n2)) + " " + title + " " + "-".repeat(Math.max(0, n2)));
                List<String> own = new RmapHeaderKeys(pmap).parkey();
                Map<String, List<String>> byInstrument = new TreeMap<>(CodePointOrder.STRINGS);
                for (String written : writtenKeys(name)) {
                    if (pmap.selection(written) instanceof InstrumentContext imap) {
                        List<String> keys = new ArrayList<>(own);
                        keys.addAll(imap.requiredParkeys());
                        byInstrument.put(written, keys);
                    }
                }
                if (byInstrument.isEmpty()) out.println("\tnone");
                byInstrument.forEach((k, v) -> out.println(k + " = " + pyList(v)));
            } else if (m instanceof InstrumentContext imap) {
                Map<String, String> kinds = new TreeMap<>(CodePointOrder.STRINGS);
                for (String kind : writtenKeys(name)) {
                    Object sel = imap.selection(kind);
                    if (sel instanceof org.crdsj.engine.rules.ReferenceMapping r) kinds.put(kind, pyList(r.requiredParkeys()));
                    else kinds.put(kind, SyntaxPrinter.repr("N/A"));
                }
                kinds.forEach((k, v) -> out.println(k + ": " + v));
            } else {
                out.println(name + ": " + pyList(m.requiredParkeys()));
            }
        }
    }

    /** The selection keys of a context mapping as written in its file. */
    private List<String> writtenKeys(String name) {
        List<String> keys = new ArrayList<>();
        MappingCatalog catalog = new MappingCatalog(new MappingLocator(selection.mappingRoot(env)), selection.mappingDir(env, obs));
        if (catalog.syntax(located(name)).selector() instanceof org.crdsj.grammar.syntax.Value.Dict d) {
            for (org.crdsj.grammar.syntax.Value.Entry e : d.entries()) keys.add(org.crdsj.engine.rules.MappingText.str(e.key()));
        }
        return keys;
    }

    /** The {@code parkey} field of a context mapping's header. */
    private record RmapHeaderKeys(Mapping m) {
        List<String> parkey() {
            List<String> out = new ArrayList<>();
            m.header().raw("parkey").ifPresent(v -> {
                if (v instanceof org.crdsj.grammar.syntax.Value.Tuple t) {
                    for (org.crdsj.grammar.syntax.Value i : t.items()) out.add(org.crdsj.engine.rules.MappingText.str(i));
                } else {
                    out.add(org.crdsj.engine.rules.MappingText.str(v));
                }
            });
            return out;
        }
    }

    private static String pyList(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(SyntaxPrinter.repr(items.get(i)));
        }
        return sb.append(']').toString();
    }

    // ------------------------------------------------------------------ --cat

    private void catFiles(MappingCatalog catalog) {
        List<String> files = new ArrayList<>(cat);
        if (references || mappings) {
            for (String c : selection.contexts(env, obs, null)) {
                if (mappings) files.addAll(catalog.mappingNames(located(c)));
                if (references) files.addAll(catalog.referenceNames(located(c)));
            }
        }
        for (String name : files) {
            try {
                Path path = catPath(name);
                out.println("#".repeat(80));
                out.println("File: " + path.toAbsolutePath());
                out.println("-".repeat(80));
                List<String> lines = new ArrayList<>();
                if (isMapping(name)) {
                    for (String line : Files.readString(path, StandardCharsets.UTF_8).split("\n", -1)) lines.add(line);
                    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
                } else {
                    Map<String, String> header = ReferenceHeader.read(path);
                    Map<String, Object> shown = new LinkedHashMap<>();
                    header.forEach((k, v) -> {
                        if (keywords == null || keywords.stream().anyMatch(k::contains)) shown.put(k, v);
                    });
                    lines.addAll(List.of(PrettyPrint.format(shown).split("\n", -1)));
                }
                for (String line : lines) {
                    String text = line.stripTrailing();
                    out.println(addFilenames ? path.getFileName() + ": " + text : text);
                }
            } catch (IOException | RuntimeException e) {
                log.error("Failed dumping: " + SyntaxPrinter.repr(name) + " : " + e.getMessage());
            }
        }
    }

    private static boolean isMapping(String name) {
        return name.endsWith(".pmap") || name.endsWith(".imap") || name.endsWith(".rmap");
    }

    /** CRDS's cache location of a file named on the command line (a name with a directory is a path). */
    private Path catPath(String name) {
        if (name.contains("/")) return env.path(name);
        if (isMapping(name)) return mappingPath(name);
        Path ref = referencePath(name);
        return Files.exists(ref) ? ref : env.path(name);
    }
}
