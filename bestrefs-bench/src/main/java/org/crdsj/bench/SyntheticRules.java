package org.crdsj.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A seeded generator of large, realistic HST-style contexts for benchmarks: one {@code .pmap}
 * over N invented instruments ({@code XIN01}, ... which have no CRDS hooks), each with an
 * {@code .imap} of M invented reference types, each type an {@code .rmap} whose {@code Match}
 * has K cases over 3-8 of the instrument's parameters (more when K distinct cases need them) and
 * every case a {@code UseAfter} of 1..D dates spread over 30 years (heavy-tailed: most cases have
 * a few dates, a few have up to D). Files are written flat into one directory in CRDS's canonical
 * layout with correct {@code sha1sum}s, so they load with checksum verification on.
 *
 * <p>Key elements follow what the corpus's HST rmaps show (~60% literals, ~29% {@code 'N/A'},
 * ~1.5% {@code '*'}, ~9% or-globs, a few wildcard globs): {@code 'N/A'} lives in some parameters
 * only and depends on the case's first parameter (the "detector"), as real rules mark a
 * parameter irrelevant for a whole mode, plus 3% scattered; {@code '*'} appears in about one
 * parameter in seven, in 10% of its elements; or-globs such as {@code 'A|B'} in 9% of the
 * literal places and wildcard globs such as {@code 'F2*'} in 0.5%. Cases are drawn partly from
 * a small pool of instrument "modes" (full parameter tuples shared by all the instrument's types,
 * half their values re-drawn for each case), as real rules share observing modes, and partly at
 * random. So a dataset matches a handful of cases however large the rmap is, as real datasets do.
 * The same options always give byte-identical files.
 *
 * <pre>
 * java -cp bestrefs-bench/target/benchmarks.jar org.crdsj.bench.SyntheticRules --out /tmp/synth \
 *      --instruments 6 --types 20 --cases 500 --max-dates 8 --seed 42
 * </pre>
 */
public final class SyntheticRules {

    /**
     * What to generate. {@code parametersForCases} is the number of cases each rmap's Match
     * parameters are chosen for: 0 (the default) means {@code cases}, so larger rmaps get more
     * parameters; a fixed value (e.g. 20,000) gives the rmaps of a one-rmap context the same
     * parameters at every size, so that a scale table varies only the number of cases.
     */
    public record Options(int instruments, int types, int cases, int maxDates, long seed, int parametersForCases) {
        public Options {
            if (instruments < 1 || instruments > 99) throw new IllegalArgumentException("instruments must be 1..99");
            if (types < 1 || types > 99) throw new IllegalArgumentException("types must be 1..99");
            if (cases < 1) throw new IllegalArgumentException("cases must be >= 1");
            if (maxDates < 1) throw new IllegalArgumentException("max-dates must be >= 1");
            if (parametersForCases < 0) throw new IllegalArgumentException("parameters-for must be >= 0");
        }

        /** Parameters chosen for {@code cases} itself. */
        public Options(int instruments, int types, int cases, int maxDates, long seed) {
            this(instruments, types, cases, maxDates, seed, 0);
        }

        /** The number of cases the Match parameters are chosen for. */
        int casesForParameters() { return parametersForCases == 0 ? cases : parametersForCases; }

        /** A small default: 4 instruments x 10 types x 200 cases, up to 6 dates, seed 1. */
        public static Options defaults() { return new Options(4, 10, 200, 6, 1L); }
    }

    /** What was written: the directory, the {@code .pmap} to load, and every file name. */
    public record Generated(Path directory, String contextName, List<String> files, long totalCases) {
        public Generated { files = List.copyOf(files); }
    }

    /** Realistic HST keyword names; each instrument uses a subset, in this order. */
    private static final List<String> KEYWORDS = List.of("DETECTOR", "OBSTYPE", "CCDAMP", "CCDGAIN", "CCDOFFST",
            "APERTURE", "FILTER1", "FILTER2", "OPT_ELEM", "CENWAVE", "BINAXIS1", "BINAXIS2", "NUMROWS", "NUMCOLS",
            "SUBARRAY", "LAMPSET", "SAMP_SEQ", "SUBTYPE", "READOUT", "OBSMODE", "SHUTRPOS", "CCDCHIP", "LTV1", "LTV2");
    private static final List<String> DATE_KEYS = List.of("DATE-OBS", "TIME-OBS");
    static final LocalDateTime EPOCH = LocalDateTime.of(1990, 1, 1, 0, 0, 0);
    /** Rules and datasets span 30 years from {@link #EPOCH}. */
    static final long SPAN_SECONDS = 30L * 365 * 86400;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final int MODES_PER_INSTRUMENT = 40;

    private SyntheticRules() {}

    /** The kinds of values a parameter takes; numbers are written unquoted, as CRDS rules do. */
    private enum Style { WORD, FILTER, AMP, INT, FLOAT }

    /** One instrument parameter and the values it can take (the raw text written in the rules). */
    private record Param(String name, Style style, List<String> values) {
        boolean numeric() { return style == Style.INT || style == Style.FLOAT; }
        String render(String v) { return numeric() ? v : RulesText.str(v); }
    }

    /**
     * Writes a context into {@code dir} (created if needed; existing files of the same names are
     * replaced) and returns what was written.
     */
    public static Generated write(Path dir, Options options) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(options.seed());
        List<String> files = new ArrayList<>();
        Map<String, String> pmapSelector = new LinkedHashMap<>();
        String origin = "synthetic rules: SyntheticRules seed " + options.seed();
        long total = 0;
        for (int i = 1; i <= options.instruments(); i++) {
            String instrument = String.format(Locale.ROOT, "XIN%02d", i);
            String lower = instrument.toLowerCase(Locale.ROOT);
            List<Param> params = instrumentParams(rnd);
            List<String[]> modes = modes(rnd, params);
            char fileLetter = (char) ('a' + (i - 1) % 26);
            Map<String, String> imapSelector = new LinkedHashMap<>();
            for (int t = 0; t < options.types(); t++) {
                String type = String.format(Locale.ROOT, "t%02d%s", t, t % 3 == 0 ? "tab" : "file");
                String rmapName = "hst_" + lower + "_" + type + "_0001.rmap";
                RmapText r = rmap(rnd, options, origin, instrument, type, rmapName, params, modes, fileLetter);
                total += r.cases();
                writeFile(dir, rmapName, r.text(), files);
                imapSelector.put(type, rmapName);
            }
            String imapName = "hst_" + lower + "_0001.imap";
            Map<String, String> h = new TreeMap<>();
            h.put("derived_from", RulesText.str(origin));
            h.put("instrument", RulesText.str(instrument));
            h.put("mapping", RulesText.str("INSTRUMENT"));
            h.put("name", RulesText.str(imapName));
            h.put("observatory", RulesText.str("HST"));
            h.put("parkey", RulesText.strTuple(List.of("REFTYPE")));
            writeFile(dir, imapName, RulesText.mapping(h, RulesText.dictSelector(imapSelector)), files);
            pmapSelector.put(instrument, imapName);
        }
        String pmapName = "hst_0001.pmap";
        Map<String, String> h = new TreeMap<>();
        h.put("derived_from", RulesText.str(origin));
        h.put("description", RulesText.str(String.format(Locale.ROOT,
                "Synthetic context: %d instruments x %d types x %d cases, up to %d dates per case.",
                options.instruments(), options.types(), options.cases(), options.maxDates())));
        h.put("mapping", RulesText.str("PIPELINE"));
        h.put("name", RulesText.str(pmapName));
        h.put("observatory", RulesText.str("HST"));
        h.put("parkey", RulesText.strTuple(List.of("INSTRUME")));
        writeFile(dir, pmapName, RulesText.mapping(h, RulesText.dictSelector(pmapSelector)), files);
        return new Generated(dir, pmapName, files, total);
    }

    private record RmapText(String text, int cases) {}

    private static RmapText rmap(Random rnd, Options o, String origin, String instrument, String type, String name,
                                 List<Param> pool, List<String[]> modes, char fileLetter) {
        // 3-8 parameters; more (up to the whole pool) when K cases would crowd fewer: real rmaps
        // grow by covering more modes, so a dataset still matches only a handful of cases. The
        // draws do not depend on K itself, so rmaps chosen for the same number of cases
        // (Options.parametersForCases) have the same parameters whatever their size.
        int want = 3 + rnd.nextInt(6);
        TreeSet<Integer> chosen = new TreeSet<>();
        while (chosen.size() < Math.min(want, pool.size())) chosen.add(rnd.nextInt(pool.size()));
        while (capacity(pool, chosen) < 30.0 * o.casesForParameters() && chosen.size() < pool.size()) {
            int k;
            do { k = rnd.nextInt(pool.size()); } while (chosen.contains(k));
            chosen.add(k);
        }
        List<Integer> cols = new ArrayList<>(chosen);
        // Which parameters are N/A for which values of the first one (the "detector"), and which
        // parameters have some '*' elements.
        double[] naRate = new double[cols.size()];
        boolean[] starry = new boolean[cols.size()];
        for (int k = 1; k < cols.size(); k++) {
            naRate[k] = rnd.nextBoolean() ? 0.0 : 0.2 + 0.6 * rnd.nextDouble();
            starry[k] = rnd.nextInt(7) == 0;
        }
        long naSalt = rnd.nextLong();

        TreeMap<String, String> cases = new TreeMap<>();   // rendered key -> rendered UseAfter
        Set<String> seen = new HashSet<>();
        String suffix = type.substring(0, 3);
        long attempts = 0, maxAttempts = 50L * o.cases() + 1000;
        while (cases.size() < o.cases() && attempts++ < maxAttempts) {
            String[] mode = rnd.nextDouble() < 0.6 ? modes.get(zipf(rnd, modes.size())) : null;
            List<String> elements = new ArrayList<>(cols.size());
            String detector = null;
            for (int k = 0; k < cols.size(); k++) {
                Param p = pool.get(cols.get(k));
                String v = mode != null && rnd.nextBoolean() ? mode[cols.get(k)] : p.values().get(zipf(rnd, p.values().size()));
                if (k == 0) detector = v;
                boolean na = k > 0 && (irrelevant(naSalt, detector, k, naRate[k]) || rnd.nextDouble() < 0.03);
                elements.add(na ? "'N/A'" : starry[k] && rnd.nextDouble() < 0.1 ? "'*'" : element(rnd, p, v));
            }
            String key = RulesText.tuple(elements);
            if (!seen.add(key)) continue;
            cases.put(key, useAfter(rnd, o.maxDates(), fileLetter, suffix));
        }

        StringBuilder sel = new StringBuilder(cases.size() * 120).append("selector = Match({\n");
        for (Map.Entry<String, String> e : cases.entrySet()) {
            sel.append("    ").append(e.getKey()).append(" : UseAfter({\n").append(e.getValue()).append("    }),\n");
        }
        sel.append("})\n");

        List<String> names = new ArrayList<>();
        for (int c : cols) names.add(RulesText.str(pool.get(c).name()));
        Map<String, String> h = new TreeMap<>();
        h.put("derived_from", RulesText.str(origin));
        h.put("filekind", RulesText.str(type.toUpperCase(Locale.ROOT)));
        h.put("instrument", RulesText.str(instrument));
        h.put("mapping", RulesText.str("REFERENCE"));
        h.put("name", RulesText.str(name));
        h.put("observatory", RulesText.str("HST"));
        h.put("parkey", RulesText.tuple(List.of(RulesText.tuple(names), RulesText.strTuple(DATE_KEYS))));
        h.put("reffile_format", RulesText.str(type.endsWith("tab") ? "TABLE" : "IMAGE"));
        h.put("reffile_required", RulesText.str("NONE"));
        h.put("reffile_switch", RulesText.str("NONE"));
        return new RmapText(RulesText.mapping(h, sel.toString()), cases.size());
    }

    /**
     * How many all-literal keys the columns effectively allow (as a double: it overflows longs):
     * the product of each column's effective number of values under the skewed draw
     * ({@code 1 / sum p^2}, so popular values count for more than rare ones).
     */
    private static double capacity(List<Param> pool, Set<Integer> cols) {
        double c = 1;
        for (int i : cols) {
            int n = pool.get(i).values().size();
            double squares = 0;
            for (int r = 0; r < n; r++) {
                double p = Math.log((r + 2.0) / (r + 1.0)) / Math.log(n + 1.0);   // zipf's probability of rank r
                squares += p * p;
            }
            c *= 1 / squares;
        }
        return c;
    }

    /** True when parameter {@code k} is N/A for every case of this detector value (a fixed draw at {@code rate}). */
    private static boolean irrelevant(long salt, String detector, int k, double rate) {
        if (rate == 0) return false;
        long h = salt ^ (detector.hashCode() * 0x9E3779B97F4A7C15L) ^ (k * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (h >>> 11) * 0x1.0p-53 < rate;
    }

    /** A key element naming value {@code v}: the literal 90.5%, an or-glob with it 9%, a wildcard glob 0.5%. */
    private static String element(Random rnd, Param p, String v) {
        double r = rnd.nextDouble();
        if (r < 0.905) return p.render(v);
        if (r < 0.91) return p.numeric() || v.length() < 3 ? p.render(v) : RulesText.str(v.substring(0, 2) + "*");
        TreeSet<String> alternatives = new TreeSet<>();
        alternatives.add(v);
        int extra = 1 + rnd.nextInt(2);
        for (int i = 0; i < extra * 3 && alternatives.size() < 1 + extra; i++) {
            alternatives.add(p.values().get(rnd.nextInt(p.values().size())));
        }
        return alternatives.size() == 1 ? p.render(v) : RulesText.str(String.join("|", alternatives));
    }

    /**
     * The body of a UseAfter: 1..maxDates sorted distinct dates, usually (85%) starting at an
     * early "since launch" date. The count is heavy-tailed (about 1/n^2: half the cases have one date,
     * a few have up to maxDates), as in real rules where most modes have a few references and
     * darks have hundreds.
     */
    private static String useAfter(Random rnd, int maxDates, char fileLetter, String suffix) {
        int n = (int) Math.min(maxDates, Math.floor(1 / (1 - rnd.nextDouble() * (1 - 1.0 / (maxDates + 1)))));
        TreeSet<String> dates = new TreeSet<>();
        while (dates.size() < n) dates.add(dateTime(rnd.nextLong(SPAN_SECONDS)));
        if (rnd.nextDouble() < 0.85) {
            String early = rnd.nextBoolean() ? "1990-01-01 00:00:00" : "1991-01-01 00:00:00";
            if (early.compareTo(dates.first()) < 0) {
                dates.pollFirst();
                dates.add(early);
            }
        }
        StringBuilder sb = new StringBuilder(n * 48);
        for (String d : dates) {
            sb.append("        ").append(RulesText.str(d)).append(" : ")
              .append(RulesText.str(fileName(rnd, fileLetter, suffix))).append(",\n");
        }
        return sb.toString();
    }

    /** "YYYY-MM-DD HH:MM:SS" for a number of seconds after {@link #EPOCH}. */
    static String dateTime(long secondsAfterEpoch) {
        return EPOCH.plusSeconds(secondsAfterEpoch).format(DATE_TIME);
    }

    /** An HST-like reference file name: 8 random base-36 characters, the instrument letter, the type suffix. */
    private static String fileName(Random rnd, char fileLetter, String suffix) {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 8; i++) sb.append(Character.forDigit(rnd.nextInt(36), 36));
        return sb.append(fileLetter).append('_').append(suffix).append(".fits").toString();
    }

    /** 10-15 of the keywords with a value list each; small domains are more common than large. */
    private static List<Param> instrumentParams(Random rnd) {
        int n = 10 + rnd.nextInt(6);
        TreeSet<Integer> picked = new TreeSet<>();
        picked.add(0);  // every instrument has a DETECTOR
        while (picked.size() < n) picked.add(rnd.nextInt(KEYWORDS.size()));
        List<Param> out = new ArrayList<>();
        for (int k : picked) {
            String name = KEYWORDS.get(k);
            Style style = styleOf(name);
            double u = rnd.nextDouble();
            int size = 2 + (int) (38 * u * u);
            out.add(new Param(name, style, values(rnd, style, size)));
        }
        return List.copyOf(out);
    }

    private static Style styleOf(String keyword) {
        switch (keyword) {
            case "FILTER1": case "FILTER2": case "OPT_ELEM": return Style.FILTER;
            case "CCDAMP": return Style.AMP;
            case "CCDGAIN": case "CCDOFFST": return Style.FLOAT;
            case "CENWAVE": case "BINAXIS1": case "BINAXIS2": case "NUMROWS": case "NUMCOLS":
            case "CCDCHIP": case "LTV1": case "LTV2": return Style.INT;
            default: return Style.WORD;
        }
    }

    private static List<String> values(Random rnd, Style style, int size) {
        TreeSet<String> out = new TreeSet<>();
        if (style == Style.AMP) size = Math.min(size, 15);
        int guard = 0;
        while (out.size() < size && guard++ < size * 100) {
            switch (style) {
                case FILTER:
                    out.add(String.format(Locale.ROOT, "F%03d%s", 200 + rnd.nextInt(900),
                            new String[] {"W", "M", "N", "LP"}[rnd.nextInt(4)]));
                    break;
                case AMP: {
                    int mask = 1 + rnd.nextInt(15);
                    StringBuilder sb = new StringBuilder();
                    for (int b = 0; b < 4; b++) if ((mask & (1 << b)) != 0) sb.append((char) ('A' + b));
                    out.add(sb.toString());
                    break;
                }
                case INT: out.add(Integer.toString(1 + rnd.nextInt(4096))); break;
                case FLOAT: out.add((1 + rnd.nextInt(32)) / 2 + (rnd.nextBoolean() ? ".5" : ".0")); break;
                default: out.add(word(rnd)); break;
            }
        }
        List<String> list = new ArrayList<>(out);
        java.util.Collections.shuffle(list, rnd);   // so the Zipf-favoured values are not the alphabetically first
        return List.copyOf(list);
    }

    private static String word(Random rnd) {
        int len = 3 + rnd.nextInt(6);
        StringBuilder sb = new StringBuilder(len).append((char) ('A' + rnd.nextInt(26)));
        for (int i = 1; i < len; i++) {
            int c = rnd.nextInt(36);
            sb.append(c < 26 ? (char) ('A' + c) : (char) ('0' + c - 26));
        }
        return sb.toString();
    }

    /** The instrument's common observing modes: one value per parameter, popular values favoured. */
    private static List<String[]> modes(Random rnd, List<Param> params) {
        List<String[]> out = new ArrayList<>();
        for (int m = 0; m < MODES_PER_INSTRUMENT; m++) {
            String[] mode = new String[params.size()];
            for (int i = 0; i < mode.length; i++) {
                List<String> vs = params.get(i).values();
                mode[i] = vs.get(zipf(rnd, vs.size()));
            }
            out.add(mode);
        }
        return out;
    }

    /** A rank in [0, n) with probability roughly proportional to 1/(rank+1). */
    static int zipf(Random rnd, int n) {
        // Inverse of the continuous 1/x density on [1, n+1): cheap and close enough for a skew.
        int r = (int) Math.floor(Math.exp(rnd.nextDouble() * Math.log(n + 1.0))) - 1;
        return Math.min(Math.max(r, 0), n - 1);
    }

    private static void writeFile(Path dir, String name, String text, List<String> files) {
        try {
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(name);
    }

    /**
     * Command line: {@code --out DIR [--instruments N] [--types M] [--cases K] [--max-dates D] [--seed S]
     * [--parameters-for CASES]}.
     * Prints the context name to load.
     */
    public static void main(String[] args) throws IOException {
        Options d = Options.defaults();
        Path out = null;
        int instruments = d.instruments(), types = d.types(), cases = d.cases(), maxDates = d.maxDates(), paramsFor = 0;
        long seed = d.seed();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) { usage(); return; }
            if (i + 1 >= args.length) { usage(); throw new IllegalArgumentException("missing value for " + a); }
            String v = args[++i];
            switch (a) {
                case "--out": out = Path.of(v); break;
                case "--instruments": instruments = Integer.parseInt(v); break;
                case "--types": types = Integer.parseInt(v); break;
                case "--cases": cases = Integer.parseInt(v); break;
                case "--max-dates": maxDates = Integer.parseInt(v); break;
                case "--seed": seed = Long.parseLong(v); break;
                case "--parameters-for": paramsFor = Integer.parseInt(v); break;
                default: usage(); throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (out == null) { usage(); throw new IllegalArgumentException("--out DIR is required"); }
        Generated g = write(out, new Options(instruments, types, cases, maxDates, seed, paramsFor));
        System.out.printf(Locale.ROOT, "wrote %d files (%d Match cases) to %s; load context %s%n",
                g.files().size(), g.totalCases(), g.directory(), g.contextName());
    }

    private static void usage() {
        System.err.println("usage: SyntheticRules --out DIR [--instruments N] [--types M] [--cases K]"
                + " [--max-dates D] [--seed S] [--parameters-for CASES]");
    }
}
