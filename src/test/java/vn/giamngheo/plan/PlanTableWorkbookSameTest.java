package vn.giamngheo.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.document.WorkbookFingerprint;

/** The plan target table export looks as it did before it moved onto the workbook builder. */
class PlanTableWorkbookSameTest {

    private static Plan plan(long id, String code, String name, String level, Long parent, int households, int poor,
                             int protection, int reduction) {
        return new Plan(id, id, code, name, level, "08", 2027, parent, LocalDate.of(2027, 1, 1), households, poor,
                protection, 0, reduction, 0, null, PlanState.PROPOSED, null, null, 1);
    }

    @Test
    void theCommunesTheTotalAndTheCoverageTargets() throws Exception {
        Plan district = plan(1, "070", "Huyện Yên Sơn", "district", null, 0, 0, 0, 0);
        List<Plan> communes = List.of(
                plan(2, "00123", "Xã Tân Lập", "commune", 1L, 1200, 180, 20, 30),
                plan(3, "00124", "=Xã Trung Sơn", "commune", 1L, 800, 95, 5, 12),
                plan(4, "00125", "Xã Không Hộ", "commune", 1L, 0, 0, 0, 0));
        List<String> headers = List.of("STT", "Mã", "Nhóm", "Chỉ tiêu", "Đầu kỳ", "Hiện tại", "Dự kiến", "Đánh giá");
        List<List<Object>> coverage = List.of(
                List.of(1, "H1", "Nhà ở", new BigDecimal("80.00"), new BigDecimal("62.50"), new BigDecimal("70.25"),
                        new BigDecimal("81.00"), "Đạt"),
                List.of(2, "W1", "Nước sạch", new BigDecimal("90.00"), new BigDecimal("75.00"), new BigDecimal("77.10"),
                        new BigDecimal("85.30"), "Chưa đạt"));
        WorkbookFingerprint.assertSame("plan-table", PlanTableWorkbook.write(district, communes, headers, coverage));
    }

    @Test
    void aCommuneAlone() throws Exception {
        Plan commune = plan(2, "00123", "Xã Tân Lập", "commune", 1L, 1200, 180, 20, 30);
        WorkbookFingerprint.assertSame("plan-table-commune", PlanTableWorkbook.write(commune, List.of()));
    }
}
