package org.crdsj.engine.refactor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.crdsj.engine.catalog.ReferenceTypes;
import org.crdsj.engine.tpn.ConstraintFiles;
import org.crdsj.engine.tpn.TpnInfo;
import org.crdsj.engine.values.Conditioning;

/**
 * The values an rmap's match parameters may take, read from the certify constraint files
 * ({@code _ld.tpn}) of its instrument and reference type, as CRDS checks them when inserting a
 * reference ({@code ReferenceMapping.get_valid_values_map}). The files applying to a type are, in
 * CRDS's order: the type's own, the instrument's {@code all}, {@code all_<type prefix>} and
 * {@code all_all}; missing ones are skipped. Constraint files come from a directory given by the
 * user (one folder per observatory); the project never bundles them.
 */
public final class LegalValues {
    private LegalValues() {}

    /**
     * {@code parameter -> conditioned legal values} for the {@code required} parameters of an rmap
     * of {@code instrument}/{@code filekind}; parameters without a constraint are absent.
     *
     * @param tpnDir the constraint folder of the observatory ({@code $CRDS_TPN_DIR/<obs>}); null gives no constraints
     */
    public static Map<String, List<String>> forRmap(Path tpnDir, String observatory, String instrument,
                                                    String filekind, List<String> required) {
        Map<String, List<String>> valid = new LinkedHashMap<>();
        if (tpnDir == null) return valid;
        TreeSet<TpnInfo> infos = new TreeSet<>();
        for (String f : ReferenceTypes.constraintFiles(observatory.toLowerCase(Locale.ROOT), instrument, filekind, true)) {
            infos.addAll(ConstraintFiles.read(tpnDir.resolve(f)));
        }
        for (TpnInfo info : infos) {
            if (info.isComplex() || !required.contains(info.name())) continue;
            List<String> values = info.values();
            if (values.size() == 1 && values.get(0).contains(":")) values = range(values.get(0));
            List<String> conditioned = new ArrayList<>();
            for (String v : values) conditioned.add(Conditioning.conditionValue(v));
            valid.put(info.name(), List.copyOf(conditioned));
        }
        return valid;
    }

    /** {@code a:b} as the integers a..b when both ends are numbers, else as given. */
    private static List<String> range(String spec) {
        String[] limits = spec.split(":", -1);
        try {
            long lo = (long) Double.parseDouble(limits[0].strip());
            long hi = (long) Double.parseDouble(limits[1].strip());
            if (limits.length != 2) return List.of(spec);
            List<String> out = new ArrayList<>();
            for (long i = lo; i <= hi; i++) out.add(Long.toString(i));
            return out;
        } catch (RuntimeException e) {
            return List.of(spec);
        }
    }

}
