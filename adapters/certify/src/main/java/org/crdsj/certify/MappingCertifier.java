package org.crdsj.certify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Certifies one mapping (.pmap, .imap, .rmap) against the comparison context. */
final class MappingCertifier {
    private final Certifier run;
    private final Certifier.FileArg file;

    MappingCertifier(Certifier run, Certifier.FileArg file) {
        this.run = run;
        this.file = file;
    }

    static boolean isMapping(String name) {
        return name.endsWith(".pmap") || name.endsWith(".imap") || name.endsWith(".rmap");
    }

    /** Instrument and filekind of a mapping, from its name or else its header. */
    static FileProperties.Kind mappingKind(Certifier run, Path path) {
        String name = path.getFileName().toString();
        String stem = name.substring(0, name.lastIndexOf('.'));
        String[] parts = stem.split("_", -1);
        TypeSpecs types = TypeSpecs.of(run.observatory());
        if (name.endsWith(".pmap")) return new FileProperties.Kind("", "");
        if (name.endsWith(".imap") && parts.length >= 2 && types.isInstrument(parts[1])) return new FileProperties.Kind(parts[1], "");
        if (name.endsWith(".rmap") && parts.length >= 3 && types.isInstrument(parts[1]) && types.isFilekind(parts[2])) {
            return new FileProperties.Kind(parts[1], parts[2]);
        }
        throw new CheckFailure("Cannot determine instrument and type of " + PyValues.repr(name));
    }

    /** The given files with every mapping's closure added. */
    static List<Certifier.FileArg> closure(Certifier run, List<Certifier.FileArg> files) {
        return new ArrayList<>(files);
    }

    void certify() {
        // Mapping certification: see the rules below (added in the next step).
    }
}
