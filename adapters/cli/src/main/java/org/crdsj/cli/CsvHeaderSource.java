package org.crdsj.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.store.HeaderSource;

/**
 * Dataset headers from CSV (RFC 4180: commas, double-quoted fields with {@code ""} escapes and
 * line breaks): a first row of column names, one of them {@code id}, the others keywords. An empty
 * unquoted cell means the keyword is absent; a quoted empty cell {@code ""} is the empty string.
 */
final class CsvHeaderSource implements HeaderSource {
    private final CountedFile counted;
    private final String shownName;

    CsvHeaderSource(Path file, String shownName) {
        this.counted = new CountedFile(file);
        this.shownName = shownName;
    }

    @Override
    public void forEach(Sink sink) throws IOException {
        try (BufferedReader in = counted.open()) {
            long[] line = {0};
            List<String> names = record(in, line);
            if (names == null) return;
            int idColumn = names.indexOf("id");
            if (idColumn < 0) throw new IOException(shownName + ":1: no column named id");
            Map<String, String> header = new LinkedHashMap<>();
            List<String> cells;
            while ((cells = record(in, line)) != null) {
                if (cells.size() == 1 && cells.get(0) == null) continue;   // blank line
                if (cells.size() != names.size()) {
                    throw new IOException(shownName + ":" + line[0] + ": " + cells.size() + " cells, expected " + names.size());
                }
                header.clear();
                for (int c = 0; c < cells.size(); c++) {
                    if (c != idColumn && cells.get(c) != null) header.put(names.get(c), cells.get(c));
                }
                String id = cells.get(idColumn);
                if (id == null) throw new IOException(shownName + ":" + line[0] + ": empty id");
                sink.accept(id, header);
            }
        }
    }

    /** One record; an unquoted empty cell is null. Null at end of input. */
    private List<String> record(BufferedReader in, long[] line) throws IOException {
        String text = in.readLine();
        if (text == null) return null;
        line[0]++;
        if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false, wasQuoted = false;
        int i = 0;
        while (true) {
            if (i >= text.length()) {
                if (quoted) {
                    String more = in.readLine();
                    if (more == null) throw new IOException(shownName + ":" + line[0] + ": unterminated quoted field");
                    line[0]++;
                    if (more.endsWith("\r")) more = more.substring(0, more.length() - 1);
                    cell.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                cells.add(cell.length() == 0 && !wasQuoted ? null : cell.toString());
                return cells;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.length() == 0 && !wasQuoted ? null : cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else {
                cell.append(c);
            }
        }
    }

    @Override
    public double fractionRead() {
        return counted.fraction();
    }
}
