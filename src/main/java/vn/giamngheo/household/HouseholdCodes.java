package vn.giamngheo.household;

import java.util.Arrays;
import java.util.List;
import vn.giamngheo.exchange.*;

/** The code lists of the household exchange format (exchange-format §1), taken from the exchange enums. */
public final class HouseholdCodes {

    public static final List<String> HOUSING_QUALITY = codes(HousingQuality.class);
    public static final List<String> WATER_SOURCES = codes(WaterSource.class);
    public static final List<String> TOILETS = codes(Toilet.class);
    public static final List<String> INFO_DEVICES = codes(InfoDevice.class);
    public static final List<String> CAUSES = codes(PovertyCause.class);
    public static final List<String> AREAS = codes(Area.class);
    public static final List<String> SEXES = codes(Sex.class);
    public static final List<String> RELATIONS = codes(Relation.class);
    public static final List<String> EMPLOYMENT = codes(Employment.class);
    public static final List<String> DISABILITY = codes(Disability.class);
    public static final List<String> EDUCATION = codes(Education.class);
    public static final List<String> ETHNICITIES = List.of("Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng",
            "H'Mông", "Dao", "Gia Rai", "Ê Đê", "Ba Na", "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê",
            "Ra Glai", "Mnông", "Thổ", "Xtiêng", "Khơ mú", "Bru Vân Kiều", "Cơ Tu", "Giáy", "Tà Ôi", "Mạ", "Giẻ Triêng",
            "Co", "Chơ Ro", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "Kháng", "Phù Lá", "La Hủ", "La Ha",
            "Pà Thẻn", "Lự", "Ngái", "Chứt", "Lô Lô", "Mảng", "Cơ Lao", "Bố Y", "Cống", "Si La", "Pu Péo", "Rơ Măm",
            "Brâu", "Ơ Đu", "Người nước ngoài");

    private static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
    }

    private HouseholdCodes() {
    }
}
