package org.crdsj.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crdsj.engine.values.Conditioning;
import org.crdsj.engine.values.KeywordSpace;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: the array-backed minimum header read straight from a raw header
 * ({@link MinimumHeader#ofRaw}) equals the plain one made from the conditioned header, for keys
 * spelled in any case, colliding spellings, None values, absent keys and lower-case parkeys.
 */
class SlottedMinimumHeaderTest {
    private static final long SEED = 7_2026L;
    private static final String[] NAMES = {"DETECTOR", "detector", "Filter", "FILTER", "DATE-OBS", "META.EXPOSURE.TYPE",
        "meta.exposure.type", "CCDGAIN", "ccdgain", "OBSTYPE", "N/A", "ÉCHELLE", "ß"};
    private static final String[] VALUES = {"wfc", " WFC ", "1.0", "1", "N/A", "any", "none", "UNDEFINED", "F555W|F606W",
        "2004-01-01", "true", "Straße", ""};

    @Test
    void slottedEqualsPlain() {
        System.out.println("SlottedMinimumHeaderTest seed=" + SEED);
        Random r = new Random(SEED);
        KeywordSpace space = new KeywordSpace();
        for (int round = 0; round < 300; round++) {
            List<String> required = new ArrayList<>();
            for (int i = 0; i < 1 + r.nextInt(6); i++) required.add(NAMES[r.nextInt(NAMES.length)]);
            MinimumHeader slotted = new MinimumHeader(required, space);
            MinimumHeader plain = new MinimumHeader(required);
            for (int h = 0; h < 20; h++) {
                Map<String, String> header = new LinkedHashMap<>();
                for (int i = 0; i < r.nextInt(8); i++) {
                    header.put(NAMES[r.nextInt(NAMES.length)], r.nextInt(12) == 0 ? null : VALUES[r.nextInt(VALUES.length)]);
                }
                Map<String, String> expected = plain.of(Conditioning.conditionedView(header));
                Map<String, String> fromRaw = slotted.ofRaw(space.rawValues(header));
                Map<String, String> fromView = slotted.of(Conditioning.conditionedView(header));
                assertEquals(expected, fromRaw, "required " + required + " header " + header);
                assertEquals(expected, fromView, "required " + required + " header " + header);
                assertEquals(new ArrayList<>(fromRaw.keySet()), new ArrayList<>(fromView.keySet()));
                for (String k : NAMES) assertEquals(expected.get(k), fromRaw.get(k), k);
                Map<String, String> conditioned = plain.ofConditioned(header);
                assertEquals(conditioned, slotted.ofConditioned(header), "header " + header);
                assertEquals(new ArrayList<>(conditioned.keySet()), new ArrayList<>(slotted.ofConditioned(header).keySet()));
            }
        }
    }

    /**
     * Far more distinct values per keyword than its dictionary of conditioned values holds
     * (numbers, floats, spaces, lower case, Unicode), and keys spelt in many ways: the slotted
     * minimum header still equals the plain one, and repeated values come back as one instance.
     */
    @Test
    void manyDistinctValuesBeyondTheDictionaries() {
        long seed = SEED + 1;
        System.out.println("SlottedMinimumHeaderTest many-values seed=" + seed);
        Random r = new Random(seed);
        KeywordSpace space = new KeywordSpace();
        List<String> required = List.of("DETECTOR", "CCDGAIN", "Filter", "DATE-OBS");
        MinimumHeader slotted = new MinimumHeader(required, space);
        MinimumHeader plain = new MinimumHeader(required);
        String[] keys = {"DETECTOR", "detector", "Detector", "CCDGAIN", "ccdgain", "FILTER", "filter", "DATE-OBS", "OTHER", "other"};
        for (int h = 0; h < 6_000; h++) {
            Map<String, String> header = new LinkedHashMap<>();
            for (int i = 0; i < 1 + r.nextInt(6); i++) {
                String v;
                switch (r.nextInt(6)) {
                    case 0: v = Integer.toString(r.nextInt(5_000)); break;
                    case 1: v = " " + r.nextInt(5_000) + ".0 "; break;
                    case 2: v = Double.toString(r.nextGaussian() * 1e6); break;
                    case 3: v = "wfc" + r.nextInt(3_000); break;
                    case 4: v = "\u00e9t\u00e9 " + r.nextInt(3_000) + "\u00a0"; break;
                    default: v = VALUES[r.nextInt(VALUES.length)];
                }
                header.put(keys[r.nextInt(keys.length)], v);
            }
            Map<String, String> expected = plain.of(Conditioning.conditionedView(header));
            Map<String, String> fromRaw = slotted.ofRaw(space.rawValues(header));
            assertEquals(expected, fromRaw, "header " + header);
            for (String k : required) {
                assertEquals(expected.get(k), fromRaw.get(k), k);
            }
        }
    }
}
