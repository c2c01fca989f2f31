package org.crdsj.engine.values;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the Python-generated golden tables next to the tests ({@code # comments}, one case a line). */
final class GoldenTable {
    private GoldenTable() {}

    /** One line split at its first occurrence of {@code separator}; text is kept verbatim (spaces matter). */
    record Row(int line, String input, String expected) {}

    static List<Row> read(String resource, char separator) {
        InputStream in = GoldenTable.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("missing test resource " + resource);
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.startsWith("#")) continue;
                int cut = line.indexOf(separator);
                if (cut < 0) throw new IllegalStateException(resource + ":" + n + " has no separator");
                rows.add(new Row(n, line.substring(0, cut), line.substring(cut + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) throw new IllegalStateException("empty test resource " + resource);
        return rows;
    }
}
