package vn.giamngheo.exchange;

/** A member's sex. */
public enum Sex implements Coded {
    MALE, FEMALE
}
