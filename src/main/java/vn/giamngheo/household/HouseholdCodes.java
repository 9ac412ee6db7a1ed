package vn.giamngheo.household;

import java.util.List;

/** The code lists of the household exchange format (exchange-format §1), in their documented order. */
public final class HouseholdCodes {

    public static final List<String> HOUSING_QUALITY = List.of("durable", "semi_durable", "less_durable", "makeshift");
    public static final List<String> WATER_SOURCES = List.of("piped", "drilled_well", "protected_dug_well",
            "protected_spring", "rain_water", "bottled", "unprotected_dug_well", "unprotected_spring",
            "surface_water", "tanker", "other");
    public static final List<String> TOILETS = List.of("septic", "semi_septic", "pour_flush", "double_vault",
            "ventilated_pit", "pit_with_slab", "pit_without_slab", "bucket", "hanging", "none", "other");
    public static final List<String> INFO_DEVICES = List.of("tv", "radio", "computer", "smartphone", "phone");
    public static final List<String> CAUSES = List.of("lack_capital", "lack_land", "lack_means", "lack_labour",
            "no_job", "lack_skills", "many_dependants", "illness", "social_evils", "reluctant_to_work", "other");
    public static final List<String> AREAS = List.of("urban", "rural");
    public static final List<String> SEXES = List.of("male", "female");
    public static final List<String> RELATIONS = List.of("head", "spouse", "child", "parent", "grandchild", "sibling", "other");
    public static final List<String> EMPLOYMENT = List.of("wage_with_contract", "wage_no_contract", "self_employed",
            "unemployed", "student", "not_working");
    public static final List<String> DISABILITY = List.of("none", "mild", "severe", "very_severe");
    public static final List<String> EDUCATION = List.of("none", "primary", "lower_secondary", "upper_secondary",
            "vocational_elementary", "vocational_intermediate", "college", "university");
    public static final List<String> ETHNICITIES = List.of("Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng",
            "H'Mông", "Dao", "Gia Rai", "Ê Đê", "Ba Na", "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê",
            "Ra Glai", "Mnông", "Thổ", "Xtiêng", "Khơ mú", "Bru Vân Kiều", "Cơ Tu", "Giáy", "Tà Ôi", "Mạ", "Giẻ Triêng",
            "Co", "Chơ Ro", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "Kháng", "Phù Lá", "La Hủ", "La Ha",
            "Pà Thẻn", "Lự", "Ngái", "Chứt", "Lô Lô", "Mảng", "Cơ Lao", "Bố Y", "Cống", "Si La", "Pu Péo", "Rơ Măm",
            "Brâu", "Ơ Đu", "Người nước ngoài");

    private HouseholdCodes() {
    }
}
