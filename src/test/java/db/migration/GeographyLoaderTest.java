package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V2__load_administrative_units.Succession;
import db.migration.V2__load_administrative_units.Unit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The loader's reading and checking, without a database. */
class GeographyLoaderTest {

    static final V2__load_administrative_units LOADER = new V2__load_administrative_units();

    static {
        LOADER.build(); // throws, listing every problem, when a crosswalk row does not resolve
    }

    @Test
    void everyUnitOfBothErasIsRead() {
        Map<String, Long> counts = LOADER.units().stream()
                .collect(Collectors.groupingBy(u -> u.level + (u.validTo == null ? " 2025" : " before"),
                        Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "province before", 63L, "district before", 696L, "commune before", 10_035L,
                "province 2025", 34L, "commune 2025", 3_321L));
    }

    @Test
    void everyCrosswalkRowBecomesOneSuccessionAndEveryProvinceIsMapped() {
        List<Succession> rows = LOADER.successions().stream().filter(s -> s.sourceRow() != null).toList();
        assertThat(rows).hasSize(10_571);
        assertThat(LOADER.successions().stream().filter(s -> s.predecessor().level.equals("province")))
                .hasSize(63);
    }

    @Test
    void splitOldCommunesHaveSeveralSuccessors() {
        Map<Unit, Long> successorsPerOldCommune = LOADER.successions().stream()
                .filter(s -> s.predecessor().level.equals("commune"))
                .collect(Collectors.groupingBy(Succession::predecessor, Collectors.counting()));
        // the data README counts 441 splits in the published table: two of them are the errata of rows 912 and
        // 1260 (01615 and 02485 listed a second time instead of 01651 and 02482); corrected, 439 remain
        assertThat(successorsPerOldCommune.values().stream().filter(n -> n >= 2)).hasSize(439);
        assertThat(successorsPerOldCommune).hasSize(10_035);
    }

    @Test
    void correctionsApplyOnlyToTheWrongValue() {
        assertThat(CrosswalkCorrections.oldCommuneCode(912, "01615")).isEqualTo("01651");
        assertThat(CrosswalkCorrections.oldCommuneCode(912, "01651")).isEqualTo("01651");
        assertThat(CrosswalkCorrections.oldCommuneCode(913, "01615")).isEqualTo("01615");
        assertThat(CrosswalkCorrections.oldCommuneCode(1260, "02485")).isEqualTo("02482");
        assertThat(CrosswalkCorrections.newCommuneCode("06970")).isEqualTo("06978");
        assertThat(CrosswalkCorrections.oldProvinceCode(8914, "82")).isEqualTo("80");
        assertThat(CrosswalkCorrections.oldProvinceCode(8915, "82")).isEqualTo("82");
    }

    @Test
    void theAlluvialAreaOfKimSonDistrictIsPartOfTheDistrict() {
        Succession row = LOADER.successions().stream().filter(s -> Integer.valueOf(4748).equals(s.sourceRow()))
                .findFirst().orElseThrow();
        assertThat(row.predecessor().code).isEqualTo("376");
        assertThat(row.relation()).isEqualTo("part");
        assertThat(row.successor().code).isEqualTo("14698");
    }

    @Test
    void laterChangesKeepTheUnitAndRecordEachField() {
        assertThat(LOADER.changes()).hasSize(2 + 10 * 3);
        assertThat(LOADER.changes()).allSatisfy(c -> assertThat(c.effective()).hasToString("2026-04-30"));
    }

    @Test
    void communeTypesGiveAreaTypes() {
        assertThat(V2__load_administrative_units.areaTypeOf("Phường")).isEqualTo("urban");
        assertThat(V2__load_administrative_units.areaTypeOf("Thị trấn")).isEqualTo("urban");
        assertThat(V2__load_administrative_units.areaTypeOf("Xã")).isEqualTo("rural");
        assertThat(V2__load_administrative_units.areaTypeOf("Đặc khu tại hải đảo")).isEqualTo("special");
        assertThat(V2__load_administrative_units.areaTypeOf("Huyện")).isNull();
    }
}
