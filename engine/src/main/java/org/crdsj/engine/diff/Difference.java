package org.crdsj.engine.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.PythonRepr;

/**
 * One logical difference between two mappings, CRDS's "difference tuple": the path of mapping
 * pairs and selector keys from the top pair down to the change, then the message
 * ({@code added Match rule for 'f'}, {@code replaced 'f' with 'g'}, {@code header replaced 'k' = v with w}, ...).
 * The message texts are CRDS's, which downstream scripts parse. Immutable.
 *
 * @param steps      the path, top mapping pair first
 * @param message    the change
 * @param instrument the instrument CRDS attaches to the tuple (set below an imap or rmap), or null
 * @param filekind   the reference type CRDS attaches (set below an rmap), or null
 * @param changedRmap for an {@code added 'x.rmap'} / {@code deleted 'x.rmap'} change in an imap: the
 *                   instrument and type of that rmap; null otherwise
 */
public record Difference(List<DiffStep> steps, String message, String instrument, String filekind,
                         RmapType changedRmap) {

    /** The instrument and reference type of an rmap, lower case. */
    public record RmapType(String instrument, String filekind) {}

    public Difference {
        steps = List.copyOf(steps);
    }

    /** CRDS's print order: longer tuples first, then element by element (strings by code point). */
    public static final Comparator<Difference> ORDER = (a, b) -> {
        int n = a.size(), m = b.size();
        if (n != m) return Integer.compare(m, n);
        for (int i = 0; i < a.steps.size(); i++) {
            int c = CodePointOrder.TUPLES.compare(a.steps.get(i).values(), b.steps.get(i).values());
            if (c != 0) return c;
        }
        return CodePointOrder.compare(a.message, b.message);
    };

    /** The number of elements of the tuple: the steps and the message. */
    public int size() {
        return steps.size() + 1;
    }

    /** A header difference ({@code header added ...}, {@code deleted header ...}, {@code header replaced ...}). */
    public boolean isHeader() {
        return message.startsWith("header ") || message.startsWith("deleted header ");
    }

    /**
     * CRDS's category of the change ({@code diff_action}): {@code replace}, {@code add},
     * {@code delete}, {@code class_difference} or {@code parkey_difference}, with {@code _rule}
     * added for a match case change and {@code _header} for a header change. Decided from the
     * message's words, in that order, as CRDS does.
     */
    public String action() {
        String result;
        if (message.contains("replace")) result = "replace";
        else if (message.contains("add")) result = "add";
        else if (message.contains("delete")) result = "delete";
        else if (message.contains("different classes")) result = "class_difference";
        else if (message.contains("different parameter")) result = "parkey_difference";
        else throw new IllegalStateException("Bad difference action: " + repr());
        if (message.contains("rule")) result += "_rule";
        else if (message.contains("header")) result += "_header";
        return result;
    }

    /**
     * Where in an rmap's selector tree the change is: the selector keys after the path's last
     * mapping pair, top first, when that pair is of rmaps (empty for a change of the rmap as a
     * whole); null when the change is not inside an rmap (a context's selection, a header of a
     * context).
     */
    public List<DiffStep.Key> selectorKeys() {
        int last = -1;
        for (int i = 0; i < steps.size(); i++) if (steps.get(i) instanceof DiffStep.MappingPair) last = i;
        if (last < 0 || !"ReferenceMapping".equals(((DiffStep.MappingPair) steps.get(last)).mappingClass())) return null;
        List<DiffStep.Key> keys = new ArrayList<>();
        for (DiffStep s : steps.subList(last + 1, steps.size())) keys.add((DiffStep.Key) s);
        return List.copyOf(keys);
    }

    /** The step values, each a tuple of strings, top first. */
    public List<List<String>> stepValues() {
        List<List<String>> out = new ArrayList<>();
        for (DiffStep s : steps) out.add(s.values());
        return out;
    }

    /** Python's {@code repr} of the tuple, message included as it is. */
    public String repr() {
        return repr(stepValues(), message);
    }

    /** Python's {@code repr} of a difference tuple made of string tuples and a final string. */
    public static String repr(List<List<String>> steps, String message) {
        StringBuilder sb = new StringBuilder("(");
        for (List<String> s : steps) sb.append(PythonRepr.tuple(s)).append(", ");
        sb.append(PythonRepr.str(message));
        if (steps.isEmpty()) sb.append(',');
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return repr();
    }
}
