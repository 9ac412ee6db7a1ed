package vn.giamngheo.exchange;

import java.util.AbstractMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A file's column positions by column name, looked up first by identity: the row parsers name columns by the literals
 * of {@link Columns}, which are the header's keys, so a bulk import's tens of millions of look-ups compare references
 * instead of hashing and comparing names (a fifth of the reading thread in a profile at 1,000,000 households). Any other
 * name is looked up as in the map given.
 */
final class ColumnIndex extends AbstractMap<String, Integer> {

    private final Map<String, Integer> byName;
    private final IdentityHashMap<String, Integer> byReference = new IdentityHashMap<>();

    ColumnIndex(Map<String, Integer> byName) {
        this.byName = Map.copyOf(byName);
        byName.forEach((name, position) -> byReference.put(name.intern(), position));
    }

    @Override
    public Integer get(Object name) {
        Integer position = byReference.get(name);
        return position != null ? position : byName.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return byReference.containsKey(name) || byName.containsKey(name);
    }

    @Override
    public Set<Entry<String, Integer>> entrySet() {
        return byName.entrySet();
    }
}
