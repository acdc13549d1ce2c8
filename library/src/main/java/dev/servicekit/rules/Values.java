package dev.servicekit.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of the lists and maps a user hands to servicekit's value objects that keep their nulls: a null
 * reaches validation, which names it, instead of a NullPointerException thrown from a constructor.
 */
public final class Values {
    private Values() {}

    /** An unmodifiable copy, nulls kept; null stays null. */
    public static <T> List<T> list(List<T> values) {
        return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** An unmodifiable copy of the array's elements, nulls kept; null stays null. */
    @SafeVarargs
    public static <T> List<T> list(T... values) {
        return values == null ? null : Collections.unmodifiableList(new ArrayList<>(java.util.Arrays.asList(values)));
    }

    /** An unmodifiable copy in the map's order, nulls kept; null stays null. */
    public static <K, V> Map<K, V> map(Map<K, V> values) {
        return values == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
