package vn.giamngheo.exchange;

/** Highest completed education or training level. */
public enum Education implements Coded {
    NONE, PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY, VOCATIONAL_ELEMENTARY, VOCATIONAL_INTERMEDIATE, COLLEGE,
    UNIVERSITY
}
