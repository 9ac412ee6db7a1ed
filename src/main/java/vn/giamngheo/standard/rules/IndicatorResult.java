package vn.giamngheo.standard.rules;

/** Whether a household is deprived on one indicator, and the facts and cut-off that decided it. */
public record IndicatorResult(String indicator, boolean deprived, Message evidence) {
}
