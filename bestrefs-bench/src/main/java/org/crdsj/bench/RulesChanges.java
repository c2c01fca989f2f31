package org.crdsj.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crdsj.engine.rules.Checksums;

/**
 * Seeded edits of a context written by {@link SyntheticRules}: a new context (new {@code .pmap},
 * the {@code .imap}s and {@code .rmap}s it changes, all renamed {@code _NNNN} with correct
 * checksums) in the same directory, differing from the old one in the ways real deliveries do:
 * Match cases added and removed, new UseAfter dates, replaced files, types switched to
 * {@code N/A} or {@code OMIT} (in the imap or as an rmap value), and {@code rmap_relevance} added.
 * The same seed gives the same files.
 */
public final class RulesChanges {
    /** What was written: the new context's name and one line per edit. */
    public record Changed(String contextName, List<String> edits) {}

    private static final Pattern CASE_START = Pattern.compile("(?m)^    \\((.*)\\) : UseAfter\\(\\{\\n");
    private static final Pattern SELECTOR_ENTRY = Pattern.compile("(?m)^    '([A-Za-z0-9_]+)' : '([^']+)',$");

    private RulesChanges() {}

    /**
     * Writes a context derived from {@code oldPmap} in {@code dir} with {@code rmaps} rmaps changed
     * (several edits each) and returns its name ({@code <old stem>} with the serial {@code newSerial}).
     */
    public static Changed write(Path dir, String oldPmap, int rmaps, int newSerial, long seed) throws IOException {
        Random rnd = new Random(seed);
        String serial = String.format(Locale.ROOT, "_%04d", newSerial);
        String pmapText = read(dir.resolve(oldPmap));
        Map<String, String> imaps = entries(pmapText);               // instrument -> imap
        List<String[]> allRmaps = new ArrayList<>();                  // {instrument, type, rmap}
        for (Map.Entry<String, String> e : imaps.entrySet()) {
            for (Map.Entry<String, String> t : entries(read(dir.resolve(e.getValue()))).entrySet()) {
                if (t.getValue().endsWith(".rmap")) allRmaps.add(new String[] {e.getKey(), t.getKey(), t.getValue()});
            }
        }
        java.util.Collections.shuffle(allRmaps, rnd);
        List<String> edits = new ArrayList<>();
        Map<String, Map<String, String>> imapChanges = new LinkedHashMap<>();   // imap -> type -> new value
        for (int i = 0; i < Math.min(rmaps, allRmaps.size()); i++) {
            String[] r = allRmaps.get(i);
            String imap = imaps.get(r[0]);
            int kind = rnd.nextInt(10);
            if (kind == 0) {
                String special = rnd.nextBoolean() ? "N/A" : "OMIT";
                imapChanges.computeIfAbsent(imap, k -> new LinkedHashMap<>()).put(r[1], special);
                edits.add(r[2] + ": imap value " + special);
                continue;
            }
            String newName = r[2].replaceFirst("_\\d{4}\\.rmap$", serial + ".rmap");
            String text = editRmap(read(dir.resolve(r[2])), r[2], newName, rnd, edits);
            writeMapping(dir.resolve(newName), text);
            imapChanges.computeIfAbsent(imap, k -> new LinkedHashMap<>()).put(r[1], newName);
        }
        String newPmap = oldPmap.replaceFirst("_\\d{4}\\.pmap$", serial + ".pmap");
        String pmapOut = pmapText.replace("'" + oldPmap + "'", "'" + newPmap + "'");
        for (Map.Entry<String, Map<String, String>> e : imapChanges.entrySet()) {
            String oldImap = e.getKey();
            String newImap = oldImap.replaceFirst("_\\d{4}\\.imap$", serial + ".imap");
            String imapText = read(dir.resolve(oldImap)).replace("'" + oldImap + "'", "'" + newImap + "'");
            for (Map.Entry<String, String> t : e.getValue().entrySet()) {
                imapText = imapText.replaceFirst("(?m)^    '" + Pattern.quote(t.getKey()) + "' : '[^']+',$",
                        Matcher.quoteReplacement("    '" + t.getKey() + "' : '" + t.getValue() + "',"));
            }
            writeMapping(dir.resolve(newImap), imapText);
            pmapOut = pmapOut.replace("'" + oldImap + "'", "'" + newImap + "'");
        }
        writeMapping(dir.resolve(newPmap), pmapOut);
        return new Changed(newPmap, edits);
    }

    /** Several seeded edits of one rmap's text. */
    private static String editRmap(String text, String oldName, String newName, Random rnd, List<String> edits) {
        text = text.replace("'name' : '" + oldName + "'", "'name' : '" + newName + "'");
        int n = 1 + rnd.nextInt(3);
        for (int e = 0; e < n; e++) {
            List<int[]> cases = cases(text);
            if (cases.isEmpty()) break;
            int[] c = cases.get(rnd.nextInt(cases.size()));
            String body = text.substring(c[0], c[1]);
            switch (rnd.nextInt(6)) {
                case 0 -> {   // remove a Match case
                    if (cases.size() < 2) break;
                    text = text.substring(0, c[0]) + text.substring(c[1]);
                    edits.add(newName + ": removed a Match case");
                }
                case 1 -> {   // add a Match case: a copy with its first key changed and new files
                    String copy = body.replaceFirst("^    \\('[^']*'", Matcher.quoteReplacement("    ('NEW" + rnd.nextInt(1000) + "'"))
                            .replaceAll("'([a-z0-9]{9})_(t\\d\\d)\\.fits'", "'n$1_$2.fits'");
                    if (copy.equals(body)) break;
                    text = text.substring(0, c[1]) + copy + text.substring(c[1]);
                    edits.add(newName + ": added a Match case");
                }
                case 2 -> {   // a new UseAfter date in a case
                    String date = SyntheticRules.dateTime(rnd.nextLong(SyntheticRules.SPAN_SECONDS));
                    String file = String.format(Locale.ROOT, "u%08x_new.fits", rnd.nextInt());
                    int at = text.indexOf("UseAfter({\n", c[0]) + "UseAfter({\n".length();
                    text = text.substring(0, at) + "        '" + date + "' : '" + file + "',\n" + text.substring(at);
                    edits.add(newName + ": new UseAfter date " + date);
                }
                case 3 -> {   // replace a file
                    Matcher m = Pattern.compile("'([^']+\\.fits)'").matcher(body);
                    if (!m.find()) break;
                    String repl = body.substring(0, m.start(1)) + "r" + m.group(1) + body.substring(m.end(1));
                    text = text.substring(0, c[0]) + repl + text.substring(c[1]);
                    edits.add(newName + ": replaced " + m.group(1));
                }
                case 4 -> {   // an rmap value N/A or OMIT
                    Matcher m = Pattern.compile("'([^']+\\.fits)'").matcher(body);
                    if (!m.find()) break;
                    String special = rnd.nextBoolean() ? "N/A" : "OMIT";
                    String repl = body.substring(0, m.start(1)) + special + body.substring(m.end(1));
                    text = text.substring(0, c[0]) + repl + text.substring(c[1]);
                    edits.add(newName + ": " + m.group(1) + " became " + special);
                }
                default -> {  // relevance: the rmap applies only to datasets with some value of its first parameter
                    if (text.contains("'rmap_relevance'")) break;
                    Matcher p = Pattern.compile("'parkey' : \\(\\('([A-Z0-9_]+)'").matcher(text);
                    Matcher k = Pattern.compile("^    \\('([^'*|]+)'").matcher(body);
                    if (!p.find() || !k.find()) break;
                    String expr = "(" + p.group(1) + " != \"" + k.group(1) + "\")";
                    text = text.replace("    'sha1sum' :", "    'rmap_relevance' : '" + expr + "',\n    'sha1sum' :");
                    edits.add(newName + ": rmap_relevance " + expr);
                }
            }
        }
        return text;
    }

    /** Start and end offsets of each Match case block (from its key line to its closing line). */
    private static List<int[]> cases(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = CASE_START.matcher(text);
        while (m.find()) {
            int end = text.indexOf("\n    }),\n", m.end());
            if (end < 0) break;
            out.add(new int[] {m.start(), end + "\n    }),\n".length()});
        }
        return out;
    }

    private static Map<String, String> entries(String mappingText) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = SELECTOR_ENTRY.matcher(mappingText.substring(mappingText.indexOf("selector")));
        while (m.find()) out.put(m.group(1), m.group(2));
        return out;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Writes a mapping with its sha1sum recomputed (the checksum ignores the sha1sum line). */
    private static void writeMapping(Path p, String text) throws IOException {
        String sum = Checksums.compute(text);
        text = text.replaceFirst("'sha1sum' : '[0-9a-f]*'", "'sha1sum' : '" + sum + "'");
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
