package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.choose;
import static org.crdsj.engine.rules.RmapFixtures.failure;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.rules.RulesException;
import org.junit.jupiter.api.Test;

/**
 * Match lookups: weights, validation and ties, from the oracle table of spec 7.3 (expectations
 * re-checked against CRDS 13.2.7).
 */
class MatchSelectorTest {
    private static final String FOO_BAR = "(('foo', 'bar'),)";
    private static final Selector M1 = selector(FOO_BAR, "", """
            Match({
                (1.0, 'N/A') : '100',
                (1.0, 2.0) : '200',
                (4.0, '*') : '300',
            })""");

    @Test
    void moreMatchingFieldsWin() {
        assertEquals("200", choose(M1, header("foo", "1.0", "bar", "2.0")));
    }

    @Test
    void entriesAreSortedByConditionedKey() {
        List<Object> keys = M1.selections().stream().map(Selection::key).toList();
        assertEquals(List.of(List.of("1.0", "2.0"), List.of("1.0", "N/A"), List.of("4.0", "*")), keys);
    }

    @Test
    void wrongKeyLengthIsALoadError() {
        RulesException e = assertThrows(RulesException.class, () -> selector(FOO_BAR, "", "Match({ (1.0,) : '100' })"));
        assertEquals(RulesException.Kind.STRUCTURE, e.kind());
        assertEquals("Match key=('1.0',) is wrong length for parameters ('foo', 'bar')", e.detail());
    }

    @Test
    void absentParameterIsAcceptedOnlyWhenItsColumnHasNa() {
        assertEquals("100", choose(M1, header("foo", "1.0")));
        LookupFailure f = failure(M1, header("bar", "2.0"));
        assertEquals("ValidationError", f.pythonClass());
        assertEquals("Match required lookup parameter 'foo' is undefined.", f.getMessage());
    }

    @Test
    void validationMessageHasALeadingSpaceAndAPythonList() {
        LookupFailure f = failure(M1, header("foo", "doh!", "bar", "1.0"));
        assertEquals("ValidationError", f.pythonClass());
        assertEquals(" parameter='foo' value='doh!' is not in ['1.0', '4.0']", f.getMessage());
        assertTrue(!f.fallsThrough(), "validation is not a lookup error");
    }

    @Test
    void everyEqualWeightTerminalIsReturnedInKeyOrder() {
        Selector m = selector(FOO_BAR, "", """
                Match({
                    (1.0, '*') : '100',
                    (1.0, 2.0) : '200',
                    ('*', '*') : '300',
                    (5.0, 3.0) : '200',
                })""");
        assertEquals("('300', '100', '200')", choose(m, header("foo", "1.0", "bar", "2.0")));
        assertEquals("('300', '200')", choose(m, header("foo", "5.0", "bar", "3.0")));
    }

    @Test
    void wildcardWeighsLikeAnExactValueAndNaWeighsNothing() {
        Selector m = selector("(('D', 'F'),)", "", """
                Match({
                    ('HRC', 'F555W') : 'a',
                    ('HRC', '*') : 'b',
                    ('HRC', 'N/A') : 'c',
                })""");
        assertEquals("('b', 'a')", choose(m, header("D", "HRC", "F", "F555W")));
        assertEquals("b", choose(m, header("D", "HRC", "F", "F814W")));
        assertEquals("('b', 'a', 'c')", choose(m, header("D", "HRC", "F", "N/A")));
        assertEquals("('b', 'a')", choose(m, header("D", "*", "F", "*")));
        Selector starVsNa = selector("(('D', 'F'),)", "", "Match({ ('HRC', '*') : 'star', ('HRC', 'N/A') : 'na' })");
        assertEquals("star", choose(starVsNa, header("D", "HRC", "F", "ANYTHING")));
    }

    @Test
    void terminalTupleAndEmptyParameterMatch() {
        Selector tuple = selector("(('F',),)", "", "Match({ ('A',) : ('100', '200') })");
        assertEquals("('100', '200')", choose(tuple, header("F", "A")));
        Selector none = selector("((),)", "", "Match({ () : '100' })");
        assertEquals("100", choose(none, header()));
        Selector empty = selector("(('F',),)", "", "Match({})");
        assertEquals("NOT FOUND No match found.", choose(empty, header("F", "A")));
    }

    @Test
    void globAndBareInequalityColumnsRejectValuesTheyWouldMatch() {
        Selector glob = selector("(('F',),)", "", "Match({ ('F*W',) : 'glob', ('X',) : 'x' })");
        assertEquals("NOT FOUND  parameter='F' value='F555W' is not in ['F*W', 'X']", choose(glob, header("F", "F555W")));
        Selector ineq = selector("(('F',),)", "", "Match({ ('>5',) : 'gt', ('X',) : 'x' })");
        assertEquals("ValidationError", failure(ineq, header("F", "6.0")).pythonClass());
        Selector esoteric = selector("(('F',),)", "", "Match({ ('#>5#',) : 'gt', ('X',) : 'x' })");
        assertEquals("gt", choose(esoteric, header("F", "6.0")));
        assertEquals("x", choose(esoteric, header("F", "X")));
    }

    @Test
    void notAndBetweenHeaderValues() {
        Selector ab = selector("(('F',),)", "", "Match({ ('A',) : 'a', ('B',) : 'b' })");
        assertEquals("NOT FOUND No match found.", choose(ab, header("F", "NOTB")));
        assertEquals("NOT FOUND No match found.", choose(ab, header("F", "BETWEEN")));
        assertEquals("NOT FOUND No match found.", choose(ab, header("F", "BETWEEN 1 2")));
        // NOT is stripped before validating, and the message names what is left.
        assertEquals("NOT FOUND  parameter='F' value='C' is not in ['A', 'B']", choose(ab, header("F", "NOT C")));
        assertEquals("NOT FOUND  parameter='F' value='C' is not in ['A', 'B']", choose(ab, header("F", "NOTC")));
    }

    @Test
    void starOrNaHeaderValueGivesATupleOfChoices() {
        Selector ab = selector("(('F',),)", "", "Match({ ('A',) : 'a', ('B',) : 'b' })");
        assertEquals("('a', 'b')", choose(ab, header("F", "N/A")));
        assertEquals("('a', 'b')", choose(ab, header("F", "*")));
    }

    @Test
    void notKeys() {
        Selector m = selector("(('F',),)", "", "Match({ ('A',) : 'a', ('NOT A',) : 'na' })");
        assertEquals("na", choose(m, header("F", "B")));
        assertEquals("a", choose(m, header("F", "*")), "a NOT key eliminates '*'");
        assertEquals("('a', 'na')", choose(m, header("F", "N/A")));
        assertEquals("na", choose(m, header("F", "NOT A")));
    }

    @Test
    void naKeyColumnLetsAbsentParametersThrough() {
        Selector m = selector("(('F', 'G'),)", "", "Match({ ('A', 'N/A') : 'a', ('B', 'X') : 'b' })");
        assertEquals("a", choose(m, header("F", "A")));
    }

    @Test
    void rangeColumn() {
        Selector r = selector("(('F',),)", "", "Match({ ('1:5',) : 'r' })");
        assertEquals("NOT FOUND No match found.", choose(r, header("F", "3")));
        assertEquals("NOT FOUND  parameter='F' value ='7' is not in range [1.0 .. 5.0]", choose(r, header("F", "7")));
        LookupFailure f = failure(r, header("F", "x"));
        assertEquals("ValueError", f.pythonClass());
        assertEquals("could not convert string to float: 'x'", f.getMessage());
    }

    @Test
    void mergeOverlapsOffMakesTiesAnError() {
        Selector m = selector("(('F',),)", "    'merge_overlaps' : '0',\n", "Match({ ('A',) : 'a', ('B',) : 'b' })");
        assertEquals("a", choose(m, header("F", "A")));
        LookupFailure f = failure(m, header("F", "*"));
        assertEquals("AmbiguousMatchError", f.pythonClass());
        assertEquals("More than one match clause matched.", f.getMessage());
    }

    @Test
    void duplicateConditionedKeysAreALoadError() {
        RulesException e = assertThrows(RulesException.class,
                () -> selector("(('F', 'G'),)", "", "Match({ ('A', '1') : 'a', ('A', 1) : 'b' })"));
        assertEquals("Key ('A', '1.0') appears more than once ", e.detail());
        assertThrows(RulesException.class, () -> selector("(('F',),)", "", "Match({ ('ANY',) : 'a', ('*',) : 'b' })"));
    }
}
