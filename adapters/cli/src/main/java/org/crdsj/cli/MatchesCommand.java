package org.crdsj.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.crdsj.engine.catalog.MappingCatalog;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.PrettyPrint;
import org.crdsj.grammar.SyntaxPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code crds matches}: the match criteria (one line per match path) that lead to reference files
 * in the selected contexts. Dataset parameter dumps ({@code --datasets}, {@code --instrument}) need
 * CRDS's archive database and are refused offline. Exit status = number of errors.
 */
@Command(name = "matches", mixinStandardHelpOptions = true,
        description = "Print the selection criteria leading to reference files in contexts.")
final class MatchesCommand implements Callable<Integer> {
    @ParentCommand
    CrdsCommand parent;

    @Mixin
    ContextSelection selection;

    @Option(names = "--files", arity = "1..*", paramLabel = "REF", description = "References (names) to report.")
    List<String> files = new ArrayList<>();

    @Option(names = "--files-from-contexts", description = "Report every reference of the contexts.")
    boolean filesFromContexts;

    @Option(names = "--filters", arity = "1..*", paramLabel = "KEY=VALUE",
            description = "Keep only match paths where each listed KEY present has VALUE among its or-values.")
    List<String> filters = new ArrayList<>();

    @Option(names = {"-b", "--brief-paths"}, description = "Omit instrument and type.")
    boolean brief;

    @Option(names = {"-o", "--omit-parameter-names"}, description = "Values only.")
    boolean omitNames;

    @Option(names = {"-t", "--tuple-format"}, description = "Print match paths as Python tuples.")
    boolean tupleFormat;

    @Option(names = {"-d", "--datasets"}, arity = "1..*", paramLabel = "ID", description = "Dataset ids (needs the archive: refused offline).")
    List<String> datasets;

    @Option(names = {"-i", "--instrument"}, paramLabel = "INSTR", description = "Instrument (needs the archive: refused offline).")
    String instrument;

    @Override
    public Integer call() {
        ToolEnvironment env = parent.environment();
        CrdsLog log = new CrdsLog(env.err());
        try {
            String obs = selection.observatory(env, files);
            List<String> contexts = selection.contexts(env, obs, log);
            MappingCatalog catalog = new MappingCatalog(new MappingLocator(selection.mappingRoot(env)), selection.mappingDir(env, obs));
            List<String> matched = new ArrayList<>();
            for (String f : WordLists.expand(env, files)) matched.add(f.substring(f.lastIndexOf('/') + 1));
            if (filesFromContexts) {
                TreeSet<String> refs = new TreeSet<>(CodePointOrder.STRINGS);
                for (String c : contexts) refs.addAll(catalog.referenceNames(located(env, c)));
                matched.addAll(refs);
            }
            if (!matched.isEmpty()) {
                for (String context : contexts) {
                    String ctx = contexts.size() > 1 ? context : "";
                    for (String ref : matched) {
                        for (String match : matchTuples(catalog, located(env, context), ref)) {
                            env.out().println(ctx + " " + ref + " : " + match);
                        }
                    }
                }
            } else if (datasets != null || instrument != null) {
                log.error("Dataset matching parameters come from the archive database, which is not available offline.");
            } else {
                picocli.CommandLine.usage(this, env.out());
                log.error("Specify --files to dump reference match cases or --datasets to dump dataset matching parameters.");
            }
        } catch (RuntimeException e) {
            log.error(String.valueOf(e.getMessage()));
        }
        return Math.min(log.errors(), 255);
    }

    private static String located(ToolEnvironment env, String name) {
        return name.contains("/") ? env.path(name).toString() : name;
    }

    /** One formatted match per match path of {@code ref} (CRDS {@code find_match_tuples}). */
    private List<String> matchTuples(MappingCatalog catalog, String context, String ref) {
        List<String> out = new ArrayList<>();
        for (List<List<List<String>>> path : catalog.fileMatches(context, ref)) {
            if (filtered(path)) continue;
            List<List<String>> prefixPairs = path.get(0);
            List<Object> tuple = new ArrayList<>();
            List<String> words = new ArrayList<>();
            for (List<List<String>> section : path.subList(1, path.size())) {
                for (List<String> tup : section) {
                    if (tupleFormat) tuple.add(omitNames ? tup.get(1) : new ArrayList<Object>(tup));
                    else words.add(omitNames ? SyntaxPrinter.repr(tup.get(1)) : tup.get(0) + "=" + SyntaxPrinter.repr(tup.get(1)));
                }
            }
            if (tupleFormat) {
                List<Object> full = new ArrayList<>();
                if (!brief) {
                    for (List<String> p : prefixPairs) {
                        full.add(new ArrayList<Object>(List.of(p.get(0).toUpperCase(Locale.ROOT), p.get(1).toUpperCase(Locale.ROOT))));
                    }
                }
                full.addAll(tuple);
                out.add(PrettyPrint.repr(full));
            } else {
                String prefix = "";
                if (!brief) {
                    List<String> parts = new ArrayList<>();
                    for (List<String> p : prefixPairs.subList(1, prefixPairs.size())) parts.add(p.get(1).toUpperCase(Locale.ROOT));
                    prefix = String.join(" ", parts);
                }
                out.add(prefix + " " + String.join(" ", words));
            }
        }
        return out;
    }

    private boolean filtered(List<List<List<String>>> path) {
        for (String filter : filters) {
            String[] kv = filter.split("=", 2);
            String key = kv[0].strip(), value = kv.length > 1 ? kv[1].strip() : "";
            for (List<List<String>> section : path.subList(1, path.size())) {
                for (List<String> tup : section) {
                    if (tup.get(0).equalsIgnoreCase(key) && !org.crdsj.engine.select.match.MatchKeys.globList(tup.get(1).toUpperCase(Locale.ROOT)).contains(value.toUpperCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
