package org.crdsj.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.compare.AffectedTypes;
import org.crdsj.engine.compare.ComparisonListener;
import org.crdsj.engine.compare.ComparisonOptions;
import org.crdsj.engine.compare.ComparisonReport;
import org.crdsj.engine.compare.ContextComparison;
import org.crdsj.engine.compare.DatasetsSince;
import org.crdsj.engine.rules.RulesException;
import org.crdsj.engine.store.DatasetStore;
import org.crdsj.engine.store.DatasetStoreException;
import org.crdsj.engine.store.DatasetStoreWriter;
import org.crdsj.engine.values.Conditioning;

/**
 * CRDS's context-to-context comparison on the command line ({@code crds bestrefs --old-context A
 * --new-context B} with {@code --datasets STORE}, {@code --headers FILE} or {@code --load-pickles
 * FILE}): CRDS's log on standard error, new-reference lines and affected product ids on standard
 * output, a summary per instrument and type, exit status 1 when any error was logged.
 */
final class ComparisonRun {
    private final ToolEnvironment env;
    private final ComparisonFlags flags;
    private final ContextCache contexts;
    private final String oldName, newName;
    private final Path headers;

    ComparisonRun(ToolEnvironment env, ComparisonFlags flags, ContextCache contexts, String oldName, String newName, Path headers) {
        this.env = env;
        this.flags = flags;
        this.contexts = contexts;
        this.oldName = oldName;
        this.newName = newName;
        this.headers = headers;
    }

    int run() throws IOException {
        CrdsLog log = new CrdsLog(env.err());
        int sources = (flags.datasets != null ? 1 : 0) + (headers != null ? 1 : 0) + (flags.loadPickles != null ? 1 : 0);
        if (sources != 1) {
            env.err().println("crds bestrefs: give exactly one of --datasets STORE, --headers FILE, --load-pickles FILE...");
            return 2;
        }
        if (oldName == null || newName == null) {
            env.err().println("crds bestrefs: these options compare two contexts: give --old-context A --new-context B");
            return 2;
        }
        boolean affected = flags.affectedDatasets;
        boolean printAffected = flags.printAffected || affected;
        boolean undefinedMatter = flags.undefinedDifferencesMatter || affected;
        boolean naMatter = flags.naDifferencesMatter || affected;
        boolean updateCounts = flags.printUpdateCounts || affected;
        String since = flags.datasetsSince != null ? flags.datasetsSince : affected ? "auto" : null;
        if (since != null && since.equalsIgnoreCase("auto")) {
            since = "auto";
        } else if (since != null) {
            // CRDS reformats an explicit date into its standard form before comparing it as text.
            try {
                since = org.crdsj.engine.values.Timestamps.reformatDate(since);
            } catch (org.crdsj.engine.values.DateTimeFormatError e) {
                env.err().println("crds bestrefs: argument --datasets-since: invalid date " + repr(flags.datasetsSince)
                        + ": " + e.getMessage());
                return 2;
            }
        }

        Context oldContext, newContext;
        try {
            newContext = contexts.get(newName);
            oldContext = contexts.get(oldName);
        } catch (RulesException e) {
            env.err().println("crds bestrefs: cannot load rules: " + e.getMessage());
            return 2;
        }

        Map<String, List<String>> affectedTypes = null;
        DatasetsSince datasetsSince = null;
        if (affected || "auto".equals(since)) {
            AffectedTypes differ = affectedTypes();
            if (affected) {
                affectedTypes = new LinkedHashMap<>(differ.affected(oldContext, newContext));
                log.info("Mapping differences from " + repr(oldName) + " --> " + repr(newName) + " affect:\n " + pyDict(affectedTypes));
                if (affectedTypes.isEmpty()) {
                    log.info("No instruments were affected.");
                    return finish(log, null, List.of(), 0);
                }
            }
            if ("auto".equals(since)) {
                if (differ.headerChangesOrDeletions(oldContext, newContext)) {
                    log.info("Checking all dates due to header changes or file deletions.");
                    datasetsSince = DatasetsSince.of(DatasetsSince.MIN_DATE);
                } else {
                    Map<String, String> dates = org.crdsj.engine.compare.AutoDatasetsSince.of(oldContext, newContext);
                    log.info("Possibly affected --datasets-since dates determined by " + repr(oldName) + " --> " + repr(newName)
                            + " are:\n " + dates);
                    datasetsSince = new DatasetsSince(null, dates);
                }
            }
        } else if (since != null) {
            datasetsSince = DatasetsSince.of(since);
        }

        DatasetStore store;
        try {
            store = openSource(log);
        } catch (IOException | DatasetStoreException e) {
            log.error(e.getMessage());
            return 1;
        }
        int threads = flags.threads != null ? flags.threads : Runtime.getRuntime().availableProcessors();
        ComparisonOptions options = new ComparisonOptions(undefinedMatter, naMatter, flags.differencesAreErrors,
                flags.printNewReferences, affectedTypes, datasetsSince, Math.max(1, threads), flags.maxErrorsPerClass);
        List<String> newReferences = new ArrayList<>();
        PrintStream out = env.out();
        Progress progress = new Progress("crds bestrefs", env.err(), store.size());
        int[] logged = {0};
        ComparisonReport report;
        try (store) {
            report = new ContextComparison(oldContext, newContext, options).run(store, new ComparisonListener() {
                @Override public void error(String message) {
                    log.error(message);
                    logged[0]++;
                }

                @Override public void info(String message) { log.info(message); }

                @Override public void newReference(String line) {
                    if (!flags.printNewReferences) return;
                    if (flags.json) newReferences.add(line);
                    else out.println(line);
                }

                @Override public void progress(long done, long total) { progress.at(done); }
            });
        }
        progress.done();
        if (updateCounts) log.info("Updated exposure counts:\n " + updateCounts(report));
        if (printAffected) {
            log.info("Affected products = " + report.affectedProducts().size());
            if (!flags.json) for (String p : report.affectedProducts()) out.println(p);
        }
        out.flush();
        return finish(log, report, newReferences, report.errors() - logged[0]);
    }

    /** Summary, JSON, status: 1 when any error was counted (logged or suppressed). */
    private int finish(CrdsLog log, ComparisonReport report, List<String> newReferences, long suppressed) throws IOException {
        long errors = log.errors() + suppressed;
        if (flags.json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("old_context", oldName);
            o.put("new_context", newName);
            o.put("datasets_compared", report == null ? 0 : report.processed());
            o.put("affected_ids", report == null ? List.of() : report.affectedProducts());
            if (flags.printNewReferences) o.put("new_references", newReferences);
            o.put("error_count", errors);
            o.put("warning_count", log.warnings());
            o.put("exit_status", errors > 0 ? 1 : 0);
            o.put("summary", report == null ? Map.of() : summaryJson(report));
            o.put("seconds", report == null ? 0.0 : report.elapsedNanos() / 1e9);
            env.out().println(new ObjectMapper().writeValueAsString(o));
        } else if (report != null && !flags.noSummary) {
            printSummary(report, errors);
        }
        return errors > 0 ? 1 : 0;
    }

    private void printSummary(ComparisonReport r, long errors) {
        PrintStream err = env.err();
        err.printf(Locale.ROOT, "Comparison %s -> %s: %,d datasets compared, %,d with updates, %,d affected products, %,d errors, %.2f s%n",
                r.oldContext(), r.newContext(), r.processed(), r.updatedDatasets(), r.affectedProducts().size(), errors,
                r.elapsedNanos() / 1e9);
        r.summary().forEach((instrument, types) -> types.forEach((type, s) -> {
            if (s.updates() == 0 && s.errors() == 0) return;
            err.printf(Locale.ROOT, "  %-10s %-12s compared %,d  updates %,d (%,d in killed datasets)  errors %,d%n",
                    instrument.toLowerCase(Locale.ROOT), type, s.compared(), s.updates(), s.killedUpdates(), s.errors());
            s.transitions().entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .limit(10)
                    .forEach(e -> err.printf(Locale.ROOT, "      %,10d  %s%n", e.getValue(), e.getKey()));
            if (s.transitions().size() > 10) err.printf(Locale.ROOT, "      ... %d more transitions%n", s.transitions().size() - 10);
        }));
    }

    private static Map<String, Object> summaryJson(ComparisonReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        r.summary().forEach((instrument, types) -> {
            Map<String, Object> ti = new LinkedHashMap<>();
            types.forEach((type, s) -> {
                Map<String, Object> si = new LinkedHashMap<>();
                si.put("compared", s.compared());
                si.put("updates", s.updates());
                si.put("killed_updates", s.killedUpdates());
                si.put("errors", s.errors());
                si.put("transitions", s.transitions());
                ti.put(type, si);
            });
            out.put(instrument.toLowerCase(Locale.ROOT), ti);
        });
        return out;
    }

    /** CRDS's {@code {INSTR: {type: count}}} of updates. */
    private static String updateCounts(ComparisonReport r) {
        StringBuilder sb = new StringBuilder("{");
        boolean firstI = true;
        for (var e : r.summary().entrySet()) {
            StringBuilder inner = new StringBuilder();
            for (var t : e.getValue().entrySet()) {
                if (t.getValue().updates() == 0) continue;
                if (inner.length() > 0) inner.append(", ");
                inner.append(repr(t.getKey())).append(": ").append(t.getValue().updates());
            }
            if (inner.length() == 0) continue;
            if (!firstI) sb.append(", ");
            firstI = false;
            sb.append(repr(e.getKey())).append(": {").append(inner).append('}');
        }
        return sb.append('}').toString();
    }

    private DatasetStore openSource(CrdsLog log) throws IOException {
        if (flags.datasets != null) return DatasetStore.open(env.path(flags.datasets));
        if (headers != null) {
            DatasetStoreWriter w = StoreCommand.read(new JsonHeaderSource(env.path(headers), headers.toString()), env, "reading headers");
            return DatasetStore.of(w.toBytes(), headers.toString());
        }
        // CRDS's --load-pickles: the first file replaces, later files update keyword by keyword
        // (keys upper-cased, values conditioned, NOT FOUND N/A read as N/A).
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        boolean first = true;
        for (Path p : flags.loadPickles) {
            log.info("Loading file " + repr(p.toString()));
            Map<String, Map<String, String>> these = new LinkedHashMap<>();
            StoreCommand.source(env.path(p), p.toString(), log).forEach((id, h) -> these.put(id, new LinkedHashMap<>(h)));
            if (first) {
                log.info("Loaded " + these.size() + " datasets from file " + repr(p.toString()) + " completely replacing existing headers.");
                all.putAll(these);
            } else {
                log.info("Loaded " + these.size() + " datasets from file " + repr(p.toString()) + " augmenting existing headers.");
                these.forEach((id, h) -> {
                    Map<String, String> target = all.computeIfAbsent(id, k -> new LinkedHashMap<>());
                    h.forEach((k, v) -> {
                        String c = Conditioning.conditionValue(v);
                        target.put(k.toUpperCase(Locale.ROOT), c.equals("NOT FOUND N/A") ? "N/A" : c);
                    });
                });
            }
            first = false;
        }
        DatasetStoreWriter w = new DatasetStoreWriter();
        all.forEach(w::add);
        return DatasetStore.of(w.toBytes(), "pickles");
    }

    /** The logical rules diff's answers for the comparison. */
    private static AffectedTypes affectedTypes() {
        return new org.crdsj.engine.diff.DiffAffectedTypes();
    }

    private static String repr(String s) {
        return org.crdsj.engine.values.PythonRepr.str(s);
    }

    private static String pyDict(Map<String, List<String>> m) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (var e : m.entrySet()) {
            if (!first) sb.append(",\n  ");
            first = false;
            sb.append(repr(e.getKey())).append(": ").append(org.crdsj.engine.values.PythonRepr.list(e.getValue()));
        }
        return sb.append('}').toString();
    }
}
