package org.crdsj.engine.values;

/**
 * What parsing a date string gives without throwing ({@link Timestamps#parse}): the date, or the
 * error CRDS would raise. Bad dates are ordinary lookup outcomes, so they are returned as values.
 */
public sealed interface DateOrError permits CrdsDateTime, DateTimeFormatError {
}
