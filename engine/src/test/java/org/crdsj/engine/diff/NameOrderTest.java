package org.crdsj.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CRDS's name-based time order ({@code naming.newer}) on the cases its documentation lists. */
class NameOrderTest {

    private static Optional<Boolean> newer(String a, String b) {
        return NameOrder.newer(a, b).newer();
    }

    @Test
    void documentedCases() {
        assertEquals(Optional.of(false), newer("s7g1700gl_dead.fits", "hst_cos_deadtab_0001.fits"));
        assertEquals(Optional.of(true), newer("hst_cos_deadtab_0001.fits", "s7g1700gl_dead.fits"));
        assertEquals(Optional.of(true), newer("s7g1700gl_dead.fits", "bbbbb.fits"));
        assertEquals(Optional.of(false), newer("bbbbb.fits", "s7g1700gl_dead.fits"));
        assertEquals(Optional.of(false), newer("hst_cos_deadtab_0001.rmap", "hst_cos_deadtab_0002.rmap"));
        assertEquals(Optional.of(true), newer("hst_cos_deadtab_0002.rmap", "hst_cos_deadtab_0001.rmap"));
        assertEquals(Optional.of(true), newer("hst_cos_deadtab_0001.asdf", "hst_cos_deadtab_0050.fits"));
        assertEquals(Optional.of(false), newer("hst_cos_deadtab_0051.fits", "hst_cos_deadtab_0050.asdf"));
        assertEquals(Optional.of(false), newer("hst_cos_deadtab_0001.fits", "hst_cos_deadtab_99991.fits"));
        assertEquals(Optional.of(true), newer("hst_cos_deadtab_99991.fits", "hst_cos_deadtab_0001.fits"));
        assertEquals(Optional.of(true), newer("07g1700gl_dead.fits", "s7g1700gl_dead.fits"));
        assertEquals(Optional.of(false), newer("s7g1700gl_dead.fits", "07g1700gl_dead.fits"));
        assertEquals(Optional.of(false), newer("N/A", "s7g1700gl_dead.fits"));
        assertEquals(Optional.of(true), newer("07g1700gl_dead.fits", "N/A"));
        assertEquals(Optional.of(true), newer("16n1832tm_tmc.fits", "06n1832tm_tmc.fits"));
        assertEquals(Optional.of(false), newer("06n1832tm_tmc.fits", "16n1832tm_tmg.fits"));
        assertTrue(newer("hst_cos_deadtab_0001.fits", "16n1832tm_tmg.fits").isEmpty());
        assertTrue(newer("17g1700gl_dead.fits", "hst_cos_deadtab_0001.fits").isEmpty());
        assertEquals("newsynphot", NameOrder.crdsName(NameOrder.newer("16n1832tm_tmg.fits", "7g1700gl_dead.fits").first()));
    }
}
