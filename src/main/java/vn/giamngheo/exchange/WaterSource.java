package vn.giamngheo.exchange;

/** Main source of drinking and household water (nguồn nước sinh hoạt). */
public enum WaterSource implements Coded {
    PIPED, DRILLED_WELL, PROTECTED_DUG_WELL, PROTECTED_SPRING, RAIN_WATER, BOTTLED, UNPROTECTED_DUG_WELL,
    UNPROTECTED_SPRING, SURFACE_WATER, TANKER, OTHER
}
