package vn.giamngheo.field.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.standard.rules.StandardCatalog;

/**
 * The device's classifier ({@code static/field/js/classifier.js}) decides and explains every household exactly as
 * the Java classifier does: several hundred boundary and generated households for every standard of the catalogue
 * and for a provincial copy with other lines and threshold (ADR 0012). Runs the script with node, else in headless
 * Chromium, else skips with a message (required under CI).
 */
class FieldClassifierParityTest {

    /** The review before each standard's first lists, and one on a leap day. */
    static LocalDate referenceFor(PovertyStandard standard, int variant) {
        LocalDate from = standard.validFrom().orElse(LocalDate.of(2026, 1, 1));
        return variant == 0 ? LocalDate.of(from.getYear() - 1, 10, 1) : LocalDate.of(2024, 2, 29);
    }

    static FieldStandardDocument document(PovertyStandard standard) {
        return FieldStandardDocument.of(new FieldStandardDocument.Identity(standard.code(), 1, standard.code(), "national",
                null, standard.validFrom().orElse(null), standard.validTo().orElse(null)), standard);
    }

    @Test
    void everyStandardOfTheCatalogueIsDecidedAndExplainedTheSameOnTheDevice() throws Exception {
        StandardCatalog catalog = StandardCatalog.national();
        PovertyStandard national = catalog.standard("ND07_2021").orElseThrow();
        // a province's own standard: other lines, another threshold, another age and floor area, fewer clean sources
        PovertyStandard provincial = national.derive("PARITY_T1", Map.of("income_line_rural", "2000000",
                "income_line_urban", "2450000", "deprivation_threshold", "2", "health_insurance_min_age", "4",
                "floor_area_per_person_min", "9.5", "clean_water_sources", "piped;drilled_well", "dependants_share_max",
                "0.34", "b1_threshold_rural", "150.5"), "Nghị quyết HĐND tỉnh (thử)", LocalDate.of(2022, 1, 1),
                LocalDate.of(2025, 12, 31));
        List<Parity.Suite> suites = new ArrayList<>();
        long seed = 1;
        for (PovertyStandard standard : new ArrayList<>(List.of(catalog.standard("QD59_2015").orElseThrow(), national,
                catalog.standard("ND351_2025").orElseThrow(), provincial))) {
            List<ParityCases.Case> cases = new ArrayList<>(ParityCases.of(standard, referenceFor(standard, 0), 160, seed++));
            cases.addAll(ParityCases.of(standard, referenceFor(standard, 1), 30, seed++));
            suites.add(new Parity.Suite(standard, document(standard), cases));
        }
        // every standard of the catalogue is in the check
        assertThat(suites.stream().map(s -> s.standard().code())).containsAll(catalog.codes());

        long started = System.nanoTime();
        Parity.Outcome outcome = Parity.check(suites);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(outcome.differences()).as("households decided or explained differently on the device")
                .hasSizeLessThan(1).isEmpty();
        for (Parity.Suite suite : suites) {
            assertThat(suite.cases()).as(suite.standard().code()).hasSizeGreaterThan(300);
        }
        // the cases reach every outcome, and the facts left empty are refused on both sides
        assertThat(outcome.statuses()).containsKeys("poor", "near_poor", "average", "not_poor");
        assertThat(outcome.errors()).isGreaterThan(10);
        System.out.println("FieldClassifierParityTest: " + outcome.cases() + " households, " + outcome.statuses()
                + ", " + outcome.errors() + " with a missing fact; classified on both sides in " + millis + " ms");
    }
}
