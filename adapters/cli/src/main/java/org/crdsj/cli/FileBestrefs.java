package org.crdsj.cli;

import org.crdsj.engine.compare.DatasetComparison;
import org.crdsj.engine.compare.TrackedError;
import org.crdsj.engine.store.HeaderInstrument;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.observatory.Observatory;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.PythonRepr;
import org.crdsj.fits.BestrefsKeywords;
import org.crdsj.fits.DatasetHeader;
import org.crdsj.fits.FitsHeaderUpdate;

/**
 * {@code crds bestrefs --files}: CRDS's file mode. Each dataset's header is read as CRDS reads it,
 * looked up under the new context (and the old one, when given), each type's result is screened
 * or compared as CRDS does, and with {@code --update-bestrefs} the results are written back into
 * the file's primary header.
 *
 * <p>stdout gets a table (default), JSON Lines, or CRDS's {@code --print-new-references} lines;
 * CRDS's log lines go to stderr. Exit status 0, or 1 after any error.
 */
final class FileBestrefs {
    /** How results are printed on stdout. */
    enum Format { TABLE, JSONL, NONE }

    private final ToolEnvironment env;
    private final CrdsLog log;
    private final ContextCache cache;
    private final String newContext;
    private final String oldContext;
    private final boolean updateBestrefs;
    private final boolean printNewReferences;
    private final Format format;

    /** One update of one type: CRDS's UpdateTuple (old is null in screen mode). */
    record Update(String instrument, String filekind, String oldReference, String newReference) {}

    FileBestrefs(ToolEnvironment env, ContextCache cache, String newContext, String oldContext,
                 boolean updateBestrefs, boolean printNewReferences, Format format) {
        this.env = env;
        this.log = new CrdsLog(env.err());
        this.cache = cache;
        this.newContext = newContext;
        this.oldContext = oldContext;
        this.updateBestrefs = updateBestrefs;
        this.printNewReferences = printNewReferences;
        this.format = format;
    }

    int run(List<String> fileArguments) throws IOException {
        Context ctx = cache.get(newContext);
        Context old = oldContext == null ? null : cache.get(oldContext);
        Observatory observatory = ctx.mapping().observatory();
        List<String> files = WordLists.expand(env, fileArguments);
        files.sort(CodePointOrder.STRINGS);   // CRDS processes sources in sorted order

        if (old == null) log.info("No comparison context or source comparison requested.");
        if (!updateBestrefs) log.info("No file header updates requested;  dry run.  Use --update-bestrefs to update FITS headers.");

        Map<String, List<Update>> updates = new LinkedHashMap<>();
        Writer out = new OutputStreamWriter(env.out(), StandardCharsets.UTF_8);
        BestrefsCommand.Output printer = format == Format.TABLE ? new BestrefsCommand.TableOutput(out)
                : format == Format.JSONL ? new BestrefsCommand.JsonlOutput(out) : r -> { };
        for (String source : files) {
            Map<String, String> header;
            String instrument;
            try {
                header = new LinkedHashMap<>(DatasetHeader.read(env.path(source)));
                instrument = HeaderInstrument.of(header)
                        .orElseThrow(() -> new IllegalArgumentException("'No instrument keyword defined in header.'"));
            } catch (IOException | RuntimeException e) {
                log.error("Failed loading source " + PythonRepr.str(source) + " from 'FileHeaderGenerator' : " + message(e));
                printer.write(fileError(source, e));
                continue;
            }
            log.info("===> Processing " + source);
            header.put("INSTRUME", instrument);
            header.put("META.INSTRUMENT.NAME", instrument);
            BestRefs newRefs = ctx.bestrefs(header);
            BestRefs oldRefs = old == null ? null : old.bestrefs(header);
            printer.write(old == null ? ResultJson.bestrefs(source, newRefs, false) : ResultJson.difference(source, oldRefs, newRefs));
            BestRefs failed = newRefs.isFailed() ? newRefs : oldRefs != null && oldRefs.isFailed() ? oldRefs : null;
            if (failed != null) {
                String ctxName = failed == newRefs ? newContext : oldContext;
                log.error("Failed processing " + PythonRepr.str(source) + " : Failed computing bestrefs for data "
                        + PythonRepr.str(source) + " with respect to " + PythonRepr.str(ctxName) + " : " + failed.failure().get().message());
                continue;
            }
            List<Update> found = old == null ? screen(source, instrument, upperKeys(newRefs))
                    : compare(source, instrument, upperKeys(oldRefs), upperKeys(newRefs));
            if (!found.isEmpty()) updates.put(source, found);
        }
        out.flush();

        if (printNewReferences) {
            PrintStream stdout = env.out();
            List<String> ids = new ArrayList<>(updates.keySet());
            ids.sort(CodePointOrder.STRINGS);
            for (String id : ids) {
                for (Update u : updates.get(id)) {
                    stdout.println(id.toLowerCase(Locale.ROOT) + " " + u.instrument().toLowerCase(Locale.ROOT) + " "
                            + u.filekind().toLowerCase(Locale.ROOT) + " " + (u.oldReference() == null ? "none" : u.oldReference().toLowerCase(Locale.ROOT))
                            + " " + u.newReference().toLowerCase(Locale.ROOT));
                }
            }
            stdout.flush();
        }
        if (updateBestrefs) {
            for (Map.Entry<String, List<Update>> e : updates.entrySet()) write(observatory, e.getKey(), e.getValue());
        }
        log.info(log.errors() + " errors");
        log.info(log.warnings() + " warnings");
        log.info(log.infos() + " infos");
        return log.errors() > 0 ? 1 : 0;
    }

    private void write(Observatory observatory, String source, List<Update> found) {
        TreeMap<String, String> refs = new TreeMap<>(CodePointOrder.STRINGS);
        for (Update u : found) refs.put(u.filekind(), u.newReference());
        if (DatasetHeader.isGeis(env.path(source))) {   // CRDS opens it as FITS and fails too
            log.error("Failed updating best references in " + PythonRepr.str(source) + " : GEIS headers cannot be updated");
            return;
        }
        try {
            Map<String, String> values = BestrefsKeywords.assignments(observatory, found.get(0).instrument(), newContext,
                    BestrefsKeywords.VERSION, refs);
            new FitsHeaderUpdate(values).applyTo(env.path(source));
        } catch (IOException | RuntimeException e) {
            log.error("Failed updating best references in " + PythonRepr.str(source) + " : " + message(e));
        }
    }

    /** CRDS's screen mode: every usable new value is an update; failures are errors. */
    private List<Update> screen(String source, String instrument, Map<String, String> newRefs) {
        List<Update> out = new ArrayList<>();
        List<String> types = new ArrayList<>(newRefs.keySet());
        types.sort(CodePointOrder.STRINGS);
        for (String type : types) {
            String filekind = type.toLowerCase(Locale.ROOT);
            DatasetComparison.Normalized n = normalise("New:", newRefs, source, instrument, filekind);
            if (n.ok()) out.add(new Update(instrument, filekind, null, n.value()));
        }
        return out;
    }

    /** CRDS's compare mode (--old-context): differing values are updates, logged as new best references. */
    private List<Update> compare(String source, String instrument, Map<String, String> oldRefs, Map<String, String> newRefs) {
        List<Update> out = new ArrayList<>();
        java.util.TreeSet<String> types = new java.util.TreeSet<>(CodePointOrder.STRINGS);
        types.addAll(oldRefs.keySet());
        types.addAll(newRefs.keySet());
        for (String type : types) {
            String filekind = type.toLowerCase(Locale.ROOT);
            DatasetComparison.Normalized o = normalise("Old:", oldRefs, source, instrument, filekind);
            DatasetComparison.Normalized n = normalise("New:", newRefs, source, instrument, filekind);
            if (!n.ok()) continue;
            if (!n.value().equals(o.value())) {
                log.info(TrackedError.prefix(instrument, filekind, source) + "New best reference: " + DatasetComparison.lowRepr(o.value()) + " --> "
                        + DatasetComparison.lowRepr(n.value()) + " " + (updateBestrefs ? ":: Updating." : ":: Would update."));
                out.add(new Update(instrument, filekind, o.value(), n.value()));
            }
        }
        return out;
    }

    /** One side as CRDS's handle_na_and_not_found sees it (without --undefined-differences-matter); failures are logged. */
    private DatasetComparison.Normalized normalise(String side, Map<String, String> refs, String source, String instrument,
                                                  String filekind) {
        List<TrackedError> errors = new ArrayList<>(0);
        DatasetComparison.Normalized n = DatasetComparison.normalize(instrument, filekind, side,
                refs.get(filekind.toUpperCase(Locale.ROOT)), false, errors);
        for (TrackedError e : errors) log.error(e.message(source));
        return n;
    }

    /** The {type: value} dict CRDS's getrecommendations returns, keys upper-cased; several files print as a tuple. */
    private static Map<String, String> upperKeys(BestRefs refs) {
        Map<String, String> out = new LinkedHashMap<>();
        refs.crdsDict().forEach((k, v) -> {
            String s = v instanceof List<?> l ? PythonRepr.tuple(l.stream().map(String::valueOf).toList()) : String.valueOf(v);
            out.put(k.toUpperCase(Locale.ROOT), s);
        });
        return out;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Map<String, Object> fileError(String source, Exception e) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("category", "unreadable_file");
        err.put("error_class", e.getClass().getSimpleName());
        err.put("message", message(e));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", source);
        out.put("error", err);
        return out;
    }
}
