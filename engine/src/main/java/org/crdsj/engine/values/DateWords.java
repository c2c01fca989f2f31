package org.crdsj.engine.values;

/**
 * A bounded memory of lookup date words (the values of DATE-OBS): what each decides on its own
 * about CRDS's parse of a DATE-OBS/TIME-OBS pair (its layout and its year, month and day), so
 * a lookup parses only the time. Datasets repeat their observation dates, times hardly ever;
 * the memory is keyed by the one date value, never by the pair. Bounded (beyond
 * {@code capacity} words a word is worked out each time) and thread-safe: a
 * {@link BoundedStringTable}, read without locks.
 */
public final class DateWords {
    private final BoundedStringTable<CommonDates.DateWord> words;

    /** A memory of at most {@code capacity} date words. */
    public DateWords(int capacity) {
        this.words = new BoundedStringTable<>(capacity, 16);
    }

    /** {@link Timestamps#parsePair}, the date word's part remembered. */
    public DateOrError parsePair(String date, String time) {
        CommonDates.DateWord word = words.get(date);
        if (word == null) {
            word = CommonDates.dateWord(date);
            if (!words.isFull()) words.putIfAbsent(date, word);
        }
        return CommonDates.pair(date, time, word);
    }
}
