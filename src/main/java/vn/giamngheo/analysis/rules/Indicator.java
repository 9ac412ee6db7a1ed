package vn.giamngheo.analysis.rules;

import java.util.Objects;

/** A deprivation indicator, the dimension it belongs to and its weight in the deprivation score. */
public record Indicator(String name, String dimension, Fraction weight) {

    public Indicator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(weight, "weight");
        if (name.isBlank()) {
            throw new IllegalArgumentException("indicator name must not be blank");
        }
        if (weight.isZero()) {
            throw new IllegalArgumentException("weight of indicator '" + name + "' must be positive");
        }
    }
}
