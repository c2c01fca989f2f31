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

/**
 * {@code crds bench --json} reports how the compiled-context cache served the load (miss, then
 * hit; off without caches), the cost of the first bestrefs after a lazy load, and keeps its keys.
 */
class BenchCacheTest {
    @TempDir Path root;

    private JsonNode bench(Map<String, String> vars, List<String> extra) throws Exception {
        List<String> argv = new ArrayList<>(List.of("bench", "--context", "hst_acs_9000.imap", "--headers", "headers.jsonl",
                "--seconds", "0.05", "--warmup", "0", "--json"));
        argv.addAll(extra);
        ToolRun r = ToolRun.run(root, vars, argv);
        assertEquals(0, r.exitStatus(), r.stderr());
        return new ObjectMapper().readTree(String.join("\n", r.stdout()).strip());
    }

    @Test
    void reportsTheCompiledContextCache() throws Exception {
        ScratchCorpus.copyInto(root, List.of("mappings"));
        Map<String, String> vars = ScratchCorpus.variables(root, "hst");
        List<String> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(ScratchCorpus.source().resolve("golden").resolve("context_cases_hst.jsonl"))) {
            JsonNode c = json.readTree(line);
            if (!"ACS".equals(c.get("header").path("INSTRUME").asText())) continue;
            lines.add(json.writeValueAsString(Map.of("id", c.get("id").asText(), "header", c.get("header"))));
            if (lines.size() == 50) break;
        }
        assertTrue(lines.size() > 10, "ACS headers: " + lines.size());
        Files.write(root.resolve("headers.jsonl"), lines);
        String cache = root.resolve("cache").toString();

        JsonNode miss = bench(vars, List.of("--cache-dir", cache));
        assertEquals("miss", miss.get("cache").asText());
        for (String key : List.of("name", "load_ms", "load_cpu_ms", "load_process_cpu_ms", "headers", "threads", "headers_per_s", "lookups_per_s",
                "p50_us", "p99_us", "heap_mb", "first_bestrefs_ms", "first_pass_ms", "eager", "syntax_cache")) {
            assertTrue(miss.has(key), "key " + key + " in " + miss);
        }
        JsonNode lazy = bench(vars, List.of("--cache-dir", cache));
        assertEquals("hit", lazy.get("cache").asText());
        assertEquals(false, lazy.get("eager").asBoolean());
        JsonNode eager = bench(vars, List.of("--cache-dir", cache, "--eager"));
        assertEquals("hit", eager.get("cache").asText());
        assertEquals(true, eager.get("eager").asBoolean());
        assertEquals(lazy.get("headers").asInt(), eager.get("headers").asInt());
        JsonNode syntaxOnly = bench(vars, List.of("--cache-dir", cache, "--no-context-cache"));
        assertEquals("off", syntaxOnly.get("cache").asText());
        assertEquals("on", syntaxOnly.get("syntax_cache").asText());
        JsonNode none = bench(vars, List.of("--no-cache"));
        assertEquals("off", none.get("cache").asText());
        assertEquals("off", none.get("syntax_cache").asText());
    }
}
