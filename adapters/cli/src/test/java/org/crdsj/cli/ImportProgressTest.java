package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crdsj.engine.store.HeaderSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import sources say how far through their input they are, so progress can show the time left. */
class ImportProgressTest {
    @TempDir Path tmp;

    private static List<Double> fractionsSeen(HeaderSource source) throws Exception {
        List<Double> seen = new ArrayList<>();
        source.forEach((id, header) -> seen.add(source.fractionRead()));
        seen.add(source.fractionRead());
        return seen;
    }

    private static void assertClimbsToOne(List<Double> seen, int datasets) {
        assertEquals(datasets + 1, seen.size());
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i) >= seen.get(i - 1), "never goes back at " + i);
        assertTrue(seen.get(0) > 0 && seen.get(0) < 0.5, "the first dataset comes early in the file: " + seen.get(0));
        assertEquals(1.0, seen.get(seen.size() - 1), 1e-12, "all of the file read at the end");
    }

    @Test
    void jsonLinesAndCsvSourcesReportTheFractionOfTheFileRead() throws Exception {
        int n = 30_000;
        StringBuilder json = new StringBuilder();
        StringBuilder csv = new StringBuilder("id,INSTRUME,DETECTOR,DATE-OBS\n");
        for (int i = 0; i < n; i++) {
            json.append("{\"id\": \"d").append(i).append("\", \"header\": {\"INSTRUME\": \"ACS\", \"DETECTOR\": \"WFC\", \"DATE-OBS\": \"2004-01-")
                    .append(10 + i % 20).append("\"}}\n");
            csv.append("d").append(i).append(",ACS,WFC,2004-01-").append(10 + i % 20).append('\n');
        }
        Path jsonl = Files.writeString(tmp.resolve("d.jsonl"), json);
        Path csvFile = Files.writeString(tmp.resolve("d.csv"), csv);
        assertEquals(-1.0, new JsonHeaderSource(jsonl, "d.jsonl").fractionRead(), "unknown before reading");
        assertClimbsToOne(fractionsSeen(new JsonHeaderSource(jsonl, "d.jsonl")), n);
        assertClimbsToOne(fractionsSeen(new CsvHeaderSource(csvFile, "d.csv")), n);
    }
}
