package vn.giamngheo.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import vn.giamngheo.budget.rules.BudgetColumn;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.FundingSource;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeCatalogue;
import vn.giamngheo.programme.ProgrammeItem;
import vn.giamngheo.programme.ProgrammeNotFoundException;

/** Roll-ups and disbursement rates equal sums computed independently (a recursive walk over parent_id). */
@Tag("database")
@SpringBootTest
public class BudgetRollUpTest {

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired BudgetLines lines;
    @Autowired ProgrammeCatalogue catalogue;

    private static final String PERIOD = "2021-2025";

    @Test
    void rollUpsAndDisbursementRatesEqualIndependentSums() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        long province = fixture.unitId("province", "08");
        String c0 = fixture.communeCode("08", 10);
        String c1 = fixture.communeCode("08", 11);
        String c2 = fixture.communeCode("08", 12);
        CurrentUser provinceOfficer = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        CurrentUser officer0 = fixture.user(Role.COMMUNE_OFFICER, "commune", c0);
        CurrentUser officer1 = fixture.user(Role.COMMUNE_OFFICER, "commune", c1);
        List<ProgrammeItem> leaves = catalogue.leaves(PERIOD);
        int year = 2023;

        lines.saveLines(fixture.unitId("commune", c0), year, List.of(
                line(leaves.get(0), FundingSource.BANK, "1000", "800", "650.5"),
                line(leaves.get(9), FundingSource.CENTRAL_INVESTMENT, "2500", "2000", "1999.125")), officer0);
        lines.saveLines(fixture.unitId("commune", c1), year, List.of(
                line(leaves.get(9), FundingSource.CENTRAL_INVESTMENT, "700", "700", "100"),
                line(leaves.get(9), FundingSource.LOCAL, "70", "70", "70")), officer1);
        lines.saveLines(fixture.unitId("commune", c2), year, List.of(
                line(leaves.get(12), FundingSource.MOBILISED, "30", "20", "0")), provinceOfficer);
        lines.saveLines(province, year, List.of(
                line(leaves.get(12), FundingSource.CENTRAL_RECURRENT, "400", "350", "300")), provinceOfficer);
        // another year and another province's lines must not count
        lines.saveLines(fixture.unitId("commune", c0), year + 1, List.of(
                line(leaves.get(0), FundingSource.BANK, "9999", "9999", "9999")), officer0);

        Map<Long, Map<FundingSource, StageAmounts>> rolled = lines.rollUp(province, year, PERIOD, provinceOfficer);

        Map<String, BigDecimal> independent = new HashMap<>();
        jdbc.sql("""
                        WITH RECURSIVE below (id) AS (
                            SELECT id FROM admin_unit WHERE id = :root
                            UNION ALL SELECT u.id FROM admin_unit u JOIN below b ON u.parent_id = b.id)
                        SELECT item_id, source, sum(allocated) AS allocated, sum(disbursed) AS disbursed
                        FROM budget_line WHERE year = :year AND unit_id IN (SELECT id FROM below)
                        GROUP BY item_id, source""")
                .param("root", province).param("year", year)
                .query((rs, n) -> {
                    independent.put(rs.getLong("item_id") + "/" + rs.getString("source") + "/allocated", rs.getBigDecimal("allocated"));
                    independent.put(rs.getLong("item_id") + "/" + rs.getString("source") + "/disbursed", rs.getBigDecimal("disbursed"));
                    return null;
                }).list();
        Map<String, BigDecimal> ours = new HashMap<>();
        rolled.forEach((item, bySource) -> bySource.forEach((source, a) -> {
            ours.put(item + "/" + source.code() + "/allocated", a.allocated());
            ours.put(item + "/" + source.code() + "/disbursed", a.disbursed());
        }));
        assertThat(ours.keySet()).isEqualTo(independent.keySet());
        independent.forEach((k, v) -> assertThat(ours.get(k)).as(k).isEqualByComparingTo(v));

        CostView view = lines.costView(province, year, PERIOD, BudgetStage.ALLOCATED, provinceOfficer);
        BigDecimal allocated = sumBelow(province, year, "allocated");
        BigDecimal disbursed = sumBelow(province, year, "disbursed");
        assertThat(view.table().total().total()).isEqualByComparingTo(allocated).isEqualByComparingTo("3940");
        assertThat(view.table().total().column(BudgetColumn.CENTRAL)).isEqualByComparingTo("3050");
        assertThat(view.disbursementRate(0)).contains(disbursed.multiply(BigDecimal.valueOf(100)).divide(allocated, 2, RoundingMode.HALF_UP));
        assertThat(view.check().findings()).isEmpty();

        CostView commune = lines.costView(fixture.unitId("commune", c0), year, PERIOD, BudgetStage.DISBURSED, officer0);
        assertThat(commune.table().total().total()).isEqualByComparingTo("2649.625");
    }

    @Test
    void editingIsScopedToTheUsersAreaAndAudited() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String c0 = fixture.communeCode("08", 13);
        String c1 = fixture.communeCode("08", 14);
        CurrentUser officer0 = fixture.user(Role.COMMUNE_OFFICER, "commune", c0);
        CurrentUser viewer = fixture.user(Role.MINISTRY_VIEWER, null, null);
        ProgrammeItem leaf = catalogue.leaves(PERIOD).get(0);
        List<BudgetLine> one = List.of(line(leaf, FundingSource.LOCAL, "1", "1", "1"));
        long other = fixture.unitId("commune", c1);

        assertThatThrownBy(() -> lines.saveLines(other, 2022, one, officer0)).isInstanceOf(ProgrammeNotFoundException.class);
        assertThatThrownBy(() -> lines.saveLines(other, 2022, one, viewer)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lines.saveLines(fixture.unitId("commune", c0), 2022,
                List.of(line(leaf, FundingSource.LOCAL, "-1", "0", "0")), officer0)).isInstanceOf(InvalidProgrammeException.class);
        ProgrammeItem project3 = catalogue.items(PERIOD).stream().filter(i -> i.code().equals("DA3")).findFirst().orElseThrow();
        assertThatThrownBy(() -> lines.saveLines(fixture.unitId("commune", c0), 2022,
                List.of(line(project3, FundingSource.LOCAL, "1", "0", "0")), officer0))
                .as("a project with sub-projects holds no line").isInstanceOf(InvalidProgrammeException.class);
        assertThat(count(other)).isZero();

        lines.saveLines(fixture.unitId("commune", c0), 2022, one, officer0);
        long unit = fixture.unitId("commune", c0);
        assertThat(count(unit)).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE entity = 'budget_line' AND action = 'CREATE'
                          AND after_value ->> 'unit_id' = :unit""").param("unit", String.valueOf(unit))
                .query(Long.class).single()).isEqualTo(1);
    }

    private long count(long unit) {
        return jdbc.sql("SELECT count(*) FROM budget_line WHERE unit_id = :u").param("u", unit).query(Long.class).single();
    }

    private BigDecimal sumBelow(long root, int year, String column) {
        return jdbc.sql("""
                        WITH RECURSIVE below (id) AS (
                            SELECT id FROM admin_unit WHERE id = :root
                            UNION ALL SELECT u.id FROM admin_unit u JOIN below b ON u.parent_id = b.id)
                        SELECT coalesce(sum(%s), 0) FROM budget_line WHERE year = :year AND unit_id IN (SELECT id FROM below)"""
                        .formatted(column))
                .param("root", root).param("year", year).query(BigDecimal.class).single();
    }

    public static BudgetLine line(ProgrammeItem item, FundingSource source, String need, String allocated, String disbursed) {
        return new BudgetLine(item.id(), source, new StageAmounts(new BigDecimal(need), new BigDecimal(allocated),
                new BigDecimal(disbursed), BigDecimal.ZERO));
    }
}
