package vn.giamngheo.areaclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.security.AccessScope;

/** Imports of official lists on the real map: old codes, refusals with their lines, all or nothing, dry runs. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc // same context as the web tests: the data is loaded once
@Transactional // every import is rolled back after its test
class AreaClassImportTest {

    static final LocalDate BEFORE_REFORM = LocalDate.of(2025, 6, 30);
    static final String HEADER = "unit_code,class,decision,decision_date,valid_from,valid_to\n";

    @Autowired AreaClassImport importer;
    @Autowired GeographyCatalog catalog;
    @Autowired JdbcClient jdbc;

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM unit_area_class").query(Long.class).single();
    }

    private ImportResult run(String csv, boolean dryRun, AccessScope scope) {
        return importer.importList("list.csv", csv.getBytes(StandardCharsets.UTF_8), dryRun, scope, "import-test");
    }

    @Test
    void theSampleOnOldCodesResolvesToTheUnitsOfTheOldMapWithVietnameseHeaders() throws IOException {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/areaclass/poor-communes-pre2025-sample.csv")) {
            sample = in.readAllBytes();
        }
        long before = rows();
        ImportResult result = importer.importList("sample.csv", sample, false, AccessScope.NATIONAL, "import-test");

        assertThat(result.problems()).isEmpty();
        AdminUnit trucBach = catalog.byCode("00004", BEFORE_REFORM).orElseThrow();
        assertThat(trucBach.validTo()).isEqualTo(BEFORE_REFORM);
        assertThat(result.rows()).extracting(ImportedRow::unitCode, ImportedRow::unitId, ImportedRow::classCode,
                        ImportedRow::unitEnded)
                .startsWith(tuple("00004", trucBach.id(), "poor_commune", true));
        assertThat(result.rows().get(2).validTo()).isNull();
        assertThat(result.rows().get(0).decisionDate()).isEqualTo(LocalDate.of(2022, 3, 15));
        assertThat(rows()).isEqualTo(before + 3);
        assertThat(jdbc.sql("SELECT count(*) FROM unit_area_class WHERE import_id = :id")
                .param("id", result.importId()).query(Long.class).single()).isEqualTo(3);
        // audited by the trigger
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'unit_area_class'"
                + " AND entity_id = :id").param("id", String.valueOf(jdbc.sql(
                        "SELECT min(id) FROM unit_area_class WHERE import_id = :i").param("i", result.importId())
                .query(Long.class).single())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aNewCodeIsReadOnTheMapOfItsFirstDay() {
        ImportResult result = run(HEADER + "00004,poor_commune,QĐ thử,,2026-01-01,\n", true, AccessScope.NATIONAL);
        AdminUnit baDinh = catalog.byCode("00004", LocalDate.of(2026, 1, 1)).orElseThrow();
        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(ImportedRow::unitId, ImportedRow::unitEnded)
                .containsExactly(tuple(baDinh.id(), false));
    }

    @Test
    void anUnknownCodeIsRefusedWithItsLineAndNothingIsStored() {
        long before = rows();
        ImportResult result = run(HEADER
                + "00004,poor_commune,QĐ 353,15/03/2022,01/01/2022,31/12/2025\n"
                + "99999,poor_commune,QĐ 353,15/03/2022,01/01/2022,31/12/2025\n"
                + "00013,largest_commune,QĐ 353,15/03/2022,01/01/2022,31/12/2025\n"
                + "00013,poor_commune,QĐ 353,15/03/2022,31/02/2022,\n"
                + "00016,poor_commune,QĐ 353,,01/01/2022,31/12/2021\n", false, AccessScope.NATIONAL);

        assertThat(result.stored()).isFalse();
        assertThat(result.problems()).extracting(ImportProblem::line, ImportProblem::field, ImportProblem::messageKey)
                .containsExactly(
                        tuple(3, "unit_code", "areaclass.import.unknown-unit"),
                        tuple(4, "class", "areaclass.import.unknown-class"),
                        tuple(5, "valid_from", "areaclass.import.date"),
                        tuple(6, "valid_to", "areaclass.import.period"));
        assertThat(rows()).as("all or nothing: the good first line is not stored either").isEqualTo(before);
    }

    @Test
    void aDryRunStoresNothing() {
        long before = rows();
        long imports = jdbc.sql("SELECT count(*) FROM area_class_import").query(Long.class).single();
        ImportResult result = run(HEADER + "00004,poor_commune,QĐ 353,15/03/2022,01/01/2022,31/12/2025\n", true,
                AccessScope.NATIONAL);
        assertThat(result.accepted()).isTrue();
        assertThat(result.rows()).hasSize(1);
        assertThat(result.stored()).isFalse();
        assertThat(rows()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM area_class_import").query(Long.class).single()).isEqualTo(imports);
    }

    @Test
    void duplicatesOverlapsMissingColumnsAndOtherProvincesAreRefused() {
        ImportResult missing = run("unit_code,class\n00004,poor_commune\n", true, AccessScope.NATIONAL);
        assertThat(missing.problems()).extracting(ImportProblem::line, ImportProblem::messageKey)
                .contains(tuple(1, "areaclass.import.missing-column"));

        ImportResult duplicate = run(HEADER + "00004,poor_commune,A,,01/01/2022,31/12/2025\n"
                + "00004,poor_commune,B,,01/06/2023,\n", true, AccessScope.NATIONAL);
        assertThat(duplicate.problems()).extracting(ImportProblem::line, ImportProblem::messageKey)
                .containsExactly(tuple(3, "areaclass.import.duplicate"));

        assertThat(run(HEADER + "00004,poor_commune,A,,01/01/2022,31/12/2025\n", false, AccessScope.NATIONAL).stored())
                .isTrue();
        ImportResult overlap = run(HEADER + "00004,poor_commune,B,,01/01/2024,\n", true, AccessScope.NATIONAL);
        assertThat(overlap.problems()).extracting(ImportProblem::messageKey)
                .containsExactly("areaclass.import.already-held");

        // a province officer of Quảng Ninh may not list an old commune of Hà Nội; an old commune of their own, yes
        AdminUnit quangNinh = catalog.unitsOn(LocalDate.of(2026, 1, 1), AdminUnit.PROVINCE, null).stream()
                .filter(p -> p.code().equals("22")).findFirst().orElseThrow();
        AccessScope province = new AccessScope(quangNinh.id(), quangNinh.path(), quangNinh.provinceCode());
        ImportResult outside = run(HEADER + "00013,poor_commune,A,,01/01/2022,\n06970,region_3,A,,01/01/2022,\n",
                true, province);
        assertThat(outside.problems()).extracting(ImportProblem::line, ImportProblem::messageKey)
                .containsExactly(tuple(2, "areaclass.import.outside-area"));

        ImportResult wrongLevel = run(HEADER + "00013,difficult_village,A,,01/01/2022,\n", true, AccessScope.NATIONAL);
        assertThat(wrongLevel.problems()).extracting(ImportProblem::messageKey)
                .containsExactly("areaclass.import.wrong-level");
    }
}
