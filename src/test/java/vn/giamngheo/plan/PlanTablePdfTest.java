package vn.giamngheo.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.giamngheo.document.PageImages;

/**
 * The plan target table of a province with twenty-five communes as a PDF in both languages: A4 landscape on every
 * page (rendered to PNG by pdftoppm), the bundled font, the plan's number and symbol and its recipients.
 */
class PlanTablePdfTest {

    private static Plan plan(long id, String name, String level, Long parent, int households, int poor, int reduction) {
        return new Plan(id, id, String.format("%05d", id), name, level, "08", 2027, parent, LocalDate.of(2026, 1, 1),
                households, poor, poor / 10, households / 20, reduction, reduction / 2, "POOR", PlanState.PROPOSED, null,
                null, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en"})
    void thePlanTableIsPrintedOnA4Landscape(String language) throws Exception {
        PageImages.require();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/classification", "i18n/analysis", "i18n/plan");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        List<Plan> children = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            children.add(plan(100 + i, "Xã Nậm Khánh Thượng " + i, "commune", 1L, 8_000 + 37 * i, 1_200 + 11 * i, 120 + i));
        }
        Plan province = plan(1, "Tỉnh Tuyên Quang", "province", null,
                children.stream().mapToInt(Plan::households).sum(), children.stream().mapToInt(Plan::poor).sum(),
                children.stream().mapToInt(Plan::poorReduction).sum());
        byte[] pdf = PlanTablePdf.write(province, children, List.of(), List.of("UBND Tỉnh Tuyên Quang"),
                LocalDate.of(2026, 12, 20), messages, Locale.forLanguageTag(language));
        List<?> pages = PageImages.renderA4("plan-table-" + language, pdf, true);
        assertThat(pages).isNotEmpty();
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("LiberationSerif", "/FontFile2").doesNotContain("DejaVu", "LiberationSans", "Helvetica");
    }
}
