package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crds store import / info / export} end to end. */
class StoreCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    private ToolRun crds(String... argv) {
        return ToolRun.run(tmp, Map.of(), List.of(argv));
    }

    @Test
    void jsonlImportThenExportGivesBackTheInput() throws Exception {
        for (String name : List.of("affected_hst_headers.jsonl", "affected_roman_headers.jsonl")) {
            Path in = ScratchCorpus.source().resolve("golden-affected").resolve(name);
            ToolRun imp = crds("store", "import", "--from", in.toString(), "--to", "s.crdsds");
            assertEquals(0, imp.exitStatus(), imp.stderr());
            ToolRun exp = crds("store", "export", "s.crdsds", "--to", "out.jsonl");
            assertEquals(0, exp.exitStatus(), exp.stderr());
            List<JsonNode> expected = new ArrayList<>(), actual = new ArrayList<>();
            for (String l : Files.readAllLines(in)) if (!l.isBlank()) expected.add(JSON.readTree(l));
            for (String l : Files.readAllLines(tmp.resolve("out.jsonl"))) actual.add(JSON.readTree(l));
            assertEquals(expected, actual, name);
            ToolRun info = crds("store", "info", "s.crdsds", "--verify", "--json");
            assertEquals(0, info.exitStatus(), info.stderr());
            JsonNode i = JSON.readTree(info.stdout().get(0));
            assertEquals(expected.size(), i.get("datasets").asInt());
            int sum = 0;
            for (JsonNode g : i.get("instruments")) sum += g.get("datasets").asInt();
            assertEquals(expected.size(), sum);
        }
    }

    @Test
    void csvImport() throws Exception {
        Files.writeString(tmp.resolve("d.csv"), String.join("\r\n",
                "id,INSTRUME,DETECTOR,DATE-OBS,NOTE",
                "b1,ACS,WFC,2003-01-01,",
                "a2,COS,FUV,2010-01-01,\"say \"\"hi\"\", twice\"",
                "c3,,HRC,2004-01-01,\"\"",
                "d4,ACS,\"multi",
                "line\",2005-01-01,x") + "\r\n");
        ToolRun imp = crds("store", "import", "--from", "d.csv", "--to", "d.crdsds");
        assertEquals(0, imp.exitStatus(), imp.stderr());
        assertEquals(0, crds("store", "export", "d.crdsds", "--to", "d.jsonl").exitStatus());
        List<String> lines = Files.readAllLines(tmp.resolve("d.jsonl"));
        assertEquals(4, lines.size());
        assertEquals(JSON.readTree("{\"id\":\"b1\",\"header\":{\"INSTRUME\":\"ACS\",\"DETECTOR\":\"WFC\",\"DATE-OBS\":\"2003-01-01\"}}"), JSON.readTree(lines.get(0)));
        assertEquals("say \"hi\", twice", JSON.readTree(lines.get(1)).get("header").get("NOTE").asText());
        assertEquals(JSON.readTree("{\"id\":\"c3\",\"header\":{\"DETECTOR\":\"HRC\",\"DATE-OBS\":\"2004-01-01\",\"NOTE\":\"\"}}"), JSON.readTree(lines.get(2)));
        assertEquals("multi\nline", JSON.readTree(lines.get(3)).get("header").get("DETECTOR").asText());
        ToolRun info = crds("store", "info", "d.crdsds");
        assertTrue(info.stdout().get(0).contains("4 datasets"), info.stdout().toString());
    }

    @Test
    void aDamagedStoreIsAClearError() throws Exception {
        Files.writeString(tmp.resolve("h.jsonl"), "{\"id\": \"x\", \"header\": {\"INSTRUME\": \"ACS\"}}\n");
        assertEquals(0, crds("store", "import", "--from", "h.jsonl", "--to", "h.crdsds").exitStatus());
        byte[] b = Files.readAllBytes(tmp.resolve("h.crdsds"));
        Files.write(tmp.resolve("cut.crdsds"), java.util.Arrays.copyOf(b, b.length - 7));
        ToolRun info = crds("store", "info", "cut.crdsds");
        assertEquals(1, info.exitStatus());
        assertTrue(info.errors().get(0).contains("cut.crdsds") && info.errors().get(0).contains("truncated"), info.errors().toString());
        ToolRun bad = crds("store", "import", "--from", "nope.jsonl", "--to", "n.crdsds");
        assertEquals(1, bad.exitStatus());
        assertTrue(!Files.exists(tmp.resolve("n.crdsds")));
    }
}
