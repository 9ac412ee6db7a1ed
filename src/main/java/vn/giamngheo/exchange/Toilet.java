package vn.giamngheo.exchange;

/** Kind of toilet (nhà tiêu). */
public enum Toilet implements Coded {
    SEPTIC, SEMI_SEPTIC, POUR_FLUSH, DOUBLE_VAULT, VENTILATED_PIT, PIT_WITH_SLAB, PIT_WITHOUT_SLAB, BUCKET,
    HANGING, NONE, OTHER
}
