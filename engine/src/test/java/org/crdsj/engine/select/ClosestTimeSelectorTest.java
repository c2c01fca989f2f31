package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.choose;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ClosestTime: the nearest date either side, ties to the earlier key (spec 4.5, oracle 7.5). */
class ClosestTimeSelectorTest {
    private static final Selector S = selector("(('DATE-OBS', 'TIME-OBS'),)", "", """
            ClosestTime({
                '2017-04-24 00:00:00' : 'f123',
                '2018-02-01 00:00:00' : 'f222',
                '2019-04-15 00:00:00' : 'f123',
            })""");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2016-05-05, f123", "2016-04-24, f123", "2018-02-02, f222", "2019-03-01, f123",
        "2019-04-15, f123", "2019-04-16, f123"})
    void doctestTable(String date, String expected) {
        assertEquals(expected, choose(S, header("DATE-OBS", date, "TIME-OBS", "00:00:00")));
    }

    @Test
    void exactMidpointGoesToTheEarlierKey() {
        Selector ab = selector("(('DATE-OBS', 'TIME-OBS'),)", "",
                "ClosestTime({ '2017-04-24 00:00:00' : 'a', '2018-02-01 00:00:00' : 'b' })");
        assertEquals("a", choose(ab, header("DATE-OBS", "2017-09-12", "TIME-OBS", "12:00:00")));
        assertEquals("b", choose(ab, header("DATE-OBS", "2017-09-12", "TIME-OBS", "12:00:01")));
    }

    @Test
    void badDatesNameClosestTimeButUndefinedNamesUseAfter() {
        assertEquals("NOT FOUND ClosestTime Invalid date/time format for ('DATE-OBS', 'TIME-OBS') value = "
                + "'2017-13-01 00:00:00' exception is 'month must be in 1..12'",
                choose(S, header("DATE-OBS", "2017-13-01", "TIME-OBS", "00:00:00")));
        assertEquals("NOT FOUND UseAfter parameter 'DATE-OBS' is UNDEFINED.",
                choose(S, header("DATE-OBS", "UNDEFINED", "TIME-OBS", "00:00:00")));
        assertEquals("NOT FOUND ClosestTime required lookup parameter 'TIME-OBS' is undefined.",
                choose(S, header("DATE-OBS", "2017-01-01")));
    }
}
