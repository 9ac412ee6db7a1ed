package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.document.Signature;
import vn.giamngheo.report.rules.Cell;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Place;
import vn.giamngheo.report.rules.Placement;
import vn.giamngheo.report.rules.RateBands;
import vn.giamngheo.report.view.ReportTable;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.Selection;
import vn.giamngheo.report.rules.Unit;
import vn.giamngheo.report.rules.UnitMap;

/** The pure rules of the reports, table-driven with the boundary rows. */
class ReportRulesTest {

    static final LocalDate END = LocalDate.of(2025, 6, 30);
    static final LocalDate START = LocalDate.of(2025, 7, 1);

    /**
     * Old province 1 › district 2 › communes 3 (→ 11 whole), 4 (split → 11 and 12), 5 (→ 13, urban);
     * new province 10 › communes 11, 12 (village 14), 13 (urban).
     */
    static final UnitMap MAP = new UnitMap(List.of(
            new Unit(1, "01", "province", "Tỉnh Cũ", null, "01", null, null, END, "/1/"),
            new Unit(2, "001", "district", "Huyện Cũ", 1L, "01", null, null, END, "/1/2/"),
            new Unit(3, "00001", "commune", "Xã Một", 2L, "01", "rural", null, END, "/1/2/3/"),
            new Unit(4, "00002", "commune", "Xã Hai", 2L, "01", "rural", null, END, "/1/2/4/"),
            new Unit(5, "00003", "commune", "Phường Ba", 2L, "01", "urban", null, END, "/1/2/5/"),
            new Unit(10, "01", "province", "Tỉnh Mới", null, "01", null, START, null, "/10/"),
            new Unit(11, "00001", "commune", "Xã Mới Một", 10L, "01", "rural", START, null, "/10/11/"),
            new Unit(12, "00002", "commune", "Xã Mới Hai", 10L, "01", "rural", START, null, "/10/12/"),
            new Unit(13, "00003", "commune", "Phường Mới Ba", 10L, "01", "urban", START, null, "/10/13/"),
            new Unit(14, "00002-001", "village", "Thôn Đông", 12L, "01", null, START, null, "/10/12/14/")),
            List.of(new long[] {1, 10}, new long[] {3, 11}, new long[] {4, 11}, new long[] {4, 12}, new long[] {5, 13}));

    @ParameterizedTest(name = "{0}: commune {1}, village {2}, register {3} → {4} {5} (province {6})")
    @CsvSource(nullValues = "-", value = {
            "2026-01-01, 11, -, -, SAME, 11, 10",
            "2026-01-01, 3, -, -, SUCCESSOR, 11, 10",
            "2026-01-01, 5, -, 13, SUCCESSOR, 13, 10",
            "2026-01-01, 4, 14, -, VILLAGE, 12, 10",
            "2026-01-01, 4, 14, 11, VILLAGE, 12, 10",
            "2026-01-01, 4, -, 12, REGISTER, 12, 10",
            "2026-01-01, 4, -, 13, UNPLACED, -, 10",
            "2026-01-01, 4, -, -, UNPLACED, -, 10",
            "2025-07-01, 4, -, 11, REGISTER, 11, 10",
            "2025-06-30, 4, -, 11, SAME, 4, 1",
            "2024-12-31, 12, -, -, PREDECESSOR, 4, 1",
            "2024-12-31, 13, -, -, PREDECESSOR, 5, 1",
            "2024-12-31, 11, -, -, UNPLACED, -, 1",
            "2024-12-31, 11, 14, -, UNPLACED, -, 1"})
    void placement(LocalDate date, long commune, Long village, Long register, Place.Method how, Long expected, Long province) {
        Place p = new Placement(MAP, date).place(commune, village, register);
        assertThat(p.how()).isEqualTo(how);
        assertThat(p.communeId()).isEqualTo(expected);
        assertThat(p.provinceId()).isEqualTo(province);
    }

    @Test
    void aVillageOutsideThePlacedCommuneIsDropped() {
        assertThat(new Placement(MAP, LocalDate.of(2026, 1, 1)).place(11, 14L, null).villageId()).isNull();
        assertThat(new Placement(MAP, LocalDate.of(2026, 1, 1)).place(12, 14L, null).villageId()).isEqualTo(14L);
    }

    @ParameterizedTest(name = "{0} poor of {1} households → band {2}")
    @CsvSource({"0, 100, 0", "99, 10000, 0", "1, 100, 1", "199, 10000, 1", "2, 100, 2", "3, 100, 3", "499, 10000, 3",
            "5, 100, 4", "999, 10000, 4", "10, 100, 5", "100, 100, 5"})
    void bands(long poor, long households, int band) {
        RateBands b = RateBands.parse("1,2,3,5,10");
        assertThat(b.bandOf(poor, households)).isEqualTo(band);
    }

    @Test
    void bandLabelsAndBadBounds() {
        RateBands b = RateBands.parse(" 1; 2.5 ,10 ");
        assertThat(List.of(b.label(0), b.label(1), b.label(2), b.label(3))).containsExactly("< 1 %", "1–2.5 %", "2.5–10 %", "≥ 10 %");
        assertThatThrownBy(() -> RateBands.parse("2,1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateBands.parse("0,1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateBands.parse("1,100")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateBands.parse("một")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateBands.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    static Counts counts(long households, long poor, long near) {
        return new Counts(households, poor, near, poor / 2, 0, 0, near / 2, 0, 0, 0, 0);
    }

    @Test
    void resultsByUnitOnBothMapsHaveTheSameTotals() {
        List<Cell> cells = List.of(new Cell(3, null, null, "rural", counts(10, 2, 1)),
                new Cell(4, 14L, null, null, counts(20, 4, 2)),
                new Cell(4, null, 12L, "urban", counts(5, 1, 0)),
                new Cell(4, null, null, "rural", counts(7, 3, 1)),
                new Cell(5, null, null, null, counts(8, 0, 1)));
        Results today = Results.of(MAP, new Placement(MAP, LocalDate.of(2026, 1, 1)), new Selection(MAP, MAP.get(10)), cells);
        assertThat(today.total().all()).isEqualTo(cells.stream().map(Cell::counts).reduce(Counts.ZERO, Counts::plus));
        assertThat(today.total().all().households()).isEqualTo(50L);
        assertThat(today.rows()).extracting(r -> r.key().kind() == Selection.RowKey.Kind.UNIT ? r.key().unit().code() : "?")
                .containsExactly("00001", "00002", "00003", "?");
        assertThat(today.rows().get(1).all().households()).isEqualTo(25);   // village 14 and the register
        assertThat(today.rows().get(1).urban().households()).isEqualTo(5);
        assertThat(today.rows().get(2).urban().households()).isEqualTo(8);  // no area recorded: the urban commune's type
        assertThat(today.rows().get(3).all().households()).isEqualTo(7);    // unplaced, inside the province
        Results own = Results.of(MAP, new Placement(MAP, LocalDate.of(2024, 12, 31)), new Selection(MAP, null), cells);
        assertThat(own.total()).isEqualTo(Results.of(MAP, new Placement(MAP, LocalDate.of(2026, 1, 1)),
                new Selection(MAP, null), cells).total());
        assertThat(own.rows()).hasSize(1);
        assertThat(own.rows().get(0).key().unit().id()).isEqualTo(1L);
        // a commune of the old map: only its own households; a village: only its own
        Results commune = Results.of(MAP, new Placement(MAP, LocalDate.of(2024, 12, 31)), new Selection(MAP, MAP.get(4)), cells);
        assertThat(commune.total().all().households()).isEqualTo(32);
        assertThat(commune.rows()).extracting(r -> r.key().kind()).containsExactly(Selection.RowKey.Kind.NO_VILLAGE);
        Results village = Results.of(MAP, new Placement(MAP, LocalDate.of(2026, 1, 1)), new Selection(MAP, MAP.get(14)), cells);
        assertThat(village.total().all().households()).isEqualTo(20);
    }

    @Test
    void countsRefuseImpossibleFigures() {
        assertThatThrownBy(() -> counts(1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Counts(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Counts.ZERO.poorRate()).isNull();
    }

    @Test
    void filesNeverWriteFormulas() throws Exception {
        ReportTable t = new ReportTable("Bảng", List.of("=cmd|' /C calc'!A0"),
                List.of(new ReportTable.Column(null, "Tên", ReportTable.Kind.TEXT, 20),
                        new ReportTable.Column("Hộ nghèo", "Số hộ", ReportTable.Kind.INTEGER, 10),
                        new ReportTable.Column("Hộ nghèo", "Tỷ lệ", ReportTable.Kind.PERCENT, 10)),
                List.of(new ReportTable.Line(ReportTable.LineType.ROW, List.of("=1+1", 5L, 0.25), null),
                        new ReportTable.Line(ReportTable.LineType.ROW, List.of("@SUM(A1)", 1L, 0.5), null),
                        new ReportTable.Line(ReportTable.LineType.TOTAL, List.of("Tổng cộng", 6L, 0.3), null)),
                List.of("-ghi chú"));
        byte[] xlsx = ReportFiles.xlsx(List.of(t), "Xã A", LocalDate.of(2026, 2, 5),
                new Signature(List.of("Thủ trưởng"), "(Ký)", ""), Locale.forLanguageTag("vi"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            int formulas = 0;
            boolean placeDate = false;
            for (Row row : book.getSheetAt(0)) {
                for (org.apache.poi.ss.usermodel.Cell c : row) {
                    formulas += c.getCellType() == CellType.FORMULA ? 1 : 0;
                    placeDate |= c.getCellType() == CellType.STRING && c.getStringCellValue().equals("Xã A, ngày 05 tháng 02 năm 2026");
                }
            }
            assertThat(formulas).isZero();
            assertThat(placeDate).isTrue();
            assertThat(book.getSheetAt(0).getRow(5).getCell(0).getStringCellValue()).isEqualTo("=1+1");
            assertThat(book.getSheetAt(0).getRow(5).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
        }
        String csv = new String(ReportFiles.csv(List.of(t), Locale.forLanguageTag("vi")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("'=1+1", "'@SUM(A1)", "'-ghi chú", "25.00").doesNotContain(",=1+1");
        assertThat(new ReportFiles.Numbers(Locale.forLanguageTag("vi")).show(0.0523)).isEqualTo("5,23");
        assertThat(new ReportFiles.Numbers(Locale.forLanguageTag("vi")).show(1234567L)).isEqualTo("1.234.567");
        assertThat(new ReportFiles.Numbers(Locale.ENGLISH).show(1234567L)).isEqualTo("1,234,567");
    }
}
