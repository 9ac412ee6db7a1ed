package vn.giamngheo.support;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.giamngheo.document.WorkbookFingerprint;

/** The gap and leakage lists look as they did before they moved onto the workbook builder. */
class GapWorkbookSameTest {

    private final CoverageReport report = new CoverageReport(
            new CoverageReport.UnitRef(5L, "00123", "commune", "Xã Tân Lập", "08", "/1/5/"),
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), List.of(), true,
            List.of(new CoverageReport.Beneficiary("HEALTH_INSURANCE", 1, "H001", "Giàng Seo Pủ", 2, "Giàng Thị Mỷ", "Thôn 1"),
                    new CoverageReport.Beneficiary("LEGAL_AID", 2, "=H002", "Lò Văn Páo", null, null, null)),
            List.of(new CoverageReport.Beneficiary("LEGAL_AID", 3, "H003", "Hoàng Văn Nam", null, null, "Thôn 2")));

    @Test
    void theGapList() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GapWorkbook.write(report, Map.of("HEALTH_INSURANCE", "Bảo hiểm y tế"), out);
        WorkbookFingerprint.assertSame("support-gap", out.toByteArray());
    }

    @Test
    void theLeakageList() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GapWorkbook.writeLeakage(report, Map.of("LEGAL_AID", "Trợ giúp pháp lý"), out);
        WorkbookFingerprint.assertSame("support-leakage", out.toByteArray());
    }
}
