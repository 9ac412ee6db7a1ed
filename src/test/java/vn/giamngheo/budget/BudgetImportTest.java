package vn.giamngheo.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.table.TableReader;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeNotFoundException;
import vn.giamngheo.programme.ProgrammeProblem;

/** A budget table (exchange-format §5) is stored whole into one stage, or refused whole with its lines. */
@Tag("database")
@SpringBootTest
class BudgetImportTest {

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired BudgetImport budgetImport;
    @Autowired BudgetLines lines;

    static final String GOOD = """
            code,item,total,central,local,bank,mobilised,central_investment
            ,Tổng cộng,5.730,3.530,400,1.500,300,1.000
            I,Chính sách giảm nghèo chung,1.500,0,0,1.500,0,0
            1,Chính sách tín dụng ưu đãi,1.500,0,0,1.500,0,0
            II,Chương trình MTQG giảm nghèo bền vững,4.230,3.530,400,0,300,1.000
            1,Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng,2.000,2.000,0,0,0,1.000
            2,Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng,1.730,1.030,400,0,300,0
            2.1,Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp,1.530,830,400,0,300,0
            2.2,Tiểu dự án 2: Cải thiện dinh dưỡng,200,200,0,0,0,0
            3,Dự án 5,500,500,0,0,0,0
            """;

    @Test
    void aConsistentTableIsStoredAndItsCostTableMatchesTheFile() throws Exception {
        Scenario s = new Scenario(20);
        BudgetImport.Result result = budgetImport.importTable(s.unit, 2024, "2021-2025", BudgetStage.ALLOCATED,
                TableReader.readCsv("budget.csv", quoteItems(GOOD)), s.officer);

        assertThat(result.items()).isEqualTo(5);
        CostView view = lines.costView(s.unit, 2024, "2021-2025", BudgetStage.ALLOCATED, s.officer);
        assertThat(view.table().total().total()).isEqualByComparingTo("5730");
        assertThat(view.check().findings()).isEmpty();
        assertThat(jdbc.sql("""
                        SELECT sum(allocated) FROM budget_line b JOIN programme_item i ON i.id = b.item_id
                        WHERE unit_id = :u AND year = 2024 AND i.code = 'DA1' AND source = 'central_investment'""")
                .param("u", s.unit).query(BigDecimal.class).single()).isEqualByComparingTo("1000");
        assertThat(jdbc.sql("""
                        SELECT sum(allocated) FROM budget_line b JOIN programme_item i ON i.id = b.item_id
                        WHERE unit_id = :u AND year = 2024 AND i.code = 'DA1' AND source = 'central_unsplit'""")
                .param("u", s.unit).query(BigDecimal.class).single()).isEqualByComparingTo("1000");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'IMPORT' AND entity = 'budget_line' AND entity_id = :u")
                .param("u", String.valueOf(s.unit)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTableWithOneWrongCellIsRefusedAtThatLineAndNothingChanges() throws Exception {
        Scenario s = new Scenario(21);
        budgetImport.importTable(s.unit, 2024, "2021-2025", BudgetStage.ALLOCATED, TableReader.readCsv("budget.csv", quoteItems(GOOD)), s.officer);
        List<Map<String, Object>> before = stored(s.unit);
        String broken = GOOD.replace("2.2,Tiểu dự án 2: Cải thiện dinh dưỡng,200,200", "2.2,Tiểu dự án 2: Cải thiện dinh dưỡng,200,290");

        InvalidProgrammeException e = catchThrowableOfType(InvalidProgrammeException.class, () -> budgetImport.importTable(s.unit, 2024,
                "2021-2025", BudgetStage.ALLOCATED, TableReader.readCsv("budget.csv", quoteItems(broken)), s.officer));

        assertThat(e.problems()).extracting(ProgrammeProblem::line).containsExactly(9);
        assertThat(e.problems().get(0).field()).isEqualTo("central");
        assertThat(stored(s.unit)).isEqualTo(before);
    }

    @Test
    void rowsThatNameNoLeafOfTheCatalogueAreRefusedWithTheirLines() throws Exception {
        Scenario s = new Scenario(22);
        String unknown = GOOD.replace("3,Dự án 5,500", "3,Dự án 9,500")
                .replace("1,Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng", "1,Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng");
        String noSubRows = """
                code,item,total,central,local,bank,mobilised
                ,Tổng cộng,100,100,0,0,0
                II,Chương trình,100,100,0,0,0
                1,Dự án 3,100,100,0,0,0
                """;

        InvalidProgrammeException e1 = catchThrowableOfType(InvalidProgrammeException.class, () -> budgetImport.importTable(s.unit, 2024,
                "2021-2025", BudgetStage.NEED, TableReader.readCsv("budget.csv", quoteItems(unknown)), s.officer));
        InvalidProgrammeException e2 = catchThrowableOfType(InvalidProgrammeException.class, () -> budgetImport.importTable(s.unit, 2024,
                "2021-2025", BudgetStage.NEED, TableReader.readCsv("budget.csv", noSubRows), s.officer));
        InvalidProgrammeException e3 = catchThrowableOfType(InvalidProgrammeException.class, () -> budgetImport.importTable(s.unit, 2024,
                "2021-2025", BudgetStage.NEED, TableReader.readCsv("budget.csv", "code,item,total\n1,x,1\n"), s.officer));

        assertThat(e1.problems()).extracting(ProgrammeProblem::line, ProgrammeProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10, "programme.import.item-unknown"));
        assertThat(e2.problems()).extracting(ProgrammeProblem::messageKey).containsExactly("programme.import.item-needs-sub-items");
        assertThat(e3.problems()).extracting(ProgrammeProblem::messageKey).containsExactly("programme.import.missing-columns");
        assertThat(stored(s.unit)).isEmpty();
    }

    @Test
    void anotherCommunesOfficerCannotImport() throws Exception {
        Scenario s = new Scenario(23);
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        CurrentUser stranger = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode("08", 24));
        Throwable t = catchThrowableOfType(ProgrammeNotFoundException.class, () -> budgetImport.importTable(s.unit, 2024, "2021-2025",
                BudgetStage.NEED, TableReader.readCsv("budget.csv", quoteItems(GOOD)), stranger));
        assertThat(t).isNotNull();
        assertThat(stored(s.unit)).isEmpty();
    }

    private List<Map<String, Object>> stored(long unit) {
        return jdbc.sql("SELECT item_id, source, need, allocated, disbursed, settled FROM budget_line WHERE unit_id = :u ORDER BY item_id, source")
                .param("u", unit).query().listOfRows();
    }

    /** Items with commas are quoted (RFC 4180). */
    static String quoteItems(String csv) {
        StringBuilder out = new StringBuilder();
        for (String line : csv.split("\n")) {
            String[] cells = line.split(",");
            if (cells.length > 8 && !line.startsWith("code")) {
                int extra = cells.length - 8;
                StringBuilder item = new StringBuilder(cells[1]);
                for (int i = 0; i < extra; i++) {
                    item.append(",").append(cells[2 + i]);
                }
                StringBuilder l = new StringBuilder(cells[0]).append(",\"").append(item).append("\"");
                for (int i = 2 + extra; i < cells.length; i++) {
                    l.append(",").append(cells[i]);
                }
                out.append(l).append("\n");
            } else {
                out.append(line).append("\n");
            }
        }
        return out.toString();
    }

    private final class Scenario {
        final long unit;
        final CurrentUser officer;

        Scenario(int communeIndex) {
            RegistryFixture fixture = new RegistryFixture(jdbc, users);
            String commune = fixture.communeCode("08", communeIndex);
            unit = fixture.unitId("commune", commune);
            officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        }
    }
}
