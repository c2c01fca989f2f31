package org.crdsj.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParserFingerprintTest {
    @Test
    void grammarBuildCarriesAFilledInStamp() {
        String stamp = ParserFingerprint.stamp();
        assertNotNull(stamp, "Maven filters build-stamp.properties into the grammar build");
        assertTrue(stamp.matches("\\d{8}T\\d{9}"), "a build time, not a placeholder: " + stamp);
    }

    @Test
    void fingerprintIsStableWithinABuild() {
        byte[] a = ParserFingerprint.current();
        assertEquals(20, a.length);
        assertArrayEquals(a, ParserFingerprint.current());
    }
}
