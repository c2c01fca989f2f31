package org.crdsj.engine.rules;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.crdsj.engine.bestrefs.Result;

/**
 * An instrument context's results for all its types: an array of results beside the context's
 * shared array of type names, instead of a hash map built per dataset. Read-only, in type order.
 */
final class TypeResults extends AbstractMap<String, Result> {
    private final String[] types;
    private final Map<String, Integer> index;
    private final Result[] results;

    TypeResults(String[] types, Map<String, Integer> index, Result[] results) {
        this.types = types;
        this.index = index;
        this.results = results;
    }

    @Override
    public Result get(Object key) {
        Integer i = index.get(key);
        return i == null ? null : results[i];
    }

    @Override
    public boolean containsKey(Object key) { return index.containsKey(key); }

    @Override
    public int size() { return types.length; }

    @Override
    public Set<Entry<String, Result>> entrySet() {
        return new AbstractSet<>() {
            @Override public int size() { return types.length; }

            @Override
            public Iterator<Entry<String, Result>> iterator() {
                return new Iterator<>() {
                    int i;
                    @Override public boolean hasNext() { return i < types.length; }

                    @Override
                    public Entry<String, Result> next() {
                        if (i >= types.length) throw new NoSuchElementException();
                        Entry<String, Result> e = new SimpleImmutableEntry<>(types[i], results[i]);
                        i++;
                        return e;
                    }
                };
            }
        };
    }
}
