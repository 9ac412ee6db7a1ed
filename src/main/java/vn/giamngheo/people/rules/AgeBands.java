package vn.giamngheo.people.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Age bands from increasing bounds in whole years (parameter {@code people.age_bands}): {@code 6,16,60} gives
 * 0–5, 6–15, 16–59 and 60 or over. A member of age {@code a} falls in band {@code i} when
 * {@code bounds[i-1] <= a < bounds[i]} (SQL {@code width_bucket(a, bounds)} gives the same index).
 */
public record AgeBands(List<Integer> bounds) {

    public AgeBands {
        bounds = List.copyOf(bounds);
        if (bounds.isEmpty() || bounds.size() > 10) {
            throw new IllegalArgumentException("between 1 and 10 bounds, not " + bounds.size());
        }
        int previous = 0;
        for (int b : bounds) {
            if (b <= previous || b > 120) {
                throw new IllegalArgumentException("bounds must increase from above 0 to at most 120: " + bounds);
            }
            previous = b;
        }
    }

    /** Parses {@code 6,16,60}; spaces allowed. */
    public static AgeBands parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no bounds");
        }
        List<Integer> bounds = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                bounds.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a whole number of years", e);
            }
        }
        return new AgeBands(bounds);
    }

    /** How many bands: one more than the bounds. */
    public int size() {
        return bounds.size() + 1;
    }

    /** The band of an age in years, 0 for the youngest. */
    public int band(int years) {
        int i = 0;
        while (i < bounds.size() && years >= bounds.get(i)) {
            i++;
        }
        return i;
    }

    /** The lowest age of a band. */
    public int from(int band) {
        return band == 0 ? 0 : bounds.get(band - 1);
    }

    /** The highest age of a band (inclusive), null for the last (open) band. */
    public Integer to(int band) {
        return band == bounds.size() ? null : bounds.get(band) - 1;
    }

    /** The bounds as a PostgreSQL array literal, for {@code width_bucket}. */
    public String sqlArray() {
        return "{" + String.join(",", bounds.stream().map(String::valueOf).toList()) + "}";
    }
}
