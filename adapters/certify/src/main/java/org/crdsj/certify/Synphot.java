package org.crdsj.certify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The custom checks of HST synphot tables: graph connectivity and direction ({@code tmgtab}),
 * component lookup file names ({@code tmctab}, {@code tmttab}), throughput tables and component
 * file naming ({@code thruput}, {@code thermal}). Findings are logged directly (as CRDS does).
 */
final class Synphot {
    private Synphot() {}

    private static final List<String> HST_INSTRUMENTS = List.of(
            "acs", "cos", "stis", "wfc3", "wfpc2", "foc", "hrs", "hsp", "nicmos", "wfpc", "ota", "fgs", "fos");
    private static final Set<String> COS_PARAMETRIZED = Set.of((
            "cosmcp_g130mc1055m cosmcp_g130mc1096m cosmcp_g130mc1222m cosmcp_g130mc1291m cosmcp_g130mc1300m "
            + "cosmcp_g130mc1309m cosmcp_g130mc1318m cosmcp_g130mc1327m cosmcp_g140lc1230m cosmcp_g140lc1280m "
            + "cosmcp_g160mc1577m cosmcp_g160mc1589m cosmcp_g140lc1105m cosmcp_g140lc800m cosmcp_g160mc1533m "
            + "cosmcp_g160mc1600m cosmcp_g160mc1611m cosmcp_g160mc1623m cosncm3g185mc1786m cosncm3g185mc1817m "
            + "cosncm3g185mc1835m cosncm3g185mc1850m cosncm3g185mc1864m cosncm3g185mc1882m cosncm3g185mc1890m "
            + "cosncm3g185mc1900m cosncm3g185mc1913m cosncm3g185mc1921m cosncm3g185mc1941m cosncm3g185mc1953m "
            + "cosncm3g185mc1971m cosncm3g185mc1986m cosncm3g185mc2010m cosncm3g225mc2186m cosncm3g225mc2217m "
            + "cosncm3g225mc2233m cosncm3g225mc2250m cosncm3g225mc2268m cosncm3g225mc2283m cosncm3g225mc2306m "
            + "cosncm3g225mc2325m cosncm3g225mc2339m cosncm3g225mc2357m cosncm3g225mc2373m cosncm3g225mc2390m "
            + "cosncm3g225mc2410m cosncm3g230lc2635m cosncm3g230lc2950m cosncm3g230lc3000m cosncm3g230lc3360m "
            + "cosncm3g285mc2617m cosncm3g285mc2637m cosncm3g285mc2657m cosncm3g285mc2676m cosncm3g285mc2695m "
            + "cosncm3g285mc2709m cosncm3g285mc2719m cosncm3g285mc2739m cosncm3g285mc2850m cosncm3g285mc2952m "
            + "cosncm3g285mc2979m cosncm3g285mc2996m cosncm3g285mc3018m cosncm3g285mc3035m cosncm3g285mc3057m "
            + "cosncm3g285mc3074m cosncm3g285mc3094m").split(" "));
    private static final Set<String> ACS_PARAMETRIZED = Set.of(("acs_fr388n acs_fr423n acs_fr459m acs_fr462n acs_fr505n "
            + "acs_fr551n acs_fr601n acs_fr647m acs_fr656n acs_fr716n acs_fr782n acs_fr853n acs_fr914m acs_fr1016n acs_fr931n").split(" "));
    private static final Set<String> WFPC2_PARAMETRIZED = Set.of("wfpc2_contpc1", "wfpc2_contwf2", "wfpc2_contwf3", "wfpc2_contwf4");

    static void check(String kind, Validator.Reference ref) {
        switch (kind) {
            case "SYNPHOT_GRAPH": graph(ref); break;
            case "SYNPHOT_LOOKUP": lookup(ref); break;
            case "SYNPHOT_THROUGHPUT":
                throughput(ref);
                parametrization(ref);
                componentFilename(ref, "thruput", "syn");
                break;
            case "SYNPHOT_THERMAL": componentFilename(ref, "thermal", "th"); break;
            default: break;
        }
    }

    private static FitsReference.Table last(Validator.Reference ref) {
        List<FitsReference.Table> tables = ref.tables();
        if (tables.isEmpty()) throw new CheckFailure("'NoneType' object is not subscriptable");
        return tables.get(tables.size() - 1);
    }

    private static List<Object> column(FitsReference.Table t, String name) {
        int c = t.columns().indexOf(name);
        if (c < 0) throw new CheckFailure("\"Key '" + name + "' does not exist.\"");
        List<Object> out = new ArrayList<>();
        for (List<Object> row : t.rows()) out.add(row.get(c));
        return out;
    }

    private static void graph(Validator.Reference ref) {
        FitsReference.Table t = last(ref);
        List<Object> in = column(t, "INNODE"), out = column(t, "OUTNODE");
        Set<Integer> visited = visit(in, out, 1L, new HashSet<>());
        if (visited.size() < in.size()) {
            TreeSet<Integer> missing = new TreeSet<>();
            for (int i = 0; i < in.size(); i++) if (!visited.contains(i)) missing.add(i);
            List<String> ids = new ArrayList<>();
            for (int i : missing) ids.add(String.valueOf(i));
            ref.log().error("TMG contains disconnected rows at indexes: " + String.join(", ", ids));
        }
        for (int i = 0; i < in.size(); i++) {
            if (Validator.compareValues(in.get(i), out.get(i)) >= 0) {
                ref.log().error("TMG contains rows with INNODE >= OUTNODE.");
                break;
            }
        }
    }

    private static Set<Integer> visit(List<Object> in, List<Object> out, Object node, Set<Object> seen) {
        if (seen.contains(node)) return new HashSet<>();
        Set<Object> nowSeen = new HashSet<>(seen);
        nowSeen.add(node);
        Set<Integer> visited = new HashSet<>();
        TreeSet<Long> next = new TreeSet<>();
        for (int i = 0; i < in.size(); i++) {
            if (Validator.compareValues(in.get(i), node) == 0) {
                visited.add(i);
                next.add(((Number) out.get(i)).longValue());
            }
        }
        for (Long n : next) visited.addAll(visit(in, out, n, nowSeen));
        return visited;
    }

    private static void lookup(Validator.Reference ref) {
        FitsReference.Table t = last(ref);
        List<Object> comps = column(t, "COMPNAME"), files = column(t, "FILENAME");
        for (int i = 0; i < comps.size(); i++) {
            String comp = PyValues.str(comps.get(i)), file = PyValues.str(files.get(i));
            String expected = "cr" + instrument(comp) + "comp$";
            if (!(file.split("\\$", -1)[0] + "$").equals(expected)) {
                ref.log().error("Malformed FILENAME value at index " + i + " (missing or invalid path prefix)");
            }
            String param = parametrization(comp);
            if (param == null && file.endsWith("]")) {
                ref.log().error("Malformed FILENAME value at index " + i + " (should not be parametrized)");
            } else if (param != null && !file.toLowerCase(Locale.ROOT).endsWith("[" + param + "]")) {
                ref.log().error("Malformed FILENAME value at index " + i + " (should be parametrized)");
            }
        }
    }

    private static void throughput(Validator.Reference ref) {
        FitsReference.Table t = last(ref);
        for (String name : t.columns()) {
            if (name.equals("THROUGHPUT") || name.startsWith("MJD#")) {
                List<Object> values = column(t, name);
                if (values.isEmpty()) continue;
                if (!isZero(values.get(0))) ref.log().warning("First value of column '" + name + "' is not 0.0");
                if (!isZero(values.get(values.size() - 1))) ref.log().warning("Last value of column '" + name + "' is not 0.0");
            }
        }
    }

    private static boolean isZero(Object v) {
        if (v instanceof PyValues.Float32 f) return f.value() == 0f;
        if (v instanceof Number n) return n.doubleValue() == 0.0;
        return false;
    }

    private static void parametrization(Validator.Reference ref) {
        FitsReference fits = ref.fits();
        String comp = fits == null ? null : fits.hdus().get(0).value("COMPNAME");
        if (comp == null) throw new CheckFailure("\"Keyword 'COMPNAME' not found.\"");
        String prefix = parametrization(comp);
        if (prefix == null) return;
        int count = 0;
        for (String n : last(ref).columns()) if (n.toLowerCase(Locale.ROOT).startsWith(prefix)) count++;
        if (count < 2) {
            ref.log().error("Table is parametrized by " + prefix + ", but includes only " + count + " columns with that prefix.");
        }
    }

    private static void componentFilename(Validator.Reference ref, String filekind, String suffix) {
        Object c = ref.header().getOrDefault("COMPNAME", "");
        String compname = PyValues.str(c).toLowerCase(Locale.ROOT);
        if (compname.isEmpty()) {
            ref.log().error("Header missing COMPNAME, unable to certify filename");
            return;
        }
        Pattern pattern = Pattern.compile(".*_([0-9]{3})_" + suffix + ".fits");
        String base = ref.filename().substring(ref.filename().lastIndexOf('/') + 1);
        Matcher m = pattern.matcher(base);
        if (!m.lookingAt()) {
            ref.log().error("Invalid filename: must end in _###_" + suffix + ".fits");
            return;
        }
        if (ref.contextName() == null) return;
        int version = Integer.parseInt(m.group(1));
        String original = ref.synphotFile(filekind, compname);
        if (original == null) {
            ref.log().warning("No previous file exists for COMPNAME '" + compname + "', skipping version check");
            return;
        }
        Matcher o = pattern.matcher(original.substring(original.lastIndexOf('/') + 1));
        if (!o.lookingAt()) {
            ref.log().warning("Previous filename '" + original + "' does not end in _###_" + suffix + ".fits, skipping version check");
            return;
        }
        int old = Integer.parseInt(o.group(1));
        if (version <= old) {
            ref.log().error(String.format("New filename version (%03d) must exceed previous version (%03d)", version, old));
        }
    }

    private static String instrument(String component) {
        String c = component.toLowerCase(Locale.ROOT);
        for (String i : HST_INSTRUMENTS) if (c.startsWith(i)) return i;
        for (String p : List.of("nic", "nic1", "nic2", "nic3")) if (c.startsWith(p)) return "nicmos";
        if (Set.of("clear", "dark", "hst_ota").contains(c)) return "ota";
        return "nonhst";
    }

    private static String parametrization(String component) {
        String c = component.toLowerCase(Locale.ROOT);
        if (c.endsWith("_mjd") || c.endsWith("_m")) return "mjd#";
        if (c.endsWith("_aper")) return "aper#";
        if (ACS_PARAMETRIZED.contains(c)) return c.substring(c.lastIndexOf('_') + 1) + "#";
        if (COS_PARAMETRIZED.contains(c)) return "mjd#";
        if (WFPC2_PARAMETRIZED.contains(c)) return "cont#";
        switch (c) {
            case "wfpc_contpc": return "pc_cont#";
            case "wfpc_contwf": return "wf_cont#";
            case "wfpc2_lrf": return "wave#";
            default: return null;
        }
    }
}
