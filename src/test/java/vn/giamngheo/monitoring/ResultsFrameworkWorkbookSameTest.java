package vn.giamngheo.monitoring;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.document.WorkbookFingerprint;
import vn.giamngheo.monitoring.rules.Direction;

/** The results framework export looks as it did before it moved onto the workbook builder. */
class ResultsFrameworkWorkbookSameTest {

    private static Indicator indicator(long id, String code, String name, String unit, Direction direction) {
        return new Indicator(id, code, name, name, unit, direction, null, null, (int) id);
    }

    @Test
    void theIndicatorsWithAndWithoutFigures() throws Exception {
        List<MonitoringIndicators.ResultRow> rows = List.of(
                new MonitoringIndicators.ResultRow(indicator(1, "KQ1", "Tỷ lệ hộ nghèo", "percent", Direction.DECREASE),
                        new BigDecimal("12.50"), new BigDecimal("10.00"), new BigDecimal("9.75"), "computed"),
                new MonitoringIndicators.ResultRow(indicator(2, "KQ2", "=Số hộ thoát nghèo", "households", Direction.INCREASE),
                        new BigDecimal("100"), new BigDecimal("150"), new BigDecimal("120"), "reported"),
                new MonitoringIndicators.ResultRow(indicator(3, "KQ3", "Kinh phí giải ngân", "million_vnd", Direction.INCREASE),
                        null, new BigDecimal("5000.5"), null, "none"),
                new MonitoringIndicators.ResultRow(indicator(4, "KQ4", "Số người được đào tạo", "people", Direction.INCREASE),
                        new BigDecimal("3"), null, new BigDecimal("4"), "reported"),
                new MonitoringIndicators.ResultRow(indicator(5, "KQ5", "Số mô hình", "models", Direction.INCREASE),
                        null, null, null, "none"));
        WorkbookFingerprint.assertSame("monitoring-results-framework",
                ResultsFrameworkWorkbook.write("Huyện Yên Sơn", 2027, rows));
    }

    @Test
    void noIndicators() throws Exception {
        WorkbookFingerprint.assertSame("monitoring-results-framework-empty",
                ResultsFrameworkWorkbook.write("Xã Tân Lập", 2026, List.of()));
    }
}
