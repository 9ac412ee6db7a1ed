package vn.giamngheo.analysis.rules;

import java.util.Comparator;
import java.util.Objects;

/** One value of a subgroup variable, e.g. {@code area=rural}. */
public record Subgroup(String variable, String value) implements Comparable<Subgroup> {

    private static final Comparator<Subgroup> ORDER =
            Comparator.comparing(Subgroup::variable).thenComparing(Subgroup::value);

    public Subgroup {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public int compareTo(Subgroup other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return variable + "=" + value;
    }
}
