package vn.giamngheo.monitoring;

import vn.giamngheo.monitoring.rules.Direction;
import vn.giamngheo.monitoring.rules.IndicatorLevel;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.monitoring.rules.ValidationRule;

/**
 * A monitoring indicator: code, name, unit of measure, which way it should go, and how it is obtained
 * ({@code computation} names a computation bean, {@link IndicatorComputation}; null = entered by the units or by
 * agencies, {@code obtained}); whose it is ({@code provinceCode} null = national), the lowest level whose reports
 * carry it, the shortest period it is reported for, the computation that checks an entered figure, and the version
 * it was read at.
 */
public record Indicator(long id, String code, String nameVi, String nameEn, String unitOfMeasure, Direction direction,
                        String computation, String legalSource, int sortOrder, String provinceCode, IndicatorLevel level,
                        ReportKind periodType, String obtained, String checkComputation, boolean active, int version) {

    /** How an indicator is obtained. */
    public static final String COMPUTED = "computed";
    public static final String ENTERED_BY_UNITS = "entered_by_units";
    public static final String ENTERED_BY_AGENCIES = "entered_by_agencies";
    public static final java.util.List<String> OBTAINED = java.util.List.of(COMPUTED, ENTERED_BY_UNITS, ENTERED_BY_AGENCIES);

    /** A national indicator reported by every level each quarter (as the indicators were before they were data). */
    public Indicator(long id, String code, String nameVi, String nameEn, String unitOfMeasure, Direction direction,
                     String computation, String legalSource, int sortOrder) {
        this(id, code, nameVi, nameEn, unitOfMeasure, direction, computation, legalSource, sortOrder, null,
                IndicatorLevel.COMMUNE, ReportKind.QUARTER, computation == null ? ENTERED_BY_UNITS : COMPUTED, null, true, 0);
    }

    public boolean computed() {
        return computation != null;
    }

    public boolean share() {
        return "percent".equals(unitOfMeasure);
    }

    public boolean national() {
        return provinceCode == null;
    }

    /** Whether a report of a unit of this level and kind carries the indicator. */
    public boolean reportedIn(String unitLevel, ReportKind kind) {
        return level.reportedAt(unitLevel) && ValidationRule.applies(periodType, kind);
    }
}
