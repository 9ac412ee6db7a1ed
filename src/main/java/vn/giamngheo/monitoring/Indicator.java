package vn.giamngheo.monitoring;

import vn.giamngheo.monitoring.rules.Direction;

/**
 * A monitoring indicator: code, name, unit of measure, which way it should go, and how it is obtained
 * ({@code computation} names a calculation on the registry or the budget; null = entered by the units).
 */
public record Indicator(long id, String code, String nameVi, String nameEn, String unitOfMeasure, Direction direction,
                        String computation, String legalSource, int sortOrder) {

    public boolean computed() {
        return computation != null;
    }

    public boolean share() {
        return "percent".equals(unitOfMeasure);
    }
}
