package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.report.view.NoData;
import vn.giamngheo.report.view.ReportTable;
import vn.giamngheo.report.rules.Unit;
import vn.giamngheo.report.rules.UnitMap;

/**
 * Which communes of a report have a recognised list of its year (decided, an earlier list, none) and how unknown
 * figures are written: the pure rules, no Spring, no database.
 */
class CoverageTest {

    static final LocalDate END = LocalDate.of(2025, 6, 30);
    static final LocalDate START = LocalDate.of(2025, 7, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 31);

    // an old commune 10 split into 11 and 12; 13 and 14 unchanged; 15 a village of 11
    static final UnitMap MAP = new UnitMap(List.of(
            new Unit(1, "01", "province", "Tỉnh", null, "01", null, null, null, "/1/"),
            new Unit(10, "00010", "commune", "Xã Cũ", 1L, "01", "rural", null, END, "/1/10/"),
            new Unit(11, "00011", "commune", "Xã Mười Một", 1L, "01", "rural", START, null, "/1/11/"),
            new Unit(12, "00012", "commune", "Xã Mười Hai", 1L, "01", "rural", START, null, "/1/12/"),
            new Unit(13, "00013", "commune", "Xã Mười Ba", 1L, "01", "urban", null, null, "/1/13/"),
            new Unit(14, "00014", "commune", "Xã Mười Bốn", 1L, "01", "rural", null, null, "/1/14/"),
            new Unit(15, "0001501", "village", "Thôn Một", 11L, "01", null, START, null, "/1/11/15/")),
            List.of(new long[] {10, 11}, new long[] {10, 12}));

    /** Lists: "commune:listYear:fromYear" separated by spaces; expected states of 11, 12, 13, 14 (D, E, N) and list years. */
    @ParameterizedTest(name = "{0} — year {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            // the list of the year itself: decided; none at all: no data
            "11:2026:2026 12:2026:2026 13:2026:2026 14:2026:2026 | 2026 | D2026 D2026 D2026 D2026",
            "11:2026:2026                                         | 2026 | D2026 N N N",
            // an earlier list still counts, said as such; a later list does not count for an earlier year
            "11:2025:2025 11:2026:2026 13:2024:2024               | 2026 | D2026 N E2024 N",
            "11:2025:2025 11:2026:2026 13:2024:2024               | 2025 | D2025 N E2024 N",
            "11:2027:2027                                         | 2026 | N N N N",
            // a list decided in December for the next year is in force only from that year
            "13:2027:2027 13:2026:2026                            | 2026 | N N D2026 N",
            // the old commune's list covers both its parts on today's map
            "10:2025:2025                                         | 2026 | E2025 E2025 N N",
            "10:2025:2025 12:2026:2026                            | 2026 | E2025 D2026 N N",
            // nothing decided anywhere
            "                                                     | 2026 | N N N N",
    })
    void statesOfTheCommunes(String lists, int year, String expected) {
        Coverage c = Coverage.of(year, MAP, TODAY, List.of(14L, 13L, 12L, 11L), rows(lists));
        List<String> states = new ArrayList<>();
        for (Coverage.CommuneState s : c.communes()) {
            states.add(switch (s.state()) {
                case DECIDED -> "D" + s.listYear();
                case EARLIER -> "E" + s.listYear();
                case NONE -> "N";
            });
        }
        assertThat(c.communes()).extracting(s -> s.commune().id()).containsExactly(11L, 12L, 13L, 14L);
        assertThat(String.join(" ", states)).isEqualTo(expected);
        long decided = Arrays.stream(expected.split(" ")).filter(s -> s.startsWith("D")).count();
        long none = Arrays.stream(expected.split(" ")).filter(s -> s.equals("N")).count();
        assertThat(c.count(Coverage.State.DECIDED)).isEqualTo(decided);
        assertThat(c.count(Coverage.State.NONE)).isEqualTo(none);
        assertThat(c.hasData()).isEqualTo(none < 4);
        assertThat(c.complete()).isEqualTo(decided == 4);
        assertThat(c.mixed()).isEqualTo(decided > 0 && decided < 4);
        assertThat(c.undecided()).hasSize(4 - (int) decided);
    }

    @Test
    void aUnitHasDataWhenACommuneUnderItHasAList() {
        Coverage c = Coverage.of(2026, MAP, TODAY, List.of(11L, 13L), rows("11:2026:2026"));
        assertThat(c.hasData(MAP.get(1))).isTrue();     // the province
        assertThat(c.hasData(MAP.get(11))).isTrue();
        assertThat(c.hasData(MAP.get(15))).isTrue();    // a village of a commune with a list
        assertThat(c.hasData(MAP.get(13))).isFalse();
        assertThat(c.hasData(MAP.get(14))).isFalse();   // not even counted
        Coverage none = Coverage.of(2026, MAP, TODAY, List.of(11L, 13L), List.of());
        assertThat(none.hasData(MAP.get(1))).isFalse();
        assertThat(none.hasData()).isFalse();
        assertThat(Coverage.of(2026, MAP, TODAY, List.of(11L, 13L, 14L), rows("13:2024:2024 14:2025:2025 11:2025:2025"))
                .earlierYears()).isEqualTo(Map.of(2024, 1, 2025, 2));
    }

    @Test
    void unknownFiguresAreEmptiedAndSaidNotZeroed() {
        List<ReportTable.Column> cols = List.of(new ReportTable.Column(null, "STT", ReportTable.Kind.CENTERED, 5),
                new ReportTable.Column(null, "Đơn vị", ReportTable.Kind.TEXT, 20),
                new ReportTable.Column(null, "Số hộ", ReportTable.Kind.INTEGER, 10),
                new ReportTable.Column("Hộ nghèo", "Số hộ", ReportTable.Kind.INTEGER, 10),
                new ReportTable.Column("Hộ nghèo", "Tỷ lệ", ReportTable.Kind.PERCENT, 10));
        ReportTable t = new ReportTable("Kết quả", List.of(), cols, List.of(ReportTable.Line.section("I"),
                new ReportTable.Line(ReportTable.LineType.ROW, List.of("1", "Xã Mười Một", 10L, 2L, 0.2), 11L),
                new ReportTable.Line(ReportTable.LineType.ROW, List.of("2", "Xã Mười Ba", 7L, 0L, 0.0), 13L),
                new ReportTable.Line(ReportTable.LineType.TOTAL, List.of("", "Tổng cộng", 17L, 2L, 2.0 / 17), null)), List.of());
        ReportTable said = NoData.blank(t, line -> Long.valueOf(13).equals(line.unitId()), 3, "chưa có số liệu");
        assertThat(said.lines().get(1).values()).containsExactly("1", "Xã Mười Một", 10L, 2L, 0.2);
        assertThat(said.lines().get(2).values()).containsExactly("2", "Xã Mười Ba", 7L, "chưa có số liệu", null);
        assertThat(said.lines().get(3).values()).containsExactly("", "Tổng cộng", 17L, 2L, 2.0 / 17);
        ReportTable api = NoData.blank(t, line -> line.type() != ReportTable.LineType.SECTION, 3, null);
        assertThat(api.lines().get(3).values()).containsExactly("", "Tổng cộng", 17L, null, null);
        assertThat(NoData.blank(t, line -> false, 3, "x")).isSameAs(t);
    }

    private static List<Coverage.ListRow> rows(String text) {
        List<Coverage.ListRow> rows = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return rows;
        }
        for (String part : text.strip().split("\\s+")) {
            String[] p = part.split(":");
            rows.add(new Coverage.ListRow(Long.parseLong(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])));
        }
        return rows;
    }
}
