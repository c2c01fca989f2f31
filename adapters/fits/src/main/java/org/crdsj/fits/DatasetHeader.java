package org.crdsj.fits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.values.Conditioning;

/**
 * A dataset file's header as CRDS reads it for bestrefs ({@code data_file.get_free_header}):
 *
 * <ul>
 *   <li>FITS: the union of the cards of every HDU in file order; for a keyword seen twice the
 *       first value wins, except that different COMMENT and HISTORY texts are joined with newlines;
 *       values are Python's {@code str()} of astropy's value ({@link FitsCard#pythonValue()});</li>
 *   <li>GEIS ({@code .rNh}/{@code .rNd}): CRDS's own line reader of the ASCII header;</li>
 *   <li>plus {@code FILE_FORMAT} = {@code FITS} or {@code GEIS}.</li>
 * </ul>
 *
 * {@link #minimum} gives the header CRDS's {@code get_minimum_header} gives for a context: the
 * values conditioned, cut to the instrument's required keys plus the instrument keyword.
 */
public final class DatasetHeader {
    private DatasetHeader() {}

    private static final Set<String> APPENDED = Set.of("COMMENT", "HISTORY");
    private static final Pattern GEIS_NAME = Pattern.compile(".*\\.r[0-9][hd]$");

    /** True when CRDS would read {@code file} as a GEIS header by its name. */
    public static boolean isGeis(Path file) {
        return GEIS_NAME.matcher(file.getFileName().toString()).matches();
    }

    /**
     * The unconditioned header of a FITS or GEIS dataset, keys upper-case, in first-seen order.
     *
     * @throws FitsFormatException when the file is not readable FITS (names the file)
     */
    public static Map<String, String> read(Path file) throws IOException {
        List<Map.Entry<String, String>> items = isGeis(file) ? geisItems(file) : fitsItems(file);
        Map<String, String> header = reduce(items);
        header.put("FILE_FORMAT", isGeis(file) ? "GEIS" : "FITS");
        return Collections.unmodifiableMap(header);
    }

    /**
     * CRDS's {@code get_minimum_header} of a raw header under a pipeline context: values
     * conditioned, then only the instrument's required keys (absent ones {@code UNDEFINED}) in
     * CRDS's order, then the instrument keyword.
     *
     * @throws org.crdsj.engine.bestrefs.LookupFailure when the instrument is missing or unknown
     */
    public static Map<String, String> minimum(PipelineContext context, Map<String, String> raw) {
        Map<String, String> conditioned = Conditioning.conditionHeader(raw);
        InstrumentContext imap = context.imap(context.instrumentOf(conditioned));
        List<String> keys = new ArrayList<>(imap.requiredParkeys());
        keys.add(context.instrumentKey());
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : keys) {
            String v = conditioned.get(key.toLowerCase(Locale.ROOT));
            if (v == null) v = conditioned.get(key.toUpperCase(Locale.ROOT));
            out.put(key, v == null ? "UNDEFINED" : v);
        }
        return Collections.unmodifiableMap(out);
    }

    /** CRDS's header reduction: upper-case keys, first value wins, COMMENT/HISTORY texts appended. */
    private static Map<String, String> reduce(List<Map.Entry<String, String>> items) {
        Map<String, String> header = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : items) {
            String key = e.getKey().toUpperCase(Locale.ROOT);
            String value = e.getValue();
            String old = header.get(key);
            if (old != null && !old.equals(value)) {
                if (APPENDED.contains(key)) header.put(key, old + "\n" + value);
                // any other duplicate keeps its first value (CRDS only warns unless DUPLICATES_OK)
            } else {
                header.put(key, value);
            }
        }
        return header;
    }

    private static List<Map.Entry<String, String>> fitsItems(Path file) throws IOException {
        FitsLayout layout = FitsLayout.scan(file, false);
        List<Map.Entry<String, String>> items = new ArrayList<>();
        for (FitsLayout.Hdu hdu : layout.hdus()) {
            List<FitsCard> cards = hdu.parsedCards();
            for (int i = 0; i < cards.size(); i++) {
                FitsCard card = cards.get(i);
                if (card.keyword().isEmpty() || card.keyword().equals("CONTINUE")) continue;
                String value = card.pythonValue();
                if (card.kind() == FitsCard.Kind.STRING) {   // long-string convention: 'abc&' CONTINUE 'def'
                    StringBuilder sb = new StringBuilder(value);
                    int j = i + 1;
                    while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '&' && j < cards.size()
                            && cards.get(j).keyword().equals("CONTINUE")) {
                        sb.setLength(sb.length() - 1);
                        sb.append(continuation(cards.get(j).image()));
                        j++;
                    }
                    value = sb.toString();
                }
                items.add(Map.entry(card.keyword(), value));
            }
        }
        return items;
    }

    /** The string on a CONTINUE card ({@code CONTINUE  'text&'}). */
    private static String continuation(String image) {
        String rest = image.substring(8).trim();
        if (!rest.startsWith("'")) return "";
        FitsCard c = FitsCard.parse(FitsCard.padRight("X       = " + rest, 80).substring(0, 80));
        return c.kind() == FitsCard.Kind.STRING ? c.pythonValue() : "";
    }

    /** CRDS's GEIS reader: {@code KEY = value} lines, a comment from column 32, HISTORY lines joined. */
    private static List<Map.Entry<String, String>> geisItems(Path file) throws IOException {
        String name = file.toString();
        Path header = name.endsWith("d") ? Path.of(name.substring(0, name.length() - 1) + "h") : file;
        String text = Files.readString(header, StandardCharsets.ISO_8859_1);
        List<Map.Entry<String, String>> items = new ArrayList<>();
        Map<String, Integer> at = new LinkedHashMap<>();
        List<String> history = new ArrayList<>();
        for (String line : text.split("(?<=\n)")) {
            if (line.isEmpty()) continue;
            if (line.length() >= 32 && line.charAt(31) == '/') line = line.substring(0, 31);
            if (line.startsWith("HISTORY")) {
                history.add(line.substring(7).strip());
                continue;
            }
            String[] words = line.split("=", -1);
            if (words.length < 2) continue;
            String key = words[0].strip();
            StringBuilder joined = new StringBuilder();
            for (int i = 1; i < words.length; i++) {
                if (i > 1) joined.append('=');
                joined.append(words[i].strip());
            }
            String value = joined.toString().strip();
            if (value.length() >= 2 && value.charAt(0) == '\'' && value.charAt(value.length() - 1) == '\'') {
                value = value.substring(1, value.length() - 1).strip();
            } else if (value.equals("'")) {
                value = "";   // a lone quote is both the first and the last character
            }
            // a Python dict: a repeated key keeps its first position and takes the last value
            Integer pos = at.get(key);
            if (pos == null) {
                at.put(key, items.size());
                items.add(Map.entry(key, value));
            } else {
                items.set(pos, Map.entry(key, value));
            }
        }
        items.add(Map.entry("HISTORY", String.join("\n", history)));
        return items;
    }
}
