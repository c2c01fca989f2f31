package org.crdsj.engine.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crdsj.engine.rules.MappingText;
import org.crdsj.engine.select.Selection;
import org.crdsj.engine.select.SelectionPath;
import org.crdsj.engine.select.Selector;
import org.crdsj.grammar.syntax.Value;

/**
 * One element of a difference's path, above its message: either the pair of mappings being
 * compared at that level, or the selector key (values as written in the rules) that leads further
 * down. Immutable.
 */
public sealed interface DiffStep {

    /** The step as CRDS prints it: a tuple of strings. */
    List<String> values();

    /**
     * The names CRDS attaches to this step for {@code --print-affected-modes}: one class name
     * ({@code PipelineContext}, {@code InstrumentContext}, {@code ReferenceMapping}) for a mapping
     * pair, the lookup parameters for a key.
     */
    List<String> parameterNames();

    /**
     * A pair of mappings: {@code oldName} and {@code newName} as CRDS names them (the paths given
     * for the top pair, the names written in the parent's selector below it). {@code newName} is
     * null for the single-name steps of recursively added or deleted mappings.
     * {@code instrument}/{@code filekind} are those of the old mapping ({@code ""} where the
     * level has none), which is what CRDS's {@code get_affected} reads from the old name.
     */
    record MappingPair(String oldName, String newName, String mappingClass, String instrument, String filekind)
            implements DiffStep {
        @Override public List<String> values() {
            return newName == null ? List.of(oldName) : List.of(oldName, newName);
        }

        @Override public List<String> parameterNames() { return List.of(mappingClass); }
    }

    /**
     * A selector key: {@code values} as CRDS shows them (each element's Python {@code str}, UseAfter
     * dates split into date and time), {@code parameters} the lookup parameters of that level.
     * The two lists can differ in length, exactly as in CRDS.
     */
    record Key(List<String> parameters, List<String> values) implements DiffStep {
        public Key {
            parameters = List.copyOf(parameters);
            values = List.copyOf(values);
        }

        @Override public List<String> parameterNames() { return parameters; }

        /**
         * The step of the entry written {@code rawKey} in {@code selector}, as CRDS shows it: each
         * element's Python {@code str}; a UseAfter-like date split on white space and a
         * VersionAfter version on dots when the level has several parameters; never more
         * elements than parameters. Differences and traced lookups both name places this way.
         */
        public static Key of(Selector selector, Value rawKey) {
            List<String> params = selector.parameters();
            List<String> values = new ArrayList<>();
            String kind = selector.kind();
            boolean dateLike = kind.equals("UseAfter") || kind.equals("ClosestTime");
            if ((dateLike || kind.equals("VersionAfter")) && params.size() == 1) {
                values.add(MappingText.str(rawKey));
            } else if (dateLike) {
                for (String part : MappingText.str(rawKey).trim().split("\\s+")) if (!part.isEmpty()) values.add(part);
            } else if (kind.equals("VersionAfter")) {
                values.addAll(List.of(MappingText.str(rawKey).split("\\.", -1)));
            } else if (rawKey instanceof Value.Tuple t) {
                for (Value v : t.items()) values.add(MappingText.str(v));
            } else {
                values.add(MappingText.str(rawKey));
            }
            return new Key(params, values.subList(0, Math.min(values.size(), params.size())));
        }

        /**
         * The places a traced lookup went through, named as differences name them: per selector
         * level top first, the keys of the entries taken (several after a tie or at a Bracket).
         */
        public static List<Set<Key>> along(SelectionPath path) {
            List<Set<Key>> out = new ArrayList<>();
            for (SelectionPath.Step step : path.steps()) {
                Set<Key> keys = new LinkedHashSet<>();
                for (Selection s : step.chosen()) if (s.rawKey() != null) keys.add(of(step.selector(), s.rawKey()));
                out.add(Collections.unmodifiableSet(keys));
            }
            return Collections.unmodifiableList(out);
        }
    }
}
