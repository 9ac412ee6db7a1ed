package vn.giamngheo.exchange;

/** Where a household lives: urban (phường, thị trấn) or rural (xã). */
public enum Area implements Coded {
    URBAN, RURAL
}
