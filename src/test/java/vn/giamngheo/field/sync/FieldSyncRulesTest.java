package vn.giamngheo.field.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The field sync's plain rules: a photo's type by its first bytes, problem names in JSON keys, field-by-field merge. */
class FieldSyncRulesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "null", value = {
            "FFD8FFE000104A46, image/jpeg",
            "FFD8FFDB, image/jpeg",
            "89504E470D0A1A0A0000, image/png",
            "89504E470D0A1A, null",
            "474946383961, null",
            "25504446, null",
            "FFD8, null",
            "'', null"})
    void aPhotosTypeIsToldByItsFirstBytes(String hex, String type) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        assertThat(PhotoTypes.of(bytes)).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "incomePerCapita, household.income_per_capita",
            "floorAreaM2, household.floor_area_m2",
            "b1Score, household.b1_score",
            "villageId, household.village",
            "communeCode, household.commune_code",
            "members, members",
            "members[2].idNumber, members[2].id_number",
            "members[0].birthDate, members[0].birth_date",
            "members[1].schoolLevelAppropriate, members[1].school_level_appropriate"})
    void theRegistersProblemsAreNamedByTheHouseholdJsonsKeys(String formField, String jsonField) {
        assertThat(FieldChanges.jsonField(formField)).isEqualTo(jsonField);
    }

    @Test
    void aHouseholdFlattenedFieldByFieldComesBackTheSameAndDropsAnEmptiedMember() {
        Map<String, Object> json = Map.of("household", Map.of("household_code", "H1", "address", "Xóm 2"),
                "members", List.of(Map.of("member_no", "1", "full_name", "Lò Văn Páo"),
                        Map.of("member_no", "10", "full_name", "Lò Thị Xuân")));
        Map<String, String> flat = HouseholdJson.flatten(json);
        assertThat(flat).containsEntry("household.address", "Xóm 2").containsEntry("members.10.full_name", "Lò Thị Xuân")
                .containsEntry("household.income_per_capita", "");
        Map<String, Object> back = HouseholdJson.unflatten(flat);
        assertThat(((List<Map<String, String>>) back.get("members"))).extracting(m -> m.get("member_no")).containsExactly("1", "10");
        flat.replaceAll((k, v) -> k.startsWith("members.10.") ? "" : v);
        assertThat(((List<Map<String, String>>) HouseholdJson.unflatten(flat).get("members"))).extracting(m -> m.get("member_no"))
                .containsExactly("1");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "null", value = {"true, yes", "false, no", "12.50, 12.50", "7, 7", "null, ''"})
    void aJsonValueIsTheTextOfACell(String value, String text) {
        Object v = value == null ? null : value.equals("true") || value.equals("false") ? Boolean.valueOf(value)
                : value.contains(".") ? new java.math.BigDecimal(value) : (Object) Integer.valueOf(value);
        assertThat(HouseholdJson.text(v)).isEqualTo(text);
    }
}
