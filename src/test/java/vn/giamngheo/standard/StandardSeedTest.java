package vn.giamngheo.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.standard.rules.Parameter;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.standard.rules.StandardCatalog;

/** The database starts with exactly the national standards of classification/standards.csv. */
@Tag("database")
@SpringBootTest
class StandardSeedTest {

    @Autowired StandardRegistry registry;
    @Autowired JdbcClient jdbc;

    @Test
    void theSeededFirstVersionsEqualTheBundledCatalogue() {
        StandardCatalog csv = StandardCatalog.national();
        assertThat(csv.codes()).containsExactlyInAnyOrder("QD59_2015", "ND07_2021", "ND351_2025");
        for (String code : csv.codes()) {
            PovertyStandard seeded = registry.standard(code, 1).orElseThrow();
            assertThat(seeded).as(code).isEqualTo(csv.standard(code).orElseThrow());
            assertThat(registry.versions(code).get(0).kind()).isEqualTo(StandardVersion.NATIONAL);
        }
    }

    @Test
    void everyRowOfTheCsvIsStoredWithItsValueUnitSourceConfidenceAndNote() throws Exception {
        List<CSVRecord> rows = new ArrayList<>();
        try (InputStream in = StandardCatalog.class.getResourceAsStream(StandardCatalog.RESOURCE)) {
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).forEach(rows::add);
        }
        assertThat(rows).hasSize(138);
        List<String> codes = List.of("QD59_2015", "ND07_2021", "ND351_2025");
        int checked = 0;
        for (CSVRecord row : rows) {
            List<String> owners = row.get("standard").equals("*") ? codes : List.of(row.get("standard"));
            for (String code : owners) {
                PovertyStandard seeded = registry.standard(code, 1).orElseThrow();
                if (row.get("standard").equals("*") && seeded.parameters().get(row.get("parameter")) != null
                        && rows.stream().anyMatch(r -> r.get("standard").equals(code) && r.get("parameter").equals(row.get("parameter")))) {
                    continue; // the standard sets this shared parameter itself
                }
                Parameter p = seeded.require(row.get("parameter"));
                assertThat(List.of(p.value(), p.unit(), p.legalSource(), p.confidence().mark(), p.note()))
                        .as("%s %s", code, row.get("parameter"))
                        .containsExactly(row.get("value"), row.get("unit"), row.get("legal_source"),
                                row.get("confidence"), row.get("note"));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(138 - 12 + 12 * 3);
    }

    @Test
    void theDatabaseHoldsEachNationalStandardOnceWithItsSharedParameters() {
        for (String code : List.of("QD59_2015", "ND07_2021", "ND351_2025")) {
            long stored = jdbc.sql("""
                            SELECT count(*) FROM poverty_standard_parameter p JOIN poverty_standard s ON s.id = p.standard_id
                            WHERE s.code = :code AND s.version = 1""")
                    .param("code", code).query(Long.class).single();
            assertThat(stored).as(code).isEqualTo(StandardCatalog.national().standard(code).orElseThrow().parameters().size());
        }
    }

    @Test
    void theNationalScheduleIsSeededInThreeRanges() {
        assertThat(registry.schedule()).filteredOn(ScheduleEntry::national)
                .extracting(e -> e.yearFrom() + "-" + e.yearTo() + " " + e.standardCode())
                .containsExactly("2016-2021 QD59_2015", "2022-2026 ND07_2021", "2027-2030 ND351_2025");
    }
}
