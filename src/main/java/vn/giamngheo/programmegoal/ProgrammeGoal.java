package vn.giamngheo.programmegoal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import vn.giamngheo.population.PopulationGroup;

/**
 * A poverty goal of a programme period (a row of {@code programme_goal}). {@code kind}: {@code rate_fall} (the rate
 * of the province, or of a population group, falls at least {@code minPoints} a year; {@code maxPoints} the upper end
 * of a range, shown only), {@code each_unit_fall} (every commune holding {@code areaClass} falls at least
 * {@code minPoints} a year), {@code class_ceiling} (the rate over the class's households below {@code ceiling} by
 * {@code targetYear}) or {@code class_exit} (no commune holds the class at the end of {@code targetYear}).
 */
public record ProgrammeGoal(long id, String periodCode, int yearFrom, int yearTo, String code, String kind,
                            String populationGroup, String areaClass, BigDecimal minPoints, BigDecimal maxPoints,
                            BigDecimal ceiling, Integer targetYear, String textVi, String textEn, String legalSource,
                            String confidence, int sortOrder, boolean active, int version) {

    public static final String RATE_FALL = "rate_fall";
    public static final String EACH_UNIT_FALL = "each_unit_fall";
    public static final String CLASS_CEILING = "class_ceiling";
    public static final String CLASS_EXIT = "class_exit";

    /** The goal's words in the reader's language (Vietnamese unless another language is asked). */
    public String text(Locale locale) {
        return locale == null || "vi".equals(locale.getLanguage()) ? textVi : textEn;
    }

    public PopulationGroup group() {
        return PopulationGroup.parse(populationGroup);
    }

    /** The area-class codes (empty for a rate fall). */
    public List<String> classes() {
        return areaClass == null ? List.of() : List.of(areaClass.split(","));
    }

    /** The year before the period: the base of the goals set "by" a year. */
    public int baseYear() {
        return yearFrom - 1;
    }
}
