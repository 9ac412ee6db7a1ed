package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.report.rules.Cell;

/**
 * The cells of the reports, added up in Java from the aggregate rows in force (issue 26 point 4), are the cells the
 * database's {@code GROUP BY} gives ({@link ReportData#cellsSql}, the report's SQL before): the same places, areas
 * and counts, for one province and for the country, in every year of the fixture's history and around it.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCellsTest {

    static final String PROVINCE = "92";

    @Autowired JdbcClient jdbc;
    @Autowired GeographyCatalog geography;
    @Autowired ReportData data;

    @BeforeAll
    void generate() {
        new ReportFixture(jdbc, geography, PROVINCE).generate(150);
    }

    @Test
    void theCellsAddedUpInJavaAreTheDatabasesGroupBy() {
        for (Collection<String> provinces : java.util.Arrays.asList(Set.of(PROVINCE), null)) {
            for (int year = 2019; year <= 2028; year++) {
                List<Cell> cells = data.cells(provinces, year);
                List<Cell> grouped = grouped(provinces, year);
                assertThat(cells).as("cells of %s in %d", provinces, year).containsExactlyInAnyOrderElementsOf(grouped);
                assertThat(cells).extracting(c -> java.util.Arrays.asList(c.communeId(), c.villageId(), c.registerCommuneId(),
                        c.area())).doesNotHaveDuplicates();
                if (year >= 2021 && year <= 2026 && provinces != null) {
                    assertThat(cells).as("the fixture counts households in %d", year).isNotEmpty();
                }
            }
        }
    }

    private List<Cell> grouped(Collection<String> provinces, int year) {
        JdbcClient.StatementSpec spec = jdbc.sql(ReportData.cellsSql(provinces)).param("y", year);
        if (provinces != null) {
            spec = spec.param("provinces", List.copyOf(provinces));
        }
        return spec.query(ReportData::cell).list();
    }
}
