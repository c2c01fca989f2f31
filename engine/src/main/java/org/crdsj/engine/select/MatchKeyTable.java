package org.crdsj.engine.select;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.crdsj.engine.select.match.InvalidMatchKeyException;
import org.crdsj.engine.select.match.MatchKeys;
import org.crdsj.engine.select.match.Matcher;
import org.crdsj.engine.select.match.Matchers;
import org.crdsj.grammar.syntax.Value;

/**
 * The Match key elements of one load, each conditioned and compiled once however many cases and
 * rmaps repeat it: an HST context writes ~8,500 key elements but only ~400 distinct texts, and
 * in a fresh JVM conditioning and compiling them one by one is a large share of the load.
 *
 * <p>Everything it hands out is immutable (matchers included), so selectors of different rmaps
 * share the same objects; it is thread-safe, as rmaps may be built on any thread. It grows with
 * the distinct texts of the rules loaded, nothing else.
 */
public final class MatchKeyTable {
    /**
     * A key element as written -> its conditioned element, compiled; keyed by the string's text, the
     * int's BigInteger or the float's Double (the only things their conditioning reads; objects
     * of different classes are never equal, so one map serves all three).
     */
    private final ConcurrentHashMap<Object, Element> written = new ConcurrentHashMap<>();
    /** Conditioned element -> what building a Match needs of it. */
    private final ConcurrentHashMap<String, Element> elements = new ConcurrentHashMap<>();

    /** A conditioned key element compiled: whether it is esoteric, its or-glob parts, its matcher. */
    static final class Element {
        /** The conditioned element, e.g. {@code A|B} for a written {@code b | a}. */
        final String key;
        final boolean esoteric;
        /** {@link MatchKeys#globList} of the element: the literal values it adds to its column. */
        final List<String> globs;
        private final Matcher matcher;      // null when the key is malformed
        private final String error;         // then CRDS's message

        Element(String key) {
            this.key = key;
            this.esoteric = MatchKeys.isEsoteric(key);
            this.globs = MatchKeys.globList(key);
            Matcher m = null;
            String e = null;
            try {
                m = Matchers.forKey(key);
            } catch (InvalidMatchKeyException ex) {
                e = ex.getMessage();
            }
            this.matcher = m;
            this.error = e;
        }

        /** @throws InvalidMatchKeyException (a new one each time) when the key does not compile */
        Matcher matcher() {
            if (matcher == null) throw new InvalidMatchKeyException(error);
            return matcher;
        }
    }

    /** CRDS's conditioning of one Match key element (see {@link MatchKeys#conditionKey}). */
    String condition(Value v) {
        return of(v).key;
    }

    /** One Match key element as written, conditioned and compiled (one map lookup once seen). */
    Element of(Value v) {
        Object raw = v instanceof Value.Str s ? s.value()
                : v instanceof Value.Int i ? i.value()
                : v instanceof Value.Flt f ? (Object) f.value()
                : null;
        if (raw == null) return element(MatchKeys.conditionElement(v));
        Element known = written.get(raw);
        if (known == null) {
            known = element(MatchKeys.conditionElement(v));
            Element raced = written.putIfAbsent(raw, known);
            if (raced != null) known = raced;
        }
        return known;
    }

    /** The compiled form of a conditioned element. */
    Element element(String conditionedKey) {
        Element e = elements.get(conditionedKey);
        if (e == null) {
            e = new Element(conditionedKey);
            Element raced = elements.putIfAbsent(conditionedKey, e);
            if (raced != null) e = raced;
        }
        return e;
    }
}
