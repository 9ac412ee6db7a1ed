package vn.giamngheo.task.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputProgressTest {

    private static OutputProgress.Accepted a(String kind, int year, int number, String value) {
        LocalDate end = switch (kind) {
            case "quarter" -> LocalDate.of(year, 3 * number, 1).plusMonths(1).minusDays(1);
            case "half_year" -> LocalDate.of(year, 6, 30);
            case "nine_months" -> LocalDate.of(year, 9, 30);
            default -> LocalDate.of(year, 12, 31);
        };
        return new OutputProgress.Accepted(kind, year, number, end, new BigDecimal(value));
    }

    @Test
    void reachedTakesTheLatestCumulativeFigureOfEachYearAndAddsTheYears() {
        // accepted reports → reached (null: none)
        Object[][] table = {
                {List.of(), null},
                {List.of(a("quarter", 2026, 1, "5")), "5"},
                {List.of(a("quarter", 2026, 1, "5"), a("quarter", 2026, 2, "7")), "12"},
                {List.of(a("half_year", 2026, 1, "20")), "20"},
                // the 6-month figure runs from 1 January: not added to the year's
                {List.of(a("half_year", 2026, 1, "20"), a("year", 2026, 1, "45")), "45"},
                {List.of(a("half_year", 2026, 1, "20"), a("nine_months", 2026, 1, "30")), "30"},
                // a quarter ending after the cumulative report: the quarters are the latest figure
                {List.of(a("half_year", 2026, 1, "20"), a("quarter", 2026, 1, "8"), a("quarter", 2026, 2, "9"),
                        a("quarter", 2026, 3, "6")), "23"},
                // the cumulative report ends with the last quarter: it is taken
                {List.of(a("quarter", 2026, 1, "8"), a("quarter", 2026, 2, "9"), a("half_year", 2026, 1, "18")), "18"},
                // years add up
                {List.of(a("year", 2026, 1, "45"), a("half_year", 2027, 1, "10")), "55"},
        };
        for (Object[] row : table) {
            @SuppressWarnings("unchecked")
            List<OutputProgress.Accepted> accepted = new ArrayList<>((List<OutputProgress.Accepted>) row[0]);
            BigDecimal expected = row[1] == null ? null : new BigDecimal((String) row[1]);
            assertThat(OutputProgress.reached(accepted).orElse(null)).as(accepted.toString()).isEqualTo(expected);
        }
    }

    @Test
    void shareOfTheTarget() {
        Object[][] table = {
                {"25", "100", "25.0"},
                {"1", "3", "33.3"},
                {"150", "100", "150.0"},
                {"5", "0", null},
                {null, "100", null},
                {"5", null, null},
        };
        for (Object[] row : table) {
            BigDecimal value = row[0] == null ? null : new BigDecimal((String) row[0]);
            BigDecimal target = row[1] == null ? null : new BigDecimal((String) row[1]);
            BigDecimal expected = row[2] == null ? null : new BigDecimal((String) row[2]);
            assertThat(OutputProgress.share(value, target)).as(row[0] + "/" + row[1]).isEqualTo(expected);
        }
    }
}
