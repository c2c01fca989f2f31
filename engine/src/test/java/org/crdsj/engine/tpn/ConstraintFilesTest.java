package org.crdsj.engine.tpn;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .tpn file language: fields, quoting, values, continuation, include and replace. */
class ConstraintFilesTest {
    @TempDir
    Path dir;

    @Test
    void constraintLineFields() {
        TpnInfo info = ConstraintFiles.parseLine("DETECTOR   H   C   R   uvis,IR");
        assertEquals(new TpnInfo("DETECTOR", "H", "C", "R", List.of("UVIS", "IR")), info);
        TpnInfo noValues = ConstraintFiles.parseLine("VCALCOS H C R");
        assertEquals(List.of(), noValues.values());
        TpnInfo quoted = ConstraintFiles.parseLine("FILETYPE H C R \"deadtime reference table\"");
        assertEquals(List.of("DEADTIME REFERENCE TABLE"), quoted.values());
        TpnInfo caseSensitive = ConstraintFiles.parseLine("NAME H S R Abc,dEf");
        assertEquals(List.of("Abc", "dEf"), caseSensitive.values());
        TpnInfo expression = ConstraintFiles.parseLine("SCI A X R (len(SCI_ARRAY.SHAPE)==2,1)");
        assertEquals(List.of("(len(SCI_ARRAY.SHAPE)==2,1)"), expression.values(), "X values are one expression, not split on commas");
        TpnInfo conditional = ConstraintFiles.parseLine("OPT_ELEM H C (OBSTYPE==\"IMAGING\") G140L");
        assertTrue(conditional.isConditional());
    }

    @Test
    void badLinesAreRejected() {
        assertThrows(ConstraintFiles.TpnFormatException.class, () -> ConstraintFiles.parseLine("ONLY THREE FIELDS"));
        assertThrows(ConstraintFiles.TpnFormatException.class, () -> ConstraintFiles.parseLine("A B C D E F"));
    }

    @Test
    void commentsContinuationIncludeAndReplace() throws Exception {
        Files.createDirectories(dir.resolve("includes"));
        Files.writeString(dir.resolve("includes/shape.tpn"), "# shape\nSCI  A  X  R  (SCI_ARRAY.SHAPE[-1]==XDIM)\n");
        Files.writeString(dir.resolve("main.tpn"), String.join("\n",
                "# a comment", "", "replace XDIM 1032", "include includes/shape.tpn",
                "GAIN H R R 1.0,\\", "          2.0,4.0", "  DETECTOR H C O A,B  "));
        List<String> lines = ConstraintFiles.lines(dir.resolve("main.tpn"));
        assertEquals(List.of("SCI  A  X  R  (SCI_ARRAY.SHAPE[-1]==1032)", "GAIN H R R 1.0,2.0,4.0", "DETECTOR H C O A,B"), lines);
        List<TpnInfo> infos = ConstraintFiles.parse(lines);
        assertEquals(List.of("1.0", "2.0", "4.0"), infos.get(1).values());
    }

    @Test
    void conflictingReplacementsFail() throws Exception {
        Files.writeString(dir.resolve("bad.tpn"), "replace X 1\nreplace X 2\nA H C R\n");
        assertThrows(ConstraintFiles.TpnFormatException.class, () -> ConstraintFiles.lines(dir.resolve("bad.tpn")));
    }

    @Test
    void levelsAreUnitedSortedAndDeduplicated() throws Exception {
        Path roman = Files.createDirectories(dir.resolve("roman"));
        Files.writeString(roman.resolve("all_pars.tpn"), "META.B H C R\nMETA.A H C O X,Y\n");
        Files.writeString(roman.resolve("wfi_pars-jumpstep.tpn"), "META.A H C O X,Y\nMETA.C H C R\n");
        List<TpnInfo> all = new ConstraintFiles(dir).constraints("roman", "wfi", "pars-jumpstep", false);
        assertEquals(List.of("META.A", "META.B", "META.C"), all.stream().map(TpnInfo::name).toList());
    }

    /** Property: any generated constraint line parses back to its fields. */
    @Test
    void generatedLinesRoundTrip() {
        long seed = 20261123L;
        System.out.println("ConstraintFilesTest seed " + seed);
        Random rnd = new Random(seed);
        String[] keytypes = {"H", "C", "G", "A", "D"}, datatypes = {"C", "I", "R", "D", "L"}, presences = {"R", "O", "W", "E", "F", "S", "A", "P"};
        for (int n = 0; n < 500; n++) {
            String name = "K" + rnd.nextInt(1000);
            String kt = keytypes[rnd.nextInt(keytypes.length)], dt = datatypes[rnd.nextInt(datatypes.length)];
            String pr = presences[rnd.nextInt(presences.length)];
            List<String> values = new java.util.ArrayList<>();
            for (int i = rnd.nextInt(4); i > 0; i--) values.add("v" + rnd.nextInt(50));
            String line = name + " ".repeat(1 + rnd.nextInt(4)) + kt + "\t" + dt + "  " + pr + (values.isEmpty() ? "" : "  " + String.join(",", values));
            TpnInfo info = ConstraintFiles.parseLine(line);
            assertEquals(name, info.name(), line);
            assertEquals(kt, info.keytype(), line);
            assertEquals(pr, info.presence(), line);
            assertEquals(values.stream().map(String::toUpperCase).toList(), info.values(), line);
        }
    }
}
