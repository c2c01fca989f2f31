package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crdsj.engine.rules.Checksums;
import org.crdsj.engine.rules.MappingHeader;
import org.crdsj.grammar.MappingParser;
import org.crdsj.grammar.RulesSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every DEV case of {@code golden-tools/checksum_cases.jsonl}: {@code crds checksum --verify FILE}
 * and {@code crds checksum FILE} run in-process from a scratch copy of the corpus mappings (the
 * variants written from their {@code text}), every recorded field compared.
 */
class ChecksumGoldensTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("computed_sha1sum", "stored_sha1sum", "matches",
            "verify.exit_status", "verify.errors", "verify.warnings", "rewrite.exit_status", "rewrite.errors",
            "rewrite.warnings", "rewrite.changed", "rewrite.file_sha1", "rewrite.size", "rewrite.new_stored_sha1sum",
            "rewrite.text");

    @TempDir
    Path temp;

    @Test
    void everyDevCaseAgrees() throws IOException {
        Path goldens = ScratchCorpus.source().resolve("golden-tools/checksum_cases.jsonl");
        Map<String, int[]> table = new LinkedHashMap<>();   // field -> {agree, total}
        for (String f : FIELDS) table.put(f, new int[2]);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String line : Files.readAllLines(goldens, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode c = JSON.readTree(line);
            cases++;
            Map<String, Object[]> fields = runCase(c, temp.resolve("case" + cases));
            String first = null;
            for (Map.Entry<String, Object[]> f : fields.entrySet()) {
                int[] t = table.get(f.getKey());
                t[1]++;
                if (Objects.equals(f.getValue()[0], f.getValue()[1])) t[0]++;
                else if (first == null) first = f.getKey() + ": expected " + f.getValue()[0] + "\n    got " + f.getValue()[1];
            }
            if (first != null) failures.add(c.get("id").asText() + " -- " + first);
        }
        System.out.println("crds checksum goldens: " + (cases - failures.size()) + "/" + cases + " cases agree");
        System.out.println(String.format("  %-28s %s", "field", "agree/total"));
        table.forEach((f, t) -> System.out.println(String.format("  %-28s %d/%d", f, t[0], t[1])));
        assertTrue(cases > 100, "too few checksum cases: " + cases);
        if (!failures.isEmpty()) fail(failures.size() + " cases differ:\n" + String.join("\n", failures));
    }

    /** Field -> {expected, actual} for one case. */
    private Map<String, Object[]> runCase(JsonNode c, Path root) throws IOException {
        ScratchCorpus.copyInto(root, List.of("mappings"));
        String mapping = c.get("mapping").asText();
        Path file = root.resolve(mapping);
        if (c.hasNonNull("text")) {
            Files.createDirectories(file.getParent());
            Files.write(file, c.get("text").asText().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> vars = ScratchCorpus.variables(root, c.get("observatory").asText());
        byte[] before = Files.readAllBytes(file);
        String text = Checksums.normalizeNewlines(new String(before, StandardCharsets.UTF_8));

        Map<String, Object[]> out = new LinkedHashMap<>();
        String computed = Checksums.compute(text);
        String stored = storedSha1sum(text, file);
        put(out, "computed_sha1sum", c.get("computed_sha1sum").asText(), computed);
        put(out, "stored_sha1sum", textOrNull(c.get("stored_sha1sum")), stored);
        put(out, "matches", c.get("matches").asBoolean(), computed.equals(stored));

        ToolRun verify = ToolRun.run(root, vars, List.of("crds", "checksum", "--verify", mapping));
        JsonNode v = c.get("verify");
        put(out, "verify.exit_status", v.get("exit_status").asInt(), verify.exitStatus());
        put(out, "verify.errors", strings(v.get("errors")), verify.errors());
        put(out, "verify.warnings", strings(v.get("warnings")), verify.warnings());

        ToolRun rewrite = ToolRun.run(root, vars, List.of("crds", "checksum", mapping));
        JsonNode r = c.get("rewrite");
        byte[] after = Files.readAllBytes(file);
        String afterText = new String(after, StandardCharsets.UTF_8);
        boolean changed = !java.util.Arrays.equals(before, after);
        put(out, "rewrite.exit_status", r.get("exit_status").asInt(), rewrite.exitStatus());
        put(out, "rewrite.errors", strings(r.get("errors")), rewrite.errors());
        put(out, "rewrite.warnings", strings(r.get("warnings")), rewrite.warnings());
        put(out, "rewrite.changed", r.get("changed").asBoolean(), changed);
        put(out, "rewrite.file_sha1", r.get("file_sha1").asText(), sha1(after));
        put(out, "rewrite.size", r.get("size").asLong(), (long) after.length);
        put(out, "rewrite.new_stored_sha1sum", textOrNull(r.get("new_stored_sha1sum")),
                storedSha1sum(Checksums.normalizeNewlines(afterText), file));
        put(out, "rewrite.text", textOrNull(r.get("text")), changed && after.length <= 20000 ? afterText : null);
        return out;
    }

    private static void put(Map<String, Object[]> out, String field, Object expected, Object actual) {
        out.put(field, new Object[] {expected, actual});
    }

    /** The header sha1sum as CRDS reads it (lower-cased), or null when missing or unparsable. */
    private static String storedSha1sum(String text, Path file) {
        try {
            var syntax = MappingParser.parse(text, file.getFileName().toString());
            return new MappingHeader(file.getFileName().toString(), syntax.header()).string("sha1sum").orElse(null);
        } catch (RulesSyntaxException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
