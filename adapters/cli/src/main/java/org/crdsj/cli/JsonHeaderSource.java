package org.crdsj.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.store.HeaderSource;

/**
 * Dataset headers from JSON Lines, in either of two forms per line: the corpus form
 * {@code {"id": "...", "header": {KEYWORD: value, ...}}} or CRDS's {@code --load-pickles} form
 * {@code {"<id>": {KEYWORD: value, ...}, ...}}. Values are kept as text (numbers as written,
 * booleans as {@code True}/{@code False}); nulls are left out, as CRDS drops them. Parsed with a
 * streaming parser: no tree per line.
 */
final class JsonHeaderSource implements HeaderSource {
    private static final JsonFactory JSON = new JsonFactory();
    private final Path file;
    private final CountedFile counted;
    private final String shownName;

    JsonHeaderSource(Path file, String shownName) {
        this.file = file;
        this.counted = new CountedFile(file);
        this.shownName = shownName;
    }

    @Override
    public void forEach(Sink sink) throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        if (threads < 2 || Files.size(file) < (8L << 20)) {
            forEachSequential(sink);
            return;
        }
        // Large files: lines are parsed in batches on all cores and handed to the sink in file order.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "crds-json");
            t.setDaemon(true);
            return t;
        });
        java.util.ArrayDeque<java.util.concurrent.Future<List<Parsed>>> inFlight = new java.util.ArrayDeque<>();
        try (BufferedReader in = counted.open()) {
            long lineNo = 0;
            boolean eof = false;
            while (!eof || !inFlight.isEmpty()) {
                while (!eof && inFlight.size() < threads * 3) {
                    String[] batch = new String[BATCH];
                    int n = 0;
                    long first = lineNo + 1;
                    String line;
                    while (n < BATCH && (line = in.readLine()) != null) batch[n++] = line;
                    lineNo += n;
                    if (n < BATCH) eof = true;
                    int count = n;
                    inFlight.add(pool.submit(() -> parseBatch(batch, count, first)));
                }
                for (Parsed d : inFlight.poll().get()) sink.accept(d.id(), d.header());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static final int BATCH = 4096;

    /** One parsed dataset. */
    private record Parsed(String id, Map<String, String> header) {}

    private List<Parsed> parseBatch(String[] lines, int n, long firstLine) throws IOException {
        List<Parsed> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parseLine(lines[i], firstLine + i, (id, h) -> out.add(new Parsed(id, new LinkedHashMap<>(h))), new LinkedHashMap<>());
        }
        return out;
    }

    private void forEachSequential(Sink sink) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        long lineNo = 0;
        try (BufferedReader in = counted.open()) {
            String line;
            while ((line = in.readLine()) != null) parseLine(line, ++lineNo, sink, header);
        }
    }

    /** Parses one line (either form) and passes its dataset(s) to {@code sink}; {@code header} is scratch space. */
    private void parseLine(String line, long lineNo, Sink sink, Map<String, String> header) throws IOException {
        if (line.isBlank()) return;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("expected a JSON object");
            String id = null;
            boolean corpusForm = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("header") && t == JsonToken.START_OBJECT) {
                    header.clear();
                    readHeader(p, header);
                    corpusForm = true;
                } else if (field.equals("id") && t.isScalarValue()) {
                    id = p.getText();
                } else if (t == JsonToken.START_OBJECT && !corpusForm && id == null) {
                    header.clear();
                    readHeader(p, header);
                    sink.accept(field, header);
                } else {
                    p.skipChildren();
                }
            }
            if (corpusForm) {
                if (id == null) throw new IOException("missing \"id\"");
                sink.accept(id, header);
            }
        } catch (IOException e) {
            throw new IOException(shownName + ":" + lineNo + ": " + e.getMessage(), e);
        }
    }

    private static void readHeader(JsonParser p, Map<String, String> header) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (t) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> header.put(key, p.getText());
                case VALUE_TRUE -> header.put(key, "True");
                case VALUE_FALSE -> header.put(key, "False");
                case VALUE_NULL -> { }
                default -> p.skipChildren();
            }
        }
    }

    @Override
    public double fractionRead() {
        return counted.fraction();
    }
}
