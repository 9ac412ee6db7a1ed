package vn.giamngheo.exchange;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Column names of exchange-format §1, in the documented order, and which are required. */
public final class Columns {

    public static final List<String> HOUSEHOLDS = List.of("household_code", "commune_code", "village", "area",
            "address", "reference_date", "income_per_capita", "b1_score", "housing_quality", "floor_area_m2",
            "water_source", "toilet", "internet_use", "telephone_use", "info_devices", "loudspeaker_reach",
            "waste_treatment", "causes", "ethnic_minority", "merit_household", "social_protection");

    /** Required household columns ({@code income_per_capita}/{@code b1_score}: one of them, checked per row). */
    public static final Set<String> HOUSEHOLDS_REQUIRED = Set.of("household_code", "commune_code",
            "housing_quality", "floor_area_m2", "water_source", "toilet", "internet_use");

    public static final List<String> MEMBERS = List.of("household_code", "commune_code", "member_no",
            "full_name", "id_number", "birth_date", "sex", "ethnicity", "relation", "employment",
            "working_capacity", "disability", "monthly_social_allowance", "health_insurance", "malnourished",
            "education", "in_school", "school_level_appropriate", "sick_untreated", "merit_person");

    public static final Set<String> MEMBERS_REQUIRED = Set.of("household_code", "commune_code", "member_no",
            "full_name", "birth_date", "sex", "ethnicity", "relation", "employment", "working_capacity",
            "health_insurance", "education", "in_school");

    /** The code list of each coded column (households and members). */
    public static final Map<String, Class<? extends Coded>> CODED = Map.ofEntries(Map.entry("area", Area.class),
            Map.entry("housing_quality", HousingQuality.class), Map.entry("water_source", WaterSource.class),
            Map.entry("toilet", Toilet.class), Map.entry("info_devices", InfoDevice.class),
            Map.entry("causes", PovertyCause.class), Map.entry("sex", Sex.class), Map.entry("relation", Relation.class),
            Map.entry("employment", Employment.class), Map.entry("disability", Disability.class),
            Map.entry("education", Education.class));

    /** Coded columns that hold several values separated by {@code ;}. */
    public static final Set<String> LISTS = Set.of("info_devices", "causes");

    /** Yes/no columns. */
    public static final Set<String> BOOLEANS = Set.of("internet_use", "telephone_use", "loudspeaker_reach",
            "waste_treatment", "ethnic_minority", "merit_household", "social_protection", "working_capacity",
            "monthly_social_allowance", "health_insurance", "malnourished", "in_school", "school_level_appropriate",
            "sick_untreated", "merit_person");

    /** Date columns ({@code birth_date} may also be a bare year). */
    public static final Set<String> DATES = Set.of("reference_date", "birth_date");

    private Columns() {
    }
}
