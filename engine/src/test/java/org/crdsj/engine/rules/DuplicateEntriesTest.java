package org.crdsj.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.crdsj.grammar.MappingParser;
import org.junit.jupiter.api.Test;

/** CRDS's duplicate-entry messages, level by level. */
class DuplicateEntriesTest {

    private static List<String> find(String text, String name) {
        return DuplicateEntries.find(MappingParser.parse(text, name));
    }

    @Test
    void reportsHeaderThenEachSelectorLevelAgainstTheFirstValue() {
        String rmap = "header = {'name' : 'a', 'parkey' : (('D',), ('DATE-OBS', 'TIME-OBS')), 'name' : 'b', 'name' : 'c'}\n"
                + "selector = Match({\n"
                + "  ('X',) : UseAfter({'2001-01-01 00:00:00' : 'f1', '2001-01-01 00:00:00' : 'f2'}),\n"
                + "  ('X',) : UseAfter({'2002-01-01 00:00:00' : 'f3'}),\n"
                + "  1 : 'one', 1.0 : 'float one',\n"
                + "})\n";
        assertEquals(List.of(
                "Duplicate entry at header 'name' = 'b' vs. 'a'",
                "Duplicate entry at header 'name' = 'c' vs. 'a'",
                "Duplicate entry at selector ('X',) = UseAfter vs. UseAfter",
                "Duplicate entry at selector 1.0 = 'float one' vs. 'one'",
                "Duplicate entry at selector Match(('X',)) '2001-01-01 00:00:00' = 'f2' vs. 'f1'"),
                find(rmap, "x.rmap"));
    }

    @Test
    void contextsAndCleanMappingsToo() {
        assertEquals(List.of("Duplicate entry at selector 'ACS' = 'b.imap' vs. 'a.imap'"),
                find("header = {'name' : 'x.pmap'}\nselector = {'ACS' : 'a.imap', 'ACS' : 'b.imap'}\n", "x.pmap"));
        assertEquals(List.of(),
                find("header = {'name' : 'x.pmap'}\nselector = {'ACS' : 'a.imap', 'COS' : 'b.imap'}\n", "x.pmap"));
    }
}
