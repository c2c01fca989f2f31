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

    // Classes, not lambdas: these are first used while loading, where a lambda's bootstrap shows.
    public static final Comparator<String> STRINGS = new Strings();

    public static final Comparator<List<String>> TUPLES = new Tuples();

    private static final class Strings implements Comparator<String> {
        @Override public int compare(String a, String b) { return CodePointOrder.compare(a, b); }
    }

    private static final class Tuples implements Comparator<List<String>> {
        @Override public int compare(List<String> a, List<String> b) {
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                int c = CodePointOrder.compare(a.get(i), b.get(i));
                if (c != 0) return c;
            }
            return Integer.compare(a.size(), b.size());
        }
    }

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
