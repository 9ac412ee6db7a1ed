package vn.giamngheo.agency;

import java.time.LocalDate;
import java.util.Locale;

/**
 * An agency at one level ({@code national}, {@code province}, {@code commune}) of a kind ({@code ministry},
 * {@code department}, {@code bank}, {@code front}, {@code mass_organisation}, {@code commune_office},
 * {@code people_committee}, {@code other}), carrying a function of the programme ({@code functionCode}, may be null),
 * valid from {@code validFrom} to {@code validTo} (null: still valid) and replaced by {@code successorId}.
 * A national agency has no unit and no province.
 */
public record Agency(long id, String code, String level, String kind, String functionCode, Long unitId,
                     String provinceCode, String nameVi, String nameEn, LocalDate validFrom, LocalDate validTo,
                     Long successorId, int version) {

    public static final String NATIONAL = "national";
    public static final String PROVINCE = "province";
    public static final String COMMUNE = "commune";

    /** The name in the reader's language: English for English readers, Vietnamese otherwise. */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    /** Whether the agency exists on the day (both ends included). */
    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    public boolean national() {
        return unitId == null;
    }
}
