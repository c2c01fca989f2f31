package org.crdsj.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.crdsj.engine.catalog.MappingCatalog;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.grammar.SyntaxPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code crds uses --files F...}: every mapping in the local mapping directory that refers,
 * directly or through nesting, to each file: for a reference its rmaps, their imaps and pmaps;
 * for an rmap its imaps and pmaps; for an imap its pmaps. Exit status = number of errors
 * (255 without {@code --files}, as CRDS).
 */
@Command(name = "uses", mixinStandardHelpOptions = true,
        description = "Print the mappings in the local mapping directory which use the given files.")
final class UsesCommand implements Callable<Integer> {
    @ParentCommand
    CrdsCommand parent;

    @Mixin
    ContextSelection selection;

    @Option(names = "--files", arity = "1..*", paramLabel = "FILE", description = "References or mappings (names).")
    List<String> files;

    @Option(names = {"-i", "--include-used"}, description = "Prefix each line with the used file.")
    boolean includeUsed;

    private CrdsLog log;
    private MappingCatalog catalog;
    private final Map<String, Map<String, Set<String>>> byEnding = new HashMap<>();
    private Path dir;
    private String obs;
    private ToolEnvironment env;

    @Override
    public Integer call() {
        env = parent.environment();
        log = new CrdsLog(env.err());
        if (files == null || files.isEmpty()) {
            CommandLine.usage(this, env.out());
            return 255;
        }
        obs = selection.observatory(env, files);
        dir = selection.mappingDir(env, obs);
        catalog = new MappingCatalog(new MappingLocator(selection.mappingRoot(env)), selection.mappingDir(env, obs));
        for (String given : WordLists.expand(env, files)) {
            String file = given.substring(given.lastIndexOf('/') + 1);
            for (String use : uses(file)) env.out().println(includeUsed ? file + " " + use : use);
        }
        return Math.min(log.errors(), 255);
    }

    /** CRDS {@code uses()} for one file. */
    private Set<String> uses(String file) {
        TreeSet<String> out = new TreeSet<>(CodePointOrder.STRINGS);
        if (file.endsWith(".rmap")) {
            usingRmap(file, out);
        } else if (file.endsWith(".imap")) {
            out.addAll(using(file, "pmap"));
        } else if (!file.endsWith(".pmap")) {
            for (String rmap : using(file, "rmap")) {
                out.add(rmap);
                usingRmap(rmap, out);
            }
        }
        return out;
    }

    private void usingRmap(String rmap, Set<String> out) {
        for (String imap : using(rmap, "imap")) {
            out.add(imap);
            out.addAll(using(imap, "pmap"));
        }
    }

    /** The local mappings of one kind whose closure names {@code file}. */
    private Set<String> using(String file, String ending) {
        TreeSet<String> out = new TreeSet<>(CodePointOrder.STRINGS);
        for (Map.Entry<String, Set<String>> e : namesOf(ending).entrySet()) if (e.getValue().contains(file)) out.add(e.getKey());
        return out;
    }

    /** {@code name -> its mapping and reference names} for every local mapping ending in {@code ending}. */
    private Map<String, Set<String>> namesOf(String ending) {
        return byEnding.computeIfAbsent(ending, k -> {
            Map<String, Set<String>> names = new HashMap<>();
            for (String name : selection.localMappings(env, obs, ".*" + java.util.regex.Pattern.quote(ending))) {
                try {
                    Set<String> all = new TreeSet<>(catalog.mappingNames(name));
                    all.addAll(catalog.referenceNames(name));
                    names.put(name, all);
                } catch (RuntimeException e) {
                    log.error("Failed loading " + SyntaxPrinter.repr(name) + " : " + e.getMessage());
                }
            }
            return names;
        });
    }
}
