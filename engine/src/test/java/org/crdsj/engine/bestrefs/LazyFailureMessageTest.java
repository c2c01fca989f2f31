package org.crdsj.engine.bestrefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.crdsj.engine.values.DateTimeFormatError;
import org.crdsj.engine.values.Timestamps;
import org.junit.jupiter.api.Test;

/** Failure messages made on first read are the same text, made once, and compare as eager ones. */
class LazyFailureMessageTest {

    @Test
    void notFoundOfALazyFailureMakesItsMessageOnceWhenRead() {
        AtomicInteger made = new AtomicInteger();
        LookupFailure f = LookupFailure.validation(ErrorCategory.BAD_DATETIME, () -> {
            made.incrementAndGet();
            return "UseAfter Invalid date/time format";
        });
        Result.NotFound nf = Result.NotFound.of(f);
        assertEquals(0, made.get(), "no message made before it is read");
        assertEquals(ErrorCategory.BAD_DATETIME, nf.category());
        assertEquals("ValidationError", nf.pythonClass());
        assertEquals("NOT FOUND UseAfter Invalid date/time format", nf.crdsString());
        assertEquals("UseAfter Invalid date/time format", nf.message());
        assertEquals("UseAfter Invalid date/time format", f.getMessage());
        assertEquals(1, made.get());

        Result.NotFound eager = new Result.NotFound(ErrorCategory.BAD_DATETIME, "ValidationError",
                "UseAfter Invalid date/time format");
        assertEquals(eager, nf);
        assertEquals(nf, eager);
        assertEquals(eager.hashCode(), nf.hashCode());
        assertEquals(eager.toString(), nf.toString());
        assertEquals(1, made.get());
    }

    @Test
    void notFoundOfAnEagerFailureKeepsItsMessage() {
        Result.NotFound nf = Result.NotFound.of(LookupFailure.noMatch());
        assertEquals(new Result.NotFound(ErrorCategory.NO_MATCH, "MatchingError", "No match found."), nf);
        assertEquals("NOT FOUND No match found.", nf.crdsString());
    }

    @Test
    void unknownNumericalDateLayoutHasPythonsMessage() {
        DateTimeFormatError e = assertThrows(DateTimeFormatError.class,
                () -> Timestamps.parseDate("2005-01-25T22:59:38 22:59:38"));
        assertEquals("ValueError", e.pythonType());
        assertEquals("Unknown numerical date format: '2005/01/25T22:59:38 22:59:38'", e.getMessage());
        assertEquals(e.getMessage(), e.getMessage());
    }
}
