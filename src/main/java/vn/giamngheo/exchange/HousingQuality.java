package vn.giamngheo.exchange;

/** Dwelling quality: kiên cố, bán kiên cố, thiếu kiên cố, đơn sơ. */
public enum HousingQuality implements Coded {
    DURABLE, SEMI_DURABLE, LESS_DURABLE, MAKESHIFT
}
