package org.crdsj.certify;

import java.util.List;
import java.util.Map;

/**
 * The properties of one HDU that constraint expressions see as {@code <NAME>_ARRAY}: {@code SHAPE}
 * (a tuple), {@code KIND} ({@code IMAGE}, {@code TABLE}, {@code UNKNOWN}), {@code DATA_TYPE}
 * (numpy type name of an image, or column name to type string of a table), {@code COLUMN_NAMES}
 * (upper case, null for images), {@code NAME}, {@code EXTENSION}. Array data is not loaded.
 */
public record ArrayInfo(List<Long> shape, String kind, Object dataType, List<String> columnNames, String name, int extension) {
    public ArrayInfo {
        shape = List.copyOf(shape);
        columnNames = columnNames == null ? null : List.copyOf(columnNames);
        if (dataType instanceof Map<?, ?> m) dataType = Map.copyOf(m);
    }
}
