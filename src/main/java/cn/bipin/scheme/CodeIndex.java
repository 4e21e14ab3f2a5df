package cn.bipin.scheme;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An unmodifiable list that also knows where each element's code is: {@code contains}, {@code indexOf} and
 * {@link #byCode} in constant time. A scheme's units and a pool's members are looked up once per unit per table
 * (rank, pool, bottom mark); with a province's 1,500 units a linear scan made the bulletin cubic.
 */
final class CodeIndex<T> extends AbstractList<T> implements RandomAccess {

    private final List<T> items;
    private final Function<T, String> code;
    private final Map<String, Integer> positions;
    private final boolean codes;

    private CodeIndex(List<T> items, Function<T, String> code, boolean codes) {
        this.items = List.copyOf(items);
        this.code = code;
        this.codes = codes;
        this.positions = new HashMap<>(items.size() * 2);
        for (int i = this.items.size() - 1; i >= 0; i--) {
            positions.put(code.apply(this.items.get(i)), i); // the first of equal codes wins, like indexOf
        }
    }

    static <T> CodeIndex<T> of(List<T> items, Function<T, String> code) {
        return new CodeIndex<>(items, code, false);
    }

    /** A list of codes: {@code contains} and {@code indexOf} of a code in constant time. */
    static CodeIndex<String> ofCodes(List<String> codes) {
        return codes instanceof CodeIndex<String> already && already.codes ? already
                : new CodeIndex<>(codes, Function.identity(), true);
    }

    /** The element with this code, or null. */
    T byCode(String c) {
        Integer i = positions.get(c);
        return i == null ? null : items.get(i);
    }

    /** The position of the element with this code, or -1. */
    int positionOf(String c) {
        return positions.getOrDefault(c, -1);
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    @Override
    public int indexOf(Object o) {
        if (o == null) {
            return -1;
        }
        if (codes && o instanceof String s) {
            return positionOf(s);
        }
        return super.indexOf(o);
    }
}
