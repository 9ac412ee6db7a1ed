package vn.giamngheo.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import vn.giamngheo.agency.Agency;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.FundingSource;
import vn.giamngheo.agency.AgencyNotFoundException;
import vn.giamngheo.agency.AgencyRegistry;
import vn.giamngheo.agency.Agencies;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ItemAgency;
import vn.giamngheo.programme.ProgrammeCatalogue;
import vn.giamngheo.programme.ProgrammeItem;
import vn.giamngheo.programme.ProgrammeNotFoundException;
import vn.giamngheo.programme.ProgrammePeriod;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The programme tree as data (issue 21): the seeded 2026–2035 programme carries budget lines at once, provinces keep
 * their own items (seen and budgeted by them only), edits are scoped and versioned, and items resolve their agencies
 * to the department of the day (the dissolved one for 2021–2025, the new one for 2026).
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=programme-tree")
class ProgrammeTreeTest {

    @Autowired ProgrammeCatalogue catalogue;
    @Autowired BudgetLines budget;
    @Autowired Agencies agencies;
    @Autowired AgencyRegistry registry;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    static StageAmounts amounts(String need) {
        return new StageAmounts(new BigDecimal(need), new BigDecimal(need), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    ProgrammeItem national(String period, String code) {
        return catalogue.items(period).stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theSeeded2026ProgrammeCarriesBudgetLines() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 3);
        long unit = fixture.unitId("commune", commune);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);

        List<String> leaves = catalogue.leaves("2026-2030").stream().map(ProgrammeItem::code).toList();
        assertThat(leaves).contains("TP1.DA1", "TP1.DA3", "TP1.DA7", "TP2", "CS_TD").doesNotContain("TP1");
        assertThat(catalogue.leaves("2031-2035").stream().map(ProgrammeItem::code)).contains("TP1.DA4", "TP2");
        ProgrammeItem training = national("2026-2030", "TP1.DA3");
        assertThat(training.confidence()).isEqualTo("?");
        assertThat(training.note()).contains("chờ văn bản hướng dẫn");

        budget.saveLines(unit, 2026, List.of(new BudgetLine(training.id(), FundingSource.LOCAL, amounts("120"))), officer);
        assertThat(budget.rollUp(unit, 2026, "2026-2030", officer).get(training.id()).get(FundingSource.LOCAL).allocated())
                .isEqualByComparingTo("120");
        assertThat(budget.costView(unit, 2026, "2026-2030", BudgetStage.ALLOCATED, officer).check().findings()
                .stream().filter(f -> f.isError()).toList()).isEmpty();

        ProgrammePeriod phase1 = catalogue.period("2026-2030");
        assertThat(phase1.legalBasis()).contains("11/12/2025", "số hiệu chưa xác minh");
        assertThat(phase1.envelopeStateBudget()).isEqualByComparingTo("400000");
        assertThat(phase1.envelopeCredit()).isEqualByComparingTo("23000");
    }

    @Test
    void aProvinceKeepsItsOwnItemsAndBudgetsThemAlone() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        CurrentUser province = fixture.user(Role.PROVINCE_OFFICER, "province", "04");
        CurrentUser other = fixture.user(Role.PROVINCE_OFFICER, "province", "79");
        long provinceUnit = fixture.unitId("province", "04");
        long otherUnit = fixture.unitId("province", "79");

        ProgrammeItem own = catalogue.addItem(new ProgrammeCatalogue.NewItem("2026-2030", "T04.DA1", null, "project", 300,
                "Dự án của tỉnh", "Hỗ trợ sinh kế vùng biên giới", "Border livelihoods", null, null,
                "Nghị quyết HĐND tỉnh", "S", "thí điểm",
                List.of(new ItemAgency(null, "poverty_reduction", ItemAgency.LEAD))), province);
        assertThat(own.provinceCode()).isEqualTo("04");
        ProgrammeItem sub = catalogue.addItem(new ProgrammeCatalogue.NewItem("2026-2030", "T04.DA2.1", "TP1.DA2", "sub_project",
                1, null, "Hỗ trợ sản xuất chè", "Tea production", null, null, null, "S2"), province);
        assertThat(sub.parentId()).isEqualTo(national("2026-2030", "TP1.DA2").id());

        assertThat(catalogue.leavesOf("2026-2030", "04")).extracting(ProgrammeItem::code)
                .contains("T04.DA1", "T04.DA2.1").doesNotContain("TP1.DA2");
        assertThat(catalogue.leavesOf("2026-2030", "79")).extracting(ProgrammeItem::code)
                .contains("TP1.DA2").doesNotContain("T04.DA1", "T04.DA2.1");

        budget.saveLines(provinceUnit, 2026, List.of(new BudgetLine(own.id(), FundingSource.LOCAL, amounts("900"))), province);
        assertThatThrownBy(() -> budget.saveLines(otherUnit, 2026,
                List.of(new BudgetLine(own.id(), FundingSource.LOCAL, amounts("5"))), other))
                .isInstanceOf(InvalidProgrammeException.class);
        assertThatThrownBy(() -> catalogue.item(own.id(), other)).isInstanceOf(ProgrammeNotFoundException.class);
        assertThat(catalogue.visibleItems("2026-2030", other.scope())).extracting(ProgrammeItem::code).doesNotContain("T04.DA1");

        // another province cannot edit it (404), the province cannot edit a national item (403) or a stale version
        var edit = new ProgrammeCatalogue.ItemEdit("T04.DA1", 300, "Dự án của tỉnh", "Hỗ trợ sinh kế", "Livelihoods", null, "S",
                null, null, own.version());
        assertThatThrownBy(() -> catalogue.updateItem(own.id(), edit, other)).isInstanceOf(ProgrammeNotFoundException.class);
        ProgrammeItem tp1 = national("2026-2030", "TP1");
        assertThatThrownBy(() -> catalogue.updateItem(tp1.id(), new ProgrammeCatalogue.ItemEdit("TP1", 1, null, "x", "x", null,
                "S", null, null, tp1.version()), province)).isInstanceOf(AccessDeniedException.class);
        ProgrammeItem changed = catalogue.updateItem(own.id(), edit, province);
        assertThat(changed.version()).isEqualTo(own.version() + 1);
        assertThatThrownBy(() -> catalogue.updateItem(own.id(), edit, province))
                .isInstanceOf(InvalidProgrammeException.class).hasMessageContaining("item-stale");

        // in use: not deleted, deactivated instead
        assertThatThrownBy(() -> catalogue.deleteItem(own.id(), changed.version(), province))
                .isInstanceOf(InvalidProgrammeException.class).hasMessageContaining("item-in-use");
        ProgrammeItem off = catalogue.setActive(own.id(), false, changed.version(), province);
        assertThat(off.active()).isFalse();
        assertThat(catalogue.leavesOf("2026-2030", "04")).extracting(ProgrammeItem::code).doesNotContain("T04.DA1");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'programme_item' AND entity_id = :id")
                .param("id", String.valueOf(own.id())).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void administratorsAddComponentsProjectsAndSubProjectsAtAnyDepth() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        catalogue.addItem(new ProgrammeCatalogue.NewItem("2031-2035", "TP9", null, "component", 290, "Hợp phần 9",
                "Thử", "Trial", null, null, null, "?"), admin);
        catalogue.addItem(new ProgrammeCatalogue.NewItem("2031-2035", "TP9.DA1", "TP9", "project", 1, null,
                "Dự án thử", "Trial project", null, null, null, "?"), admin);
        ProgrammeItem deep = catalogue.addItem(new ProgrammeCatalogue.NewItem("2031-2035", "TP9.DA1.T1", "TP9.DA1", "sub_project",
                1, null, "Tiểu dự án thử", "Trial sub-project", null, null, null, "?", null,
                List.of(new ItemAgency(agencies.byCode("BNNMT").orElseThrow().id(), "poverty_reduction", ItemAgency.LEAD))), admin);
        List<ProgrammeItem> items = catalogue.items("2031-2035");
        assertThat(items).extracting(ProgrammeItem::code).containsSubsequence("TP9", "TP9.DA1", "TP9.DA1.T1");
        assertThat(catalogue.leaves("2031-2035")).extracting(ProgrammeItem::code).contains("TP9.DA1.T1").doesNotContain("TP9.DA1", "TP9");
        assertThat(catalogue.resolve(deep.id(), "08", LocalDate.of(2031, 3, 1))).extracting(r -> r.agency().code())
                .containsExactly("P08.SNNMT");

        // table of refusals: (kind, parent, code) → the problem
        Object[][] refused = {
                {"component", "TP9", "TP9.X", "item-parent-kind"},
                {"project", "TP9.DA1", "TP9.Y", "item-parent-kind"},
                {"sub_project", "", "TP9.Z", "item-parent"},
                {"project", "NOPE", "TP9.W", "item-parent"},
                {"project", "", "TP9", "item-exists"},
                {"chapter", "", "TP9.V", "item-kind"},
                {"project", "", "bad code", "item-code"},
        };
        for (Object[] row : refused) {
            assertThatThrownBy(() -> catalogue.addItem(new ProgrammeCatalogue.NewItem("2031-2035", (String) row[2], (String) row[1],
                    (String) row[0], 1, null, "x", "x", null, null, null, "?"), admin))
                    .as("%s under %s", row[0], row[1]).isInstanceOf(InvalidProgrammeException.class)
                    .hasMessageContaining((String) row[3]);
        }
        CurrentUser commune = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode("08", 1));
        assertThatThrownBy(() -> catalogue.addItem(new ProgrammeCatalogue.NewItem("2031-2035", "C1", null, "project", 1, null,
                "x", "x", null, null, null, "?"), commune)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void itemsResolveTheHistoricalAgencyFor2021AndTheNewOneFor2026() {
        ProgrammeItem livelihoods2021 = national("2021-2025", "DA2");
        assertThat(catalogue.links(livelihoods2021.id())).extracting(ItemAgency::agencyId)
                .containsExactly(agencies.byCode("BLDTBXH").orElseThrow().id());
        assertThat(livelihoods2021.leadAgency()).isEqualTo("Lao động - Thương binh và Xã hội");
        assertThat(catalogue.resolve(livelihoods2021.id(), "01", LocalDate.of(2023, 6, 1)))
                .extracting(r -> r.agency().code()).containsExactly("P01.SLDTBXH");
        assertThat(catalogue.resolve(livelihoods2021.id(), null, LocalDate.of(2023, 6, 1)))
                .extracting(r -> r.agency().code()).containsExactly("BLDTBXH");
        ProgrammeItem livelihoods2026 = national("2026-2030", "TP1.DA1");
        assertThat(catalogue.resolve(livelihoods2026.id(), "01", LocalDate.of(2026, 6, 1)))
                .extracting(r -> r.agency().code()).containsExactly("P01.SNNMT");
        ProgrammeItem information2021 = national("2021-2025", "DA6.TDA1");
        assertThat(catalogue.resolve(information2021.id(), "01", LocalDate.of(2023, 6, 1)))
                .extracting(r -> r.agency().code()).containsExactly("P01.STTTT");
        assertThat(catalogue.resolve(national("2026-2030", "TP2").id(), null, LocalDate.of(2026, 6, 1)))
                .extracting(r -> r.agency().code()).containsExactly("BDTTG");
    }

    @Test
    void provincesEditTheirAgenciesOnlyAndCommunesGetOfficesOnDemand() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        CurrentUser province = fixture.user(Role.PROVINCE_OFFICER, "province", "04");
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        Agency own = agencies.byCode("P04.SNNMT").orElseThrow();
        Agency foreign = agencies.byCode("P79.SNNMT").orElseThrow();
        Agency ministry = agencies.byCode("BNNMT").orElseThrow();
        var form = new AgencyRegistry.AgencyForm(null, null, "department", "poverty_reduction", null,
                own.nameVi(), own.nameEn(), "Sở NN&MT", own.validFrom(), null, null, "Quyết định của UBND tỉnh", "S", own.version());
        assertThat(registry.update(own.id(), form, province).version()).isEqualTo(own.version() + 1);
        assertThatThrownBy(() -> registry.update(own.id(), form, province)).hasMessageContaining("agency.problem.stale");
        assertThatThrownBy(() -> registry.update(foreign.id(), form, province)).isInstanceOf(AgencyNotFoundException.class);
        assertThatThrownBy(() -> registry.update(ministry.id(), new AgencyRegistry.AgencyForm(null, null, "ministry",
                "poverty_reduction", null, ministry.nameVi(), ministry.nameEn(), null, ministry.validFrom(), null, null, null,
                "S", ministry.version()), province)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.update(ministry.id(), new AgencyRegistry.AgencyForm(null, null, "ministry",
                "poverty_reduction", null, ministry.nameVi(), ministry.nameEn(), null, ministry.validFrom(), null,
                ministry.id(), null, "S", ministry.version()), admin)).hasMessageContaining("successor");

        String communeCode = fixture.communeCode("04", 2);
        long commune = fixture.unitId("commune", communeCode);
        List<Agency> offices = registry.createCommuneOffices(commune, null, province);
        assertThat(offices).extracting(Agency::code).containsExactly("C" + communeCode + ".PKT", "C" + communeCode + ".PVHXH");
        assertThat(registry.createCommuneOffices(commune, null, province)).extracting(Agency::id)
                .containsExactlyElementsOf(offices.stream().map(Agency::id).toList());
        assertThat(agencies.inArea(province.scope(), LocalDate.of(2026, 1, 2))).extracting(Agency::code)
                .contains("C" + communeCode + ".PKT");
        long foreignCommune = fixture.unitId("commune", fixture.communeCode("79", 2));
        assertThatThrownBy(() -> registry.createCommuneOffices(foreignCommune, null, province))
                .isInstanceOf(vn.giamngheo.geography.UnitOutsideAreaException.class);
    }
}
