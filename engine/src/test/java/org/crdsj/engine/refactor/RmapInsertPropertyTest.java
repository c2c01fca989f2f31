package org.crdsj.engine.refactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.crdsj.engine.rules.Checksums;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.rules.MappingText;
import org.crdsj.grammar.MappingParser;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.junit.jupiter.api.Test;

/**
 * Random insertions into the corpus's HST Match/UseAfter rmaps, at existing cases with new dates
 * and at the dates already there: the result loads in the engine, the new file is found exactly
 * at the requested case and date, a same-date insertion replaces exactly one file, and every
 * other file of the rmap stays. Seed printed.
 */
class RmapInsertPropertyTest {

    @Test
    void insertionsLandWhereTheyShouldAndKeepEverythingElse() throws IOException {
        Path corpus = Path.of(System.getProperty("crds.corpus"));
        List<Path> rmaps = new ArrayList<>();
        try (Stream<Path> s = Files.list(corpus.resolve("mappings/hst"))) {
            s.filter(p -> p.toString().endsWith(".rmap")).sorted().forEach(rmaps::add);
        }
        long seed = 424242L;
        System.out.println("RmapInsertPropertyTest seed " + seed);
        Random random = new Random(seed);
        int done = 0;
        for (int attempt = 0; attempt < 400 && done < 25; attempt++) {
            Path file = rmaps.get(random.nextInt(rmaps.size()));
            String text = Checksums.normalizeNewlines(Files.readString(file, StandardCharsets.UTF_8));
            MappingSyntax syntax = MappingParser.parse(text, file.getFileName().toString());
            RmapEditor editor = RmapEditor.of(syntax);
            List<List<String>> parkey = editor.parkey();
            if (!text.contains("'parkey' : (('") || parkey.size() != 2 || parkey.get(1).size() != 2 || text.contains("'classes'")) continue;
            List<String> refs = new ArrayList<>(RmapEditor.referenceNames(syntax.selector()));
            refs.removeIf(r -> !r.contains("."));
            if (refs.isEmpty()) continue;
            String existing = refs.get(random.nextInt(refs.size()));
            List<List<List<String>>> path = editor.fileMatches(existing).get(0);
            Map<String, String> params = new HashMap<>();
            for (List<List<String>> level : path) for (List<String> pair : level) params.put(pair.get(0), pair.get(1));
            boolean sameDate = random.nextBoolean();
            if (!sameDate) {
                params.put(parkey.get(1).get(0), "2099-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
                params.put(parkey.get(1).get(1), "12:34:56");
            }
            String added = "prop" + done + "_new.fits";
            RmapEditor after = editor.insert(params, added, Map.of());
            String newText = MappingText.withChecksum(after.syntax());
            Path dir = Files.createTempDirectory("rmapprop");
            Path out = dir.resolve(file.getFileName().toString());
            Files.writeString(out, newText, StandardCharsets.UTF_8);
            new MappingLoader(new MappingLocator(dir), LoadOptions.DEFAULT).loadFile(out);   // loads, sha1sum checked

            List<List<List<List<String>>>> where = after.fileMatches(added);
            assertEquals(1, where.size(), file + " " + where);
            List<List<String>> dateLevel = where.get(0).get(1);
            assertEquals(params.get(parkey.get(1).get(0)), dateLevel.get(0).get(1), file.toString());
            assertEquals(params.get(parkey.get(1).get(1)), dateLevel.get(1).get(1), file.toString());
            Set<String> before = new TreeSet<>(refs);
            Set<String> now = new TreeSet<>(RmapEditor.referenceNames(after.syntax().selector()));
            now.removeIf(r -> !r.contains("."));
            assertTrue(now.contains(added));
            now.remove(added);
            if (!sameDate) {
                assertEquals(before, now, file + ": a new date must not remove files");
            } else {
                // The file at that exact case and date is replaced; others can only disappear if that was their only place.
                assertTrue(before.containsAll(now), file.toString());
                assertTrue(before.size() - now.size() <= 1, file + ": more than one file replaced");
            }
            done++;
        }
        assertTrue(done >= 10, "too few insertions exercised: " + done);
        System.out.println("RmapInsertPropertyTest: " + done + " insertions checked");
    }
}
