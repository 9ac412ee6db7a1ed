package vn.giamngheo.escape;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.document.WorkbookFingerprint;

/** The escape registrations export looks as it did before it moved onto the workbook builder. */
class EscapeWorkbookSameTest {

    @Test
    void theRegistrationsAndTheUnassigned() throws Exception {
        List<EscapeReport.UnitRow> rows = List.of(
                new EscapeReport.UnitRow("total", null, null, null, null, 10, 6, 4, 8, 2, 5, 3, 2, 4, 2, 1),
                new EscapeReport.UnitRow("commune", "00123", "Xã Tân Lập", null, null, 10, 6, 4, 8, 2, 5, 3, 2, 4, 2, 1),
                new EscapeReport.UnitRow("village", "00123", "Xã Tân Lập", null, null, 3, 2, 1, 3, 3, 0, 0, 0, 0, 0, 0));
        List<HelperRecords.Unassigned> unassigned = List.of(
                new HelperRecords.Unassigned(1, "08", "H001", "Giàng Seo Pủ", "00123", "Xã Tân Lập", "Thôn 1", "poor"),
                new HelperRecords.Unassigned(2, "08", "+H002", "Lò Văn Páo", "00123", "Xã Tân Lập", null, "near_poor"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EscapeWorkbook.write(2027, "Tỉnh Tuyên Quang", rows, unassigned, out);
        WorkbookFingerprint.assertSame("escape-registrations", out.toByteArray());
    }
}
