package vn.giamngheo.setting;

import java.time.Instant;

/**
 * A parameter as shown to users: its value (stored form), type, bounds, legal source, confidence (S, S2, ?),
 * descriptions and who changed it last.
 */
public record ParameterView(String key, String value, String valueType, String minValue, String maxValue,
                            String legalSource, String confidence, String descriptionVi, String descriptionEn,
                            String updatedBy, Instant updatedAt, int version) {

    public ParameterType type() {
        return ParameterType.fromCode(valueType);
    }
}
