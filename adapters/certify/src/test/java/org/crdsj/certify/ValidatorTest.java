package org.crdsj.certify;

import org.crdsj.engine.tpn.ConstraintFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Presence codes, datatypes, ranges, or-values and custom validators of single constraints. */
class ValidatorTest {
    private final RecordingLog log = new RecordingLog();

    private Validator.Reference ref(Map<String, Object> header) {
        return new Validator.Reference() {
            @Override public String filename() { return "ref.fits"; }
            @Override public Map<String, Object> header() { return header; }
            @Override public List<FitsReference.Table> tables() { return List.of(); }
            @Override public CertifyLog log() { return log; }
            @Override public FitsReference fits() { return null; }
            @Override public String contextName() { return null; }
            @Override public String synphotFile(String filekind, String compname) { return null; }
        };
    }

    private String failure(String line, Map<String, Object> header) {
        Validator v = new Validator(ConstraintFiles.parseLine(line));
        try {
            v.check(ref(header));
            return null;
        } catch (CheckFailure e) {
            return e.getMessage();
        }
    }

    private static Map<String, Object> header(Object... kv) {
        Map<String, Object> h = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) h.put((String) kv[i], kv[i + 1]);
        return h;
    }

    @Test
    void presenceCodes() {
        assertEquals("Missing required keyword 'DETECTOR'", failure("DETECTOR H C R UVIS,IR", header()));
        assertEquals("Missing required table column 'SEGMENT'", failure("SEGMENT C C R FUVA", header()));
        assertEquals(null, failure("DETECTOR H C O UVIS,IR", header()));
        assertEquals(null, failure("DETECTOR H C W UVIS,IR", header()));
        assertEquals(List.of("Missing suggested keyword 'DETECTOR'"), log.warnings);
        assertEquals("*Must not define* keyword 'BINAXIS1'", failure("BINAXIS1 H I E", header("BINAXIS1", 2L)));
        // F applies only to full-frame SUBARRAY values, S only to real subarrays, A when all are defined
        assertEquals(null, failure("X H C F A", header("SUBARRAY", "SUB256")));
        assertEquals(null, failure("X H C F A", header("SUBARRAY", "FULL")), "a missing F value is only noted");
        assertEquals("Value 'B' is not one of ['A']", failure("X H C F A", header("SUBARRAY", "FULL", "X", "B")));
        assertEquals(null, failure("X H C S A", header("SUBARRAY", "FULL", "X", "B")));
        assertTrue(failure("X H C S A", header("SUBARRAY", "SUB256", "X", "B")).contains("is not one of"));
        assertEquals(null, failure("X H C A A", header("SUBARRAY", "SUB256", "X", "B")), "A needs all SUBARRAY keywords");
    }

    @Test
    void conditionalPresence() {
        String line = "OPT_ELEM H C (OBSTYPE==\"IMAGING\") MIRVIS,ANY";
        assertEquals(null, failure(line, header("OBSTYPE", "SPECTROSCOPIC")));
        assertEquals("Missing required keyword 'OPT_ELEM'", failure(line, header("OBSTYPE", "IMAGING")));
        assertEquals("Value 'G140L' is not one of ['ANY', 'MIRVIS']", failure(line, header("OBSTYPE", "IMAGING", "OPT_ELEM", "g140l")));
        assertEquals(null, failure("OPT_ELEM H C (optional(OBSTYPE==\"IMAGING\")) MIRVIS", header("OBSTYPE", "IMAGING")));
        assertEquals(null, failure("OPT_ELEM H C (UNDEFINED_NAME==1) MIRVIS", header()));
        assertTrue(log.warnings.get(log.warnings.size() - 1).startsWith("Failed checking applicability of"));
    }

    @Test
    void characterValuesAndOrPatterns() {
        assertEquals(null, failure("DETECTOR H C R UVIS,IR", header("DETECTOR", " uvis ")));
        assertEquals(null, failure("DETECTOR H C R UVIS,IR", header("DETECTOR", "UVIS|IR")));
        assertEquals("Value 'HRC' is not one of ['IR', 'UVIS']", failure("DETECTOR H C R UVIS,IR", header("DETECTOR", "IR|HRC")));
    }

    @Test
    void numbersRangesAndTolerance() {
        assertEquals("Value for 'NUMCOLS' of 5000 is outside acceptable range 1:4096", failure("NUMCOLS H I R 1:4096", header("NUMCOLS", 5000L)));
        assertEquals(null, failure("NUMCOLS H I R 1:4096", header("NUMCOLS", 4096L)));
        assertEquals(null, failure("CCDGAIN H R R 1.0,1.5,2.0", header("CCDGAIN", 1.50000001)));
        assertEquals("Real 1.6 is not within +- 1e-07 of any of [1.0, 1.5, 2.0]", failure("CCDGAIN H R R 1.0,1.5,2.0", header("CCDGAIN", 1.6)));
        assertEquals("invalid literal for int() with base 10: 'abc'", failure("N H I R 1,2", header("N", "abc")));
    }

    @Test
    void customValidators() {
        assertEquals(null, failure("USEAFTER H C R &SYBDATE", header("USEAFTER", "Mar 21 2001 12:00:00 am")));
        assertTrue(failure("USEAFTER H C R &SYBDATE", header("USEAFTER", "2001-03-21")).startsWith("Invalid 'Sybdate' format"));
        assertEquals(null, failure("PEDIGREE H C R &PEDIGREE", header("PEDIGREE", "GROUND 16/07/2008 16/07/2010")));
        assertEquals("Invalid value: 'INFLIGHT 01/02/2003 31/12/2002' : INFLIGHT format should be 'INFLIGHT DD/MM/YYYY DD/MM/YYYY' : Start date > stop date",
                failure("PEDIGREE H C R &PEDIGREE", header("PEDIGREE", "INFLIGHT 01/02/2003 31/12/2002")));
        assertEquals("Invalid value: 'inflight' : Value 'INFLIGHT' cannot be used as a simple value.",
                failure("PEDIGREE H C R &PEDIGREE", header("PEDIGREE", "inflight")));
        assertThrows(IllegalArgumentException.class, () -> new Validator(ConstraintFiles.parseLine("X H C R &NO_SUCH")));
    }

    @Test
    void expressionConstraints() {
        assertEquals(null, failure("COMPNAME H X R ((len(COMPNAME)>0)and(COMPNAME==COMPNAME.lower()))", header("COMPNAME", "acs_f555w")));
        assertEquals("Constraint ((len(COMPNAME)>0)and(COMPNAME==COMPNAME.lower())) is not satisfied.",
                failure("COMPNAME H X R ((len(COMPNAME)>0)and(COMPNAME==COMPNAME.lower()))", header("COMPNAME", "ACS")));
        // an undefined input skips the constraint as satisfied
        assertEquals(null, failure("SHAPE X X R (SCI_ARRAY.SHAPE[-1]==1032)", header("SCI_ARRAY", "UNDEFINED")));
        ArrayInfo sci = new ArrayInfo(List.of(1024L, 1032L), "IMAGE", "float32", null, "SCI", 1);
        assertEquals(null, failure("SHAPE X X R (SCI_ARRAY.SHAPE[-1]==1032)", header("SCI_ARRAY", sci)));
        assertEquals(null, failure("SHAPE X X R ((1<=SCI_ARRAY.SHAPE[0]<=2048)and(has_type(SCI_ARRAY,'FLOAT')))", header("SCI_ARRAY", sci)));
        assertEquals("Constraint (SCI_ARRAY.SHAPE[-1]==2048) is not satisfied.", failure("SHAPE X X R (SCI_ARRAY.SHAPE[-1]==2048)", header("SCI_ARRAY", sci)));
        assertEquals(null, failure("DQ X X R (warn_only(has_type(SCI_ARRAY,'INT')))", header("SCI_ARRAY", sci)));
        assertEquals("Constraint (warn_only(has_type(SCI_ARRAY,'INT'))) is not satisfied.", log.warnings.get(log.warnings.size() - 1));
    }

    /** Property: an integer range accepts exactly the values between its bounds. */
    @Test
    void rangesAgreeWithArithmetic() {
        long seed = 6L;
        System.out.println("ValidatorTest seed " + seed);
        Random rnd = new Random(seed);
        for (int n = 0; n < 300; n++) {
            long lo = rnd.nextInt(200) - 100, hi = lo + rnd.nextInt(200);
            long v = rnd.nextInt(500) - 250;
            String f = failure("N H I R " + lo + ":" + hi, header("N", v));
            assertEquals(v >= lo && v <= hi, f == null, lo + ":" + hi + " value " + v);
        }
    }
}
