package vn.giamngheo.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

@org.junit.jupiter.api.Tag("database")
@SpringBootTest
@AutoConfigureMockMvc // same context as the web tests: the data is loaded once
class GeographyCatalogTest {

    static final LocalDate LAST_DAY_BEFORE_REFORM = LocalDate.of(2025, 6, 30);
    static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Autowired GeographyCatalog catalog;

    @Test
    void onTheLastDayBeforeTheReformThereAre63Provinces696DistrictsAnd10035Communes() {
        assertThat(catalog.unitsOn(LAST_DAY_BEFORE_REFORM, "province", null)).hasSize(63);
        assertThat(catalog.unitsOn(LAST_DAY_BEFORE_REFORM, "district", null)).hasSize(696);
        assertThat(catalog.unitsOn(LAST_DAY_BEFORE_REFORM, "commune", null)).hasSize(10_035);
    }

    @Test
    void todayThereAre34ProvincesNoDistrictsAnd3321Communes() {
        assertThat(catalog.unitsOn(TODAY, "province", null)).hasSize(34);
        assertThat(catalog.unitsOn(TODAY, "district", null)).isEmpty();
        assertThat(catalog.unitsOn(TODAY, "commune", null)).hasSize(3_321);
        assertThat(catalog.unitsOn(REFORM_DAY, "commune", null)).hasSize(3_321);
    }

    @Test
    void aReusedCodeNamesADifferentUnitInEachEra() {
        AdminUnit old = catalog.byCode("00004", LAST_DAY_BEFORE_REFORM).orElseThrow();
        AdminUnit now = catalog.byCode("00004", TODAY).orElseThrow();
        assertThat(old.fullName()).isEqualTo("Phường Trúc Bạch");
        assertThat(now.fullName()).isEqualTo("Phường Ba Đình");
        assertThat(old.id()).isNotEqualTo(now.id());
        assertThat(old.validTo()).isEqualTo(LAST_DAY_BEFORE_REFORM);
        assertThat(now.validFrom()).isEqualTo(REFORM_DAY);
        assertThat(now.validTo()).isNull();
    }

    @Test
    void theNewProvinceOfHanoiIsNotTheOldOne() {
        AdminUnit old = catalog.byCode("01", LAST_DAY_BEFORE_REFORM).orElseThrow();
        AdminUnit now = catalog.byCode("01", TODAY).orElseThrow();
        assertThat(old.id()).isNotEqualTo(now.id());
        assertThat(catalog.successors(old.id())).extracting(s -> s.unit().id(), Succession::relation)
                .containsExactly(tuple(now.id(), "whole"));
        assertThat(old.regionName()).isEqualTo("Đồng bằng sông Hồng");
    }

    @Test
    void aMergedCommuneListsItsPredecessorsFromTheCrosswalk() {
        AdminUnit baDinh = catalog.byCode("00004", TODAY).orElseThrow();
        assertThat(catalog.predecessors(baDinh.id()))
                .extracting(s -> s.unit().code(), s -> s.unit().fullName(), Succession::relation)
                .contains(tuple("00004", "Phường Trúc Bạch", "whole"),
                        tuple("00013", "Phường Quán Thánh", "whole"),
                        tuple("00016", "Phường Ngọc Hà", "part"));
        assertThat(catalog.predecessors(baDinh.id()))
                .allSatisfy(s -> {
                    assertThat(s.unit().validTo()).isEqualTo(LAST_DAY_BEFORE_REFORM);
                    assertThat(s.effectiveDate()).isEqualTo(REFORM_DAY);
                    assertThat(s.sourceRow()).isNotNull();
                });
    }

    @Test
    void aSplitOldCommuneHasEveryNewCommuneAsAPartSuccessor() {
        // Xã Kỳ Lợi (Thị xã Kỳ Anh, Hà Tĩnh) went into three wards of 2025 (crosswalk rows 5758, 5766, 5767)
        AdminUnit kyLoi = catalog.byCode("18796", LAST_DAY_BEFORE_REFORM).orElseThrow();
        assertThat(catalog.successors(kyLoi.id()))
                .extracting(s -> s.unit().code(), Succession::relation, Succession::sourceRow)
                .containsExactlyInAnyOrder(tuple("18754", "part", 5758), tuple("18823", "whole", 5766),
                        tuple("18832", "part", 5767));
        assertThat(catalog.currentUnitsOf(kyLoi.id())).extracting(AdminUnit::code)
                .containsExactly("18754", "18823", "18832");
        // Phường Ngọc Hà (Ba Đình) was split between the new wards Ba Đình and Ngọc Hà
        AdminUnit ngocHa = catalog.byCode("00016", LAST_DAY_BEFORE_REFORM).orElseThrow();
        assertThat(catalog.successors(ngocHa.id())).extracting(s -> s.unit().code()).containsExactly("00004", "00008");
        assertThat(catalog.successors(ngocHa.id()))
                .allSatisfy(s -> assertThat(s.relation()).isEqualTo("part"));
    }

    @Test
    void whatAnOldCommuneWasAndWhatItIsNow() {
        UnitHistory history = catalog.history("00004", LAST_DAY_BEFORE_REFORM).orElseThrow();
        assertThat(history.then().fullName()).isEqualTo("Phường Trúc Bạch");
        assertThat(history.now()).extracting(AdminUnit::code, AdminUnit::fullName)
                .containsExactly(tuple("00004", "Phường Ba Đình"));
        UnitHistory current = catalog.history("00004", TODAY).orElseThrow();
        assertThat(current.now()).containsExactly(current.then());
    }

    @Test
    void theErrataOfTheCrosswalkAreResolvedOnCodes() {
        AdminUnit baChe = catalog.byCode("06978", TODAY).orElseThrow();
        assertThat(baChe.fullName()).isEqualTo("Xã Ba Chẽ");
        assertThat(catalog.predecessors(baChe.id())).extracting(s -> s.unit().code())
                .containsExactlyInAnyOrder("06970", "06973", "06982", "06988", "06886");
        assertThat(catalog.byCode("06970", TODAY)).isEmpty();

        AdminUnit myHung = catalog.byCode("01651", LAST_DAY_BEFORE_REFORM).orElseThrow();
        assertThat(myHung.fullName()).isEqualTo("Xã Mỹ Hưng");
        assertThat(catalog.successors(myHung.id())).extracting(s -> s.unit().code(), Succession::sourceRow)
                .containsExactly(tuple("01648", 912));
        AdminUnit phuThinh = catalog.byCode("02482", LAST_DAY_BEFORE_REFORM).orElseThrow();
        assertThat(phuThinh.fullName()).isEqualTo("Xã Phú Thịnh");
        assertThat(catalog.successors(phuThinh.id())).extracting(s -> s.unit().code(), Succession::sourceRow)
                .containsExactly(tuple("02494", 1260));
        // 01615 and 02485 are other communes, which the wrong rows must not have claimed
        AdminUnit hongQuang = catalog.byCode("01615", LAST_DAY_BEFORE_REFORM).orElseThrow();
        assertThat(catalog.successors(hongQuang.id())).extracting(Succession::sourceRow).doesNotContain(912);
        // row 8914: Phường 4 of Tân An is a ward of Long An (80), not Tiền Giang
        AdminUnit phuong4 = catalog.byCode("27691", LAST_DAY_BEFORE_REFORM).orElseThrow();
        assertThat(phuong4.provinceCode()).isEqualTo("80");
        assertThat(catalog.successors(phuong4.id())).extracting(s -> s.unit().code()).containsExactly("27694");
    }

    @Test
    void anIslandDistrictWithoutCommunesBecameASpecialZone() {
        AdminUnit bachLongVi = catalog.byCode("318", LAST_DAY_BEFORE_REFORM).orElseThrow();
        assertThat(catalog.currentUnitsOf(bachLongVi.id())).extracting(AdminUnit::code, AdminUnit::areaType)
                .containsExactly(tuple("11948", "special"));
    }

    @Test
    void aCommuneThatBecameAWardIsRuralBeforeTheResolutionAndUrbanFromIt() {
        AdminUnit locNinh = catalog.byCode("25270", TODAY).orElseThrow();
        assertThat(catalog.areaTypeOn(locNinh.id(), LocalDate.of(2026, 4, 29))).contains("rural");
        assertThat(catalog.areaTypeOn(locNinh.id(), LocalDate.of(2026, 4, 30))).contains("urban");
        assertThat(catalog.unitOn(locNinh.id(), LocalDate.of(2026, 4, 29)).orElseThrow())
                .extracting(AdminUnit::fullName, AdminUnit::unitType).containsExactly("Xã Lộc Ninh", "Xã");
        assertThat(catalog.unitOn(locNinh.id(), LocalDate.of(2026, 4, 30)).orElseThrow())
                .extracting(AdminUnit::fullName, AdminUnit::unitType).containsExactly("Phường Lộc Ninh", "Phường");
        assertThat(catalog.byCode("25270", LocalDate.of(2025, 7, 1)).orElseThrow().id()).isEqualTo(locNinh.id());
    }

    @Test
    void dongNaiKeepsItsIdentityWhenItBecomesACentrallyRunCity() {
        AdminUnit before = catalog.byCode("75", LocalDate.of(2026, 4, 29)).orElseThrow();
        AdminUnit after = catalog.byCode("75", LocalDate.of(2026, 4, 30)).orElseThrow();
        assertThat(before.id()).isEqualTo(after.id());
        assertThat(before.unitType()).isEqualTo("Tỉnh");
        assertThat(after.unitType()).isEqualTo("Thành phố trực thuộc trung ương");
        assertThat(after.fullName()).isEqualTo("Thành phố Đồng Nai");
        assertThat(catalog.unitsOn(LocalDate.of(2026, 4, 29), "province", null))
                .filteredOn(p -> p.unitType().equals("Thành phố trực thuộc trung ương")).hasSize(6);
        assertThat(catalog.unitsOn(TODAY, "province", null))
                .filteredOn(p -> p.unitType().equals("Thành phố trực thuộc trung ương")).hasSize(7);
    }

    @Test
    void theSubtreeOfAProvinceDependsOnTheDate() {
        AdminUnit oldHanoi = catalog.byCode("01", LAST_DAY_BEFORE_REFORM).orElseThrow();
        List<AdminUnit> oldTree = catalog.subtree(oldHanoi.id(), LAST_DAY_BEFORE_REFORM);
        assertThat(oldTree).filteredOn(u -> u.level().equals("district")).hasSize(30);
        assertThat(oldTree).filteredOn(u -> u.level().equals("commune")).hasSize(526);
        assertThat(catalog.subtree(oldHanoi.id(), TODAY)).isEmpty();

        AdminUnit newHanoi = catalog.byCode("01", TODAY).orElseThrow();
        List<AdminUnit> newTree = catalog.subtree(newHanoi.id(), TODAY);
        assertThat(newTree).hasSize(126).allSatisfy(u -> {
            assertThat(u.level()).isEqualTo("commune");
            assertThat(u.provinceCode()).isEqualTo("01");
        });
        assertThat(catalog.subtree(newHanoi.id(), LAST_DAY_BEFORE_REFORM)).isEmpty();
    }

    @Test
    void ancestorsRunFromTheProvinceDownToTheParent() {
        AdminUnit trucBach = catalog.byCode("00004", LAST_DAY_BEFORE_REFORM).orElseThrow();
        assertThat(catalog.ancestors(trucBach.id())).extracting(AdminUnit::level, AdminUnit::code)
                .containsExactly(tuple("province", "01"), tuple("district", "001"));
        assertThat(trucBach.path()).endsWith("/" + trucBach.id() + "/");
    }

    @Test
    void aUnitIsInTheSubtreeOfItsAncestorsOnly() {
        AdminUnit trucBach = catalog.byCode("00004", LAST_DAY_BEFORE_REFORM).orElseThrow();
        AdminUnit oldHanoi = catalog.byCode("01", LAST_DAY_BEFORE_REFORM).orElseThrow();
        AdminUnit newHanoi = catalog.byCode("01", TODAY).orElseThrow();
        AdminUnit caoBang = catalog.byCode("04", LAST_DAY_BEFORE_REFORM).orElseThrow();
        assertThat(catalog.isInSubtree(trucBach.id(), oldHanoi.id())).isTrue();
        assertThat(catalog.isInSubtree(trucBach.id(), newHanoi.id())).isFalse();
        assertThat(catalog.isInSubtree(trucBach.id(), caoBang.id())).isFalse();
        assertThat(catalog.isInSubtree(oldHanoi.id(), trucBach.id())).isFalse();
    }

    @Test
    void unitsCanBeListedByParentOnADate() {
        AdminUnit baDinhDistrict = catalog.byCode("001", LAST_DAY_BEFORE_REFORM).orElseThrow();
        assertThat(catalog.unitsOn(LAST_DAY_BEFORE_REFORM, null, baDinhDistrict.id()))
                .hasSize(13).allSatisfy(u -> assertThat(u.parentId()).isEqualTo(baDinhDistrict.id()));
        assertThatThrownBy(() -> catalog.unitsOn(TODAY, "hamlet", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown level 'hamlet'");
    }
}
