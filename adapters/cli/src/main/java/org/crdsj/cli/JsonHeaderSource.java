package org.crdsj.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * booleans as {@code True}/{@code False}); nulls are left out, as CRDS drops them. The file is read
 * in chunks of whole lines scanned on all cores ({@link JsonLinesChunk}: a byte scanner for the
 * usual corpus-form lines, Jackson's streaming parser for every other line) and handed on in file
 * order; {@link #forEachWithJackson} is the plain line-by-line reading it must agree with.
 */
final class JsonHeaderSource implements HeaderSource {
    private static final JsonFactory JSON = new JsonFactory();
    private final Path file;
    private final String shownName;

    private final int chunkBytes;

    JsonHeaderSource(Path file, String shownName) {
        this(file, shownName, CHUNK);
    }

    /** With chunks of about {@code chunkBytes} (tests use small ones to cross many chunk boundaries). */
    JsonHeaderSource(Path file, String shownName, int chunkBytes) {
        this.file = file;
        this.shownName = shownName;
        this.chunkBytes = chunkBytes;
    }

    @Override
    public void forEach(Sink sink) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        long size = Files.size(file);
        if (size < chunkBytes) {
            JsonLinesChunk c = JsonLinesChunk.parse(Files.readAllBytes(file), this::parseLine);
            c.deliver(sink, 1, this::parseLine);
            return;
        }
        // Large files: chunks of whole lines are scanned on all cores and handed to the sink in file order.
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "crds-json");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<JsonLinesChunk>> inFlight = new ArrayDeque<>();
        try (InputStream in = Files.newInputStream(file)) {
            long nextLine = 1;
            byte[] carry = new byte[0];
            boolean eof = false;
            while (!eof || !inFlight.isEmpty()) {
                while (!eof && inFlight.size() < threads * 3) {
                    byte[] block = new byte[Math.max(chunkBytes, carry.length * 2)];
                    System.arraycopy(carry, 0, block, 0, carry.length);
                    int n = carry.length;
                    while (n < block.length) {
                        int r = in.read(block, n, block.length - n);
                        if (r < 0) { eof = true; break; }
                        n += r;
                    }
                    int cut = n;
                    if (!eof) {
                        cut = lastNewline(block, n);
                        if (cut < 0) { carry = Arrays.copyOf(block, n); continue; }
                        cut++;
                    }
                    carry = Arrays.copyOfRange(block, cut, n);
                    byte[] bytes = block;
                    int length = cut;
                    inFlight.add(pool.submit(() -> JsonLinesChunk.parse(bytes, length, this::parseLine)));
                }
                if (inFlight.isEmpty()) break;
                JsonLinesChunk c = inFlight.poll().get();
                c.deliver(sink, nextLine, this::parseLine);
                nextLine += c.lines();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Bytes per chunk of lines scanned as one task. */
    static final int CHUNK = 4 << 20;

    private static int lastNewline(byte[] b, int n) {
        for (int i = n - 1; i >= 0; i--) if (b[i] == '\n') return i;
        return -1;
    }

    /**
     * The reference reading: every line decoded and parsed with Jackson, one after another (the
     * fast scanner must give the same datasets or the same error).
     */
    void forEachWithJackson(Sink sink) throws IOException {
        forEachSequential(sink);
    }

    private void forEachSequential(Sink sink) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        long lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) parseLine(line, ++lineNo, sink, header);
        }
    }

    /** Parses one line (either form) and passes its dataset(s) to {@code sink}; {@code header} is scratch space. */
    void parseLine(String line, long lineNo, Sink sink, Map<String, String> header) throws IOException {
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
}
