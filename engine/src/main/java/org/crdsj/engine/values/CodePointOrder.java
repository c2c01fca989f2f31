package org.crdsj.engine.values;

import java.util.Comparator;
import java.util.List;

/**
 * Python's ordering of strings (by Unicode code point) and of tuples of strings (element by
 * element, a shorter prefix first). Java's {@link String#compareTo} orders UTF-16 units, which
 * differs for characters outside the Basic Multilingual Plane.
 */
public final class CodePointOrder {
    private CodePointOrder() {}

    public static final Comparator<String> STRINGS = CodePointOrder::compare;

    public static final Comparator<List<String>> TUPLES = (a, b) -> {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    };

    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i), y = b.charAt(i);
            if (x != y) {
                boolean xs = Character.isSurrogate(x), ys = Character.isSurrogate(y);
                if (xs == ys) return x - y;
                return xs ? 1 : -1; // a surrogate starts a code point above every BMP character
            }
        }
        return a.length() - b.length();
    }
}
