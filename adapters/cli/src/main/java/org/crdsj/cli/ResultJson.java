package org.crdsj.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Result;
import org.crdsj.engine.rules.ReferenceMapping;

/** Renders bestrefs results as the JSON objects of {@code crds bestrefs} output lines. */
final class ResultJson {
    private ResultJson() {}

    /** {@code {"id", "bestrefs": {...}, "categories": {...}}} or {@code {"id", "error": {...}}}. */
    static Map<String, Object> bestrefs(String id, BestRefs refs, boolean singleRmap) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        if (refs.isFailed()) {
            out.put("error", error(refs.failure().get()));
            return out;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> categories = new LinkedHashMap<>();
        refs.results().forEach((type, r) -> {
            if (r instanceof Result.Omitted && !singleRmap) return;
            values.put(type, BestRefs.crdsValue(r));
            if (r instanceof Result.NotFound || r instanceof Result.NotApplicable) categories.put(type, r.category().id());
        });
        out.put("bestrefs", values);
        out.put("categories", categories);
        return out;
    }

    /** The corpus's context_diff form: differing types as [old, new] plus whole-header errors. */
    static Map<String, Object> difference(String id, BestRefs a, BestRefs b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        Map<String, Object> diffs = new LinkedHashMap<>();
        boolean differs;
        if (a.isFailed() || b.isFailed()) {
            Object ea = a.isFailed() ? error(a.failure().get()) : null;
            Object eb = b.isFailed() ? error(b.failure().get()) : null;
            out.put("old_error", ea);
            out.put("new_error", eb);
            differs = !java.util.Objects.equals(ea, eb);
        } else {
            Map<String, Object> da = a.crdsDict(), db = b.crdsDict();
            java.util.Set<String> all = new java.util.LinkedHashSet<>(da.keySet());
            all.addAll(db.keySet());
            for (String k : all) {
                Object va = da.get(k), vb = db.get(k);
                if (!java.util.Objects.equals(va, vb)) diffs.put(k, java.util.Arrays.asList(va, vb));
            }
            out.put("old_error", null);
            out.put("new_error", null);
            differs = !diffs.isEmpty();
        }
        out.put("differs", differs);
        out.put("differences", diffs);
        return out;
    }

    private static final JsonFactory STREAMING = new JsonFactory()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);

    /** Jackson's data binding, made only if a value of another kind than those below turns up. */
    private static final class Binding {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /**
     * Writes {@code value} as one line of compact JSON, exactly as Jackson's data binding writes
     * it; the values results are made of (maps, lists, strings, booleans, numbers, nulls) go
     * through the streaming generator, which spares a short run the start-up of data binding.
     */
    static void writeLine(Writer w, Object value) throws IOException {
        if (plain(value)) {
            try (JsonGenerator g = STREAMING.createGenerator(w)) {
                write(g, value);
            }
        } else {
            w.write(Binding.JSON.writeValueAsString(value));
        }
        w.write('\n');
    }

    private static boolean plain(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long) return true;
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String) || !plain(e.getValue())) return false;
            }
            return true;
        }
        if (v instanceof List<?> l) {
            for (Object o : l) if (!plain(o)) return false;
            return true;
        }
        return false;
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof String s) g.writeString(s);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof Integer i) g.writeNumber(i);
        else if (v instanceof Long n) g.writeNumber(n);
        else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeStartArray();
            for (Object o : (List<?>) v) write(g, o);
            g.writeEndArray();
        }
    }

    static Map<String, Object> error(Result.NotFound nf) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("category", nf.category().id());
        e.put("error_class", nf.pythonClass());
        e.put("message", nf.message());
        return e;
    }

    static boolean isSingleRmap(org.crdsj.engine.bestrefs.Context c) {
        return c.mapping() instanceof ReferenceMapping;
    }
}
