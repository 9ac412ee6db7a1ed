package vn.giamngheo.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.transaction.annotation.Transactional;

@org.junit.jupiter.api.Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class GeographyVillageTest {

    @Autowired GeographyCatalog catalog;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    AdminUnit locNinh() {
        return catalog.byCode("25270", catalog.today()).orElseThrow();
    }

    @Test
    void aVillageIsCreatedInATodayCommuneValidFromToday() {
        AdminUnit commune = locNinh();
        AdminUnit village = catalog.createVillage(commune.id(), "  Tổ   dân phố 1 ", "tổ dân phố");

        assertThat(village.level()).isEqualTo("village");
        assertThat(village.name()).isEqualTo("Tổ dân phố 1");
        assertThat(village.fullName()).isEqualTo("Tổ dân phố 1");
        assertThat(village.unitType()).isEqualTo("tổ dân phố");
        assertThat(village.parentId()).isEqualTo(commune.id());
        assertThat(village.code()).isEqualTo("25270-001");
        assertThat(village.provinceCode()).isEqualTo("75");
        assertThat(village.validFrom()).isEqualTo(catalog.today());
        assertThat(village.validTo()).isNull();
        assertThat(village.path()).isEqualTo(commune.path() + village.id() + "/");
        assertThat(catalog.villagesOf(commune.id())).containsExactly(village);
        assertThat(catalog.isInSubtree(village.id(), commune.id())).isTrue();
        assertThat(catalog.subtree(commune.id(), catalog.today())).containsExactly(village);
    }

    @Test
    void aVillageTakesTheAreaTypeOfItsCommuneOnTheDate() {
        AdminUnit village = catalog.createVillage(locNinh().id(), "Ấp 3", "ấp");
        assertThat(catalog.areaTypeOn(village.id(), catalog.today())).contains("urban");
        assertThat(catalog.unitOn(village.id(), LocalDate.of(2025, 12, 31))).isEmpty();
    }

    @Test
    void villagesOfACommuneGetSuccessiveCodes() {
        long commune = locNinh().id();
        catalog.createVillage(commune, "Thôn A", "thôn");
        AdminUnit second = catalog.createVillage(commune, "Đông", "THON");
        assertThat(second.code()).isEqualTo("25270-002");
        assertThat(second.fullName()).isEqualTo("Thôn Đông");
    }

    @Test
    void villagesFoundOrCreatedTogetherContinueEachCommunesNumbers() {
        long locNinh = locNinh().id();
        long baDinh = catalog.byCode("00004", catalog.today()).orElseThrow().id();
        int baDinhTop = catalog.villagesOf(baDinh).stream()
                .mapToInt(v -> Integer.parseInt(v.code().substring(v.code().indexOf('-') + 1))).max().orElse(0);
        AdminUnit existing = catalog.createVillage(locNinh, "Thôn A", "thôn");
        java.util.List<GeographyCatalog.VillageName> wanted = java.util.List.of(
                new GeographyCatalog.VillageName(locNinh, "thôn a"), new GeographyCatalog.VillageName(locNinh, "Ấp 5"),
                new GeographyCatalog.VillageName(baDinh, "Tổ 1"), new GeographyCatalog.VillageName(locNinh, " Ấp  6 "),
                new GeographyCatalog.VillageName(baDinh, "Tổ 2"));
        java.util.Map<GeographyCatalog.VillageName, Long> ids = catalog.findOrCreateVillages(wanted);
        assertThat(ids.get(wanted.get(0))).isEqualTo(existing.id());
        assertThat(wanted.subList(1, 5)).extracting(w -> catalog.unitOn(ids.get(w), catalog.today()).orElseThrow().code())
                .containsExactly("25270-002", String.format("00004-%03d", baDinhTop + 1), "25270-003",
                        String.format("00004-%03d", baDinhTop + 2));
        assertThat(catalog.villagesOf(locNinh)).extracting(AdminUnit::name).containsExactlyInAnyOrder("Thôn A", "Ấp 5", "Ấp 6");
        // asked again, nothing new
        assertThat(catalog.findOrCreateVillages(wanted)).isEqualTo(ids);
    }

    @Test
    void listsPagedInTheDatabaseOrderVillagesAsOfficialsListThem() {
        java.util.List<String> names = java.util.List.of("Tổ dân phố 10", "Tổ dân phố 2", "Thôn 3A", "Thôn 3", "Thôn 12",
                "Tổ dân phố 1", "Thôn Mới");
        java.util.List<String> inJava = new java.util.ArrayList<>(names);
        inJava.sort(VillageOrder.INSTANCE);
        java.util.List<String> inSql = jdbc.sql("SELECT n FROM unnest(CAST(:n AS text[])) AS t(n) ORDER BY "
                + VillageOrder.sql("n")).param("n", names.toArray(String[]::new)).query(String.class).list();
        assertThat(inSql).isEqualTo(inJava)
                .containsExactly("Thôn 3", "Thôn 3A", "Thôn 12", "Thôn Mới", "Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 10");
    }

    @Test
    void aVillageNameIsUniqueWithinItsCommuneIgnoringCase() {
        long commune = locNinh().id();
        catalog.createVillage(commune, "Bàu Sen", "ấp");
        assertThatThrownBy(() -> catalog.createVillage(commune, "bàu sen", "thôn"))
                .isInstanceOf(InvalidVillageException.class)
                .hasMessageContaining("already has a village named 'bàu sen'")
                .extracting(e -> ((InvalidVillageException) e).reason()).isEqualTo("name.duplicate");
        AdminUnit other = catalog.byCode("25357", catalog.today()).orElseThrow();
        assertThat(catalog.createVillage(other.id(), "Bàu Sen", "ấp").name()).isEqualTo("Bàu Sen");
    }

    @Test
    void aVillageNeedsANameOfReasonableLength() {
        long commune = locNinh().id();
        assertThatThrownBy(() -> catalog.createVillage(commune, "   ", "thôn"))
                .isInstanceOf(InvalidVillageException.class).hasMessage("the village needs a name");
        assertThatThrownBy(() -> catalog.createVillage(commune, null, "thôn"))
                .isInstanceOf(InvalidVillageException.class).hasMessage("the village needs a name");
        assertThatThrownBy(() -> catalog.createVillage(commune, "x".repeat(101), "thôn"))
                .isInstanceOf(InvalidVillageException.class).hasMessageContaining("longer than 100");
    }

    @Test
    void aVillageKindMustBeOneOfTheKnownNames() {
        assertThatThrownBy(() -> catalog.createVillage(locNinh().id(), "Số 1", "xóm nhỏ"))
                .isInstanceOf(InvalidVillageException.class)
                .hasMessageContaining("unknown kind of village 'xóm nhỏ'").hasMessageContaining("tổ dân phố");
    }

    @Test
    void aVillageBelongsToACommuneInUseToday() {
        AdminUnit oldCommune = catalog.byCode("00004", LocalDate.of(2025, 6, 30)).orElseThrow();
        assertThatThrownBy(() -> catalog.createVillage(oldCommune.id(), "Tổ 1", "tổ"))
                .isInstanceOf(InvalidVillageException.class).hasMessageContaining("no longer in use");
        AdminUnit province = catalog.byCode("75", catalog.today()).orElseThrow();
        assertThatThrownBy(() -> catalog.createVillage(province.id(), "Tổ 1", "tổ"))
                .isInstanceOf(InvalidVillageException.class).hasMessageContaining("villages belong to a commune");
        assertThatThrownBy(() -> catalog.createVillage(-1, "Tổ 1", "tổ"))
                .isInstanceOf(InvalidVillageException.class).hasMessage("no unit -1");
    }
}
