package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.giamngheo.document.ColumnWidths;
import vn.giamngheo.document.DocumentLabels;
import vn.giamngheo.document.OfficialPdf;
import vn.giamngheo.document.PageImages;
import vn.giamngheo.document.PdfColumnGroup;
import vn.giamngheo.document.PdfRow;
import vn.giamngheo.document.PdfTable;
import vn.giamngheo.document.Signature;
import vn.giamngheo.report.rules.Cell;
import vn.giamngheo.report.rules.CodeTally;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Placement;
import vn.giamngheo.report.rules.RateBands;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.Selection;
import vn.giamngheo.report.view.ReportTable;
import vn.giamngheo.report.view.Tables;

/**
 * Every report of the report set as a PDF table, in both languages, with provincial-size figures: the column widths
 * chosen from the font's metrics leave every header word, group label word and cell word on one line of its
 * column (nothing is split letter by letter), the table fills the landscape text width, and the font stays readable;
 * then each report is written as a PDF, rendered to PNG (A4 landscape) and its text checked for merged headers.
 */
class ReportPdfTest {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/messages", "i18n/classification", "i18n/analysis", "i18n/report");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    /** A province: hundreds of thousands of households, rates of every length. */
    static Counts big(long households, long poor, long near) {
        return new Counts(households, poor, near, poor * 3 / 4, poor / 9, poor / 31, near / 2, near / 11, near / 40,
                poor / 3, poor - poor / 3);
    }

    static List<ReportTable> report(ReportKind kind, Locale locale) {
        Function<String, String> label = key -> MESSAGES.getMessage(key, null, key, locale);
        String title = label.apply("report.kind." + kind.code());
        List<String> subtitles = List.of("Tỉnh Mới — " + label.apply("report.col.year") + " 2026");
        List<String> notes = List.of("Ghi chú: số liệu theo danh sách đã được phê duyệt.");
        return switch (kind) {
            case RESULTS -> {
                List<Cell> cells = List.of(new Cell(11, null, null, "rural", big(1_234_567, 123_456, 98_765)),
                        new Cell(12, 14L, null, null, big(845_210, 84_521, 42_100)),
                        new Cell(13, null, null, "urban", big(310_455, 3_104, 9_876)),
                        new Cell(12, null, null, "rural", big(7_000, 3_000, 1_000)));
                Results r = Results.of(ReportRulesTest.MAP, new Placement(ReportRulesTest.MAP, LocalDate.of(2026, 1, 1)),
                        new Selection(ReportRulesTest.MAP, ReportRulesTest.MAP.get(10)), cells);
                Function<Selection.RowKey, String> name = key -> key.unit() == null
                        ? label.apply("report.row.noVillage") : key.unit().name();
                yield List.of(Tables.results(r, true, title, subtitles, label, name, notes),
                        Tables.results(r, false, title, subtitles, label, name, notes));
            }
            case DEPRIVATIONS -> {
                List<CodeTally.Line> indicators = new ArrayList<>();
                long n = 1;
                for (String code : ReportFixture.ND07) {
                    indicators.add(new CodeTally.Line(code, code.startsWith("health") || code.equals("nutrition")
                            ? "health" : "housing", 12_345 * n, 2_345 * n++));
                }
                CodeTally tally = new CodeTally(indicators, 1_234_567, 345_678);
                yield List.of(Tables.codes(tally, true, title, subtitles, label,
                                code -> MESSAGES.getMessage("classification.indicator." + code, null, code, locale),
                                dim -> MESSAGES.getMessage("analysis.dimension." + dim, null, dim, locale),
                                label.apply("report.col.indicator"), List.of()),
                        Tables.codes(tally, false, title, subtitles, label,
                                dim -> MESSAGES.getMessage("analysis.dimension." + dim, null, dim, locale), d -> d,
                                label.apply("report.col.dimension"), notes));
            }
            case CAUSES -> {
                List<CodeTally.Line> causes = new ArrayList<>();
                long n = 1;
                for (String code : ReportFixture.CAUSES) {
                    causes.add(new CodeTally.Line(code, code, 23_456 * n, 4_567 * n++));
                }
                yield List.of(Tables.codes(new CodeTally(causes, 1_234_567, 345_678), false, title, subtitles, label,
                        code -> MESSAGES.getMessage("cause." + code, null, code, locale), c -> c,
                        label.apply("report.col.cause"), notes));
            }
            case BANDS -> {
                RateBands bands = RateBands.parse("1, 2, 3, 5, 10, 20, 30");
                List<RateBands.Band> list = new ArrayList<>();
                for (int i = 0; i < bands.size(); i++) {
                    list.add(new RateBands.Band(i, bands.label(i), 120 + i, 345_678L * (i + 1), 34_567L * (i + 1)));
                }
                yield List.of(Tables.bands(list, title, subtitles, label, notes));
            }
            case TRENDS -> {
                List<Integer> years = List.of(2021, 2022, 2023, 2024, 2025, 2026);
                List<Counts> counts = new ArrayList<>();
                for (int i = 0; i < years.size(); i++) {
                    counts.add(i == 2 ? null : big(2_400_000 + 10_000L * i, 240_000 - 20_000L * i, 120_000 - 5_000L * i));
                }
                yield List.of(Tables.trend(years, counts, title, subtitles, label, notes));
            }
            case PEOPLE -> {
                vn.giamngheo.people.PeopleFigures.Definitions d = new vn.giamngheo.people.PeopleFigures.Definitions(
                        vn.giamngheo.people.rules.AgeBands.parse("6,16,60"), 15, 738, 684, 6, 15);
                java.util.Map<String, vn.giamngheo.people.rules.PeopleCounts> groups = new java.util.LinkedHashMap<>();
                long n = 1;
                for (String g : vn.giamngheo.people.PeopleFigures.GROUPS) {
                    long m = 1_234_567 * n++;
                    groups.put(g, new vn.giamngheo.people.rules.PeopleCounts(m, m / 2, m - m / 2,
                            List.of(m / 10, m / 5, m / 2, m - m / 10 - m / 5 - m / 2), m / 5, m / 2, m / 20, m / 6, m * 9 / 10,
                            m * 2 / 5, m / 3, m / 7));
                }
                List<vn.giamngheo.people.PeopleFigures.Row> rows = List.of(
                        new vn.giamngheo.people.PeopleFigures.Row(11L, "01", "Xã Yên Nguyên Mới", groups),
                        new vn.giamngheo.people.PeopleFigures.Row(null, null, null, groups));
                yield PeopleTables.of(new vn.giamngheo.people.PeopleFigures.Section(LocalDate.of(2026, 12, 31), d, rows, groups),
                        title, subtitles, label, (key, args) -> MESSAGES.getMessage(key, args, key, locale), notes, locale);
            }
            case CREDIT -> {
                List<vn.giamngheo.credit.Loans.ProgrammeRow> loans = List.of(
                        new vn.giamngheo.credit.Loans.ProgrammeRow(11L, "01", "Xã Yên Nguyên Mới", "POOR", 1_234, 1_200,
                                45_678_900_000L, 1_234_500_000L, 321, 12_345_000_000L),
                        new vn.giamngheo.credit.Loans.ProgrammeRow(null, null, null, "HOUSING", 56, 56, 2_100_000_000L, 0, 0, 0));
                List<vn.giamngheo.labour.Workers.CountryRow> workers = List.of(
                        new vn.giamngheo.labour.Workers.CountryRow(11L, "01", "Xã Yên Nguyên Mới", "JP", 1_234, 56, 7));
                yield CreditTables.of(new vn.giamngheo.credit.CreditLabourSection.Section(LocalDate.of(2026, 1, 1),
                                LocalDate.of(2026, 12, 31),
                                List.of(new vn.giamngheo.credit.CreditRecords.Programme("POOR", "Cho vay hộ nghèo",
                                        "Loans to poor households", "NĐ 78/2002", "S2", "CREDIT"),
                                        new vn.giamngheo.credit.CreditRecords.Programme("HOUSING", "Cho vay nhà ở",
                                                "Housing loans", "QĐ 33/2015", "S2", null)),
                                List.of(new vn.giamngheo.labour.LabourRecords.Country("JP", "Nhật Bản", "Japan")), loans, workers),
                        title, subtitles, label, notes, locale);
            }
        };
    }

    static Stream<Arguments> reports() {
        List<Arguments> all = new ArrayList<>();
        for (ReportKind kind : ReportKind.values()) {
            for (String language : List.of("vi", "en")) {
                all.add(Arguments.of(kind, Locale.forLanguageTag(language)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("reports")
    void noHeaderWordIsWiderThanItsColumn(ReportKind kind, Locale locale) {
        OfficialPdf page = OfficialPdf.createLandscape(DocumentLabels.forLocale(locale), "widths");
        float available = page.textWidth();
        for (ReportTable table : report(kind, locale)) {
            PdfTable t = ReportFiles.pdfTable(table, locale);
            ColumnWidths.Layout layout = page.layout(t, ReportFiles.PDF_FONT);
            float size = layout.fontSize();
            float[] w = layout.widths();
            assertThat(size).as(table.title() + ": font size").isBetween(8f, ReportFiles.PDF_FONT);
            float total = 0;
            for (float x : w) {
                total += x;
            }
            assertThat(total).as("the table fills the text width").isCloseTo(available, org.assertj.core.data.Offset.offset(0.5f));
            for (int i = 0; i < w.length; i++) {
                for (String word : ColumnWidths.words(t.columns().get(i).header())) {
                    assertThat(ColumnWidths.textWidth(word, true, size) + ColumnWidths.PADDING)
                            .as("header word '%s' of column %d of %s", word, i + 1, table.title()).isLessThanOrEqualTo(w[i]);
                }
            }
            int col = 0;
            for (PdfColumnGroup g : t.groups()) {
                for (String word : ColumnWidths.words(g.label())) {
                    assertThat(ColumnWidths.textWidth(word, true, size) + ColumnWidths.PADDING)
                            .as("group word '%s'", word).isLessThanOrEqualTo(layout.span(col, g.span()));
                }
                col += g.span();
            }
            for (PdfRow r : t.rows()) {
                if (r.kind() == PdfRow.Kind.SECTION) {
                    continue;
                }
                for (int i = r.labelSpan(); i < w.length; i++) {
                    for (String word : ColumnWidths.words(r.cells().get(i))) {
                        assertThat(ColumnWidths.textWidth(word, r.kind() != PdfRow.Kind.ROW, size) + ColumnWidths.PADDING)
                                .as("cell word '%s' of column %d", word, i + 1).isLessThanOrEqualTo(w[i]);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("reports")
    void everyReportIsPrintedOnA4LandscapeWithMergedHeadersAndSectionRows(ReportKind kind, Locale locale) throws Exception {
        PageImages.require();
        List<ReportTable> tables = report(kind, locale);
        byte[] pdf = ReportFiles.pdf(tables, List.of("UBND Tỉnh Mới", "UBND Xã Mới Hai"), "Xã Mới Hai",
                LocalDate.of(2026, 2, 5), new Signature(List.of(MESSAGES.getMessage("report.sign.title", null, locale)),
                        MESSAGES.getMessage("report.sign.note", null, locale), ""), locale);
        String name = "report-" + kind.code() + "-" + locale.getLanguage();
        PageImages.renderA4(name, pdf, true);
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("LiberationSerif").doesNotContain("LiberationSans", "Helvetica");
        String text = pdftotext(PageImages.OUT.resolve(name + ".pdf"));
        assertThat(text).doesNotContain(" — " + MESSAGES.getMessage("report.col.number", null, locale))
                .contains(DocumentLabels.forLocale(locale).get("document.motto.country"),
                        DocumentLabels.forLocale(locale).get("document.recipients"));
        if (kind == ReportKind.RESULTS) {
            String section = MESSAGES.getMessage("report.section.urban", null, locale);
            assertThat(text).as("the section heading on one line").contains(section);
            assertThat(text).contains(locale.getLanguage().equals("vi") ? "1.234.567" : "1,234,567");
        }
    }

    private static String pdftotext(Path pdf) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.replaceAll("[ \\t\\u00a0]+", " ");
    }
}
