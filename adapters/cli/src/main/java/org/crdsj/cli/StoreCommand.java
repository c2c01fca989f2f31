package org.crdsj.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crdsj.engine.io.AtomicFile;
import org.crdsj.engine.store.DatasetStore;
import org.crdsj.engine.store.DatasetStoreException;
import org.crdsj.engine.store.DatasetStoreWriter;
import org.crdsj.engine.store.HeaderSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code crds store}: dataset parameter stores ({@code .crdsds}), the memory-mapped form of an
 * archive's dataset headers that {@code crds bestrefs --datasets STORE} compares contexts over.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Dataset parameter stores: import headers, show what a store holds, export it.",
        subcommands = {StoreCommand.Import.class, StoreCommand.Info.class, StoreCommand.Export.class})
final class StoreCommand implements Runnable {
    @ParentCommand
    CrdsCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(parent.environment().out());
    }

    /** The header source a path names: JSON Lines, CSV, or a directory of FITS datasets. */
    static HeaderSource source(Path path, String shown, CrdsLog log) throws IOException {
        if (Files.isDirectory(path)) return new org.crdsj.fits.FitsDirectorySource(path, log::error);
        if (!Files.isRegularFile(path)) throw new IOException(shown + ": no such file");
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) return new CsvHeaderSource(path, shown);
        if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) return new JsonHeaderSource(path, shown);
        throw new IOException(shown + ": unknown kind of source (expected .jsonl, .json, .csv or a directory)");
    }

    /** Reads every dataset of a source into a new store writer, showing progress. */
    static DatasetStoreWriter read(HeaderSource source, ToolEnvironment env, String what) throws IOException {
        DatasetStoreWriter w = new DatasetStoreWriter();
        Progress progress = new Progress(what, env.err());
        source.forEach((id, header) -> {
            w.add(id, header);
            if ((w.size() & 4095) == 0) progress.estimate(source.fractionRead());   // for the time left
            progress.step();
        });
        progress.done();
        return w;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Build a store from JSON Lines ({\"id\", \"header\"} or {\"<id>\": {header}} per line), "
                    + "CSV (column id plus one column per keyword) or a directory of FITS datasets.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Option(names = "--from", required = true, paramLabel = "SOURCE", description = "Headers to import.")
        Path from;

        @Option(names = "--to", required = true, paramLabel = "STORE.crdsds", description = "The store to write (atomically).")
        Path to;

        @Override
        public Integer call() throws IOException {
            ToolEnvironment env = store.parent.environment();
            CrdsLog log = new CrdsLog(env.err());
            long t0 = System.nanoTime();
            DatasetStoreWriter w;
            try {
                w = read(source(env.path(from), from.toString(), log), env, "crds store import");
            } catch (IOException e) {
                log.error(e.getMessage());
                return 1;
            }
            w.write(env.path(to));
            double secs = (System.nanoTime() - t0) / 1e9;
            log.info(String.format(Locale.ROOT, "Imported %,d datasets into '%s' in %.1f s (%,d bytes).",
                    w.size(), to, secs, Files.size(env.path(to))));
            return log.errors() > 0 ? 1 : 0;   // unreadable dataset files were left out
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Datasets per instrument, columns and size of a store.")
    static final class Info implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Parameters(index = "0", paramLabel = "STORE")
        Path path;

        @Option(names = "--verify", description = "Also check every section's checksum (reads the whole file).")
        boolean verify;

        @Option(names = "--json", description = "One JSON object instead of text.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            ToolEnvironment env = store.parent.environment();
            try (DatasetStore s = DatasetStore.open(env.path(path))) {
                if (verify) s.verify();
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("store", path.toString());
                info.put("datasets", s.size());
                info.put("bytes", s.fileLength());
                info.put("ids_sorted", s.idsSorted());
                Map<String, Object> groups = new LinkedHashMap<>();
                for (DatasetStore.Group g : s.groups()) {
                    Map<String, Object> gi = new LinkedHashMap<>();
                    gi.put("datasets", g.rows());
                    Map<String, Integer> cols = new LinkedHashMap<>();
                    for (DatasetStore.Column c : g.columns()) cols.put(c.keyword(), c.dictionarySize() - 1);
                    gi.put("columns", cols);
                    groups.put(g.instrument().orElse("(no instrument)"), gi);
                }
                info.put("instruments", groups);
                if (verify) info.put("verified", true);
                if (json) {
                    env.out().println(new ObjectMapper().writeValueAsString(info));
                } else {
                    env.out().printf(Locale.ROOT, "%s: %,d datasets, %,d bytes, ids %s%s%n", path, s.size(), s.fileLength(),
                            s.idsSorted() ? "sorted" : "unsorted", verify ? ", checksums verified" : "");
                    for (DatasetStore.Group g : s.groups()) {
                        env.out().printf(Locale.ROOT, "  %-16s %,12d datasets  %d columns%n", g.instrument().orElse("(no instrument)"),
                                g.rows(), g.columns().size());
                        for (DatasetStore.Column c : g.columns()) {
                            env.out().printf(Locale.ROOT, "      %-28s %,d distinct values%n", c.keyword(), c.dictionarySize() - 1);
                        }
                    }
                }
                return 0;
            } catch (DatasetStoreException e) {
                new CrdsLog(env.err()).error(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a store's datasets as JSON Lines {\"id\", \"header\"}, in import order.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Parameters(index = "0", paramLabel = "STORE")
        Path path;

        @Option(names = "--to", required = true, paramLabel = "OUT.jsonl", description = "Where to write (atomically).")
        Path to;

        @Override
        public Integer call() throws IOException {
            ToolEnvironment env = store.parent.environment();
            try (DatasetStore s = DatasetStore.open(env.path(path))) {
                Progress progress = new Progress("crds store export", env.err(), s.size());
                AtomicFile.write(env.path(to), out -> {
                    JsonGenerator g = new JsonFactory().createGenerator(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    g.setRootValueSeparator(null);
                    for (int i = 0; i < s.size(); i++) {
                        g.writeStartObject();
                        g.writeStringField("id", s.id(i));
                        g.writeObjectFieldStart("header");
                        for (Map.Entry<String, String> e : s.header(i).entrySet()) g.writeStringField(e.getKey(), e.getValue());
                        g.writeEndObject();
                        g.writeEndObject();
                        g.writeRaw('\n');
                        progress.step();
                    }
                    g.flush();
                });
                progress.done();
                return 0;
            } catch (DatasetStoreException e) {
                new CrdsLog(env.err()).error(e.getMessage());
                return 1;
            }
        }
    }

}
