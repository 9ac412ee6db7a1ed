package vn.giamngheo.areaclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;

/**
 * The kernel on the real map and crosswalk: Phường Ba Đình (00004 since 1 July 2025) was formed from Trúc Bạch
 * (00004 before, whole), Quán Thánh (00013, whole) and part of Ngọc Hà (00016, split over 00004 and 00008).
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class AreaClassesTest {

    static final LocalDate OLD_DAY = LocalDate.of(2024, 6, 1);
    static final LocalDate NEW_DAY = LocalDate.of(2026, 6, 1);
    static final String HEADER = "unit_code,class,decision,decision_date,valid_from,valid_to\n";
    static final String POOR = "poor_commune";

    @Autowired AreaClasses classes;
    @Autowired AreaClassCatalogue catalogue;
    @Autowired AreaClassImport importer;
    @Autowired GeographyCatalog geography;

    private void load(String csv) {
        ImportResult r = importer.importList("t.csv", (HEADER + csv).getBytes(StandardCharsets.UTF_8), false,
                AccessScope.NATIONAL, "kernel-test");
        assertThat(r.problems()).isEmpty();
    }

    private static CurrentUser admin() {
        return new CurrentUser(1, "admin-test", "x", "Admin", Role.ADMINISTRATOR, AccessScope.NATIONAL, null, true, null);
    }

    private void rule(MergedCommuneRule rule) {
        catalogue.setRule(rule.code(), "quy tắc của hệ thống, chờ danh sách mới", classes.rule().version(), admin());
    }

    private static AccessScope scopeOf(AdminUnit unit) {
        return new AccessScope(unit.id(), unit.path(), unit.provinceCode());
    }

    private AdminUnit province(String code) {
        return geography.unitsOn(NEW_DAY, AdminUnit.PROVINCE, null).stream().filter(p -> p.code().equals(code))
                .findFirst().orElseThrow();
    }

    @Test
    void theCatalogueHasTheCodesOthersUse() {
        assertThat(classes.catalogue()).extracting(AreaClass::code).containsExactly("poor_commune",
                "difficult_commune", "difficult_village", "region_1", "region_2", "region_3", "coastal_island",
                "safety_zone");
        AreaClass village = classes.find("difficult_village").orElseThrow();
        assertThat(village.appliesTo()).isEqualTo("village");
        assertThat(village.legalSource()).contains("612/QĐ-UBDT");
        assertThat(village.name(java.util.Locale.ENGLISH)).isEqualTo("Especially difficult village");
        assertThat(village.name(java.util.Locale.forLanguageTag("vi"))).isEqualTo("Thôn đặc biệt khó khăn");
    }

    @Test
    void aMergedCommuneInheritsByTheRuleUntilAListNamesTheNewMap() {
        AdminUnit trucBach = geography.byCode("00004", OLD_DAY).orElseThrow();
        AdminUnit baDinh = geography.byCode("00004", NEW_DAY).orElseThrow();
        AdminUnit giangVo = geography.byCode("00008", NEW_DAY).orElseThrow();
        load("00004,poor_commune,QĐ 353/QĐ-TTg (thử),15/03/2022,01/01/2022,31/12/2030\n");

        // the old unit on an old day: named by the list
        assertThat(classes.classesOf(trucBach.id(), OLD_DAY)).containsExactly(POOR);
        assertThat(classes.classesOf(baDinh.id(), OLD_DAY)).as("Ba Đình did not exist yet").isEmpty();

        rule(MergedCommuneRule.ANY_PREDECESSOR);
        assertThat(classes.classesOf(baDinh.id(), NEW_DAY)).containsExactly(POOR);
        HeldClass held = classes.held(baDinh.id(), NEW_DAY).get(0);
        assertThat(held.inherited()).isTrue();
        assertThat(held.holders()).extracting(Predecessor::code).containsExactly("00004");
        assertThat(held.predecessors()).extracting(Predecessor::code).contains("00004", "00013", "00016");
        // Giảng Võ has part of Ngọc Hà and other predecessors, none of them poor
        assertThat(classes.classesOf(giangVo.id(), NEW_DAY)).isEmpty();

        rule(MergedCommuneRule.ALL_PREDECESSORS);
        assertThat(classes.classesOf(baDinh.id(), NEW_DAY)).isEmpty();

        rule(MergedCommuneRule.MAJORITY_HOUSEHOLDS);
        List<HeldClass> majority = classes.held(baDinh.id(), NEW_DAY);
        if (!majority.isEmpty()) {
            assertThat(majority.get(0).decisive().code()).isEqualTo("00004");
        } else {
            // the register holds households on the old communes: then the decisive one is not Trúc Bạch
            assertThat(majority).isEmpty();
        }

        // a list of the new map for the province: from its first day only the list counts
        rule(MergedCommuneRule.ANY_PREDECESSOR);
        load("00008,poor_commune,Danh sách 2026 (thử),,01/03/2026,\n");
        assertThat(classes.classesOf(baDinh.id(), NEW_DAY)).isEmpty();
        assertThat(classes.classesOf(giangVo.id(), NEW_DAY)).containsExactly(POOR);
        assertThat(classes.classesOf(baDinh.id(), LocalDate.of(2026, 2, 1))).as("before the new list")
                .containsExactly(POOR);
    }

    @Test
    void unitsWithAClassFollowTheDayTheScopeAndTheRule() {
        AdminUnit trucBach = geography.byCode("00004", OLD_DAY).orElseThrow();
        AdminUnit baDinh = geography.byCode("00004", NEW_DAY).orElseThrow();
        load("00004,poor_commune,QĐ 353/QĐ-TTg (thử),15/03/2022,01/01/2022,31/12/2030\n"
                + "00013,region_1,QĐ 861/QĐ-TTg (thử),04/06/2021,04/06/2021,\n");
        rule(MergedCommuneRule.ANY_PREDECESSOR);

        assertThat(classes.unitsWith(POOR, OLD_DAY, AccessScope.NATIONAL)).contains(trucBach.id())
                .doesNotContain(baDinh.id());
        assertThat(classes.unitsWith(POOR, NEW_DAY, AccessScope.NATIONAL)).contains(baDinh.id())
                .doesNotContain(trucBach.id());
        assertThat(classes.holders(POOR, NEW_DAY, AccessScope.NATIONAL).inherited()).contains(baDinh.id());
        assertThat(classes.unitsWith(POOR, NEW_DAY, scopeOf(province("01")))).contains(baDinh.id());
        assertThat(classes.unitsWith(POOR, NEW_DAY, scopeOf(province("22")))).doesNotContain(baDinh.id());
        assertThat(classes.unitsWith(POOR, NEW_DAY, scopeOf(baDinh))).containsExactly(baDinh.id());
        assertThat(classes.unitsWith("region_1", NEW_DAY, scopeOf(baDinh))).containsExactly(baDinh.id());
        assertThat(classes.classesOf(baDinh.id(), NEW_DAY)).containsExactly(POOR, "region_1");
        // a class nobody listed here holds no unit (within this test's own commune: on a shared database other
        // tests' lists name other communes)
        assertThat(classes.unitsWith("region_3", NEW_DAY, scopeOf(baDinh))).isEmpty();
    }

    @Test
    void theRuleIsEditedByAdministratorsFromTheVersionTheySaw() {
        RuleSetting before = classes.rule();
        RuleSetting after = catalogue.setRule("all_predecessors", "quy tắc của hệ thống, chờ danh sách mới",
                before.version(), admin());
        assertThat(after.rule()).isEqualTo(MergedCommuneRule.ALL_PREDECESSORS);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThatThrownBy(() -> catalogue.setRule("any_predecessor", "x", before.version(), admin()))
                .isInstanceOf(InvalidAreaClassException.class).hasMessageContaining("areaclass.error.stale");
        assertThatThrownBy(() -> catalogue.setRule("any_predecessor", "x", null, admin()))
                .isInstanceOf(InvalidAreaClassException.class).hasMessageContaining("version-required");
        assertThatThrownBy(() -> catalogue.setRule("largest", "x", after.version(), admin()))
                .isInstanceOf(InvalidAreaClassException.class);
        CurrentUser officer = new CurrentUser(2, "tinh-test", "x", "Tỉnh", Role.PROVINCE_OFFICER,
                AccessScope.NATIONAL, null, true, null);
        assertThatThrownBy(() -> catalogue.setRule("any_predecessor", "x", after.version(), officer))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void administratorsAddClasses() {
        AreaClass added = catalogue.add(new AreaClass("border_commune", "commune", "Xã biên giới", "Border commune",
                "Nghị định thử", 90), admin());
        assertThat(classes.catalogue()).extracting(AreaClass::code).contains("border_commune");
        assertThat(added.sortOrder()).isEqualTo(90);
        assertThatThrownBy(() -> catalogue.add(added, admin())).isInstanceOf(InvalidAreaClassException.class)
                .hasMessageContaining("code-taken");
        assertThatThrownBy(() -> catalogue.add(new AreaClass("Bad Code", "commune", "a", "b", "c", 1), admin()))
                .isInstanceOf(InvalidAreaClassException.class);
    }
}
